import { z } from 'zod';
import { dayOfNumber, localDayNumber } from '../incident/local-day';
import { SLA_FACT_STATES, type IncidentFacts, type SlaFactState } from './incident-facts';

/**
 * Incremental report rollups: per local day (project zone) and per combination of dimensions (kind,
 * priority, service, category, team, restricted) the sums a report needs. An incident contributes
 * - on its creation day: opened, recurringOpened, its problem, and SLA cycles that are still running/paused;
 * - on its resolution day: closed and its time to resolve (MTTR sums);
 * - on its acknowledgement day: its time to acknowledge (MTTA sums);
 * - on the day an SLA cycle stopped or breached: met / breached.
 * Everything is integer (durations in ms), so subtracting a contribution is exact and incremental updates
 * equal a full recomputation bit for bit. Cells and days that fall to zero are removed, so equal inputs give
 * structurally equal rollups.
 *
 * Exactness and idempotence come from the caller: pass as `before` the facts last applied for the incident
 * (stored by the shell) and as `after` the new ones; a replayed event then has before == after and changes
 * nothing. Concurrent triggers must serialise per day record (KVS transaction or compare-and-set retry).
 */

export const ROLLUP_SCHEMA_VERSION = 1;

const Count = z.number().int();

export const SlaCountsSchema = z.object({ met: Count, breached: Count, running: Count, paused: Count });
export type SlaCounts = z.infer<typeof SlaCountsSchema>;

export const DurationSumSchema = z.object({ count: Count, wallMs: Count, businessCount: Count, businessMs: Count });
export type DurationSum = z.infer<typeof DurationSumSchema>;

export const RollupDimsSchema = z.object({
  kind: z.string().nullable(),
  priority: z.string().nullable(),
  service: z.string().nullable(),
  category: z.string().nullable(),
  team: z.string().nullable(),
  restricted: z.boolean(),
});
export type RollupDims = z.infer<typeof RollupDimsSchema>;

export const RollupCellSchema = z.object({
  dims: RollupDimsSchema,
  opened: Count,
  closed: Count,
  recurringOpened: Count,
  sla: z.record(z.string(), SlaCountsSchema),
  mtta: DurationSumSchema,
  mttr: DurationSumSchema,
  /** Incidents opened that day, per linked problem. */
  problems: z.record(z.string(), Count),
});
export type RollupCell = z.infer<typeof RollupCellSchema>;

/** One day's cells by cell key; the unit the shell stores (one KVS value per project and day). */
export const RollupDaySchema = z.record(z.string(), RollupCellSchema);
export type RollupDay = z.infer<typeof RollupDaySchema>;

export const ReportRollupSchema = z.object({
  schemaVersion: z.literal(ROLLUP_SCHEMA_VERSION),
  /** Days are local dates in this zone. */
  timeZone: z.string().min(1),
  /** `YYYY-MM-DD` -> cells. */
  days: z.record(z.string(), RollupDaySchema),
});
export type ReportRollup = z.infer<typeof ReportRollupSchema>;

/**
 * An empty rollup for a project zone.
 *
 * @example emptyRollup('Asia/Tokyo') // { schemaVersion: 1, timeZone: 'Asia/Tokyo', days: {} }
 */
export function emptyRollup(timeZone: string): ReportRollup {
  return { schemaVersion: ROLLUP_SCHEMA_VERSION, timeZone, days: {} };
}

/**
 * The dimensions of an incident's cells.
 *
 * @example dimsOf(facts) // { kind: 'failure', priority: 'P1', service: 'pay', category: 'db', team: 'ops', restricted: false }
 */
export function dimsOf(f: IncidentFacts): RollupDims {
  return { kind: f.kind, priority: f.priority, service: f.service, category: f.category, team: f.team, restricted: f.restricted };
}

/**
 * The key of a cell within its day (JSON of the dimension values, in a fixed order).
 *
 * @example cellKey({ kind: 'failure', priority: null, service: 'pay', category: null, team: null, restricted: false }) === '["failure",null,"pay",null,null,false]'
 */
export function cellKey(d: RollupDims): string {
  return JSON.stringify([d.kind, d.priority, d.service, d.category, d.team, d.restricted]);
}

type Delta =
  | { readonly day: number; readonly type: 'opened'; readonly recurring: boolean; readonly problemKey: string | null }
  | { readonly day: number; readonly type: 'closed' }
  | { readonly day: number; readonly type: 'duration'; readonly metric: 'mtta' | 'mttr'; readonly wallMs: number; readonly businessMs: number | null }
  | { readonly day: number; readonly type: 'sla'; readonly metricId: string; readonly state: SlaFactState };

function deltasOf(f: IncidentFacts, timeZone: string): Delta[] {
  const day = (t: number): number => localDayNumber(t, timeZone);
  const created = day(f.createdAt);
  const out: Delta[] = [{ day: created, type: 'opened', recurring: f.recurring, problemKey: f.problemKey }];
  if (f.resolvedAt !== null) {
    const resolvedDay = day(f.resolvedAt);
    out.push({ day: resolvedDay, type: 'closed' });
    // A clock skew (resolved "before" created) must not feed negative durations into the means.
    if (f.resolvedAt >= f.createdAt) out.push({ day: resolvedDay, type: 'duration', metric: 'mttr', wallMs: f.resolvedAt - f.createdAt, businessMs: f.businessMsToResolve });
  }
  if (f.acknowledgedAt !== null && f.acknowledgedAt >= f.createdAt) {
    out.push({ day: day(f.acknowledgedAt), type: 'duration', metric: 'mtta', wallMs: f.acknowledgedAt - f.createdAt, businessMs: f.businessMsToAcknowledge });
  }
  for (const s of f.sla) out.push({ day: s.at === null ? created : day(s.at), type: 'sla', metricId: s.metricId, state: s.state });
  return out;
}

const emptyDuration = (): DurationSum => ({ count: 0, wallMs: 0, businessCount: 0, businessMs: 0 });

function emptyCell(dims: RollupDims): RollupCell {
  return { dims, opened: 0, closed: 0, recurringOpened: 0, sla: {}, mtta: emptyDuration(), mttr: emptyDuration(), problems: {} };
}

/** Applies one delta to a cell the caller owns (already copied). */
function applyDelta(cell: RollupCell, d: Delta, sign: 1 | -1): void {
  switch (d.type) {
    case 'opened':
      cell.opened += sign;
      if (d.recurring) cell.recurringOpened += sign;
      if (d.problemKey !== null) {
        const n = (cell.problems[d.problemKey] ?? 0) + sign;
        if (n === 0) delete cell.problems[d.problemKey];
        else cell.problems[d.problemKey] = n;
      }
      break;
    case 'closed':
      cell.closed += sign;
      break;
    case 'duration': {
      const sum = d.metric === 'mtta' ? cell.mtta : cell.mttr;
      sum.count += sign;
      sum.wallMs += sign * d.wallMs;
      if (d.businessMs !== null) {
        sum.businessCount += sign;
        sum.businessMs += sign * d.businessMs;
      }
      break;
    }
    case 'sla': {
      const counts = cell.sla[d.metricId] ?? { met: 0, breached: 0, running: 0, paused: 0 };
      counts[d.state] += sign;
      if (SLA_FACT_STATES.every((s) => counts[s] === 0)) delete cell.sla[d.metricId];
      else cell.sla[d.metricId] = counts;
      break;
    }
  }
}

function isZeroDuration(s: DurationSum): boolean {
  return s.count === 0 && s.wallMs === 0 && s.businessCount === 0 && s.businessMs === 0;
}

function isZeroCell(c: RollupCell): boolean {
  return (
    c.opened === 0 &&
    c.closed === 0 &&
    c.recurringOpened === 0 &&
    Object.keys(c.sla).length === 0 &&
    Object.keys(c.problems).length === 0 &&
    isZeroDuration(c.mtta) &&
    isZeroDuration(c.mttr)
  );
}

function copyCell(c: RollupCell): RollupCell {
  const sla: Record<string, SlaCounts> = {};
  for (const [k, v] of Object.entries(c.sla)) sla[k] = { ...v };
  return { dims: c.dims, opened: c.opened, closed: c.closed, recurringOpened: c.recurringOpened, sla, mtta: { ...c.mtta }, mttr: { ...c.mttr }, problems: { ...c.problems } };
}

/**
 * Subtracts the incident's old contribution and adds the new one. Pure: returns a new rollup sharing
 * every untouched day. `before` undefined = a new incident; `after` undefined = a deleted one (or one
 * that stopped being an incident).
 *
 * @example
 * let r = emptyRollup('Asia/Tokyo');
 * r = applyIncidentChange(r, undefined, opened);       // opened: 1 on the creation day
 * r = applyIncidentChange(r, opened, resolved);        // + closed: 1 and the MTTR sums on the resolution day
 * applyIncidentChange(r, resolved, resolved) === r     // a replayed event changes nothing
 */
export function applyIncidentChange(rollup: ReportRollup, before: IncidentFacts | undefined, after: IncidentFacts | undefined): ReportRollup {
  if (before === after) return rollup;
  const work: { dims: RollupDims; key: string; delta: Delta; sign: 1 | -1 }[] = [];
  if (before !== undefined) {
    const dims = dimsOf(before);
    const key = cellKey(dims);
    for (const delta of deltasOf(before, rollup.timeZone)) work.push({ dims, key, delta, sign: -1 });
  }
  if (after !== undefined) {
    const dims = dimsOf(after);
    const key = cellKey(dims);
    for (const delta of deltasOf(after, rollup.timeZone)) work.push({ dims, key, delta, sign: 1 });
  }
  const days: Record<string, RollupDay> = { ...rollup.days };
  const copiedDays = new Set<string>();
  const copiedCells = new Set<string>();
  for (const { dims, key, delta, sign } of work) {
    const dayKey = dayOfNumber(delta.day);
    if (!copiedDays.has(dayKey)) {
      days[dayKey] = { ...(days[dayKey] ?? {}) };
      copiedDays.add(dayKey);
    }
    const day = days[dayKey] ?? {};
    const cellId = `${dayKey}|${key}`;
    if (!copiedCells.has(cellId)) {
      const existing = day[key];
      day[key] = existing === undefined ? emptyCell(dims) : copyCell(existing);
      copiedCells.add(cellId);
    }
    const cell = day[key];
    if (cell !== undefined) applyDelta(cell, delta, sign);
  }
  for (const dayKey of copiedDays) {
    const day = days[dayKey];
    if (day === undefined) continue;
    for (const [k, cell] of Object.entries(day)) if (isZeroCell(cell)) delete day[k];
    if (Object.keys(day).length === 0) delete days[dayKey];
  }
  return { ...rollup, days };
}

/**
 * The rollup of a set of incidents computed in one pass (the reference that incremental updates must equal).
 *
 * @example rollupFromScratch([a, b], 'Asia/Tokyo') // deep-equals applyIncidentChange(applyIncidentChange(emptyRollup('Asia/Tokyo'), undefined, a), undefined, b)
 */
export function rollupFromScratch(facts: readonly IncidentFacts[], timeZone: string): ReportRollup {
  const days: Record<string, RollupDay> = {};
  const dayKeys = new Map<number, string>();
  for (const f of facts) {
    const dims = dimsOf(f);
    const key = cellKey(dims);
    for (const delta of deltasOf(f, timeZone)) {
      let dayKey = dayKeys.get(delta.day);
      if (dayKey === undefined) {
        dayKey = dayOfNumber(delta.day);
        dayKeys.set(delta.day, dayKey);
      }
      const day = (days[dayKey] ??= {});
      const cell = (day[key] ??= emptyCell(dims));
      applyDelta(cell, delta, 1);
    }
  }
  return { schemaVersion: ROLLUP_SCHEMA_VERSION, timeZone, days };
}
