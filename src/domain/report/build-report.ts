import { z } from 'zod';
import { MS_PER_MINUTE } from '../calendar/civil-date';
import { LocalDaySchema, dayNumberOf, dayOfNumber } from '../incident/local-day';
import { dimsFromCellKey, type DurationSum, type ReportRollup, type RollupCell, type RollupDims } from './rollup';

/**
 * A report from rollups: cost O(days in the period x cells per day) plus O(dimension combinations) for the
 * backlog (and the days after the period, when reporting the past); it never visits incidents. Counts are of incidents the filter admits; restricted (security) incidents only when the
 * caller says the viewer may see them.
 */

export const MAX_REPORT_DAYS = 3660;

export const ReportPeriodSchema = z
  .object({ from: LocalDaySchema, to: LocalDaySchema })
  .refine((p) => p.from <= p.to, { message: 'the period must not end before it starts', path: ['to'] })
  .refine((p) => (dayNumberOf(p.to) ?? 0) - (dayNumberOf(p.from) ?? 0) < MAX_REPORT_DAYS, { message: `a period is at most ${String(MAX_REPORT_DAYS)} days`, path: ['to'] });
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

/** An empty or missing list admits every value; `null` in a list selects incidents without a value. */
const DimFilter = z.array(z.string().nullable()).optional().default([]);

export const ReportFilterSchema = z.object({
  kinds: DimFilter,
  priorities: DimFilter,
  services: DimFilter,
  categories: DimFilter,
  teams: DimFilter,
  /** Whether the viewer may see restricted (security) incidents. */
  includeRestricted: z.boolean().optional().default(false),
  /** How many problems to list. */
  topProblems: z.number().int().min(0).max(100).optional().default(10),
});
export type ReportFilter = z.infer<typeof ReportFilterSchema>;
export type ReportFilterInput = z.input<typeof ReportFilterSchema>;

export interface SlaCompliance {
  readonly metricId: string;
  readonly met: number;
  readonly breached: number;
  readonly running: number;
  readonly paused: number;
  /** met / (met + breached); null when nothing stopped or breached. Running and paused are excluded. */
  readonly compliance: number | null;
}

export interface MeanDuration {
  readonly count: number;
  /** Mean wall-clock minutes, rounded to 0.01; null without data. */
  readonly wallMinutes: number | null;
  readonly businessCount: number;
  readonly businessMinutes: number | null;
}

export interface FrequencyRow {
  readonly value: string | null;
  readonly count: number;
}

export interface PeriodReport {
  readonly period: ReportPeriod & { readonly days: number };
  readonly timeZone: string;
  readonly filter: ReportFilter;
  readonly totals: {
    readonly opened: number;
    readonly closed: number;
    /** Opened minus closed over all days up to the period's end: the backlog at its close. */
    readonly openAtEnd: number;
    readonly recurringOpened: number;
  };
  /** One row per day of the period, zero days included. */
  readonly trend: readonly { readonly day: string; readonly opened: number; readonly closed: number }[];
  /** Per SLA metric, by metric id. */
  readonly sla: readonly SlaCompliance[];
  readonly complianceFormula: { readonly ja: string; readonly en: string };
  readonly mtta: MeanDuration;
  readonly mttr: MeanDuration;
  /** Incidents opened in the period per value, most first (null = no value, last among equals). */
  readonly frequency: {
    readonly byKind: readonly FrequencyRow[];
    readonly byPriority: readonly FrequencyRow[];
    readonly byService: readonly FrequencyRow[];
    readonly byCategory: readonly FrequencyRow[];
    readonly byTeam: readonly FrequencyRow[];
  };
  /** recurringOpened / opened; null when nothing was opened. */
  readonly recurrenceRate: number | null;
  readonly topProblems: readonly { readonly problemKey: string; readonly incidents: number }[];
}

export const COMPLIANCE_FORMULA = {
  ja: '遵守率 = 達成 ÷ (達成 + 違反)（計測中・一時停止中は除外し、件数を別に表示）',
  en: 'Compliance = met ÷ (met + breached) (running and paused are excluded and shown separately)',
} as const;

function admits(filter: ReportFilter, d: RollupDims): boolean {
  const ok = (list: readonly (string | null)[], v: string | null): boolean => list.length === 0 || list.includes(v);
  return (
    (filter.includeRestricted || !d.restricted) &&
    ok(filter.kinds, d.kind) &&
    ok(filter.priorities, d.priority) &&
    ok(filter.services, d.service) &&
    ok(filter.categories, d.category) &&
    ok(filter.teams, d.team)
  );
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

interface Sum {
  count: number;
  wallMs: number;
  businessCount: number;
  businessMs: number;
}

function mean(sum: Sum): MeanDuration {
  return {
    count: sum.count,
    wallMinutes: sum.count === 0 ? null : round2(sum.wallMs / sum.count / MS_PER_MINUTE),
    businessCount: sum.businessCount,
    businessMinutes: sum.businessCount === 0 ? null : round2(sum.businessMs / sum.businessCount / MS_PER_MINUTE),
  };
}

function addDuration(into: Sum, s: DurationSum | undefined): void {
  if (s === undefined) return;
  into.count += s.count ?? 0;
  into.wallMs += s.wallMs ?? 0;
  into.businessCount += s.businessCount ?? 0;
  into.businessMs += s.businessMs ?? 0;
}

function frequency(map: Map<string | null, number>): FrequencyRow[] {
  return [...map.entries()]
    .filter(([, count]) => count !== 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * The report for a period (local days, inclusive) and a filter.
 *
 * @example
 * buildReport(rollup, ReportPeriodSchema.parse({ from: '2025-01-01', to: '2025-01-31' }), ReportFilterSchema.parse({ priorities: ['P1'] }))
 * // { totals: { opened: 12, closed: 10, openAtEnd: 3, recurringOpened: 4 }, sla: [{ metricId: 'ttr', met: 9, breached: 1, running: 2, paused: 0, compliance: 0.9 }], ... }
 */
export function buildReport(rollup: ReportRollup, period: ReportPeriod, filter: ReportFilter): PeriodReport {
  const fromN = dayNumberOf(period.from) ?? 0;
  const toN = dayNumberOf(period.to) ?? fromN;
  const sla = new Map<string, { met: number; breached: number; running: number; paused: number }>();
  const mtta: Sum = { count: 0, wallMs: 0, businessCount: 0, businessMs: 0 };
  const mttr: Sum = { count: 0, wallMs: 0, businessCount: 0, businessMs: 0 };
  const byKind = new Map<string | null, number>();
  const byPriority = new Map<string | null, number>();
  const byService = new Map<string | null, number>();
  const byCategory = new Map<string | null, number>();
  const byTeam = new Map<string | null, number>();
  const problems = new Map<string, number>();
  let opened = 0;
  let closed = 0;
  let recurringOpened = 0;
  let openAtEnd = 0;

  // Dimension combinations are few (unlike cells), so each key is parsed and filtered once.
  const admitted = new Map<string, RollupDims | null>();
  const dimsIfAdmitted = (key: string): RollupDims | null => {
    let d = admitted.get(key);
    if (d === undefined) {
      const dims = dimsFromCellKey(key);
      d = dims !== null && admits(filter, dims) ? dims : null;
      admitted.set(key, d);
    }
    return d;
  };
  const cellsOf = (day: string): [RollupDims, RollupCell][] => {
    const out: [RollupDims, RollupCell][] = [];
    for (const [key, cell] of Object.entries(rollup.days[day] ?? {})) {
      const dims = dimsIfAdmitted(key);
      if (dims !== null) out.push([dims, cell]);
    }
    return out;
  };

  // Backlog at the period's end = open now, minus what opened after the end, plus what closed after it.
  for (const [key, count] of Object.entries(rollup.open)) if (dimsIfAdmitted(key) !== null) openAtEnd += count;
  for (const [day, cells] of Object.entries(rollup.days)) {
    if (day <= period.to) continue;
    for (const [key, c] of Object.entries(cells)) if (dimsIfAdmitted(key) !== null) openAtEnd -= (c.opened ?? 0) - (c.closed ?? 0);
  }

  const trend: { day: string; opened: number; closed: number }[] = [];
  for (let n = fromN; n <= toN; n++) {
    const day = dayOfNumber(n);
    let dayOpened = 0;
    let dayClosed = 0;
    for (const [dims, c] of cellsOf(day)) {
      const cellOpened = c.opened ?? 0;
      dayOpened += cellOpened;
      dayClosed += c.closed ?? 0;
      recurringOpened += c.recurringOpened ?? 0;
      for (const [metricId, counts] of Object.entries(c.sla ?? {})) {
        const into = sla.get(metricId) ?? { met: 0, breached: 0, running: 0, paused: 0 };
        into.met += counts.met ?? 0;
        into.breached += counts.breached ?? 0;
        into.running += counts.running ?? 0;
        into.paused += counts.paused ?? 0;
        sla.set(metricId, into);
      }
      addDuration(mtta, c.mtta);
      addDuration(mttr, c.mttr);
      const bump = (m: Map<string | null, number>, v: string | null): void => {
        if (cellOpened !== 0) m.set(v, (m.get(v) ?? 0) + cellOpened);
      };
      bump(byKind, dims.kind);
      bump(byPriority, dims.priority);
      bump(byService, dims.service);
      bump(byCategory, dims.category);
      bump(byTeam, dims.team);
      for (const [p, count] of Object.entries(c.problems ?? {})) problems.set(p, (problems.get(p) ?? 0) + count);
    }
    opened += dayOpened;
    closed += dayClosed;
    trend.push({ day, opened: dayOpened, closed: dayClosed });
  }

  return {
    period: { from: period.from, to: period.to, days: toN - fromN + 1 },
    timeZone: rollup.timeZone,
    filter,
    totals: { opened, closed, openAtEnd, recurringOpened },
    trend,
    sla: [...sla.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([metricId, c]) => ({ metricId, ...c, compliance: c.met + c.breached === 0 ? null : c.met / (c.met + c.breached) })),
    complianceFormula: COMPLIANCE_FORMULA,
    mtta: mean(mtta),
    mttr: mean(mttr),
    frequency: { byKind: frequency(byKind), byPriority: frequency(byPriority), byService: frequency(byService), byCategory: frequency(byCategory), byTeam: frequency(byTeam) },
    recurrenceRate: opened === 0 ? null : recurringOpened / opened,
    topProblems: [...problems.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, filter.topProblems)
      .map(([problemKey, incidents]) => ({ problemKey, incidents })),
  };
}
