import { EscalationLaddersSchema, planEscalations, type EscalationLadder } from '../../domain/escalation';
import type { SlaCycle, SlaEvaluation } from '../../domain/sla';

type SlaMetricResult = SlaEvaluation['metrics'][number];
import type { Config } from '../../config';
import type { IssueSlaView } from '../escalation/run-escalations';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SlaTimer } from '../ports/sla-timer-store';

/**
 * Which SLA timer records an issue should have now: one per metric whose current cycle is open and has
 * something left to happen (an escalation level not fired yet, or the breach itself). `dueAt` is `now`
 * when a level is already due but not fired (the next sweep fires it), else the earliest future
 * instant. Same rule as the sweep's own rescheduling, so events and sweeps agree.
 */

export function laddersOf(config: Config): EscalationLadder[] {
  const parsed = EscalationLaddersSchema.safeParse(config.escalationLadders);
  return parsed.success ? parsed.data : [];
}

/** The current cycle if it is still open (running or paused), else null. */
export const openCycle = (cycles: readonly SlaCycle[]): SlaCycle | null => {
  const last = cycles.at(-1);
  return last !== undefined && (last.state === 'running' || last.state === 'paused') ? last : null;
};

/**
 * @example
 * planTimers(issue, view, config, new Set(), now) // [{ metricId: 'resolution', dueAt: <50 % of goal>, ... }]
 */
export function planTimers(issue: IssueSnapshot, view: IssueSlaView | null, config: Config, fired: ReadonlySet<string>, now: number): SlaTimer[] {
  if (view === null) return [];
  const plan = planEscalations({ issueId: issue.id, priority: view.priority, evaluation: view.evaluation, ladders: laddersOf(config), fired, calendars: view.calendars, now });
  const dueNow = new Set(plan.due.map((d) => d.metricId));
  const timers: SlaTimer[] = [];
  for (const metric of view.evaluation.metrics) {
    const cycle = openCycle(metric.cycles);
    if (cycle === null) continue;
    const candidates: number[] = [];
    if (dueNow.has(metric.metricId)) candidates.push(now);
    const next = plan.nextDueByMetric.get(metric.metricId);
    if (next !== undefined) candidates.push(next);
    if (cycle.breachAt !== null && cycle.breachAt > now) candidates.push(cycle.breachAt);
    if (candidates.length === 0) continue;
    timers.push(timerRecord(issue, view, metric, cycle, Math.min(...candidates)));
  }
  return timers;
}

/** Whether two timers differ in anything but the evaluation instant and the elapsed time it implies. */
export function sameTimer(a: SlaTimer, b: SlaTimer): boolean {
  // A timer already due (dueAt at or before its evaluation) is picked up by the sweep whichever past instant it
  // holds, so rewriting one past dueAt with another is a write that changes nothing.
  const bothDue = a.dueAt <= a.evaluatedAt && b.dueAt <= b.evaluatedAt;
  const strip = (t: SlaTimer) => ({
    ...t,
    evaluatedAt: 0,
    dueAt: bothDue ? 0 : t.dueAt,
    elapsedMs: t.state === 'running' ? 0 : t.elapsedMs,
  });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** The stored timer for one metric's open cycle, due at `dueAt`; shared by event-time planning and the sweep's rescheduling. */
export function timerRecord(issue: IssueSnapshot, view: IssueSlaView, metric: SlaMetricResult, cycle: SlaCycle, dueAt: number): SlaTimer {
  return {
    schemaVersion: 1,
    projectKey: issue.projectKey,
    issueId: issue.id,
    issueKey: issue.key,
    metricId: metric.metricId,
    metricKind: metric.kind,
    cycle: cycle.index,
    policyId: cycle.policyId,
    policyVersion: cycle.policyVersion,
    state: cycle.state === 'paused' ? 'paused' : 'running',
    priority: view.priority.levelId,
    startedAt: cycle.startedAt,
    goalMs: cycle.goalMs,
    elapsedMs: cycle.elapsedMs,
    breachAt: cycle.breachAt,
    calendarId: cycle.calendarId,
    evaluatedAt: view.evaluation.evaluatedAt,
    dueAt,
  };
}
