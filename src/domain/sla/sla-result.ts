import { z } from 'zod';
import { SlaMetricKindSchema } from './sla-policy';

/**
 * What the SLA clock computes, as schemas so the result can be stored (issue properties, entities)
 * and read back safely. All instants are epoch ms; all durations ms.
 */

export const SlaConditionKindSchema = z.enum([
  'issue-created',
  'status-entered',
  'status-left',
  'assignee-set',
  'assignee-changed',
  'comment-by-agent',
  'resolution-set',
  'resolution-cleared',
  'priority-changed',
]);

export const SlaPauseReasonSchema = z.object({
  /** The pause condition that matched. */
  on: SlaConditionKindSchema,
  /** The value involved, e.g. the status name entered; null when there is none. */
  value: z.string().nullable(),
  /** Changelog entry or comment id, or 'created' for the creation event. */
  eventId: z.string(),
});
export type SlaPauseReason = z.infer<typeof SlaPauseReasonSchema>;

export const SlaPauseSchema = z.object({ from: z.number(), to: z.number().nullable(), reason: SlaPauseReasonSchema });
export type SlaPause = z.infer<typeof SlaPauseSchema>;

/**
 * `running` / `paused`: the cycle is open (it may already be breached, see `breached`);
 * `met` / `breached`: stopped within / over its goal; `cancelled`: ended by a reset condition.
 */
export const SlaCycleStateSchema = z.enum(['running', 'paused', 'met', 'breached', 'cancelled']);
export type SlaCycleState = z.infer<typeof SlaCycleStateSchema>;

export const SlaCycleSchema = z.object({
  index: z.number().int(),
  policyId: z.string(),
  policyVersion: z.number().int(),
  startedAt: z.number(),
  stoppedAt: z.number().nullable(),
  endedBy: z.enum(['stop', 'reset']).nullable(),
  state: SlaCycleStateSchema,
  /** Elapsed business time exceeded the goal (at the stop, or by `now` for an open cycle). */
  breached: z.boolean(),
  pauses: z.array(SlaPauseSchema),
  /** Wall-clock time spent paused. */
  pausedMs: z.number(),
  /** Wall-clock time running but outside the calendar's working time. */
  offCalendarMs: z.number(),
  /** Business time counted towards the goal. */
  elapsedMs: z.number(),
  goalId: z.string().nullable(),
  goalMs: z.number().nullable(),
  /** When elapsed time reaches the goal: past if breached, projected if running, null if met, paused or no goal. */
  breachAt: z.number().nullable(),
  /** goal - elapsed (negative once breached); null without a goal. */
  remainingMs: z.number().nullable(),
  /** The calendar in force at the stop, or now. */
  calendarId: z.string(),
});
export type SlaCycle = z.infer<typeof SlaCycleSchema>;

export const SlaMetricResultSchema = z.object({
  metricId: z.string(),
  kind: SlaMetricKindSchema,
  cycles: z.array(SlaCycleSchema),
});
export type SlaMetricResult = z.infer<typeof SlaMetricResultSchema>;

export const SlaEvaluationSchema = z.object({
  issueKey: z.string(),
  policyId: z.string(),
  policyVersion: z.number().int(),
  evaluatedAt: z.number(),
  metrics: z.array(SlaMetricResultSchema),
});
export type SlaEvaluation = z.infer<typeof SlaEvaluationSchema>;

/**
 * The cycle that matters now: the open one, else the last one.
 *
 * @example currentCycle({ metricId: 'ttr', kind: 'time-to-resolution', cycles: [met, running] }) === running
 */
export function currentCycle(metric: SlaMetricResult): SlaCycle | null {
  return metric.cycles.at(-1) ?? null;
}
