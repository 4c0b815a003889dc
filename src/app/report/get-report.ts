import type { Config } from '../../config';
import type { LocalizedText, ReportGetPayload, ReportGetResult } from '../../contracts';
import { dayNumberOf, dayOfNumber, localDayOf } from '../../domain/incident/local-day';
import { buildReport, dimsFromCellKey, emptyRollup, MAX_REPORT_DAYS, ReportFilterSchema, ReportPeriodSchema, type PeriodReport, type ReportRollup, type RollupDims } from '../../domain/report';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { SLA_PROPERTY_KEY, SlaSummarySchema } from '../sla/sla-summary';
import { incidentDimsOf, reportFieldIds, reportTimeZoneOf, type IncidentDims } from './incident-facts-of';
import { incidentsJql } from './rebuild-rollups';
import type { ReportRollupStore } from './report-rollup-port';

/**
 * The `report/get` use case: the report of a period from the stored rollups (KVS reads O(days): the
 * period plus the days after it up to today, which the backlog at the period's end needs), and at most
 * two Jira calls AS THE VIEWER on top of the resolver's browse check:
 * - when the project has restricted (security) incidents: one approximate count of the restricted
 *   incidents the viewer can see; they are counted only when the viewer sees all of them (the rollups
 *   keep restricted incidents in their own cells, so including them is all or nothing). Jira decides
 *   visibility, so issue security schemes, groups and roles are honoured without the app re-implementing them;
 * - when something was breached in the period: one JQL page of currently breached incidents (with the
 *   SLA summary property and the assignee), filtered to the period and the report's filter in memory.
 */

export interface ReportReaderDeps {
  readonly store: ReportRollupStore;
  /** Jira as the viewing user. */
  readonly asUser: IssueGateway;
  /** `/search/approximate-count` as the viewing user. */
  readonly countAsUser: (jql: string) => Promise<number>;
  readonly now: () => number;
}

export interface GetReportInput {
  readonly projectKey: string;
  readonly payload: ReportGetPayload;
  readonly config: Config;
  readonly catalog: SiteCatalog | null;
}

export type GetReportOutcome =
  | { readonly ok: true; readonly result: ReportGetResult }
  | { readonly ok: false; readonly fieldErrors: readonly { readonly path: string; readonly message: LocalizedText }[] };

const PERIOD_MESSAGES: Record<string, LocalizedText> = {
  order: { ja: '期間の終了日が開始日より前です。', en: 'The period must not end before it starts.' },
  length: { ja: `期間は最大 ${String(MAX_REPORT_DAYS)} 日です。`, en: `A period is at most ${String(MAX_REPORT_DAYS)} days.` },
  date: { ja: '実在する日付を YYYY-MM-DD の形で指定してください。', en: 'Give a real date written YYYY-MM-DD.' },
};

function periodErrors(payload: ReportGetPayload): GetReportOutcome | null {
  const parsed = ReportPeriodSchema.safeParse(payload.period);
  if (parsed.success) return null;
  return {
    ok: false,
    fieldErrors: parsed.error.issues.map((i) => {
      const path = ['period', ...i.path.map(String)].join('.');
      const msg = i.message.includes('before') ? PERIOD_MESSAGES['order'] : i.message.includes('at most') ? PERIOD_MESSAGES['length'] : PERIOD_MESSAGES['date'];
      return { path, message: msg ?? { ja: '期間が正しくありません。', en: 'The period is not valid.' } };
    }),
  };
}

const addDays = (day: string, n: number): string => dayOfNumber((dayNumberOf(day) ?? 0) + n);
const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Labels of SLA metrics by id, from the config's policies (first policy naming the id wins). */
function metricLabels(config: Config): Map<string, LocalizedText> {
  const out = new Map<string, LocalizedText>();
  for (const p of config.slaPolicies) for (const m of p.metrics) if (!out.has(m.id)) out.set(m.id, { ja: m.labels.ja, en: m.labels.en });
  return out;
}

function admitsDims(filter: ReportGetPayload['filter'], d: IncidentDims): boolean {
  const ok = (list: readonly (string | null)[] | undefined, v: string | null): boolean => list === undefined || list.length === 0 || list.includes(v);
  return ok(filter?.kinds, d.kind) && ok(filter?.priorities, d.priority) && ok(filter?.services, d.service) && ok(filter?.categories, d.category) && ok(filter?.teams, d.team);
}

/** Values per dimension in the loaded cells (restricted cells only when the viewer may see them). */
function optionsOf(rollup: ReportRollup, includeRestricted: boolean): ReportGetResult['options'] {
  const sets = { kinds: new Set<string>(), priorities: new Set<string>(), services: new Set<string>(), categories: new Set<string>(), teams: new Set<string>() };
  const seen = new Set<string>();
  const add = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const d: RollupDims | null = dimsFromCellKey(key);
    if (d === null || (d.restricted && !includeRestricted)) return;
    if (d.kind !== null) sets.kinds.add(d.kind);
    if (d.priority !== null) sets.priorities.add(d.priority);
    if (d.service !== null) sets.services.add(d.service);
    if (d.category !== null) sets.categories.add(d.category);
    if (d.team !== null) sets.teams.add(d.team);
  };
  for (const key of Object.keys(rollup.open)) add(key);
  for (const cells of Object.values(rollup.days)) for (const key of Object.keys(cells)) add(key);
  const sorted = (s: Set<string>): string[] => [...s].sort();
  return { kinds: sorted(sets.kinds), priorities: sorted(sets.priorities), services: sorted(sets.services), categories: sorted(sets.categories), teams: sorted(sets.teams) };
}

/** Jira priority names of the filter's levels, when every chosen value maps to one (else no JQL clause). */
function priorityClause(config: Config, priorities: readonly (string | null)[] | undefined): string {
  if (priorities === undefined || priorities.length === 0) return '';
  const names: string[] = [];
  for (const p of priorities) {
    if (p === null) return '';
    names.push(config.priorityLevels.find((l) => l.id === p)?.jiraPriorityName ?? p);
  }
  return ` AND priority in (${names.map(q).join(', ')})`;
}

interface DrilldownInput {
  readonly projectKey: string;
  readonly incidentType: string | null;
  readonly from: string;
  readonly to: string;
  readonly includeRestricted: boolean;
  readonly config: Config;
  readonly payload: ReportGetPayload;
}

/**
 * Drill-down JQL. Jira reads dates in the viewer's time zone, so the bounds are the report's local days
 * only when the viewer's zone is the report's (the page states the report zone).
 */
function drilldownOf(i: DrilldownInput): ReportGetResult['drilldown'] {
  const base =
    (i.incidentType === null ? `project = ${q(i.projectKey)}` : incidentsJql(i.projectKey, i.incidentType)) +
    (i.includeRestricted ? '' : ' AND level IS EMPTY') +
    priorityClause(i.config, i.payload.filter?.priorities);
  const end = addDays(i.to, 1);
  const within = (field: string): string => `${field} >= ${q(i.from)} AND ${field} < ${q(end)}`;
  return {
    opened: `${base} AND ${within('created')} ORDER BY created DESC`,
    closed: `${base} AND ${within('resolved')} ORDER BY resolved DESC`,
    breached: `${base} AND incidentSlaBreached = "true" AND (${within('incidentSlaResponseDue')} OR ${within('incidentSlaResolutionDue')}) ORDER BY created DESC`,
  };
}

interface BreachedInput {
  readonly projectKey: string;
  readonly incidentType: string;
  readonly catalog: SiteCatalog;
  readonly config: Config;
  readonly payload: ReportGetPayload;
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  readonly includeRestricted: boolean;
  readonly limit: number;
}

const AssigneeSchemaLike = (raw: unknown): { accountId: string; displayName: string } | null => {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as { accountId?: unknown; displayName?: unknown };
  if (typeof r.accountId !== 'string') return null;
  return { accountId: r.accountId, displayName: typeof r.displayName === 'string' ? r.displayName : r.accountId };
};

/** Metric ids whose current cycle breached within the period (local days of the report zone). */
function breachedMetricsIn(issue: IssueSnapshot, timeZone: string, from: string, to: string): string[] {
  const summary = SlaSummarySchema.safeParse(issue.properties[SLA_PROPERTY_KEY]);
  if (!summary.success) return [];
  const out: string[] = [];
  for (const [metricId, m] of Object.entries(summary.data.byMetric)) {
    if (!m.breached) continue;
    // Same instant the rollup counts the breach on: the stop of a breached cycle, else its breach.
    const at = m.state === 'breached' ? (m.stoppedAt ?? m.breachAt) : m.breachAt;
    if (at === null) continue;
    const day = localDayOf(Date.parse(at), timeZone);
    if (day >= from && day <= to) out.push(metricId);
  }
  return out.sort();
}

async function breachedIncidents(deps: ReportReaderDeps, i: BreachedInput): Promise<ReportGetResult['breachedIncidents']> {
  // The margins absorb the viewer's time zone (Jira reads JQL dates in it); the period is checked exactly below.
  const lo = q(addDays(i.from, -1));
  const hi = q(addDays(i.to, 2));
  const jql =
    `${incidentsJql(i.projectKey, i.incidentType)} AND incidentSlaBreached = "true" AND created < ${hi}` +
    ` AND (updated >= ${lo} OR incidentSlaResponseDue >= ${lo} OR incidentSlaResolutionDue >= ${lo})` +
    (i.includeRestricted ? '' : ' AND level IS EMPTY') +
    ' ORDER BY created DESC';
  const page = await deps.asUser.searchJql({ jql, maxResults: 100, fields: reportFieldIds(i.catalog), properties: [SLA_PROPERTY_KEY] });
  const out: ReportGetResult['breachedIncidents'] = [];
  for (const issue of page.issues) {
    if (out.length >= i.limit) break;
    const dims = incidentDimsOf(issue, i.config, i.catalog);
    if (dims.restricted && !i.includeRestricted) continue;
    if (!admitsDims(i.payload.filter, dims)) continue;
    const metrics = breachedMetricsIn(issue, i.timeZone, i.from, i.to);
    if (metrics.length === 0) continue;
    out.push({
      key: issue.key,
      summary: issue.summary,
      priority: issue.priority?.name ?? null,
      assignee: AssigneeSchemaLike(issue.fields['assignee']),
      metrics,
      status: issue.status.name,
    });
  }
  return out;
}

/**
 * @example
 * await getReport(deps, { projectKey: 'INC', payload: { period: { from: '2026-03-01', to: '2026-03-31' } }, config, catalog })
 * // { ok: true, result: { totals: { opened: 42, closed: 37, openAtEnd: 9, recurringOpened: 4 }, sla: [...], breachedIncidents: [...], ... } }
 */
export async function getReport(deps: ReportReaderDeps, input: GetReportInput): Promise<GetReportOutcome> {
  const { projectKey, payload, config, catalog } = input;
  const invalid = periodErrors(payload);
  if (invalid !== null) return invalid;
  const { from, to } = payload.period;
  const incidentType = catalog?.issueTypes.incident ?? null;

  const head = (await deps.store.loadHead(projectKey)).value;
  const timeZone = head?.timeZone ?? reportTimeZoneOf(config);

  // Nothing restricted: nothing to hide. Otherwise the viewer must see every restricted incident.
  let includeRestricted = true;
  if (head !== null && head.restricted > 0) {
    includeRestricted = incidentType !== null && (await deps.countAsUser(`${incidentsJql(projectKey, incidentType)} AND level IS NOT EMPTY`)) >= head.restricted;
  }

  const today = localDayOf(deps.now(), timeZone);
  const last = today > to ? today : to;
  const days: string[] = [];
  const lastN = dayNumberOf(last) ?? 0;
  for (let n = dayNumberOf(from) ?? 0; n <= lastN; n++) days.push(dayOfNumber(n));
  const rollup: ReportRollup = { ...emptyRollup(timeZone), open: head?.open ?? {} };
  if (head !== null) {
    for (const [day, rec] of await deps.store.loadDays(projectKey, days)) if (rec.value !== null) rollup.days[day] = rec.value;
  }

  const filter = ReportFilterSchema.parse({ ...(payload.filter ?? {}), includeRestricted, topProblems: payload.topProblems ?? 10 });
  const report: PeriodReport = buildReport(rollup, ReportPeriodSchema.parse({ from, to }), filter);
  const labels = metricLabels(config);
  const breachedTotal = report.sla.reduce((n, s) => n + s.breached, 0);
  const limit = payload.breachedLimit ?? 50;

  const breached =
    breachedTotal > 0 && limit > 0 && incidentType !== null && catalog !== null
      ? await breachedIncidents(deps, { projectKey, incidentType, catalog, config, payload, timeZone, from, to, includeRestricted, limit })
      : [];

  const result: ReportGetResult = {
    period: { from: report.period.from, to: report.period.to, days: report.period.days },
    timeZone,
    totals: { ...report.totals },
    trend: report.trend.map((t) => ({ ...t })),
    sla: report.sla.map((s) => {
      const label = labels.get(s.metricId);
      return { ...s, ...(label === undefined ? {} : { label }) };
    }),
    complianceFormula: { ...report.complianceFormula },
    mtta: { ...report.mtta },
    mttr: { ...report.mttr },
    frequency: {
      byKind: [...report.frequency.byKind],
      byPriority: [...report.frequency.byPriority],
      byService: [...report.frequency.byService],
      byCategory: [...report.frequency.byCategory],
      byTeam: [...report.frequency.byTeam],
    },
    recurrenceRate: report.recurrenceRate,
    topProblems: report.topProblems.map((p) => ({ ...p })),
    breachedIncidents: breached,
    restrictedIncluded: includeRestricted,
    options: optionsOf(rollup, includeRestricted),
    drilldown: drilldownOf({ projectKey, incidentType, from, to, includeRestricted, config, payload }),
    asOf: head?.updatedAt ?? null,
  };
  return { ok: true, result };
}
