import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../src/domain/calendar';
import { CalendarDefinitionSchema, addBusinessMs, businessMsBetween, compileCalendar, isWorkingTime, nextOpening, workingIntervals } from '../../../src/domain/calendar';
import { H, JP_HOLIDAYS_2025, M, WITH_LUNCH, weekdays } from './calendar-fixtures';

/**
 * A compiled calendar remembers where its last lookup landed and starts the next one there (the SLA
 * clock queries instants in time order). That memo must never change an answer: any sequence of
 * queries, in any order, on a calendar that has already answered others, gives exactly the answers a
 * freshly compiled calendar gives.
 */

const DEFINITIONS = [
  { id: 'tokyo', labels: { ja: '東京', en: 'Tokyo' }, timeZone: 'Asia/Tokyo', hours: { kind: 'weekly', week: weekdays(WITH_LUNCH) }, holidays: JP_HOLIDAYS_2025 },
  { id: 'ny', labels: { ja: 'NY', en: 'NY' }, timeZone: 'America/New_York', hours: { kind: 'weekly', week: weekdays([{ start: '00:00', end: '02:30' }, { start: '09:00', end: '17:00' }]) } },
].map((d) => CalendarDefinitionSchema.parse(d));

type Query = { kind: 'between' | 'add' | 'working' | 'opening' | 'intervals'; t: number; span: number };
const FROM = Date.UTC(2024, 11, 20);
const DAY_MINUTES = 24 * 60;
/** Queries clustered within ten days of a base instant, so consecutive ones are often a few intervals apart (where the hint is used). */
const queriesArb: fc.Arbitrary<Query[]> = fc.integer({ min: 0, max: 400 * DAY_MINUTES }).chain((base) =>
  fc.array(
    fc.record({
      kind: fc.constantFrom('between', 'add', 'working', 'opening', 'intervals'),
      // Quarter hours land on interval boundaries (09:00, 12:00, 02:30 ...) often, where an off-by-one hint shows.
      t: fc.oneof(fc.integer({ min: 0, max: 10 * DAY_MINUTES }), fc.integer({ min: 0, max: 10 * 24 * 4 }).map((q) => q * 15)).map((m) => FROM + (base + m) * M),
      span: fc.oneof(fc.integer({ min: 0, max: 3 * H }), fc.integer({ min: 0, max: 60 * 24 * H })),
    }),
    { minLength: 1, maxLength: 40 },
  ),
);

function answer(cal: BusinessCalendar, q: Query): unknown {
  switch (q.kind) {
    case 'between':
      return businessMsBetween(cal, q.t, q.t + q.span);
    case 'add':
      return addBusinessMs(cal, q.t, q.span);
    case 'working':
      return isWorkingTime(cal, q.t);
    case 'opening':
      return nextOpening(cal, q.t);
    case 'intervals':
      return workingIntervals(cal, q.t, q.t + Math.min(q.span, 5 * 24 * H)).length;
  }
}

describe('business calendar search hint', () => {
  it('answers do not depend on the queries a calendar answered before', () => {
    const fresh = DEFINITIONS.map((d) => compileCalendar(d));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DEFINITIONS.length - 1 }), queriesArb, (which, queries) => {
        const definition = DEFINITIONS[which];
        const reference = fresh[which];
        if (definition === undefined || reference === undefined) throw new Error('fixture');
        // In order (as the SLA clock asks), sorted by instant, and reversed, each on its own calendar.
        const inOrder = compileCalendar(definition);
        const sorted = compileCalendar(definition);
        const reversed = compileCalendar(definition);
        const expected = queries.map((q) => answer(compileCalendar(definition), q));
        expect(queries.map((q) => answer(inOrder, q))).toEqual(expected);
        const byInstant = [...queries.keys()].sort((a, b) => (queries[a]?.t ?? 0) - (queries[b]?.t ?? 0));
        for (const i of byInstant) expect(answer(sorted, queries[i] as Query)).toEqual(expected[i]);
        for (let i = queries.length - 1; i >= 0; i--) expect(answer(reversed, queries[i] as Query)).toEqual(expected[i]);
        // A long-lived calendar shared by every run (hint left anywhere by earlier runs).
        expect(queries.map((q) => answer(reference, q))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('walking forward in quarter hours over boundaries answers like walking backward (where the hint never applies)', () => {
    const start = Date.UTC(2025, 2, 1);
    const steps = 40 * 24 * 4; // 40 days, across New York's DST start
    const queries: ((cal: BusinessCalendar, t: number) => unknown)[] = [
      (cal, t) => isWorkingTime(cal, t),
      (cal, t) => nextOpening(cal, t),
      (cal, t) => businessMsBetween(cal, t - 10 * M, t),
      (cal, t) => addBusinessMs(cal, t, 5 * M),
    ];
    for (const definition of DEFINITIONS) {
      for (const ask of queries) {
        const forward = compileCalendar(definition);
        const backward = compileCalendar(definition);
        const expected: unknown[] = [];
        for (let k = steps; k >= 0; k--) expected[k] = ask(backward, start + k * 15 * M);
        for (let k = 0; k <= steps; k++) expect(ask(forward, start + k * 15 * M)).toEqual(expected[k]);
      }
    }
  });

  it('consecutive lookups a few intervals apart and far apart agree with single lookups', () => {
    const definition = DEFINITIONS[0];
    if (definition === undefined) throw new Error('fixture');
    const walking = compileCalendar(definition);
    const start = Date.parse('2025-01-06T08:00:00+09:00');
    let previous = start;
    // Steps of 1 hour (same or next interval) up to 20 days (a binary search), in time order.
    for (const step of [H, H, 2 * H, 5 * H, 24 * H, 3 * 24 * H, 20 * 24 * H, 30 * M, 7 * 24 * H]) {
      const t = previous + step;
      expect(businessMsBetween(walking, previous, t)).toBe(businessMsBetween(compileCalendar(definition), previous, t));
      expect(businessMsBetween(walking, start, t)).toBe(businessMsBetween(compileCalendar(definition), start, t));
      previous = t;
    }
  });
});
