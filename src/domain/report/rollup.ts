import { z } from 'zod';
import { dayOfNumber, localDayNumber } from '../incident/local-day';
import type { IncidentFacts, SlaFactState } from './incident-facts';

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

export const SlaCountsSchema = z.object({ met: Count.optional(), breached: Count.optional(), running: Count.optional(), paused: Count.optional() });
/** Sparse: a state with count 0 is absent. */
export type SlaCounts = z.infer<typeof SlaCountsSchema>;

export const DurationSumSchema = z.object({ count: Count.optional(), wallMs: Count.optional(), businessCount: Count.optional(), businessMs: Count.optional() });
/** Sparse: zero fields are absent. */
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

/**
 * The sums of one day and one dimension combination (the combination is the cell's key, see cellKey).
 * Sparse: every zero count, empty map and zero sum is left out, which keeps a stored day small (most
 * cells hold one or two incidents) and makes equal sums structurally equal.
 */
export const RollupCellSchema = z.object({
  opened: Count.optional(),
  closed: Count.optional(),
  recurringOpened: Count.optional(),
  sla: z.record(z.string(), SlaCountsSchema).optional(),
  mtta: DurationSumSchema.optional(),
  mttr: DurationSumSchema.optional(),
  /** Incidents opened that day, per linked problem. */
  problems: z.record(z.string(), Count).optional(),
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
  /** Incidents open now (not resolved) per cell key: the backlog without scanning every day. */
  open: z.record(z.string(), Count),
});
export type ReportRollup = z.infer<typeof ReportRollupSchema>;

/**
 * An empty rollup for a project zone.
 *
 * @example emptyRollup('Asia/Tokyo') // { schemaVersion: 1, timeZone: 'Asia/Tokyo', days: {}, open: {} }
 */
export function emptyRollup(timeZone: string): ReportRollup {
  return { schemaVersion: ROLLUP_SCHEMA_VERSION, timeZone, days: {}, open: {} };
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

const CellKeyTupleSchema = z.tuple([z.string().nullable(), z.string().nullable(), z.string().nullable(), z.string().nullable(), z.string().nullable(), z.boolean()]);

/**
 * The dimensions a cell key stands for, or null when the key is not one cellKey makes.
 *
 * @example dimsFromCellKey('["failure",null,"pay",null,null,false]') // { kind: 'failure', priority: null, service: 'pay', category: null, team: null, restricted: false }
 */
export function dimsFromCellKey(key: string): RollupDims | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    return null;
  }
  const r = CellKeyTupleSchema.safeParse(parsed);
  if (!r.success) return null;
  const [kind, priority, service, category, team, restricted] = r.data;
  return { kind, priority, service, category, team, restricted };
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

type Counter = Record<string, number | undefined>;

/** Adds to a sparse counter; a count reaching zero is removed. */
function bump(counter: Counter, key: string, by: number): void {
  if (by === 0) return;
  const n = (counter[key] ?? 0) + by;
  if (n === 0) delete counter[key];
  else counter[key] = n;
}

const isEmpty = (o: object): boolean => Object.keys(o).length === 0;

/** Applies one delta to a cell the caller owns (already copied). */
function applyDelta(cell: RollupCell, d: Delta, sign: 1 | -1): void {
  const c = cell as Counter;
  switch (d.type) {
    case 'opened':
      bump(c, 'opened', sign);
      if (d.recurring) bump(c, 'recurringOpened', sign);
      if (d.problemKey !== null) {
        const problems = cell.problems ?? {};
        bump(problems, d.problemKey, sign);
        if (isEmpty(problems)) delete cell.problems;
        else cell.problems = problems;
      }
      break;
    case 'closed':
      bump(c, 'closed', sign);
      break;
    case 'duration': {
      const sum = (d.metric === 'mtta' ? cell.mtta : cell.mttr) ?? {};
      bump(sum, 'count', sign);
      bump(sum, 'wallMs', sign * d.wallMs);
      if (d.businessMs !== null) {
        bump(sum, 'businessCount', sign);
        bump(sum, 'businessMs', sign * d.businessMs);
      }
      if (d.metric === 'mtta') {
        if (isEmpty(sum)) delete cell.mtta;
        else cell.mtta = sum;
      } else if (isEmpty(sum)) delete cell.mttr;
      else cell.mttr = sum;
      break;
    }
    case 'sla': {
      const sla = cell.sla ?? {};
      const counts = sla[d.metricId] ?? {};
      bump(counts, d.state, sign);
      if (isEmpty(counts)) delete sla[d.metricId];
      else sla[d.metricId] = counts;
      if (isEmpty(sla)) delete cell.sla;
      else cell.sla = sla;
      break;
    }
  }
}

function copyCell(c: RollupCell): RollupCell {
  const out: RollupCell = { ...c };
  if (c.sla !== undefined) {
    const sla: Record<string, SlaCounts> = {};
    for (const [k, v] of Object.entries(c.sla)) sla[k] = { ...v };
    out.sla = sla;
  }
  if (c.mtta !== undefined) out.mtta = { ...c.mtta };
  if (c.mttr !== undefined) out.mttr = { ...c.mttr };
  if (c.problems !== undefined) out.problems = { ...c.problems };
  return out;
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
  const work: { key: string; delta: Delta; sign: 1 | -1 }[] = [];
  const open: Counter = { ...rollup.open };
  for (const [facts, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (facts === undefined) continue;
    const key = cellKey(dimsOf(facts));
    if (facts.resolvedAt === null) bump(open, key, sign);
    for (const delta of deltasOf(facts, rollup.timeZone)) work.push({ key, delta, sign });
  }
  const days: Record<string, RollupDay> = { ...rollup.days };
  const copiedDays = new Set<string>();
  const copiedCells = new Set<string>();
  for (const { key, delta, sign } of work) {
    const dayKey = dayOfNumber(delta.day);
    if (!copiedDays.has(dayKey)) {
      days[dayKey] = { ...(days[dayKey] ?? {}) };
      copiedDays.add(dayKey);
    }
    const day = days[dayKey] ?? {};
    const cellId = `${dayKey}|${key}`;
    if (!copiedCells.has(cellId)) {
      const existing = day[key];
      day[key] = existing === undefined ? {} : copyCell(existing);
      copiedCells.add(cellId);
    }
    const cell = day[key];
    if (cell !== undefined) applyDelta(cell, delta, sign);
  }
  for (const dayKey of copiedDays) {
    const day = days[dayKey];
    if (day === undefined) continue;
    for (const [k, cell] of Object.entries(day)) if (isEmpty(cell)) delete day[k];
    if (isEmpty(day)) delete days[dayKey];
  }
  return { ...rollup, days, open: open as Record<string, number> };
}

/**
 * The rollup of a set of incidents computed in one pass (the reference that incremental updates must equal).
 *
 * @example rollupFromScratch([a, b], 'Asia/Tokyo') // deep-equals applyIncidentChange(applyIncidentChange(emptyRollup('Asia/Tokyo'), undefined, a), undefined, b)
 */
export function rollupFromScratch(facts: readonly IncidentFacts[], timeZone: string): ReportRollup {
  const days: Record<string, RollupDay> = {};
  const open: Counter = {};
  const dayKeys = new Map<number, string>();
  for (const f of facts) {
    const key = cellKey(dimsOf(f));
    if (f.resolvedAt === null) bump(open, key, 1);
    for (const delta of deltasOf(f, timeZone)) {
      let dayKey = dayKeys.get(delta.day);
      if (dayKey === undefined) {
        dayKey = dayOfNumber(delta.day);
        dayKeys.set(delta.day, dayKey);
      }
      const day = (days[dayKey] ??= {});
      const cell = (day[key] ??= {});
      applyDelta(cell, delta, 1);
    }
  }
  return { schemaVersion: ROLLUP_SCHEMA_VERSION, timeZone, days, open: open as Record<string, number> };
}
