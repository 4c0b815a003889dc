import * as z from 'zod/mini';
import { ReportGetPayloadSchema } from '../../../../src/contracts/report';
import type { ReportFilterView, ReportGetPayload, ReportGetResult } from '../../../../src/contracts/report';
import type { Period } from './period';

/** The filter dimensions, in the order the page shows them; each names its payload list and result options. */
export const DIMENSIONS = [
  { id: 'kind', list: 'kinds', frequency: 'byKind' },
  { id: 'priority', list: 'priorities', frequency: 'byPriority' },
  { id: 'service', list: 'services', frequency: 'byService' },
  { id: 'category', list: 'categories', frequency: 'byCategory' },
  { id: 'team', list: 'teams', frequency: 'byTeam' },
] as const;

export type Dimension = (typeof DIMENSIONS)[number];
export type DimensionId = Dimension['id'];
export type DimensionList = Dimension['list'];

/** What the user picked per dimension; `null` stands for "no value". Empty = every value. */
export type FilterSelection = { readonly [L in DimensionList]: readonly (string | null)[] };

export const NO_FILTER: FilterSelection = { kinds: [], priorities: [], services: [], categories: [], teams: [] };

/**
 * Adds or removes one value of one dimension (a new selection; the old is left as it was).
 *
 * @example toggleValue(NO_FILTER, 'kinds', 'failure').kinds // ['failure']
 */
export function toggleValue(selection: FilterSelection, list: DimensionList, value: string | null): FilterSelection {
  const current = selection[list];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...selection, [list]: next };
}

export function selectedCount(selection: FilterSelection): number {
  return DIMENSIONS.reduce((n, d) => n + selection[d.list].length, 0);
}

/** The filter as the contract wants it: only the dimensions with a choice (an empty list would mean "all" anyway). */
export function filterView(selection: FilterSelection): ReportFilterView {
  const out: { -readonly [L in DimensionList]?: (string | null)[] } = {};
  for (const d of DIMENSIONS) if (selection[d.list].length > 0) out[d.list] = [...selection[d.list]];
  return out;
}

/** The choices a dimension offers: every value the backend has seen, the ones still selected, then "no value". */
export function optionsOf(result: ReportGetResult | null, selection: FilterSelection, dim: Dimension): (string | null)[] {
  const seen = result?.options[dim.list] ?? [];
  const extra = selection[dim.list].filter((v): v is string => v !== null && !seen.includes(v));
  return [...seen, ...extra, null];
}

export const TOP_PROBLEMS = 10;
export const BREACHED_LIMIT = 50;

/**
 * The `report/get` payload, checked against the contract before it is sent (a bad one is a bug here,
 * and the message says which field).
 *
 * @example reportPayload('INC', { from: '2026-03-01', to: '2026-03-31' }, NO_FILTER).period // { from: '2026-03-01', to: '2026-03-31' }
 */
export function reportPayload(projectKey: string | null, period: Period, selection: FilterSelection): ReportGetPayload {
  const filter = filterView(selection);
  const payload = {
    ...(projectKey === null ? {} : { projectKey }),
    period: { from: period.from, to: period.to },
    ...(Object.keys(filter).length === 0 ? {} : { filter }),
    topProblems: TOP_PROBLEMS,
    breachedLimit: BREACHED_LIMIT,
  };
  const parsed = z.safeParse(ReportGetPayloadSchema, payload);
  if (!parsed.success) throw new Error(`report/get payload: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** True when nothing at all happened in the period for this filter (the page shows its empty state). */
export function isEmptyReport(result: ReportGetResult): boolean {
  const { opened, closed } = result.totals;
  return opened === 0 && closed === 0 && result.breachedIncidents.length === 0 && result.sla.every((s) => s.met + s.breached + s.running + s.paused === 0);
}

/** An issue search URL for a JQL query (Jira's issue navigator; relative, so the bridge resolves it to the site). */
export function issueSearchUrl(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}
