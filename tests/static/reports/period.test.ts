import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_DAYS, checkCustomPeriod, dayNumber, dayOf, periodDays, presetPeriod, todayIn } from '../../../static/reports/src/model/period';

describe('presetPeriod', () => {
  it.each([
    ['last7', '2026-03-10', '2026-03-04', '2026-03-10'],
    ['last30', '2026-03-10', '2026-02-09', '2026-03-10'],
    ['last90', '2026-03-10', '2025-12-11', '2026-03-10'],
    ['thisMonth', '2026-03-10', '2026-03-01', '2026-03-10'],
    ['thisMonth', '2026-03-01', '2026-03-01', '2026-03-01'],
    ['lastMonth', '2026-03-10', '2026-02-01', '2026-02-28'],
    ['lastMonth', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['lastMonth', '2026-01-15', '2025-12-01', '2025-12-31'],
    ['last7', '2026-01-03', '2025-12-28', '2026-01-03'],
  ] as const)('%s on %s is %s .. %s', (preset, today, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ from, to });
  });

  it('last N days are N days ending today, for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(['last7', 7] as const, ['last30', 30] as const, ['last90', 90] as const), (n, [preset, days]) => {
        const today = dayOf(n + 3660);
        const p = presetPeriod(preset, today);
        expect(p.to).toBe(today);
        expect(periodDays(p)).toBe(days);
        expect(checkCustomPeriod(p.from, p.to).ok).toBe(true);
      }),
    );
  });

  it('last month is a whole month just before the current one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const today = dayOf(n + 3660);
        const p = presetPeriod('lastMonth', today);
        expect(p.from.endsWith('-01')).toBe(true);
        expect(dayOf((dayNumber(p.to) ?? 0) + 1)).toBe(`${today.slice(0, 7)}-01`);
        expect(p.from.slice(0, 7)).toBe(p.to.slice(0, 7));
      }),
    );
  });
});

describe('todayIn', () => {
  const instant = Date.parse('2026-03-31T16:30:00Z');
  it.each([
    ['Asia/Tokyo', '2026-04-01'],
    ['UTC', '2026-03-31'],
    ['America/New_York', '2026-03-31'],
    ['Pacific/Kiritimati', '2026-04-01'],
  ])('%s -> %s', (zone, day) => {
    expect(todayIn(zone, instant)).toBe(day);
  });
});

describe('checkCustomPeriod', () => {
  it.each([
    ['2026-03-01', '2026-03-31', []],
    [' 2026-03-01 ', '2026-03-01', []],
    ['', '', [{ field: 'from', key: 'report.period.error.fromMissing' }, { field: 'to', key: 'report.period.error.toMissing' }]],
    ['2026-02-30', '2026-03-01', [{ field: 'from', key: 'report.period.error.fromInvalid' }]],
    ['2026-03-01', '03/05/2026', [{ field: 'to', key: 'report.period.error.toInvalid' }]],
    ['2026-03-10', '2026-03-09', [{ field: 'to', key: 'report.period.error.order' }]],
    ['2016-01-01', '2026-01-08', [{ field: 'to', key: 'report.period.error.tooLong' }]],
  ] as const)('%j .. %j', (from, to, errors) => {
    const res = checkCustomPeriod(from, to);
    if (errors.length === 0) expect(res).toEqual({ ok: true, period: { from: from.trim(), to: to.trim() } });
    else expect(res).toEqual({ ok: false, errors });
  });

  it('accepts exactly the backend maximum and refuses one day more', () => {
    const from = '2020-01-01';
    const last = dayOf((dayNumber(from) ?? 0) + MAX_PERIOD_DAYS - 1);
    expect(checkCustomPeriod(from, last).ok).toBe(true);
    expect(checkCustomPeriod(from, dayOf((dayNumber(last) ?? 0) + 1)).ok).toBe(false);
  });
});

describe('dayNumber / dayOf', () => {
  it('round-trips every day and refuses non-dates', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        expect(dayNumber(dayOf(n))).toBe(n);
      }));
    for (const bad of ['2026-13-01', '2026-00-10', '2025-02-29', '2026-1-01', 'x']) expect(dayNumber(bad), bad).toBeNull();
  });
});
