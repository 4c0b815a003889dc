import type { Config, RecurrenceMatch } from '../../config';
import { compareIncidents, compareIssueKeys, draftProblemFromIncidents, recurrenceAtIntake, type ProblemIncident, type RecurrenceRule } from '../../domain/problem';
import type { IncidentEventHook, IncidentHookInput } from '../issue-events/handle-issue-event';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import { problemIncidentFields, problemIncidentOf } from './problem-incident-of';
import { RECURRENCE_MAX_RELATED, RECURRENCE_PROPERTY_KEY, type RecurrenceProperty } from './problem-properties';

/**
 * Recurrence at intake: when an incident is created, look for earlier incidents of the same affected
 * service and/or category within the configured window (ONE search as the app, the most recent 100 of
 * the window), and when there are enough, label the incident and store `incident-desk-recurrence` with
 * the related keys and a drafted problem, so the issue panel can offer "create a problem".
 *
 * Runs only on a created event whose incident has no recurrence property yet, so updates cost nothing
 * and a duplicated created event of a flagged incident costs nothing either. REST calls: 0 when it
 * does not apply; 1 search; + 1 property PUT + 1 label edit when the incident recurs.
 */

export type RecurrenceOutcome =
  | { readonly kind: 'skipped'; readonly reason: 'not-created' | 'already-checked' | 'no-service-or-category' }
  | { readonly kind: 'not-recurring'; readonly related: number }
  | {
      readonly kind: 'flagged';
      readonly relatedKeys: readonly string[];
      readonly labelAdded: boolean;
      /** The incident with the label and property applied, for the hooks after this one (report rollups). */
      readonly snapshot: IssueSnapshot;
    };

/** Incidents of the window fetched at most (one search page). */
export const RECURRENCE_SEARCH_LIMIT = 100;

const matchesOf = (by: RecurrenceMatch): RecurrenceRule['matchOn'][] => (by === 'service-or-category' ? ['service', 'category'] : [by]);

/** The search for recent incidents of the project; one day of slack, the window is applied exactly afterwards. */
export function recurrenceJql(projectKey: string, incidentTypeId: string, windowDays: number): string {
  return `project = "${projectKey}" AND issuetype = ${incidentTypeId} AND created >= "-${String(windowDays + 1)}d" ORDER BY created DESC`;
}

/**
 * Earlier incidents related to `incident` under the config's rule(s), most recent first, and the problem
 * most of them are linked to.
 *
 * @example relatedIncidents(inc, history, { windowDays: 30, minIncidents: 2, by: 'service-or-category' })
 * // { related: [{ key: 'INC-3', ... }], suggestedProblemKey: 'INC-1' }
 */
export function relatedIncidents(
  incident: ProblemIncident,
  history: readonly ProblemIncident[],
  rule: Config['problemManagement']['recurrence'],
): { related: ProblemIncident[]; suggestedProblemKey: string | null } {
  const byKey = new Map(history.map((h) => [h.key, h]));
  const related = new Map<string, ProblemIncident>();
  for (const matchOn of matchesOf(rule.by)) {
    const found = recurrenceAtIntake(incident, history, { windowDays: rule.windowDays, matchOn, minIncidents: rule.minIncidents });
    for (const p of found.previous) {
      const h = byKey.get(p.key);
      if (h !== undefined) related.set(h.key, h);
    }
  }
  const list = [...related.values()].sort((a, b) => compareIncidents(b, a));
  const counts = new Map<string, number>();
  for (const r of list) if (r.problemKey !== null) counts.set(r.problemKey, (counts.get(r.problemKey) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareIssueKeys(a[0], b[0]))[0];
  return { related: list, suggestedProblemKey: best === undefined ? null : best[0] };
}

export async function checkRecurrence(deps: { readonly gateway: IssueGateway }, input: IncidentHookInput): Promise<RecurrenceOutcome> {
  const { event, issue, config, catalog, now } = input;
  if (event.eventType !== 'avi:jira:created:issue') return { kind: 'skipped', reason: 'not-created' };
  if (issue.properties[RECURRENCE_PROPERTY_KEY] !== undefined) return { kind: 'skipped', reason: 'already-checked' };
  const incident = problemIncidentOf(issue, catalog);
  const rule = config.problemManagement.recurrence;
  const incidentType = catalog.issueTypes.incident;
  const dims = matchesOf(rule.by);
  const hasDimension = dims.some((d) => (d === 'service' ? incident.service !== null : d === 'category' ? incident.category !== null : false));
  if (incidentType === null || !hasDimension) return { kind: 'skipped', reason: 'no-service-or-category' };

  const page = await deps.gateway.searchJql({
    jql: recurrenceJql(issue.projectKey, incidentType, rule.windowDays),
    fields: problemIncidentFields(catalog),
    maxResults: RECURRENCE_SEARCH_LIMIT,
  });
  const history = page.issues.filter((h) => h.key !== issue.key).map((h) => problemIncidentOf(h, catalog));
  const { related, suggestedProblemKey } = relatedIncidents(incident, history, rule);
  if (related.length + 1 < rule.minIncidents) return { kind: 'not-recurring', related: related.length };

  const timeZone = config.calendars[0]?.timeZone ?? 'Asia/Tokyo';
  const draft = draftProblemFromIncidents([incident, ...related], timeZone);
  const property: RecurrenceProperty = {
    schemaVersion: 1,
    recurring: true,
    by: rule.by,
    windowDays: rule.windowDays,
    relatedKeys: related.slice(0, RECURRENCE_MAX_RELATED).map((r) => r.key),
    suggestedProblemKey,
    suggestion:
      incident.problemKey !== null || !draft.ok
        ? null
        : { summary: draft.value.summary, incidentKeys: draft.value.incidentKeys.slice(-(RECURRENCE_MAX_RELATED + 1)) },
    linkedProblemKey: incident.problemKey,
    checkedAt: now,
  };
  await deps.gateway.setProperty(issue.id, RECURRENCE_PROPERTY_KEY, property);
  const label = config.problemManagement.autoLabel;
  const labelAdded = !issue.labels.includes(label);
  if (labelAdded) await deps.gateway.editIssue(issue.id, { update: { labels: [{ add: label }] } });
  const snapshot: IssueSnapshot = {
    ...issue,
    labels: labelAdded ? [...issue.labels, label] : issue.labels,
    properties: { ...issue.properties, [RECURRENCE_PROPERTY_KEY]: property },
  };
  return { kind: 'flagged', relatedKeys: property.relatedKeys, labelAdded, snapshot };
}

/** The incident hook (register in src/forge/wiring.ts issueEventDeps, before the hooks that read the recurrence flag). */
export function recurrenceHook(): IncidentEventHook {
  return {
    name: 'recurrence',
    fields: problemIncidentFields,
    properties: [RECURRENCE_PROPERTY_KEY],
    // The search goes out at once; the property and label join the event's one PUT /issue.
    run: (input) => checkRecurrence({ gateway: input.gateway }, input),
  };
}
