import { z } from 'zod';
import { MS_PER_DAY } from '../calendar/civil-date';
import { compareIncidents, compareIssueKeys, type ProblemIncident } from './problem-incident';

/**
 * Recurrence: incidents that hit the same service and/or category within N days of each other. An
 * incident is recurring when an earlier one of its group lies within the window; chains of such
 * incidents (each within N days of the previous) form one cluster, and a cluster of at least
 * `minIncidents` gets a problem suggestion. Incidents without a value for a matched dimension are
 * never grouped: "unknown service" is not a shared cause.
 */

export const RecurrenceRuleSchema = z.object({
  windowDays: z.number().int().min(1).max(365),
  matchOn: z.enum(['service', 'category', 'service-and-category']),
  minIncidents: z.number().int().min(2).max(100).optional().default(2),
});
export type RecurrenceRule = z.infer<typeof RecurrenceRuleSchema>;
export type RecurrenceRuleInput = z.input<typeof RecurrenceRuleSchema>;

export interface RecurrenceGroupKey {
  readonly service: string | null;
  readonly category: string | null;
}

/**
 * What to do about a cluster: create a problem from all its incidents, link the unlinked ones to the
 * problem most of the cluster already belongs to, or nothing when every incident is already linked to
 * that one problem.
 */
export type ProblemSuggestion =
  | { readonly type: 'create-problem'; readonly incidentKeys: readonly string[] }
  | { readonly type: 'link-to-problem'; readonly problemKey: string; readonly incidentKeys: readonly string[] }
  | { readonly type: 'already-linked'; readonly problemKey: string };

export interface RecurrenceCluster {
  readonly group: RecurrenceGroupKey;
  /** Chronological. */
  readonly incidentKeys: readonly string[];
  readonly earliest: number;
  readonly latest: number;
  readonly suggestion: ProblemSuggestion;
}

export interface RecurrenceAnalysis {
  /** Keys of recurring incidents (an earlier incident of the same group within the window), chronological. */
  readonly recurring: readonly string[];
  /** For each recurring incident, the closest earlier one it recurs after. */
  readonly recursAfter: Readonly<Record<string, string>>;
  /** Clusters of at least `minIncidents`, by earliest incident then group. */
  readonly clusters: readonly RecurrenceCluster[];
}

/**
 * The group an incident belongs to under a rule, or null when the rule's dimension is unknown.
 *
 * @example recurrenceGroupOf({ service: 'pay', category: 'db' }, 'service') // { service: 'pay', category: null }
 */
export function recurrenceGroupOf(incident: Pick<ProblemIncident, 'service' | 'category'>, matchOn: RecurrenceRule['matchOn']): RecurrenceGroupKey | null {
  switch (matchOn) {
    case 'service':
      return incident.service === null ? null : { service: incident.service, category: null };
    case 'category':
      return incident.category === null ? null : { service: null, category: incident.category };
    case 'service-and-category':
      return incident.service === null || incident.category === null ? null : { service: incident.service, category: incident.category };
  }
}

const groupId = (g: RecurrenceGroupKey): string => JSON.stringify([g.service, g.category]);

function suggestionFor(members: readonly ProblemIncident[]): ProblemSuggestion {
  const counts = new Map<string, number>();
  for (const m of members) if (m.problemKey !== null) counts.set(m.problemKey, (counts.get(m.problemKey) ?? 0) + 1);
  if (counts.size === 0) return { type: 'create-problem', incidentKeys: members.map((m) => m.key) };
  const [problemKey] = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareIssueKeys(a[0], b[0]))[0] ?? ['', 0];
  const unlinked = members.filter((m) => m.problemKey === null).map((m) => m.key);
  // Incidents linked to another problem stay there: moving them is a human decision.
  if (unlinked.length === 0) return { type: 'already-linked', problemKey };
  return { type: 'link-to-problem', problemKey, incidentKeys: unlinked };
}

/**
 * Flags recurring incidents and suggests problems for clusters. Input order does not matter.
 *
 * @example
 * const day = 86_400_000;
 * analyseRecurrence([
 *   { key: 'OPS-1', createdAt: 0, service: 'pay', ... }, { key: 'OPS-2', createdAt: 3 * day, service: 'pay', ... },
 *   { key: 'OPS-3', createdAt: 20 * day, service: 'pay', ... },
 * ], { windowDays: 7, matchOn: 'service', minIncidents: 2 })
 * // { recurring: ['OPS-2'], recursAfter: { 'OPS-2': 'OPS-1' },
 * //   clusters: [{ group: { service: 'pay', category: null }, incidentKeys: ['OPS-1', 'OPS-2'], earliest: 0, latest: 3 * day,
 * //                suggestion: { type: 'create-problem', incidentKeys: ['OPS-1', 'OPS-2'] } }] }
 */
export function analyseRecurrence(incidents: readonly ProblemIncident[], rule: RecurrenceRule): RecurrenceAnalysis {
  const windowMs = rule.windowDays * MS_PER_DAY;
  const groups = new Map<string, { key: RecurrenceGroupKey; members: ProblemIncident[] }>();
  const seen = new Set<string>();
  for (const incident of incidents) {
    if (seen.has(incident.key)) continue;
    seen.add(incident.key);
    const key = recurrenceGroupOf(incident, rule.matchOn);
    if (key === null) continue;
    const id = groupId(key);
    const g = groups.get(id) ?? { key, members: [] };
    g.members.push(incident);
    groups.set(id, g);
  }
  const recurring: ProblemIncident[] = [];
  const recursAfter: Record<string, string> = {};
  const clusters: RecurrenceCluster[] = [];
  for (const { key, members } of groups.values()) {
    members.sort(compareIncidents);
    let current: ProblemIncident[] = [];
    const flush = (): void => {
      const first = current[0];
      const last = current[current.length - 1];
      if (current.length >= rule.minIncidents && first !== undefined && last !== undefined) {
        clusters.push({ group: key, incidentKeys: current.map((m) => m.key), earliest: first.createdAt, latest: last.createdAt, suggestion: suggestionFor(current) });
      }
      current = [];
    };
    let previous: ProblemIncident | undefined;
    for (const m of members) {
      if (previous !== undefined && m.createdAt - previous.createdAt <= windowMs) {
        recurring.push(m);
        recursAfter[m.key] = previous.key;
      } else {
        flush();
      }
      current.push(m);
      previous = m;
    }
    flush();
  }
  recurring.sort(compareIncidents);
  clusters.sort((a, b) => a.earliest - b.earliest || (groupId(a.group) < groupId(b.group) ? -1 : groupId(a.group) > groupId(b.group) ? 1 : 0));
  return { recurring: recurring.map((r) => r.key), recursAfter, clusters };
}

export interface IntakeRecurrence {
  readonly recurring: boolean;
  /** Earlier incidents of the same group within the window, most recent first. */
  readonly previous: readonly { readonly key: string; readonly createdAt: number; readonly problemKey: string | null }[];
  /** The problem most of those are linked to (ties: lowest key), to offer linking at intake. */
  readonly suggestedProblemKey: string | null;
}

/**
 * Recurrence check for one new incident against past ones (e.g. when it is created).
 *
 * @example
 * recurrenceAtIntake({ key: 'OPS-9', createdAt: 10 * day, service: 'pay', ... }, [{ key: 'OPS-1', createdAt: 5 * day, service: 'pay', problemKey: 'PRB-1', ... }],
 *   { windowDays: 7, matchOn: 'service', minIncidents: 2 })
 * // { recurring: true, previous: [{ key: 'OPS-1', createdAt: 5 * day, problemKey: 'PRB-1' }], suggestedProblemKey: 'PRB-1' }
 */
export function recurrenceAtIntake(incident: ProblemIncident, history: readonly ProblemIncident[], rule: RecurrenceRule): IntakeRecurrence {
  const group = recurrenceGroupOf(incident, rule.matchOn);
  if (group === null) return { recurring: false, previous: [], suggestedProblemKey: null };
  const id = groupId(group);
  const windowMs = rule.windowDays * MS_PER_DAY;
  const previous = history
    .filter((h) => h.key !== incident.key && h.createdAt <= incident.createdAt && incident.createdAt - h.createdAt <= windowMs)
    .filter((h) => {
      const g = recurrenceGroupOf(h, rule.matchOn);
      return g !== null && groupId(g) === id;
    })
    .sort((a, b) => compareIncidents(b, a));
  const unique = previous.filter((p, i) => previous.findIndex((q) => q.key === p.key) === i);
  const counts = new Map<string, number>();
  for (const p of unique) if (p.problemKey !== null) counts.set(p.problemKey, (counts.get(p.problemKey) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareIssueKeys(a[0], b[0]))[0];
  return {
    recurring: unique.length > 0,
    previous: unique.map((p) => ({ key: p.key, createdAt: p.createdAt, problemKey: p.problemKey })),
    suggestedProblemKey: best === undefined ? null : best[0],
  };
}

export interface ProblemIncidents {
  readonly problemKey: string;
  readonly count: number;
  readonly openCount: number;
  /** Chronological. */
  readonly incidents: readonly { readonly key: string; readonly createdAt: number; readonly status: string | null; readonly open: boolean }[];
}

/**
 * Per problem, its linked incidents and their count; most incidents first, then problem key.
 *
 * @example
 * incidentsByProblem([{ key: 'OPS-2', problemKey: 'PRB-1', statusCategory: 'done', ... }, { key: 'OPS-1', problemKey: 'PRB-1', statusCategory: 'new', ... }])
 * // [{ problemKey: 'PRB-1', count: 2, openCount: 1, incidents: [OPS-1 ..., OPS-2 ...] }]
 */
export function incidentsByProblem(incidents: readonly ProblemIncident[]): ProblemIncidents[] {
  const by = new Map<string, ProblemIncident[]>();
  const seen = new Set<string>();
  for (const i of incidents) {
    if (i.problemKey === null || seen.has(i.key)) continue;
    seen.add(i.key);
    const list = by.get(i.problemKey) ?? [];
    list.push(i);
    by.set(i.problemKey, list);
  }
  return [...by.entries()]
    .map(([problemKey, list]) => {
      list.sort(compareIncidents);
      return {
        problemKey,
        count: list.length,
        openCount: list.filter((i) => i.statusCategory !== 'done').length,
        incidents: list.map((i) => ({ key: i.key, createdAt: i.createdAt, status: i.status, open: i.statusCategory !== 'done' })),
      };
    })
    .sort((a, b) => b.count - a.count || compareIssueKeys(a.problemKey, b.problemKey));
}
