import type { IssueHistory } from './issue-history';
import type { SlaContext, SlaResult } from './sla-clock';
import { compileSlaPolicy, evaluateSla } from './sla-clock';
import type { SlaPolicy } from './sla-policy';
import type { SlaCycle, SlaEvaluation } from './sla-result';

/**
 * Preview of applying a new policy version: every issue is replayed under the old and the new policy
 * and each cycle compared, so the admin sees e.g. which met SLAs would become breached before applying.
 */

/** A cycle's outcome as the admin reads it; `none` when the cycle does not exist under that policy. */
export type SlaOutcome = 'met' | 'breached' | 'on-track' | 'cancelled' | 'none';

export interface SlaCycleSnapshot {
  readonly state: SlaCycle['state'];
  readonly breached: boolean;
  readonly elapsedMs: number;
  readonly goalMs: number | null;
  readonly breachAt: number | null;
  readonly remainingMs: number | null;
}

export interface SlaCycleChange {
  readonly metricId: string;
  readonly cycleIndex: number;
  readonly before: SlaOutcome;
  readonly after: SlaOutcome;
  /** e.g. `met->breached`; `same` when only details (goal, breach instant, elapsed) moved. */
  readonly transition: string;
  readonly old: SlaCycleSnapshot | null;
  readonly new: SlaCycleSnapshot | null;
}

export interface IssuePolicyChange {
  readonly issueKey: string;
  readonly changes: readonly SlaCycleChange[];
}

export interface PolicyChangePreview {
  readonly policyId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly evaluatedAt: number;
  readonly issuesChecked: number;
  /** Only issues with at least one change. */
  readonly issues: readonly IssuePolicyChange[];
  /** Count of cycle changes by transition (`met->breached`: 3, `same`: 10, ...). */
  readonly transitions: Readonly<Record<string, number>>;
}

/**
 * The outcome of a cycle, or `none`.
 *
 * @example slaOutcome(undefined) === 'none'; slaOutcome({ ...cycle, state: 'running', breached: true }) === 'breached'
 */
export function slaOutcome(cycle: SlaCycle | undefined): SlaOutcome {
  if (cycle === undefined) return 'none';
  switch (cycle.state) {
    case 'cancelled':
      return 'cancelled';
    case 'met':
    case 'breached':
    case 'running':
    case 'paused':
      return cycle.breached ? 'breached' : cycle.state === 'met' ? 'met' : 'on-track';
  }
}

function snapshot(c: SlaCycle | undefined): SlaCycleSnapshot | null {
  if (c === undefined) return null;
  return { state: c.state, breached: c.breached, elapsedMs: c.elapsedMs, goalMs: c.goalMs, breachAt: c.breachAt, remainingMs: c.remainingMs };
}

function sameSnapshot(a: SlaCycleSnapshot | null, b: SlaCycleSnapshot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.state === b.state && a.breached === b.breached && a.elapsedMs === b.elapsedMs && a.goalMs === b.goalMs && a.breachAt === b.breachAt;
}

/**
 * Cycle-by-cycle differences between two evaluations of one issue (metrics matched by id).
 *
 * @example compareEvaluations(before, after) // [{ metricId: 'ttr', cycleIndex: 0, before: 'met', after: 'breached', transition: 'met->breached', ... }]
 */
export function compareEvaluations(before: SlaEvaluation, after: SlaEvaluation): SlaCycleChange[] {
  const ids = [...new Set([...before.metrics.map((m) => m.metricId), ...after.metrics.map((m) => m.metricId)])];
  const changes: SlaCycleChange[] = [];
  for (const metricId of ids) {
    const a = before.metrics.find((m) => m.metricId === metricId)?.cycles ?? [];
    const b = after.metrics.find((m) => m.metricId === metricId)?.cycles ?? [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const oldSnap = snapshot(a[i]);
      const newSnap = snapshot(b[i]);
      if (sameSnapshot(oldSnap, newSnap)) continue;
      const from = slaOutcome(a[i]);
      const to = slaOutcome(b[i]);
      changes.push({ metricId, cycleIndex: i, before: from, after: to, transition: from === to ? 'same' : `${from}->${to}`, old: oldSnap, new: newSnap });
    }
  }
  return changes;
}

/**
 * Replays every history under the old and the new policy as of `now` and lists what changes.
 *
 * @example
 * const r = previewPolicyChange(histories, v3, v4, { calendars }, now);
 * if (r.ok) r.value.transitions['met->breached']; // how many met SLAs the new goals would breach
 */
export function previewPolicyChange(
  histories: readonly IssueHistory[],
  oldPolicy: SlaPolicy,
  newPolicy: SlaPolicy,
  context: SlaContext,
  now: number,
): SlaResult<PolicyChangePreview> {
  const oldCompiled = compileSlaPolicy(oldPolicy, context);
  if (!oldCompiled.ok) return oldCompiled;
  const newCompiled = compileSlaPolicy(newPolicy, context);
  if (!newCompiled.ok) return newCompiled;
  const issues: IssuePolicyChange[] = [];
  const transitions: Record<string, number> = {};
  for (const history of histories) {
    const changes = compareEvaluations(evaluateSla(oldCompiled.value, history, now), evaluateSla(newCompiled.value, history, now));
    if (changes.length === 0) continue;
    for (const c of changes) transitions[c.transition] = (transitions[c.transition] ?? 0) + 1;
    issues.push({ issueKey: history.issueKey, changes });
  }
  return {
    ok: true,
    value: { policyId: newPolicy.id, fromVersion: oldPolicy.version, toVersion: newPolicy.version, evaluatedAt: now, issuesChecked: histories.length, issues, transitions },
  };
}
