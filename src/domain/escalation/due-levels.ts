import type { BusinessCalendar } from '../calendar/business-calendar';
import type { SlaCycle, SlaEvaluation, SlaMetricResult } from '../sla/sla-result';
import type { EscalationAction, EscalationLadder, EscalationLevel, EscalationTrigger } from './escalation-schema';

/**
 * Which escalation levels are due for one issue, and when the next one will be. Pure: the caller
 * passes the SLA evaluation (as of its `evaluatedAt`), the ladders, the set of levels already fired and
 * `now`; running cycles are projected forward from `evaluatedAt` to `now` on their own calendar.
 *
 * Only open cycles (running or paused) escalate: a cycle that stopped (met, breached and resolved,
 * cancelled by a reset) is history, and escalating a closed issue would only be noise.
 */

/** Identifies one firing: a level of a ladder for one cycle of one metric of one issue. */
export interface EscalationFiringRef {
  readonly issueId: string;
  readonly metricId: string;
  readonly cycle: number;
  readonly ladderId: string;
  readonly levelId: string;
}

/** A level that is due now. */
export interface DueEscalation extends EscalationFiringRef {
  readonly issueKey: string;
  readonly metricKind: SlaMetricResult['kind'];
  /** The elapsed business ms at which the level fires. */
  readonly thresholdMs: number;
  readonly level: EscalationLevel;
  readonly actions: readonly EscalationAction[];
  /** The ledger key of this firing (see {@link firingKey}). */
  readonly key: string;
}

/** The issue's priority as the ladders may name it: level id (P1..) and/or Jira priority name. */
export interface IssuePriorityRef {
  readonly levelId: string | null;
  readonly jiraName: string | null;
}

export interface EscalationInput {
  readonly issueId: string;
  readonly priority: IssuePriorityRef;
  readonly evaluation: SlaEvaluation;
  readonly ladders: readonly EscalationLadder[];
  /** Ledger keys of firings already recorded (pending or done), see {@link firingKey}. */
  readonly fired: ReadonlySet<string>;
  /** Calendars by id, to project running cycles and find the next due instant. */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  readonly now: number;
}

export interface EscalationPlan {
  /** Levels due at `now` and not yet fired, ordered by (metric order, cycle, threshold, level order). */
  readonly due: readonly DueEscalation[];
  /** The earliest instant after `now` at which another level becomes due; null when none can (paused, stopped, no goal). */
  readonly nextDueAt: number | null;
  /** Per metric id: the earliest future instant a level of that metric becomes due (absent: none). */
  readonly nextDueByMetric: ReadonlyMap<string, number>;
}

/**
 * The ledger key of one firing. Stable across runs, and within the KVS key alphabet (ids are
 * `[A-Za-z0-9_-]`, issue ids digits).
 *
 * @example
 * firingKey({ issueId: '10001', metricId: 'ttr', cycle: 0, ladderId: 'p1', levelId: 'half' }) // '10001:ttr:0:p1:half'
 */
export function firingKey(ref: EscalationFiringRef): string {
  return `${ref.issueId}:${ref.metricId}:${String(ref.cycle)}:${ref.ladderId}:${ref.levelId}`;
}

/**
 * The elapsed business ms at which a trigger fires for a goal.
 *
 * @example
 * thresholdMs({ kind: 'percent-of-goal', percent: 75 }, 3_600_000) // 2_700_000
 * thresholdMs({ kind: 'before-breach', minutes: 90 }, 3_600_000)   // 0 (goal shorter than the lead: fires at the start)
 * thresholdMs({ kind: 'after-breach', minutes: 30 }, 3_600_000)    // 5_400_000
 */
export function thresholdMs(trigger: EscalationTrigger, goalMs: number): number {
  switch (trigger.kind) {
    case 'percent-of-goal':
      return Math.round((goalMs * trigger.percent) / 100);
    case 'before-breach':
      return Math.max(0, goalMs - trigger.minutes * 60_000);
    case 'after-breach':
      return goalMs + trigger.minutes * 60_000;
  }
}

const lower = (s: string): string => s.toLowerCase();

/**
 * The first ladder covering this metric and priority (ladders name metric ids or kinds, and priority
 * level ids or Jira priority names, case-insensitively; an empty list matches all).
 *
 * @example
 * ladderFor([p1Ladder, anyLadder], { metricId: 'ttr', kind: 'time-to-resolution' }, { levelId: 'P3', jiraName: 'Medium' }) === anyLadder
 */
export function ladderFor(
  ladders: readonly EscalationLadder[],
  metric: Pick<SlaMetricResult, 'metricId' | 'kind'>,
  priority: IssuePriorityRef,
): EscalationLadder | null {
  const names = [priority.levelId, priority.jiraName].filter((n): n is string => n !== null).map(lower);
  for (const ladder of ladders) {
    const metrics = ladder.when.metrics.map(lower);
    if (metrics.length > 0 && !metrics.includes(lower(metric.metricId)) && !metrics.includes(metric.kind)) continue;
    const priorities = ladder.when.priorities.map(lower);
    if (priorities.length > 0 && !names.some((n) => priorities.includes(n))) continue;
    return ladder;
  }
  return null;
}

/** Elapsed business ms of a cycle at `now` (running cycles advance on their calendar; others stand still). */
function elapsedAt(cycle: SlaCycle, evaluatedAt: number, now: number, calendars: ReadonlyMap<string, BusinessCalendar>): number {
  if (cycle.state !== 'running' || now <= evaluatedAt) return cycle.elapsedMs;
  const calendar = calendars.get(cycle.calendarId);
  // Without its calendar the cycle cannot be projected; counting wall time would escalate at night.
  return calendar === undefined ? cycle.elapsedMs : cycle.elapsedMs + calendar.between(evaluatedAt, now);
}

const isOpen = (cycle: SlaCycle): boolean => cycle.state === 'running' || cycle.state === 'paused';

/**
 * Plans the escalations of one issue at `now`: the levels due and not yet fired, and when the next
 * one will be due.
 *
 * @example
 * // Resolution goal 4 business hours, running for 3h05m at now; ladder levels at 50 %, 75 % and 100 %.
 * planEscalations({ issueId: '10001', priority: { levelId: 'P2', jiraName: 'High' }, evaluation, ladders: [ladder],
 *   fired: new Set(['10001:ttr:0:std:half']), calendars, now })
 * // { due: [{ levelId: 'three-quarters', key: '10001:ttr:0:std:three-quarters', thresholdMs: 10_800_000, ... }],
 * //   nextDueAt: now + 55 business minutes (the 100 % level), nextDueByMetric: Map { 'ttr' => the same instant } }
 */
export function planEscalations(input: EscalationInput): EscalationPlan {
  const { evaluation, calendars, now } = input;
  const due: DueEscalation[] = [];
  let nextDueAt: number | null = null;
  const nextDueByMetric = new Map<string, number>();
  for (const metric of evaluation.metrics) {
    const ladder = ladderFor(input.ladders, metric, input.priority);
    if (ladder === null) continue;
    for (const cycle of metric.cycles) {
      if (!isOpen(cycle) || cycle.goalMs === null) continue;
      const elapsed = elapsedAt(cycle, evaluation.evaluatedAt, now, calendars);
      const pending: { level: EscalationLevel; threshold: number; order: number }[] = [];
      ladder.levels.forEach((level, order) => pending.push({ level, threshold: thresholdMs(level.trigger, cycle.goalMs ?? 0), order }));
      pending.sort((a, b) => a.threshold - b.threshold || a.order - b.order);
      for (const { level, threshold } of pending) {
        const ref = { issueId: input.issueId, metricId: metric.metricId, cycle: cycle.index, ladderId: ladder.id, levelId: level.id };
        const key = firingKey(ref);
        if (input.fired.has(key)) continue;
        if (elapsed >= threshold) {
          due.push({ ...ref, issueKey: evaluation.issueKey, metricKind: metric.kind, thresholdMs: threshold, level, actions: level.actions, key });
          continue;
        }
        if (cycle.state !== 'running') continue;
        const calendar = calendars.get(cycle.calendarId);
        if (calendar === undefined) continue;
        const at = calendar.add(Math.max(now, evaluation.evaluatedAt), threshold - elapsed);
        if (!at.ok) continue;
        if (nextDueAt === null || at.value < nextDueAt) nextDueAt = at.value;
        const byMetric = nextDueByMetric.get(metric.metricId);
        if (byMetric === undefined || at.value < byMetric) nextDueByMetric.set(metric.metricId, at.value);
      }
    }
  }
  return { due, nextDueAt, nextDueByMetric };
}
