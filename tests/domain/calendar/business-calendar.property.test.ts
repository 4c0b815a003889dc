import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DaySchedule, Holiday, WeekSchedule } from '../../../src/domain/calendar';
import { CalendarDefinitionSchema, addBusinessMs, businessMsBetween, compileCalendar, isWorkingTime, nextOpening } from '../../../src/domain/calendar';
import { H, M } from './calendar-fixtures';

const ZONES = ['Asia/Tokyo', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Europe/London', 'UTC'] as const;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const QUARTER = 15 * M;
const hhmm = (quarters: number): string => `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

/** A day of up to three intervals on quarter hours, kept from 04:00 on so DST repeats/gaps (01:00-03:00) stay outside. */
const daySchedule = (minQuarter: number): fc.Arbitrary<DaySchedule> =>
  fc.uniqueArray(fc.integer({ min: minQuarter, max: 96 }), { minLength: 0, maxLength: 6 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: DaySchedule = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ start: hhmm(sorted[i] ?? 0), end: hhmm(sorted[i + 1] ?? 0) });
    return out;
  });

const week = (minQuarter: number): fc.Arbitrary<WeekSchedule> =>
  fc.tuple(...DAYS.map(() => daySchedule(minQuarter))).map((days) => Object.fromEntries(DAYS.map((d, i) => [d, days[i] ?? []])) as WeekSchedule);

const holidays: fc.Arbitrary<Holiday[]> = fc.array(
  fc.oneof(
    fc.date({ min: new Date(Date.UTC(2024, 0, 1)), max: new Date(Date.UTC(2026, 11, 31)), noInvalidDate: true }).map((d) => ({ kind: 'date' as const, date: d.toISOString().slice(0, 10) })),
    fc.record({ kind: fc.constant('yearly' as const), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
  ),
  { maxLength: 20 },
);

const calendarArb = (minQuarter: number) =>
  fc
    .record({ zone: fc.constantFrom(...ZONES), week: week(minQuarter), holidays })
    .filter((c) => DAYS.some((d) => c.week[d].length > 0))
    .map((c) => compileCalendar(CalendarDefinitionSchema.parse({ id: 'p', labels: { ja: 'p', en: 'p' }, timeZone: c.zone, hours: { kind: 'weekly', week: c.week }, holidays: c.holidays })));

const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 1) });

/** Independent oracle: walk quarter hours and ask Intl for each one's local date and time. */
function oracleBetween(def: { timeZone: string; week: WeekSchedule; holidays: readonly Holiday[] }, from: number, to: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: def.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  const dayKey: Record<string, (typeof DAYS)[number]> = { Sun: 'sun', Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat' };
  let total = 0;
  for (let t = from; t < to; t += QUARTER) {
    const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, x.value]));
    const date = `${p['year'] ?? ''}-${p['month'] ?? ''}-${p['day'] ?? ''}`;
    const month = Number(p['month']);
    const day = Number(p['day']);
    if (def.holidays.some((h) => (h.kind === 'date' ? h.date === date : h.month === month && h.day === day))) continue;
    const minutes = (Number(p['hour']) % 24) * 60 + Number(p['minute']);
    const schedule = def.week[dayKey[p['weekday'] ?? ''] ?? 'sun'];
    if (schedule.some((i) => minutes >= toMin(i.start) && minutes < toMin(i.end))) total += QUARTER;
  }
  return total;
}
const toMin = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

describe('business calendar properties', () => {
  it('matches a quarter-hour Intl oracle across zones, DST and half-hour offsets', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // A week without working time is refused by validation (tested elsewhere), not measured.
        week(16).filter((w) => DAYS.some((d) => w[d].length > 0)),
        holidays,
        fc.integer({ min: Date.UTC(2024, 0, 1) / QUARTER, max: Date.UTC(2026, 11, 1) / QUARTER }),
        fc.integer({ min: 0, max: 4 * 24 * 4 }),
        (zone, wk, hol, startQ, lengthQ) => {
          const cal = compileCalendar(CalendarDefinitionSchema.parse({ id: 'p', labels: { ja: 'p', en: 'p' }, timeZone: zone, hours: { kind: 'weekly', week: wk }, holidays: hol }));
          const from = startQ * QUARTER;
          const to = from + lengthQ * QUARTER;
          expect(businessMsBetween(cal, from, to)).toBe(oracleBetween({ timeZone: zone, week: wk, holidays: hol }, from, to));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('adding then measuring round-trips, and the result is the earliest such instant', () => {
    fc.assert(
      fc.property(calendarArb(0), instant, fc.integer({ min: 1, max: 400 * H }), (cal, from, ms) => {
        const r = addBusinessMs(cal, from, ms);
        if (!r.ok) return;
        expect(businessMsBetween(cal, from, r.value)).toBe(ms);
        expect(businessMsBetween(cal, from, r.value - 1)).toBe(ms - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('measuring then adding lands at or before the end, exactly on it when the end is working time', () => {
    fc.assert(
      fc.property(calendarArb(0), instant, fc.integer({ min: 0, max: 60 * 24 * H }), (cal, from, span) => {
        const to = from + span;
        const ms = businessMsBetween(cal, from, to);
        const r = addBusinessMs(cal, from, ms);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toBeLessThanOrEqual(to);
        if (ms > 0 && isWorkingTime(cal, to - 1)) expect(r.value).toBe(to);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive, never negative and never more than wall-clock time', () => {
    fc.assert(
      fc.property(calendarArb(0), instant, fc.integer({ min: 0, max: 90 * 24 * H }), fc.integer({ min: 0, max: 90 * 24 * H }), (cal, a, x, y) => {
        const ab = businessMsBetween(cal, a, a + x);
        const bc = businessMsBetween(cal, a + x, a + x + y);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(x);
        expect(ab + bc).toBe(businessMsBetween(cal, a, a + x + y));
      }),
      { numRuns: 300 },
    );
  });

  it('nextOpening is working time with no business time before it', () => {
    fc.assert(
      fc.property(calendarArb(0), instant, (cal, t) => {
        const r = nextOpening(cal, t);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toBeGreaterThanOrEqual(t);
        expect(isWorkingTime(cal, r.value)).toBe(true);
        expect(businessMsBetween(cal, t, r.value)).toBe(0);
        expect(isWorkingTime(cal, t)).toBe(r.value === t);
      }),
      { numRuns: 300 },
    );
  });
});
