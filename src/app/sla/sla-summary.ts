import { z } from 'zod';
import type { SlaCycle, SlaEvaluation, SlaMetricKind } from '../../domain/sla';

/**
 * The SLA summary stored in the issue property `incident-desk-sla`, indexed for JQL by the manifest's
 * `jira:entityProperty` module (paths: breached, nextBreachAt, remainingMinutes, cycle, state,
 * metrics.firstResponse.*, metrics.resolution.*). Instants are ISO-8601 strings (the index type `date`),
 * `breached` is the string "true"/"false" (the index type `string`).
 */

export const SLA_PROPERTY_KEY = 'incident-desk-sla';

export const SlaOverallStateSchema = z.enum(['running', 'paused', 'met', 'breached', 'cancelled', 'none']);
export type SlaOverallState = z.infer<typeof SlaOverallStateSchema>;

export const SlaMetricSummarySchema = z.object({
  metricId: z.string(),
  /** 1-based number of the current cycle (reopening starts cycle 2 ...). */
  cycle: z.number().int(),
  state: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
  breached: z.boolean(),
  goalMinutes: z.number().nullable(),
  /** Business minutes elapsed as of `evaluatedAt`. */
  elapsedMinutes: z.number(),
  /** goal - elapsed as of `evaluatedAt` (negative once breached); null without a goal. */
  remainingMinutes: z.number().nullable(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  /** When the goal is (or was) reached: past if breached, projected if running; null if met, paused or no goal. */
  breachAt: z.string().nullable(),
  calendarId: z.string(),
});
export type SlaMetricSummary = z.infer<typeof SlaMetricSummarySchema>;

export const SlaSummarySchema = z.object({
  schemaVersion: z.literal(1),
  policyId: z.string(),
  policyVersion: z.number().int(),
  evaluatedAt: z.string(),
  state: SlaOverallStateSchema,
  /** "true" when any current cycle is breached. */
  breached: z.enum(['true', 'false']),
  /** Earliest projected breach of a running cycle that is not breached yet. */
  nextBreachAt: z.string().nullable(),
  /** Smallest remaining of the open cycles with a goal, as of `evaluatedAt`. */
  remainingMinutes: z.number().nullable(),
  /** Highest current cycle number over the metrics (1-based). */
  cycle: z.number().int(),
  metrics: z.object({ firstResponse: SlaMetricSummarySchema.nullable(), resolution: SlaMetricSummarySchema.nullable() }),
  /** Every metric by id (policies may define more than the two standard ones). */
  byMetric: z.record(z.string(), SlaMetricSummarySchema),
});
export type SlaSummary = z.infer<typeof SlaSummarySchema>;

const iso = (ms: number): string => new Date(ms).toISOString();
const minutes = (ms: number): number => Math.floor(ms / 60_000);
const minutesCeil = (ms: number): number => (ms >= 0 ? Math.ceil(ms / 60_000) : -Math.floor(-ms / 60_000));

function metricSummary(metricId: string, cycle: SlaCycle): SlaMetricSummary {
  return {
    metricId,
    cycle: cycle.index + 1,
    state: cycle.state,
    breached: cycle.breached,
    goalMinutes: cycle.goalMs === null ? null : minutes(cycle.goalMs),
    elapsedMinutes: minutes(cycle.elapsedMs),
    remainingMinutes: cycle.remainingMs === null ? null : minutesCeil(cycle.remainingMs),
    startedAt: iso(cycle.startedAt),
    stoppedAt: cycle.stoppedAt === null ? null : iso(cycle.stoppedAt),
    breachAt: cycle.breachAt === null ? null : iso(cycle.breachAt),
    calendarId: cycle.calendarId,
  };
}

const KIND_SLOT: Record<SlaMetricKind, 'firstResponse' | 'resolution'> = {
  'time-to-first-response': 'firstResponse',
  'time-to-resolution': 'resolution',
};

function overallState(current: readonly SlaCycle[]): SlaOverallState {
  if (current.length === 0) return 'none';
  if (current.some((c) => c.breached)) return 'breached';
  if (current.some((c) => c.state === 'running')) return 'running';
  if (current.some((c) => c.state === 'paused')) return 'paused';
  if (current.every((c) => c.state === 'cancelled')) return 'cancelled';
  return 'met';
}

/**
 * The property value for an evaluation.
 *
 * @example
 * slaSummaryOf(evaluation) // { state: 'running', breached: 'false', nextBreachAt: '2026-03-02T05:00:00.000Z', remainingMinutes: 120, cycle: 1, ... }
 */
export function slaSummaryOf(evaluation: SlaEvaluation): SlaSummary {
  const current: { metricId: string; kind: SlaMetricKind; cycle: SlaCycle }[] = [];
  for (const m of evaluation.metrics) {
    const cycle = m.cycles.at(-1);
    if (cycle !== undefined) current.push({ metricId: m.metricId, kind: m.kind, cycle });
  }
  const open = current.filter((c) => c.cycle.state === 'running' || c.cycle.state === 'paused');
  const upcoming = open.filter((c) => c.cycle.state === 'running' && !c.cycle.breached && c.cycle.breachAt !== null).map((c) => c.cycle.breachAt ?? 0);
  const remaining = open.filter((c) => c.cycle.remainingMs !== null).map((c) => c.cycle.remainingMs ?? 0);
  const byMetric: Record<string, SlaMetricSummary> = {};
  const slots: SlaSummary['metrics'] = { firstResponse: null, resolution: null };
  for (const c of current) {
    const s = metricSummary(c.metricId, c.cycle);
    byMetric[c.metricId] = s;
    const slot = KIND_SLOT[c.kind];
    if (slots[slot] === null) slots[slot] = s;
  }
  return {
    schemaVersion: 1,
    policyId: evaluation.policyId,
    policyVersion: evaluation.policyVersion,
    evaluatedAt: iso(evaluation.evaluatedAt),
    state: overallState(current.map((c) => c.cycle)),
    breached: current.some((c) => c.cycle.breached) ? 'true' : 'false',
    nextBreachAt: upcoming.length === 0 ? null : iso(Math.min(...upcoming)),
    remainingMinutes: remaining.length === 0 ? null : minutesCeil(Math.min(...remaining)),
    cycle: current.length === 0 ? 0 : Math.max(...current.map((c) => c.cycle.index + 1)),
    metrics: slots,
    byMetric,
  };
}

/**
 * What must match for a stored summary to count as current: everything except the parts that only
 * move with the clock while a cycle runs (evaluatedAt, elapsed and remaining minutes of running
 * cycles) — those are derivable from `breachAt`, and rewriting them on every event would cost a write
 * per event for nothing.
 */
function stableView(summary: SlaSummary): unknown {
  const metric = (m: SlaMetricSummary | null) =>
    m === null ? null : m.state === 'running' ? { ...m, elapsedMinutes: null, remainingMinutes: null } : m;
  const anyRunning = Object.values(summary.byMetric).some((m) => m.state === 'running');
  return {
    ...summary,
    evaluatedAt: null,
    remainingMinutes: anyRunning ? null : summary.remainingMinutes,
    metrics: { firstResponse: metric(summary.metrics.firstResponse), resolution: metric(summary.metrics.resolution) },
    byMetric: Object.fromEntries(Object.entries(summary.byMetric).map(([k, m]) => [k, metric(m)])),
  };
}

/** Deterministic JSON (sorted keys) for comparisons. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** True when `stored` (the property as read from Jira) says the same as `next`, up to the clock-driven parts. */
export function summaryUnchanged(stored: unknown, next: SlaSummary): boolean {
  const parsed = SlaSummarySchema.safeParse(stored);
  return parsed.success && canonicalJson(stableView(parsed.data)) === canonicalJson(stableView(next));
}
