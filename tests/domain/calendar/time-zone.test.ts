import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTimeZone, isValidTimeZone, utcToLocal } from '../../../src/domain/calendar';
import { H } from './calendar-fixtures';

const wall = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

/** Offset straight from Intl, as an independent oracle. */
function intlOffset(zone: string, utc: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(utc);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - Math.floor(utc / 1000) * 1000;
}

describe('time zone offsets', () => {
  it.each([
    ['Asia/Tokyo', wall(2025, 1, 1), 9 * H],
    ['Asia/Kolkata', wall(2025, 7, 1), 5.5 * H],
    ['America/New_York', wall(2025, 1, 15), -5 * H],
    ['America/New_York', wall(2025, 7, 15), -4 * H],
    ['Australia/Lord_Howe', wall(2025, 1, 15), 11 * H],
    ['Australia/Lord_Howe', wall(2025, 7, 15), 10.5 * H],
    ['UTC', wall(2025, 7, 15), 0],
  ])('%s at %i', (zone, utc, offset) => {
    expect(getTimeZone(zone).offsetAt(utc)).toBe(offset);
  });

  it('switches at the exact transition instant (New York, 2025-03-09 07:00Z and 2025-11-02 06:00Z)', () => {
    const ny = getTimeZone('America/New_York');
    expect(ny.offsetAt(wall(2025, 3, 9, 7) - 1)).toBe(-5 * H);
    expect(ny.offsetAt(wall(2025, 3, 9, 7))).toBe(-4 * H);
    expect(ny.offsetAt(wall(2025, 11, 2, 6) - 1)).toBe(-4 * H);
    expect(ny.offsetAt(wall(2025, 11, 2, 6))).toBe(-5 * H);
  });

  it('Lord Howe moves by 30 minutes (2025-10-05 02:00 -> 02:30 local)', () => {
    const lh = getTimeZone('Australia/Lord_Howe');
    expect(lh.offsetAt(wall(2025, 10, 4, 15, 30) - 1)).toBe(10.5 * H);
    expect(lh.offsetAt(wall(2025, 10, 4, 15, 30))).toBe(11 * H);
  });
});

describe('local wall time to UTC', () => {
  it.each([
    ['ordinary time', 'America/New_York', wall(2025, 3, 10, 9), wall(2025, 3, 10, 13)],
    ['spring-forward gap maps to the transition', 'America/New_York', wall(2025, 3, 9, 2, 30), wall(2025, 3, 9, 7)],
    ['first instant after the gap', 'America/New_York', wall(2025, 3, 9, 3), wall(2025, 3, 9, 7)],
    ['fall-back overlap takes the earlier instant', 'America/New_York', wall(2025, 11, 2, 1, 30), wall(2025, 11, 2, 5, 30)],
    ['after the overlap', 'America/New_York', wall(2025, 11, 2, 2), wall(2025, 11, 2, 7)],
    ['Lord Howe gap', 'Australia/Lord_Howe', wall(2025, 10, 5, 2, 15), wall(2025, 10, 4, 15, 30)],
    ['Lord Howe overlap (01:30-02:00 twice on 2025-04-06)', 'Australia/Lord_Howe', wall(2025, 4, 6, 1, 45), wall(2025, 4, 5, 14, 45)],
    ['Kolkata half-hour offset', 'Asia/Kolkata', wall(2025, 1, 6, 9), wall(2025, 1, 6, 3, 30)],
  ])('%s (%s)', (_name, zone, local, utc) => {
    expect(getTimeZone(zone).localToUtc(local)).toBe(utc);
  });

  const zones = ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Europe/London', 'Asia/Tokyo', 'America/Sao_Paulo', 'Pacific/Chatham'];

  it('agrees with Intl at every instant (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: wall(2000, 1, 1), max: wall(2040, 1, 1) }), (zone, utc) => {
        expect(getTimeZone(zone).offsetAt(utc)).toBe(intlOffset(zone, utc));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips: localToUtc(utcToLocal(t)) === t except inside a fall-back repeat, and never goes backwards (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: wall(2000, 1, 1), max: wall(2040, 1, 1) }), fc.integer({ min: 0, max: 3 * H }), (zone, utc, delta) => {
        const tz = getTimeZone(zone);
        const local = utcToLocal(tz, utc);
        const back = tz.localToUtc(local);
        // Only an ambiguous wall time may map elsewhere, and then to the earlier instant with the same wall time.
        if (back !== utc) {
          expect(back).toBeLessThan(utc);
          expect(utcToLocal(tz, back)).toBe(local);
        }
        expect(tz.localToUtc(local + delta)).toBeGreaterThanOrEqual(back);
      }),
      { numRuns: 300 },
    );
  });

  it('knows valid and invalid zone names', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => getTimeZone('Mars/Olympus')).toThrow(RangeError);
  });

  it('rejects instants outside the supported years', () => {
    expect(() => getTimeZone('UTC').offsetAt(wall(2600, 1, 1))).toThrow(RangeError);
    expect(() => getTimeZone('UTC').offsetAt(Number.NaN)).toThrow(RangeError);
  });
});
