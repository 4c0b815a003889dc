import { z } from 'zod';
import type { SlaEvaluation } from '../sla/sla-result';

/**
 * The facts of one incident that reports count: a small, flat summary the shell keeps per incident (next
 * to the SLA summary issue property) so every trigger can hand the rollup both the facts it applied last
 * time (`before`) and the new ones (`after`).
 */

const Dim = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : s.trim()));
const Instant = z.number().int().nonnegative();
const Ms = z.number().int().nonnegative();

export const SLA_FACT_STATES = ['met', 'breached', 'running', 'paused'] as const;
export const SlaFactStateSchema = z.enum(SLA_FACT_STATES);
export type SlaFactState = z.infer<typeof SlaFactStateSchema>;

/** One SLA cycle's outcome; `at` is the stop (met/breached) or breach instant, null for running/paused. */
export const SlaFactSchema = z.object({
  metricId: z.string().min(1),
  state: SlaFactStateSchema,
  at: Instant.nullable(),
});
export type SlaFact = z.infer<typeof SlaFactSchema>;

export const IncidentFactsSchema = z.object({
  key: z.string().min(1),
  createdAt: Instant,
  /** First response by an agent (MTTA end); null while unacknowledged. */
  acknowledgedAt: Instant.nullable().optional().transform((v) => v ?? null),
  /** Resolution (MTTR end); null while open. */
  resolvedAt: Instant.nullable().optional().transform((v) => v ?? null),
  /** Business ms from creation to acknowledgement / resolution under the incident's calendar. */
  businessMsToAcknowledge: Ms.nullable().optional().transform((v) => v ?? null),
  businessMsToResolve: Ms.nullable().optional().transform((v) => v ?? null),
  kind: Dim,
  priority: Dim,
  service: Dim,
  category: Dim,
  /** Team or assignee group. */
  team: Dim,
  /** Restricted visibility (security incidents): counted only for viewers allowed to see them. */
  restricted: z.boolean().optional().default(false),
  recurring: z.boolean().optional().default(false),
  problemKey: Dim,
  sla: z.array(SlaFactSchema).optional().default([]),
});
export type IncidentFacts = z.infer<typeof IncidentFactsSchema>;
export type IncidentFactsInput = z.input<typeof IncidentFactsSchema>;

/**
 * SLA facts from the SLA engine's evaluation: one per cycle, cancelled cycles left out. An open cycle that
 * is already past its goal counts as breached (at its breach instant): it can no longer be met.
 *
 * @example
 * slaFactsFromEvaluation({ ..., metrics: [{ metricId: 'ttr', kind: 'time-to-resolution', cycles: [
 *   { state: 'met', stoppedAt: 5000, breached: false, ... }, { state: 'running', breached: true, breachAt: 9000, ... }] }] })
 * // [{ metricId: 'ttr', state: 'met', at: 5000 }, { metricId: 'ttr', state: 'breached', at: 9000 }]
 */
export function slaFactsFromEvaluation(evaluation: Pick<SlaEvaluation, 'metrics'>): SlaFact[] {
  const out: SlaFact[] = [];
  for (const metric of evaluation.metrics) {
    for (const cycle of metric.cycles) {
      switch (cycle.state) {
        case 'cancelled':
          break;
        case 'met':
          out.push({ metricId: metric.metricId, state: 'met', at: cycle.stoppedAt });
          break;
        case 'breached':
          out.push({ metricId: metric.metricId, state: 'breached', at: cycle.stoppedAt ?? cycle.breachAt });
          break;
        case 'running':
        case 'paused':
          out.push(cycle.breached ? { metricId: metric.metricId, state: 'breached', at: cycle.breachAt } : { metricId: metric.metricId, state: cycle.state, at: null });
          break;
      }
    }
  }
  return out;
}
