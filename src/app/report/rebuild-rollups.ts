import { z } from 'zod';
import type { Config } from '../../config';
import { rollupFromScratch, type IncidentFacts, type ReportRollup } from '../../domain/report';
import type { IssueGateway } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { evaluateIssueSla } from '../sla/evaluate-issue-sla';
import { SLA_PROPERTY_KEY } from '../sla/sla-summary';
import { incidentFactsOf, REPORT_PROPERTY_KEYS, reportFieldIds, reportTimeZoneOf } from './incident-facts-of';
import { REPORT_HEAD_SCHEMA_VERSION, type ReportRollupStore, type RollupHead } from './report-rollup-port';
import { updateRollups } from './update-rollups';

/**
 * Rollups from scratch: page JQL over every incident of the project (ids only), fetch each one with its
 * full changelog and comments (the facts need the SLA history), derive the facts exactly as the event
 * hook does, and roll them up in one pass. For install/upgrade backfills and for verification (the
 * incremental rollups must equal this). Cost: 1 search call per 100 incidents + 1 GET per incident
 * (+ changelog pages beyond 100 entries); run it from a long-running function or in slices.
 */

export interface RebuildRollupsDeps {
  /** Jira as the app (sees every incident, restricted ones included). */
  readonly gateway: IssueGateway;
  readonly store: ReportRollupStore;
  /** Parallel GETs (default 4). */
  readonly concurrency?: number;
}

export interface RebuildRollupsInput {
  readonly projectKey: string;
  readonly config: Config;
  readonly catalog: SiteCatalog;
  readonly now: number;
}

export interface ComputedRollups {
  readonly rollup: ReportRollup;
  /** By issue id. */
  readonly facts: ReadonlyMap<string, IncidentFacts>;
  readonly head: RollupHead;
}

/** JQL of every incident of a project (issue type by id, so renamed types still match). */
export function incidentsJql(projectKey: string, incidentTypeId: string): string {
  return `project = "${projectKey}" AND issuetype = ${incidentTypeId}`;
}

/**
 * The facts of the given issues, fetched as the app with `concurrency` parallel GETs (by issue id; null
 * for an issue that is gone or no longer an incident).
 */
async function factsOfIncidents(deps: Omit<RebuildRollupsDeps, 'store'>, input: RebuildRollupsInput, ids: readonly string[]): Promise<Map<string, IncidentFacts | null>> {
  const { config, catalog, now } = input;
  const incidentType = catalog.issueTypes.incident;
  const fields = [...new Set([...reportFieldIds(catalog), ...[catalog.fields.impact, catalog.fields.urgency, catalog.fields.incidentKind].filter((f): f is string => typeof f === 'string')])];
  const properties = [SLA_PROPERTY_KEY, ...REPORT_PROPERTY_KEYS];
  const out = new Map<string, IncidentFacts | null>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++];
      if (id === undefined) break;
      const issue = await deps.gateway.getIssue(id, { changelog: true, comments: true, fields, properties });
      if (issue === null || issue.issueType.id !== incidentType) {
        out.set(id, null);
        continue;
      }
      const view = evaluateIssueSla(issue, config, catalog, now);
      out.set(id, incidentFactsOf({ issue, evaluation: view?.evaluation ?? null, config, catalog }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  return out;
}

/** Every incident's facts and the rollup they make (reads only). */
export async function computeRollupsFromJira(deps: Omit<RebuildRollupsDeps, 'store'>, input: RebuildRollupsInput): Promise<ComputedRollups> {
  const { projectKey, config, catalog, now } = input;
  const incidentType = catalog.issueTypes.incident;
  const timeZone = reportTimeZoneOf(config);
  const facts = new Map<string, IncidentFacts>();
  if (incidentType !== null) {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await deps.gateway.searchJql({ jql: `${incidentsJql(projectKey, incidentType)} ORDER BY created ASC`, maxResults: 100, ...(token === undefined ? {} : { nextPageToken: token }) });
      for (const issue of page.issues) ids.push(issue.id);
      token = page.nextPageToken ?? undefined;
    } while (token !== undefined);
    for (const [id, f] of await factsOfIncidents(deps, input, ids)) if (f !== null) facts.set(id, f);
  }
  return rollupsOfFacts(facts, timeZone, now);
}

/**
 * The rollups, head and facts records a set of incidents' facts make (by issue id; pure apart from the
 * sort), exactly what a rebuild stores.
 *
 * @example rollupsOfFacts(new Map([['10001', facts]]), 'Asia/Tokyo', now).head.incidents // 1
 */
export function rollupsOfFacts(facts: ReadonlyMap<string, IncidentFacts>, timeZone: string, now: number): ComputedRollups {
  const ordered = [...facts.entries()].sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  const rollup = rollupFromScratch(
    ordered.map(([, f]) => f),
    timeZone,
  );
  const head: RollupHead = {
    schemaVersion: REPORT_HEAD_SCHEMA_VERSION,
    timeZone,
    open: rollup.open,
    restricted: ordered.filter(([, f]) => f.restricted).length,
    incidents: ordered.length,
    updatedAt: now,
  };
  return { rollup, facts: new Map(ordered), head };
}

/** Recomputes and replaces a project's rollups; returns what was written. */
export async function rebuildRollups(deps: RebuildRollupsDeps, input: RebuildRollupsInput): Promise<ComputedRollups> {
  const computed = await computeRollupsFromJira(deps, input);
  await deps.store.replace({ projectKey: input.projectKey, head: computed.head, days: computed.rollup.days, facts: computed.facts });
  return computed;
}

export const RebuildCursorSchema = z.object({
  schemaVersion: z.literal(1),
  /**
   * `reset`: the project's rollup records are being deleted (a page per step); `scan`: incidents are being
   * added back one by one through the versioned update, page by page of JQL.
   */
  phase: z.enum(['reset', 'scan']),
  /** The JQL page token of the page being scanned (null: the first page). */
  pageToken: z.string().nullable(),
  /** Incidents of that page already applied (a resumed slice skips them). */
  done: z.number().int().nonnegative(),
  /** Incidents applied so far, and those left for later because they touch too many days for one commit. */
  applied: z.number().int().nonnegative(),
  tooManyDays: z.array(z.string()).max(100),
  startedAt: z.number().int(),
});
export type RebuildCursor = z.infer<typeof RebuildCursorSchema>;

export interface RebuildSliceDeps extends RebuildRollupsDeps {
  /** True once the slice should stop and hand back its cursor (checked before each step). */
  readonly outOfTime: () => boolean;
  /** Records deleted per reset step (default 25). */
  readonly resetPage?: number;
  /** Incidents per JQL page (1..100, default 100). */
  readonly scanPage?: number;
}

export type RebuildSliceOutcome =
  | { readonly kind: 'more'; readonly cursor: RebuildCursor }
  | { readonly kind: 'done'; readonly applied: number; readonly tooManyDays: readonly string[] };

const SCAN_PAGE = 100;

/**
 * One slice of a rebuild that fits any time budget: pass `null` to start, then the returned cursor (a
 * small JSON value the caller keeps, e.g. in KVS) until the outcome is `done`. The slice first marks the
 * head `resetting` (updates then skip: the scan adds every incident back from Jira) and deletes the
 * project's day records and facts a page at a time; then it clears the mark and walks the incidents by JQL
 * page (token + position in the page), applying each one's facts through `updateRollups`, the same
 * versioned commit the triggers use, so events arriving during the scan are never lost and an incident
 * applied twice (a slice cut mid-page) changes nothing. Rollups end equal to `rebuildRollups` (integer sums from empty; an incident
 * touching more days than one commit holds is listed in `tooManyDays` for a one-shot rebuild).
 * While it runs, reports show the incidents applied so far (none while resetting).
 *
 * @example
 * let c: RebuildCursor | null = null;
 * for (;;) { const r = await rebuildRollupsSlice(deps, input, c); if (r.kind === 'done') break; c = r.cursor; }
 */
export async function rebuildRollupsSlice(deps: RebuildSliceDeps, input: RebuildRollupsInput, cursor: RebuildCursor | null): Promise<RebuildSliceOutcome> {
  let c: RebuildCursor = cursor ?? { schemaVersion: 1, phase: 'reset', pageToken: null, done: 0, applied: 0, tooManyDays: [], startedAt: input.now };
  const incidentType = input.catalog.issueTypes.incident;
  const timeZone = reportTimeZoneOf(input.config);
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const emptyHead = (resetting: boolean): RollupHead => ({
    schemaVersion: REPORT_HEAD_SCHEMA_VERSION,
    timeZone,
    open: {},
    restricted: 0,
    incidents: 0,
    updatedAt: input.now,
    ...(resetting ? { resetting: true as const } : {}),
  });
  // Updates stop before the first record goes, so none lands half on deleted, half on kept records.
  if (cursor === null) await deps.store.overwriteHead(input.projectKey, emptyHead(true));
  while (c.phase === 'reset') {
    if (deps.outOfTime()) return { kind: 'more', cursor: c };
    const deleted = await deps.store.clearPage(input.projectKey, deps.resetPage ?? 25);
    if (deleted === 0) {
      // Nothing counted is left: updates may go on, each one versioned against the scan's.
      await deps.store.overwriteHead(input.projectKey, emptyHead(false));
      c = { ...c, phase: 'scan' };
    }
  }
  if (incidentType === null) return { kind: 'done', applied: c.applied, tooManyDays: c.tooManyDays };
  for (;;) {
    if (deps.outOfTime()) return { kind: 'more', cursor: c };
    const page = await deps.gateway.searchJql({
      jql: `${incidentsJql(input.projectKey, incidentType)} ORDER BY created ASC`,
      maxResults: Math.max(1, Math.min(SCAN_PAGE, deps.scanPage ?? SCAN_PAGE)),
      ...(c.pageToken === null ? {} : { nextPageToken: c.pageToken }),
    });
    const ids = page.issues.map((i) => i.id);
    while (c.done < ids.length) {
      if (deps.outOfTime()) return { kind: 'more', cursor: c };
      const chunk = ids.slice(c.done, c.done + concurrency);
      const facts = await factsOfIncidents(deps, input, chunk);
      let applied = 0;
      const tooMany: string[] = [];
      for (const id of chunk) {
        const f = facts.get(id) ?? null;
        // Gone since the search: not counted (its facts were cleared in the reset).
        if (f === null) continue;
        const outcome = await updateRollups(deps, { projectKey: input.projectKey, issueId: id, facts: f, timeZone, now: input.now });
        if (outcome.kind === 'too-many-days') tooMany.push(id);
        else if (outcome.kind === 'rebuilding') throw new Error('report rollups: another rebuild reset the project during this one');
        else applied += 1;
      }
      c = { ...c, done: c.done + chunk.length, applied: c.applied + applied, tooManyDays: [...c.tooManyDays, ...tooMany].slice(0, 100) };
    }
    const token = page.nextPageToken ?? null;
    if (token === null) return { kind: 'done', applied: c.applied, tooManyDays: c.tooManyDays };
    c = { ...c, pageToken: token, done: 0 };
  }
}
