import { describe, expect, it } from 'vitest';
import {
  CALENDAR_SEARCH_HORIZON_YEARS,
  CalendarDefinitionSchema,
  addBusinessMs,
  businessMsBetween,
  isWorkingTime,
  nextOpening,
  workingIntervals,
} from '../../../src/domain/calendar';
import { H, M, NINE_TO_SIX, WITH_LUNCH, at, calendar, tokyo, weekdays } from './calendar-fixtures';

const ny = () => calendar({ timeZone: 'America/New_York', hours: { kind: 'weekly', week: weekdays([{ start: '09:00', end: '17:00' }]) } });
/** Every day 00:00-24:00 in New York: shows the 23- and 25-hour DST days. */
const nyAllDay = () => calendar({ timeZone: 'America/New_York', hours: { kind: 'weekly', week: weekdays([{ start: '00:00', end: '24:00' }], [{ start: '00:00', end: '24:00' }]) } });
const lunch = () => calendar({ timeZone: 'Asia/Tokyo', hours: { kind: 'weekly', week: weekdays(WITH_LUNCH) } });

describe('businessMsBetween (exact instants)', () => {
  it.each([
    ['same working day', tokyo, '2025-01-06T10:00+09:00', '2025-01-06T12:30+09:00', 2.5 * H],
    ['before opening to after closing', tokyo, '2025-01-06T07:00+09:00', '2025-01-06T20:00+09:00', 9 * H],
    ['Friday evening to Monday morning', tokyo, '2025-01-17T17:00+09:00', '2025-01-20T10:00+09:00', 2 * H],
    ['over Coming of Age Day (Mon 13 Jan)', tokyo, '2025-01-10T17:00+09:00', '2025-01-14T10:00+09:00', 2 * H],
    ['Golden Week 2025: Apr 28 17:00 to May 7 10:00', tokyo, '2025-04-28T17:00+09:00', '2025-05-07T10:00+09:00', 29 * H],
    ['lunch break not counted', lunch, '2025-01-06T11:30+09:00', '2025-01-06T13:30+09:00', 1 * H],
    ['inside the lunch break', lunch, '2025-01-06T12:10+09:00', '2025-01-06T12:50+09:00', 0],
    ['NY over DST start weekend (Fri 16:00 EST to Mon 10:00 EDT)', ny, '2025-03-07T16:00-05:00', '2025-03-10T10:00-04:00', 2 * H],
    ['NY over DST end weekend (Fri 16:00 EDT to Mon 10:00 EST)', ny, '2025-10-31T16:00-04:00', '2025-11-03T10:00-05:00', 2 * H],
    ['NY DST start day has 23 working hours', nyAllDay, '2025-03-09T00:00-05:00', '2025-03-10T00:00-04:00', 23 * H],
    ['NY DST end day has 25 working hours', nyAllDay, '2025-11-02T00:00-04:00', '2025-11-03T00:00-05:00', 25 * H],
    ['reversed range is zero', tokyo, '2025-01-06T12:00+09:00', '2025-01-06T10:00+09:00', 0],
    ['across the new year (Jan 1 closed)', tokyo, '2024-12-31T17:00+09:00', '2025-01-02T10:00+09:00', 2 * H],
  ])('%s', (_name, cal, from, to, expected) => {
    expect(businessMsBetween(cal(), at(from), at(to))).toBe(expected);
  });

  it('counts several years', () => {
    const cal = calendar({ timeZone: 'UTC', hours: { kind: '24x7' }, holidays: [{ kind: 'yearly', month: 12, day: 25 }] });
    expect(businessMsBetween(cal, at('2020-01-01T00:00Z'), at('2025-01-01T00:00Z'))).toBe((366 + 365 * 3 + 366 - 5) * 24 * H);
  });
});

describe('addBusinessMs (exact instants)', () => {
  it.each([
    ['within the day', tokyo, '2025-01-06T10:00+09:00', 2 * H, '2025-01-06T12:00+09:00'],
    ['ends exactly at closing, not next morning', tokyo, '2025-01-17T17:00+09:00', 1 * H, '2025-01-17T18:00+09:00'],
    ['rolls over the weekend', tokyo, '2025-01-17T17:00+09:00', 2 * H, '2025-01-20T10:00+09:00'],
    ['starts outside hours', tokyo, '2025-01-18T12:00+09:00', 30 * M, '2025-01-20T09:30+09:00'],
    ['skips the holiday Monday', tokyo, '2025-01-10T17:00+09:00', 2 * H, '2025-01-14T10:00+09:00'],
    ['skips Golden Week', tokyo, '2025-04-28T17:00+09:00', 27 * H, '2025-05-02T17:00+09:00'],
    ['skips the lunch break', lunch, '2025-01-06T11:30+09:00', 2 * H, '2025-01-06T14:30+09:00'],
    ['NY across DST start', ny, '2025-03-07T16:00-05:00', 2 * H, '2025-03-10T10:00-04:00'],
    ['NY across DST end', ny, '2025-10-31T16:00-04:00', 2 * H, '2025-11-03T10:00-05:00'],
    ['NY all-day calendar through the short day', nyAllDay, '2025-03-09T00:00-05:00', 23 * H, '2025-03-10T00:00-04:00'],
    ['zero returns the start even outside hours', tokyo, '2025-01-18T12:00+09:00', 0, '2025-01-18T12:00+09:00'],
  ])('%s', (_name, cal, from, ms, expected) => {
    expect(addBusinessMs(cal(), at(from), ms)).toEqual({ ok: true, value: at(expected) });
  });

  it('gives a typed error, not a hang, when no working time exists within the horizon', () => {
    // Only 29 February is not a yearly holiday, and only Mondays work: the next such day after 2017 is in 2044.
    const holidays = [];
    for (let month = 1; month <= 12; month++) for (let day = 1; day <= new Date(Date.UTC(2001, month, 0)).getUTCDate(); day++) holidays.push({ kind: 'yearly' as const, month, day });
    const cal = calendar({ timeZone: 'UTC', hours: { kind: 'weekly', week: { ...weekdays([]), mon: NINE_TO_SIX } }, holidays });
    const from = at('2017-01-01T00:00Z');
    expect(addBusinessMs(cal, from, H)).toEqual({ ok: false, error: { code: 'no-working-time-within-horizon', from, horizonYears: CALENDAR_SEARCH_HORIZON_YEARS } });
    expect(nextOpening(cal, from).ok).toBe(false);
    expect(addBusinessMs(cal, at('2016-02-29T00:00Z'), H)).toEqual({ ok: true, value: at('2016-02-29T10:00Z') });
  });

  it('rejects a negative duration', () => {
    expect(() => addBusinessMs(tokyo(), at('2025-01-06T10:00+09:00'), -1)).toThrow(RangeError);
  });
});

describe('isWorkingTime and nextOpening', () => {
  it.each([
    ['opening instant is inside', tokyo, '2025-01-06T09:00+09:00', true],
    ['closing instant is outside', tokyo, '2025-01-06T18:00+09:00', false],
    ['holiday', tokyo, '2025-01-13T10:00+09:00', false],
    ['lunch', lunch, '2025-01-06T12:30+09:00', false],
    ['Saturday', tokyo, '2025-01-18T10:00+09:00', false],
  ])('%s', (_name, cal, t, expected) => {
    expect(isWorkingTime(cal(), at(t))).toBe(expected);
  });

  it.each([
    ['already open', tokyo, '2025-01-06T10:00+09:00', '2025-01-06T10:00+09:00'],
    ['at closing', tokyo, '2025-01-10T18:00+09:00', '2025-01-14T09:00+09:00'],
    ['lunch', lunch, '2025-01-06T12:00+09:00', '2025-01-06T13:00+09:00'],
    ['NY weekend of DST start', ny, '2025-03-08T12:00-05:00', '2025-03-10T09:00-04:00'],
  ])('nextOpening: %s', (_name, cal, t, expected) => {
    expect(nextOpening(cal(), at(t))).toEqual({ ok: true, value: at(expected) });
  });

  it('lists working intervals clipped to the range', () => {
    expect(workingIntervals(lunch(), at('2025-01-06T10:00+09:00'), at('2025-01-07T10:00+09:00'))).toEqual([
      { start: at('2025-01-06T10:00+09:00'), end: at('2025-01-06T12:00+09:00') },
      { start: at('2025-01-06T13:00+09:00'), end: at('2025-01-06T18:00+09:00') },
      { start: at('2025-01-07T09:00+09:00'), end: at('2025-01-07T10:00+09:00') },
    ]);
  });
});

describe('24x7 and half-hour zones', () => {
  it('24x7 without holidays is wall-clock time', () => {
    const cal = calendar({ timeZone: 'Australia/Lord_Howe', hours: { kind: '24x7' } });
    expect(businessMsBetween(cal, at('2025-04-05T00:00Z'), at('2025-04-07T00:00Z'))).toBe(48 * H);
    expect(addBusinessMs(cal, at('2025-04-05T00:00Z'), 5 * H)).toEqual({ ok: true, value: at('2025-04-05T05:00Z') });
  });

  it('24x7 with a holiday closes the whole local day, 25.5 hours on Lord Howe DST end day', () => {
    const cal = calendar({ timeZone: 'Australia/Lord_Howe', hours: { kind: '24x7' }, holidays: [{ kind: 'date', date: '2025-04-06' }] });
    // 2025-04-06 local lasts 24.5 h (clock goes back 30 min); the range is Apr 5 00:00 to Apr 8 00:00 local.
    const wallRange = at('2025-04-08T00:00+10:30') - at('2025-04-05T00:00+11:00');
    expect(wallRange).toBe(72.5 * H);
    expect(businessMsBetween(cal, at('2025-04-05T00:00+11:00'), at('2025-04-08T00:00+10:30'))).toBe(48 * H);
  });

  it('Kolkata 9:00-17:30 works in +05:30', () => {
    const cal = calendar({ timeZone: 'Asia/Kolkata', hours: { kind: 'weekly', week: weekdays([{ start: '09:00', end: '17:30' }]) } });
    expect(addBusinessMs(cal, at('2025-01-06T03:30Z'), 8.5 * H)).toEqual({ ok: true, value: at('2025-01-06T12:00Z') });
    expect(nextOpening(cal, at('2025-01-06T12:00Z'))).toEqual({ ok: true, value: at('2025-01-07T03:30Z') });
  });
});

describe('CalendarDefinitionSchema', () => {
  const base = { id: 'c', labels: { ja: 'カレンダー', en: 'Calendar' }, timeZone: 'Asia/Tokyo' };
  const codes = (input: unknown): unknown[] => {
    const r = CalendarDefinitionSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.code === 'custom' ? (i.params?.['code'] as unknown) : i.code]);
  };

  it('accepts a valid calendar and defaults holidays', () => {
    const r = CalendarDefinitionSchema.parse({ ...base, hours: { kind: 'weekly', week: weekdays(NINE_TO_SIX) } });
    expect(r.holidays).toEqual([]);
  });

  it.each([
    ['no working day at all', { ...base, hours: { kind: 'weekly', week: weekdays([]) } }, [['hours', 'no-working-time']]],
    [
      'yearly holidays on every day',
      {
        ...base,
        hours: { kind: '24x7' },
        holidays: Array.from({ length: 12 }, (_, m) => Array.from({ length: new Date(Date.UTC(2000, m + 1, 0)).getUTCDate() }, (_x, d) => ({ kind: 'yearly', month: m + 1, day: d + 1 }))).flat(),
      },
      [['hours', 'no-working-time']],
    ],
    ['unknown zone', { ...base, timeZone: 'Asia/Atlantis', hours: { kind: '24x7' } }, [['timeZone', 'unknown-time-zone']]],
    ['end before start', { ...base, hours: { kind: 'weekly', week: weekdays([{ start: '18:00', end: '09:00' }]) } }, ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [`hours.week.${d}.0.end`, 'interval-not-increasing'])],
    ['overlap', { ...base, hours: { kind: 'weekly', week: { ...weekdays([]), mon: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }] } } }, [['hours.week.mon.1.start', 'intervals-overlap']]],
    ['bad time', { ...base, hours: { kind: 'weekly', week: { ...weekdays([]), mon: [{ start: '9:00', end: '18:00' }] } } }, [['hours.week.mon.0.start', 'invalid-time-of-day']]],
    ['bad date', { ...base, hours: { kind: '24x7' }, holidays: [{ kind: 'date', date: '2025-02-30' }] }, [['holidays.0.date', 'invalid-date']]],
    ['bad yearly day', { ...base, hours: { kind: '24x7' }, holidays: [{ kind: 'yearly', month: 4, day: 31 }] }, [['holidays.0.day', 'invalid-day-of-month']]],
    ['unknown key', { ...base, hours: { kind: '24x7' }, colour: 'red' }, [['', 'unrecognized_keys']]],
  ])('rejects %s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});
