import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firingKey, ladderFor, planEscalations, thresholdMs, type EscalationInput } from '../../../src/domain/escalation';
import { H, M, at, cycle, evaluation, ladder, percentLadder, tokyoCalendar } from './escalation-fixtures';

const cal = tokyoCalendar();
const calendars = new Map([['tokyo', cal]]);
const P2 = { levelId: 'P2', jiraName: 'High' };
// Created Monday 2025-01-06 10:00 Tokyo; evaluated at creation with nothing elapsed; goal 4 business hours.
const created = at('2025-01-06T10:00:00+09:00');
const base = (now: number, fired: Iterable<string> = []): EscalationInput => ({
  issueId: '10001',
  priority: P2,
  evaluation: evaluation(created, [cycle({ startedAt: created, elapsedMs: 0 })]),
  ladders: [percentLadder()],
  fired: new Set(fired),
  calendars,
  now,
});

describe('thresholdMs', () => {
  it.each([
    [{ kind: 'percent-of-goal', percent: 50 } as const, 4 * H, 2 * H],
    [{ kind: 'percent-of-goal', percent: 150 } as const, 4 * H, 6 * H],
    [{ kind: 'before-breach', minutes: 30 } as const, 4 * H, 3.5 * H],
    [{ kind: 'before-breach', minutes: 300 } as const, 4 * H, 0],
    [{ kind: 'after-breach', minutes: 0 } as const, 4 * H, 4 * H],
    [{ kind: 'after-breach', minutes: 45 } as const, 4 * H, 4 * H + 45 * M],
  ])('%o of %d ms -> %d ms', (trigger, goal, expected) => {
    expect(thresholdMs(trigger, goal)).toBe(expected);
  });
});

describe('planEscalations: table', () => {
  it.each([
    // [now, fired, due level ids, next due]
    ['Mon 11:59 (just under 50 %)', at('2025-01-06T11:59:00+09:00'), [], [], at('2025-01-06T12:00:00+09:00')],
    ['Mon 12:00 (exactly 50 %)', at('2025-01-06T12:00:00+09:00'), [], ['p50'], at('2025-01-06T13:00:00+09:00')],
    ['Mon 13:00 with 50 % fired', at('2025-01-06T13:00:00+09:00'), ['10001:ttr:0:std:p50'], ['p75'], at('2025-01-06T14:00:00+09:00')],
    ['Mon 14:00 nothing fired yet (sweep was down)', at('2025-01-06T14:00:00+09:00'), [], ['p50', 'p75', 'p100'], at('2025-01-06T16:00:00+09:00')],
    // 150 % = 6 business hours: Mon 10-18 is 8h, so 16:00; after that nothing is left.
    ['Mon 16:00 all but 150 % fired', at('2025-01-06T16:00:00+09:00'), ['10001:ttr:0:std:p50', '10001:ttr:0:std:p75', '10001:ttr:0:std:p100'], ['p150'], null],
  ])('%s', (_name, now, fired, expectedDue, expectedNext) => {
    const plan = planEscalations(base(now, fired));
    expect(plan.due.map((d) => d.levelId)).toEqual(expectedDue);
    expect(plan.nextDueAt).toBe(expectedNext);
    expect(plan.nextDueByMetric.get('ttr') ?? null).toBe(expectedNext);
  });

  it('projects across the night on the business calendar (Mon 17:00 start, 50 % of 4h is Tue 10:00)', () => {
    const start = at('2025-01-06T17:00:00+09:00');
    const input = { ...base(at('2025-01-06T17:30:00+09:00')), evaluation: evaluation(start, [cycle({ startedAt: start, elapsedMs: 0 })]) };
    expect(planEscalations(input).nextDueAt).toBe(at('2025-01-07T10:00:00+09:00'));
    expect(planEscalations({ ...input, now: at('2025-01-07T09:59:00+09:00') }).due).toEqual([]);
    expect(planEscalations({ ...input, now: at('2025-01-07T10:00:00+09:00') }).due.map((d) => d.key)).toEqual(['10001:ttr:0:std:p50']);
  });

  it('a paused cycle does not advance and has no next due, but a threshold crossed before the pause is still due', () => {
    const paused = evaluation(created, [cycle({ startedAt: created, elapsedMs: 2.5 * H, state: 'paused' })]);
    const plan = planEscalations({ ...base(at('2025-01-08T10:00:00+09:00')), evaluation: paused });
    expect(plan.due.map((d) => d.levelId)).toEqual(['p50']);
    expect(plan.nextDueAt).toBeNull();
  });

  it.each(['met', 'breached', 'cancelled'] as const)('a %s (stopped) cycle never escalates', (state) => {
    const stopped = evaluation(created, [cycle({ startedAt: created, elapsedMs: 10 * H, state, stoppedAt: created + 10 * H })]);
    expect(planEscalations({ ...base(created + 20 * H), evaluation: stopped })).toEqual({ due: [], nextDueAt: null, nextDueByMetric: new Map() });
  });

  it('a cycle without a goal never escalates', () => {
    const noGoal = evaluation(created, [cycle({ startedAt: created, elapsedMs: 10 * H, goalMs: null })]);
    expect(planEscalations({ ...base(created + 20 * H), evaluation: noGoal })).toEqual({ due: [], nextDueAt: null, nextDueByMetric: new Map() });
  });

  it('each cycle escalates on its own: a reopened issue gets the ladder again under cycle 1', () => {
    const reopened = evaluation(at('2025-01-07T10:00:00+09:00'), [
      cycle({ startedAt: created, elapsedMs: 3 * H, state: 'met', stoppedAt: created + 3 * H }),
      cycle({ index: 1, startedAt: at('2025-01-07T10:00:00+09:00'), elapsedMs: 2 * H }),
    ]);
    const plan = planEscalations({ ...base(at('2025-01-07T10:00:00+09:00'), ['10001:ttr:0:std:p50', '10001:ttr:0:std:p75']), evaluation: reopened });
    expect(plan.due.map((d) => d.key)).toEqual(['10001:ttr:1:std:p50']);
  });

  it('an unknown calendar stops projection instead of counting wall time', () => {
    const input = { ...base(at('2025-01-06T23:00:00+09:00')), calendars: new Map() };
    expect(planEscalations(input)).toEqual({ due: [], nextDueAt: null, nextDueByMetric: new Map() });
  });
});

describe('ladderFor', () => {
  const p1 = percentLadder('p1', { priorities: ['P1'] });
  const ttfr = percentLadder('ttfr', { metrics: ['time-to-first-response'] });
  const byName = percentLadder('by-name', { priorities: ['high'], metrics: ['TTR'] });
  const any = percentLadder('any');
  const metric = { metricId: 'ttr', kind: 'time-to-resolution' } as const;
  it.each([
    [[p1, any], { levelId: 'P1', jiraName: 'Highest' }, 'p1'],
    [[p1, any], { levelId: 'P3', jiraName: 'Medium' }, 'any'],
    [[ttfr, any], P2, 'any'],
    [[byName, any], { levelId: null, jiraName: 'High' }, 'by-name'],
    [[p1], { levelId: null, jiraName: null }, null],
  ])('%#', (ladders, priority, expected) => {
    expect(ladderFor(ladders, metric, priority)?.id ?? null).toBe(expected);
  });
});

describe('planEscalations: properties', () => {
  const levels = fc.uniqueArray(
    fc.oneof(
      fc.integer({ min: 1, max: 300 }).map((percent) => ({ kind: 'percent-of-goal' as const, percent })),
      fc.integer({ min: 1, max: 600 }).map((minutes) => ({ kind: 'before-breach' as const, minutes })),
      fc.integer({ min: 0, max: 600 }).map((minutes) => ({ kind: 'after-breach' as const, minutes })),
    ),
    { minLength: 1, maxLength: 6, selector: (t) => JSON.stringify(t) },
  );
  const arbitraryLadder = levels.map((triggers) =>
    ladder({
      levels: triggers.map((trigger, i) => ({
        id: `l${String(i)}`,
        labels: { ja: `段階${String(i)}`, en: `Level ${String(i)}` },
        trigger,
        actions: [{ type: 'add-label' as const, label: `esc-${String(i)}` }],
      })),
    }),
  );
  const goalMinutes = fc.integer({ min: 1, max: 3000 });
  const times = fc.array(fc.integer({ min: 0, max: 14 * 24 * 60 }), { minLength: 1, maxLength: 12 }).map((xs) => xs.sort((a, b) => a - b));

  it('sweeping at increasing instants fires each level at most once, and everything due at the end fired exactly once', () => {
    fc.assert(
      fc.property(arbitraryLadder, goalMinutes, times, (lad, goal, offsets) => {
        const ev = evaluation(created, [cycle({ startedAt: created, elapsedMs: 0, goalMs: goal * M })]);
        const fired = new Set<string>();
        const counts = new Map<string, number>();
        for (const offset of offsets) {
          const plan = planEscalations({ issueId: '1', priority: P2, evaluation: ev, ladders: [lad], fired, calendars, now: created + offset * M });
          for (const d of plan.due) {
            counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
            fired.add(d.key);
          }
        }
        for (const n of counts.values()) expect(n).toBe(1);
        const last = created + (offsets.at(-1) ?? 0) * M;
        const all = planEscalations({ issueId: '1', priority: P2, evaluation: ev, ladders: [lad], fired: new Set(), calendars, now: last });
        expect(new Set(all.due.map((d) => d.key))).toEqual(fired);
      }),
    );
  });

  it('monotone in time: what is due at t is due at every later t; nextDueAt is after now and really is when a new level becomes due', () => {
    fc.assert(
      fc.property(arbitraryLadder, goalMinutes, fc.integer({ min: 0, max: 14 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), (lad, goal, t1, dt) => {
        const ev = evaluation(created, [cycle({ startedAt: created, elapsedMs: 0, goalMs: goal * M })]);
        const plan = (now: number) => planEscalations({ issueId: '1', priority: P2, evaluation: ev, ladders: [lad], fired: new Set(), calendars, now });
        const early = plan(created + t1 * M);
        const later = plan(created + (t1 + dt) * M);
        const laterKeys = new Set(later.due.map((d) => d.key));
        for (const d of early.due) expect(laterKeys.has(d.key)).toBe(true);
        if (early.nextDueAt !== null) {
          expect(early.nextDueAt).toBeGreaterThan(created + t1 * M);
          const before = plan(early.nextDueAt - 1);
          const atNext = plan(early.nextDueAt);
          expect(before.due.length).toBe(early.due.length);
          expect(atNext.due.length).toBeGreaterThan(early.due.length);
        }
      }),
    );
  });

  it('firingKey is injective over its parts (ids cannot contain ":")', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), fc.nat(5), (a, b, n) => {
        const k1 = firingKey({ issueId: '1', metricId: a, cycle: n, ladderId: b, levelId: 'x' });
        const k2 = firingKey({ issueId: '1', metricId: b, cycle: n, ladderId: a, levelId: 'x' });
        expect(k1 === k2).toBe(a === b);
      }),
    );
  });
});
