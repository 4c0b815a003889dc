import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyIncidentChange,
  cellKey,
  dimsFromCellKey,
  dimsOf,
  emptyRollup,
  rollupFromScratch,
  slaFactsFromEvaluation,
  ReportRollupSchema,
  type IncidentFacts,
  type ReportRollup,
} from '../../../src/domain/report';
import { H, M, arbFacts, at, facts } from './report-fixtures';

const TZ = 'Asia/Tokyo';

const opened = facts({
  key: 'OPS-1',
  createdAt: at('2025-01-06T23:30:00+09:00'),
  kind: 'failure',
  priority: 'P1',
  service: 'pay',
  category: 'db',
  team: 'ops',
  recurring: true,
  problemKey: 'PRB-1',
  sla: [{ metricId: 'ttr', state: 'running', at: null }],
});
const resolved = facts({
  ...opened,
  acknowledgedAt: at('2025-01-06T23:45:00+09:00'),
  resolvedAt: at('2025-01-07T01:30:00+09:00'),
  businessMsToAcknowledge: 0,
  businessMsToResolve: 0,
  sla: [
    { metricId: 'ttfr', state: 'met', at: at('2025-01-06T23:45:00+09:00') },
    { metricId: 'ttr', state: 'breached', at: at('2025-01-07T00:30:00+09:00') },
  ],
});
const key = cellKey(dimsOf(opened));

describe('applyIncidentChange', () => {
  it('puts each contribution on its local day and moves them exactly on update', () => {
    const r1 = applyIncidentChange(emptyRollup(TZ), undefined, opened);
    expect(r1.days).toEqual({
      '2025-01-06': { [key]: { opened: 1, recurringOpened: 1, sla: { ttr: { running: 1 } }, problems: { 'PRB-1': 1 } } },
    });
    expect(r1.open).toEqual({ [key]: 1 });
    const r2 = applyIncidentChange(r1, opened, resolved);
    expect(r2.days).toEqual({
      '2025-01-06': {
        [key]: { opened: 1, recurringOpened: 1, sla: { ttfr: { met: 1 } }, mtta: { count: 1, wallMs: 15 * M, businessCount: 1 }, problems: { 'PRB-1': 1 } },
      },
      '2025-01-07': {
        [key]: { closed: 1, sla: { ttr: { breached: 1 } }, mttr: { count: 1, wallMs: 2 * H, businessCount: 1 } },
      },
    });
    expect(r2.open).toEqual({});
    expect(r2).toEqual(rollupFromScratch([resolved], TZ));
    // the stored form round-trips through its schema
    expect(ReportRollupSchema.parse(JSON.parse(JSON.stringify(r2)))).toEqual(r2);
  });

  it('decodes cell keys back to dimensions and refuses foreign keys', () => {
    expect(dimsFromCellKey(key)).toEqual(dimsOf(opened));
    expect(dimsFromCellKey('["a"]')).toBeNull();
    expect(dimsFromCellKey('not json')).toBeNull();
  });

  it('moves an incident between cells when a dimension changes, and deletes to an empty rollup', () => {
    const r1 = applyIncidentChange(emptyRollup(TZ), undefined, resolved);
    const moved = facts({ ...resolved, priority: 'P2' });
    const r2 = applyIncidentChange(r1, resolved, moved);
    expect(Object.keys(r2.days['2025-01-06'] ?? {})).toEqual([cellKey(dimsOf(moved))]);
    expect(applyIncidentChange(r2, moved, undefined)).toEqual(emptyRollup(TZ));
  });

  it('is a no-op for a replayed event (before equals after) and never mutates its input', () => {
    const r1 = applyIncidentChange(emptyRollup(TZ), undefined, opened);
    const frozen = JSON.stringify(r1);
    expect(applyIncidentChange(r1, opened, opened)).toBe(r1);
    expect(applyIncidentChange(r1, opened, facts({ ...opened }))).toEqual(r1);
    applyIncidentChange(r1, opened, resolved);
    expect(JSON.stringify(r1)).toBe(frozen);
  });

  it('buckets by the rollup zone: the same instant is another day in New York', () => {
    const ny = rollupFromScratch([opened], 'America/New_York');
    expect(Object.keys(ny.days)).toEqual(['2025-01-06']);
    const late = facts({ ...opened, createdAt: at('2025-01-07T00:30:00+09:00') });
    expect(Object.keys(rollupFromScratch([late], TZ).days)).toEqual(['2025-01-07']);
    expect(Object.keys(rollupFromScratch([late], 'America/New_York').days)).toEqual(['2025-01-06']);
  });

  it('ignores negative durations from clock skew but still counts the close', () => {
    const skew = facts({ ...opened, sla: [], resolvedAt: opened.createdAt - 1, acknowledgedAt: opened.createdAt - 1, recurring: false, problemKey: null });
    const cells = Object.values(rollupFromScratch([skew], TZ).days['2025-01-06'] ?? {});
    expect(cells).toHaveLength(1);
    expect(cells[0]).toEqual({ opened: 1, closed: 1 });
  });

  it('incremental changes in any order equal the rollup from scratch of the final facts (property)', () => {
    const keys = ['OPS-1', 'OPS-2', 'OPS-3', 'OPS-4', 'OPS-5'];
    const change = fc.oneof(
      fc.constantFrom(...keys).chain((k) => arbFacts(k).map((f) => ({ key: k, facts: f }))),
      fc.constantFrom(...keys).map((k) => ({ key: k, facts: undefined as IncidentFacts | undefined })),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), fc.constantFrom('Asia/Tokyo', 'America/New_York', 'Australia/Lord_Howe', 'UTC'), (changes, zone) => {
        let rollup: ReportRollup = emptyRollup(zone);
        const current = new Map<string, IncidentFacts>();
        for (const c of changes) {
          rollup = applyIncidentChange(rollup, current.get(c.key), c.facts);
          if (c.facts === undefined) current.delete(c.key);
          else current.set(c.key, c.facts);
        }
        expect(rollup).toEqual(rollupFromScratch([...current.values()], zone));
      }),
      { numRuns: 300 },
    );
  });

  it('the property can fail: a stale `before` leaves the rollup different from scratch', () => {
    fc.assert(
      fc.property(arbFacts('OPS-1'), arbFacts('OPS-1'), arbFacts('OPS-1'), (a, b, c) => {
        fc.pre(JSON.stringify(rollupFromScratch([a], TZ)) !== JSON.stringify(rollupFromScratch([b], TZ)));
        // the shell forgot that b replaced a and passes a as `before` again
        const r = applyIncidentChange(applyIncidentChange(applyIncidentChange(emptyRollup(TZ), undefined, a), a, b), a, c);
        expect(r).not.toEqual(rollupFromScratch([c], TZ));
      }),
      { numRuns: 50 },
    );
  });
});

describe('slaFactsFromEvaluation', () => {
  const cycle = (state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled', patch: Record<string, unknown> = {}) => ({
    index: 0, policyId: 'p', policyVersion: 1, startedAt: 0, stoppedAt: null, endedBy: null, state, breached: false, pauses: [], pausedMs: 0, offCalendarMs: 0,
    elapsedMs: 0, goalId: 'g', goalMs: 1000, breachAt: null, remainingMs: null, calendarId: 'c', ...patch,
  });
  it.each([
    [cycle('met', { stoppedAt: 500 }), { state: 'met', at: 500 }],
    [cycle('breached', { stoppedAt: 1500, breached: true, breachAt: 1000 }), { state: 'breached', at: 1500 }],
    [cycle('running', { breachAt: 1000 }), { state: 'running', at: null }],
    [cycle('running', { breached: true, breachAt: 1000 }), { state: 'breached', at: 1000 }],
    [cycle('paused'), { state: 'paused', at: null }],
    [cycle('paused', { breached: true, breachAt: 900 }), { state: 'breached', at: 900 }],
    [cycle('cancelled', { stoppedAt: 10 }), null],
  ] as const)('%o -> %o', (c, expected) => {
    const out = slaFactsFromEvaluation({ metrics: [{ metricId: 'ttr', kind: 'time-to-resolution', cycles: [c] }] });
    expect(out).toEqual(expected === null ? [] : [{ metricId: 'ttr', ...expected }]);
  });
});
