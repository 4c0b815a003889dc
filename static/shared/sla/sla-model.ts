import type { SlaGetResult } from '../../../src/contracts';
import { bandFor, type SlaBand } from './colour-band';

export type SlaMetricView = SlaGetResult['metrics'][number];
export type SlaCycleView = SlaMetricView['cycles'][number];
export type CycleState = SlaCycleView['state'];

/** One metric as the panel and the badge show it: the current cycle and the ones before it. */
export interface MetricSummary {
  readonly metricId: string;
  readonly kind: SlaMetricView['kind'];
  /** The latest cycle (running, paused, or finished), null when the metric never started. */
  readonly current: SlaCycleView | null;
  /** Earlier cycles, newest first. */
  readonly past: readonly SlaCycleView[];
  /** Business ms left (negative = overdue) on the current cycle, null without a goal. */
  readonly remainingMs: number | null;
  /** Colour band of the current cycle, null without a goal. */
  readonly band: SlaBand | null;
  /** The cycle is still counting (running or paused). */
  readonly active: boolean;
  readonly breached: boolean;
}

/**
 * Remaining business time of a cycle: goal minus elapsed when both are known (the backend's
 * `remainingMs` is the same number, but older backends may omit it once a cycle is overdue).
 *
 * @example remainingOf({ goalMs: 3_600_000, elapsedMs: 4_500_000, remainingMs: null, ... }) // -900_000
 */
export function remainingOf(cycle: Pick<SlaCycleView, 'goalMs' | 'elapsedMs' | 'remainingMs'>): number | null {
  if (cycle.goalMs !== null) return cycle.goalMs - cycle.elapsedMs;
  return cycle.remainingMs;
}

const isOpen = (state: CycleState): boolean => state === 'running' || state === 'paused';

/**
 * The panel's view of one metric. An open cycle past its goal stays active (state running or paused with
 * `breached`): the clock keeps counting and the overdue time grows. State `breached` is a stopped cycle.
 *
 * @example summarizeMetric({ metricId: 'first-response', kind: 'time-to-first-response', cycles: [c1, c2] }).current === c2
 */
export function summarizeMetric(metric: SlaMetricView): MetricSummary {
  const cycles = [...metric.cycles].sort((a, b) => a.index - b.index);
  const current = cycles.at(-1) ?? null;
  const past = cycles.slice(0, -1).reverse();
  if (current === null) return { metricId: metric.metricId, kind: metric.kind, current, past, remainingMs: null, band: null, active: false, breached: false };
  const remainingMs = remainingOf(current);
  const band = current.goalMs === null ? null : bandFor(Math.max(0, current.elapsedMs), current.goalMs);
  const active = current.stoppedAt === null && isOpen(current.state);
  const breached = current.breached || current.state === 'breached' || (remainingMs !== null && remainingMs < 0);
  return { metricId: metric.metricId, kind: metric.kind, current, past, remainingMs, band, active, breached };
}

/**
 * The metric a glance should show: an open breached one first (most overdue), then the open one
 * closest to its breach, then a finished breached one, then anything finished. Paused metrics count as
 * open: their goal is still ahead of them.
 *
 * @example mostUrgent([summary({ remainingMs: 600_000 }), summary({ remainingMs: -60_000 })])?.remainingMs // -60_000
 */
export function mostUrgent(metrics: readonly MetricSummary[]): MetricSummary | null {
  const rank = (m: MetricSummary): number => (m.active && m.remainingMs !== null ? 0 : m.active ? 1 : m.breached ? 2 : m.current !== null ? 3 : 4);
  const sorted = [...metrics].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    return (a.remainingMs ?? Number.POSITIVE_INFINITY) - (b.remainingMs ?? Number.POSITIVE_INFINITY);
  });
  const first = sorted[0];
  return first === undefined || first.current === null ? null : first;
}

/** What the badge says, before translation. */
export type BadgeStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'breached'; readonly overdueMs: number | null; readonly metric: MetricSummary }
  | { readonly kind: 'remaining'; readonly remainingMs: number; readonly paused: boolean; readonly metric: MetricSummary }
  | { readonly kind: 'running-no-goal'; readonly metric: MetricSummary }
  | { readonly kind: 'met'; readonly metric: MetricSummary };

/**
 * The badge for an SLA result: "1h 20m left", "Breached", "Met", or nothing when no policy applies.
 *
 * @example badgeStatus(result).kind // 'remaining'
 */
export function badgeStatus(result: Pick<SlaGetResult, 'metrics'>): BadgeStatus {
  const metric = mostUrgent(result.metrics.map(summarizeMetric));
  if (metric === null) return { kind: 'none' };
  if (metric.active && metric.breached) return { kind: 'breached', overdueMs: metric.remainingMs === null ? null : -metric.remainingMs, metric };
  if (metric.active && metric.remainingMs !== null) return { kind: 'remaining', remainingMs: metric.remainingMs, paused: metric.current?.state === 'paused', metric };
  if (metric.active) return { kind: 'running-no-goal', metric };
  if (metric.breached) return { kind: 'breached', overdueMs: null, metric };
  return { kind: 'met', metric };
}
