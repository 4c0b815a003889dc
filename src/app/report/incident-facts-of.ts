import type { Config } from '../../config';
import { businessMsBetween, type BusinessCalendar, type CalendarDefinition } from '../../domain/calendar';
import { IncidentFactsSchema, slaFactsFromEvaluation, type IncidentFacts } from '../../domain/report';
import { parseJiraInstant, type SlaEvaluation } from '../../domain/sla';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { calendarsOf, priorityRefOf } from '../sla/evaluate-issue-sla';
import { optionLevelId } from '../sla/option-levels';
import { isAgentComment } from '../sla/snapshot-history';

/**
 * The facts the report counts for one incident, from the snapshot the event path fetched once (full
 * changelog and comments), its SLA evaluation, the project's catalog and config. No REST call.
 *
 * Where each dimension comes from (all on the snapshot, so zero extra calls per event):
 * - kind: the incident kind select field (option -> config kind id);
 * - priority: the config priority level of Jira's priority (P1..), else the Jira priority name;
 * - service: the "Affected service" field (text, or an option's value);
 * - category: the first of the issue's Jira components by name (Jira's own categorisation), else a
 *   `category-<name>` / `category:<name>` label;
 * - team: a `team-<name>` / `team:<name>` label (the assignee's group would cost a REST call per event);
 * - restricted: the issue has a security level;
 * - recurring: the recurrence feature's property `incident-desk-recurrence` says so, or the config's
 *   recurrence label is on the issue (absent = not recurring);
 * - problemKey: the property `incident-desk-problem` (a key, or `{ problemKey }` / `{ key }`).
 */

export const RECURRENCE_PROPERTY_KEY = 'incident-desk-recurrence';
export const PROBLEM_PROPERTY_KEY = 'incident-desk-problem';

/** Fields the facts need on a snapshot beyond the event path's own. */
export function reportFieldIds(catalog: SiteCatalog): string[] {
  const ids = ['components', 'resolutiondate', 'labels', 'security', 'assignee'];
  for (const f of [catalog.fields.affectedService, catalog.fields.incidentKind]) if (typeof f === 'string') ids.push(f);
  return ids;
}

/** Issue properties the facts read. */
export const REPORT_PROPERTY_KEYS: readonly string[] = [RECURRENCE_PROPERTY_KEY, PROBLEM_PROPERTY_KEY];

/**
 * The calendar reports count local days in: the first SLA policy's calendar (fixed, or its fallback),
 * else the first calendar; null when the config has none (days are then UTC days).
 *
 * @example reportCalendarOf(defaultConfig())?.timeZone // 'Asia/Tokyo'
 */
export function reportCalendarOf(config: Config): CalendarDefinition | null {
  const rule = config.slaPolicies[0]?.calendar;
  const id = rule === undefined ? undefined : rule.kind === 'fixed' ? rule.calendarId : rule.fallbackCalendarId;
  return config.calendars.find((c) => c.id === id) ?? config.calendars[0] ?? null;
}

/** The report's time zone for a config. */
export const reportTimeZoneOf = (config: Config): string => reportCalendarOf(config)?.timeZone ?? 'UTC';

const text = (raw: unknown): string | null => {
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (raw !== null && typeof raw === 'object') {
    const r = raw as { value?: unknown; name?: unknown };
    if (typeof r.value === 'string') return text(r.value);
    if (typeof r.name === 'string') return text(r.name);
  }
  return null;
};

function firstComponent(raw: unknown): string | null {
  if (!Array.isArray(raw)) return null;
  const names = raw.map(text).filter((n): n is string => n !== null);
  names.sort();
  return names[0] ?? null;
}

/** The first (by name) value of the labels `<prefix>-<value>` / `<prefix>:<value>`. */
function labelValue(labels: readonly string[], prefix: 'team' | 'category'): string | null {
  const pattern = new RegExp(`^${prefix}[-:](.+)$`, 'i');
  const values = labels.flatMap((l) => {
    const m = pattern.exec(l);
    return m?.[1] === undefined ? [] : [m[1]];
  });
  values.sort();
  return values[0] ?? null;
}

/** The recurrence label of the config, read leniently (settings before v4 have none). */
function recurrenceLabelOf(config: Config): string | null {
  const pm = (config as { problemManagement?: { autoLabel?: unknown } }).problemManagement;
  return typeof pm?.autoLabel === 'string' ? pm.autoLabel : null;
}

function recurringOf(issue: IssueSnapshot, config: Config): boolean {
  const p = issue.properties[RECURRENCE_PROPERTY_KEY];
  if (p === true || p === 'true') return true;
  if (p !== null && typeof p === 'object') {
    const r = (p as { recurring?: unknown }).recurring;
    if (r === true || r === 'true') return true;
    if (r === false || r === 'false') return false;
  }
  const label = recurrenceLabelOf(config);
  return label !== null && issue.labels.includes(label);
}

function problemKeyOf(issue: IssueSnapshot): string | null {
  const p = issue.properties[PROBLEM_PROPERTY_KEY];
  if (typeof p === 'string') return text(p);
  if (p !== null && typeof p === 'object') {
    const r = p as { problemKey?: unknown; key?: unknown };
    return text(r.problemKey) ?? text(r.key);
  }
  return null;
}

export interface IncidentDims {
  readonly kind: string | null;
  readonly priority: string | null;
  readonly service: string | null;
  readonly category: string | null;
  readonly team: string | null;
  readonly restricted: boolean;
}

/**
 * The report dimensions of an issue (also used to filter a JQL page of breached incidents).
 *
 * @example incidentDimsOf(issue, config, catalog) // { kind: 'failure', priority: 'P2', service: '決済API', category: 'db', team: 'ops', restricted: false }
 */
export function incidentDimsOf(issue: IssueSnapshot, config: Config, catalog: SiteCatalog): IncidentDims {
  const kindField = catalog.fields.incidentKind;
  const serviceField = catalog.fields.affectedService;
  const ref = priorityRefOf(issue, config);
  return {
    kind: kindField === null ? null : optionLevelId(issue.fields[kindField], catalog.options.incidentKind, config.incidentKinds),
    priority: ref.levelId ?? ref.jiraName,
    service: serviceField === null ? null : text(issue.fields[serviceField]),
    category: firstComponent(issue.fields['components']) ?? labelValue(issue.labels, 'category'),
    team: labelValue(issue.labels, 'team'),
    restricted: issue.securityLevel !== null,
  };
}

/** When the incident was resolved: Jira's resolution date, else the last change that resolved it. */
function resolvedAtOf(issue: IssueSnapshot): number | null {
  const done = issue.resolution !== null || issue.status.category === 'done';
  if (!done) return null;
  const raw = issue.fields['resolutiondate'];
  if (typeof raw === 'string') {
    const at = parseJiraInstant(raw);
    if (at !== null) return at;
  }
  let last: number | null = null;
  for (const entry of issue.changelog ?? []) {
    for (const item of entry.items) {
      const resolves = (item.field.toLowerCase() === 'resolution' && item.to !== null) || (item.field.toLowerCase() === 'status' && issue.resolution === null);
      if (resolves && (last === null || entry.created > last)) last = entry.created;
    }
  }
  return last ?? issue.updated;
}

/** First response: the first-response metric's first stop, else the first agent comment. */
function acknowledgedAtOf(issue: IssueSnapshot, evaluation: SlaEvaluation | null, catalog: SiteCatalog): number | null {
  const response = evaluation?.metrics.find((m) => m.kind === 'time-to-first-response');
  const stopped = response?.cycles.find((c) => c.endedBy === 'stop' && c.stoppedAt !== null);
  if (stopped?.stoppedAt !== undefined && stopped.stoppedAt !== null) return stopped.stoppedAt;
  const first = (issue.comments ?? []).filter((c) => isAgentComment(c.author, issue, catalog)).sort((a, b) => a.created - b.created)[0];
  return first?.created ?? null;
}

/** The calendar of the incident's SLA (its resolution cycle's calendar), else the report calendar. */
function businessCalendarOf(evaluation: SlaEvaluation | null, config: Config): BusinessCalendar | null {
  const calendars = calendarsOf(config);
  const cycle = evaluation?.metrics.find((m) => m.kind === 'time-to-resolution')?.cycles.at(-1) ?? evaluation?.metrics[0]?.cycles.at(-1);
  const id = cycle?.calendarId ?? reportCalendarOf(config)?.id;
  return id === undefined ? null : (calendars.get(id) ?? null);
}

export interface IncidentFactsInput {
  readonly issue: IssueSnapshot;
  /** The SLA evaluation of the same snapshot; null when no policy applies. */
  readonly evaluation: SlaEvaluation | null;
  readonly config: Config;
  readonly catalog: SiteCatalog;
}

/**
 * @example
 * incidentFactsOf({ issue, evaluation, config, catalog })
 * // { key: 'INC-7', createdAt: 1772409600000, acknowledgedAt: 1772410800000, resolvedAt: null, kind: 'failure', priority: 'P2', ..., sla: [{ metricId: 'first-response', state: 'met', at: 1772410800000 }, ...] }
 */
export function incidentFactsOf(input: IncidentFactsInput): IncidentFacts {
  const { issue, evaluation, config, catalog } = input;
  const dims = incidentDimsOf(issue, config, catalog);
  const createdAt = issue.created;
  const acknowledgedAt = acknowledgedAtOf(issue, evaluation, catalog);
  const resolvedAt = resolvedAtOf(issue);
  const calendar = businessCalendarOf(evaluation, config);
  const business = (end: number | null): number | null => (end === null || calendar === null || end < createdAt ? null : businessMsBetween(calendar, createdAt, end));
  return IncidentFactsSchema.parse({
    key: issue.key,
    createdAt,
    acknowledgedAt,
    resolvedAt,
    businessMsToAcknowledge: business(acknowledgedAt),
    businessMsToResolve: business(resolvedAt),
    ...dims,
    recurring: recurringOf(issue, config),
    problemKey: problemKeyOf(issue),
    sla: evaluation === null ? [] : slaFactsFromEvaluation(evaluation),
  });
}
