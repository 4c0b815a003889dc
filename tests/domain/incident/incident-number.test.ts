import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareIncidentNumbers,
  formatIncidentNumber,
  incidentDayKey,
  nextIncidentNumber,
  parseIncidentNumber,
} from '../../../src/domain/incident/incident-number';
import { localDayOf } from '../../../src/domain/incident/local-day';

describe('local day of an instant', () => {
  it.each([
    // [instant, zone, local day]
    [Date.UTC(2025, 0, 5, 14, 59, 59, 999), 'Asia/Tokyo', '2025-01-05'],
    [Date.UTC(2025, 0, 5, 15, 0, 0, 0), 'Asia/Tokyo', '2025-01-06'],
    [Date.UTC(2025, 0, 1, 0, 0), 'UTC', '2025-01-01'],
    [Date.UTC(2024, 11, 31, 23, 59, 59, 999), 'UTC', '2024-12-31'],
    // New York: 2025-03-09 spring forward, midnight is still EST (-5)
    [Date.UTC(2025, 2, 9, 4, 59, 59, 999), 'America/New_York', '2025-03-08'],
    [Date.UTC(2025, 2, 9, 5, 0), 'America/New_York', '2025-03-09'],
    // the next midnight is EDT (-4)
    [Date.UTC(2025, 2, 10, 3, 59, 59, 999), 'America/New_York', '2025-03-09'],
    [Date.UTC(2025, 2, 10, 4, 0), 'America/New_York', '2025-03-10'],
    // Lord Howe: +11 in January (DST, half-hour shift zone)
    [Date.UTC(2025, 0, 5, 12, 59, 59, 999), 'Australia/Lord_Howe', '2025-01-05'],
    [Date.UTC(2025, 0, 5, 13, 0), 'Australia/Lord_Howe', '2025-01-06'],
    // and +10:30 in July
    [Date.UTC(2025, 6, 5, 13, 29, 59, 999), 'Australia/Lord_Howe', '2025-07-05'],
    [Date.UTC(2025, 6, 5, 13, 30), 'Australia/Lord_Howe', '2025-07-06'],
  ])('%i in %s is %s', (instant, zone, day) => {
    expect(localDayOf(instant, zone)).toBe(day);
  });

  it('agrees with Intl for random instants and zones', () => {
    const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (t, zone) => {
        const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(t);
        const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
        expect(localDayOf(t, zone)).toBe(`${get('year')}-${get('month')}-${get('day')}`);
      }),
    );
  });
});

describe('formatIncidentNumber / parseIncidentNumber', () => {
  it.each([
    [{ year: 2025, month: 1, day: 6, sequence: 1 }, 'INC-20250106-001'],
    [{ year: 2025, month: 1, day: 6, sequence: 42 }, 'INC-20250106-042'],
    [{ year: 2025, month: 12, day: 31, sequence: 999 }, 'INC-20251231-999'],
    [{ year: 2025, month: 1, day: 6, sequence: 1000 }, 'INC-20250106-1000'],
    [{ year: 2024, month: 2, day: 29, sequence: 9999 }, 'INC-20240229-9999'],
  ])('%o <-> %s', (n, text) => {
    expect(formatIncidentNumber(n)).toBe(text);
    expect(parseIncidentNumber(text)).toEqual({ ok: true, value: n });
  });

  it.each([
    ['INC-20250106-01', 'invalid-format'],
    ['INC-20250106-0999', 'invalid-format'],
    ['INC-20250106-10000', 'invalid-format'],
    ['INC-20250106-000', 'invalid-format'],
    ['inc-20250106-001', 'invalid-format'],
    ['INC-2025016-001', 'invalid-format'],
    ['INC-20250230-001', 'invalid-date'],
    ['INC-20251301-001', 'invalid-date'],
    ['INC-20230229-001', 'invalid-date'],
  ])('refuses %s (%s) with ja and en messages', (text, code) => {
    const r = parseIncidentNumber(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message.ja).toContain(text);
    expect(r.error.message.en).toContain(text);
  });

  it('refuses to format out-of-range sequences and unreal dates', () => {
    expect(() => formatIncidentNumber({ year: 2025, month: 1, day: 6, sequence: 0 })).toThrow(RangeError);
    expect(() => formatIncidentNumber({ year: 2025, month: 1, day: 6, sequence: 10000 })).toThrow(RangeError);
    expect(() => formatIncidentNumber({ year: 2025, month: 2, day: 29, sequence: 1 })).toThrow(RangeError);
  });

  it('round-trips every valid number and sorts by date then sequence', () => {
    const arb = fc.record({
      year: fc.integer({ min: 1970, max: 2399 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      sequence: fc.integer({ min: 1, max: 9999 }),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const ta = formatIncidentNumber(a);
        expect(parseIncidentNumber(ta)).toEqual({ ok: true, value: a });
        const expected = Math.sign(a.year - b.year || a.month - b.month || a.day - b.day || a.sequence - b.sequence);
        expect(Math.sign(compareIncidentNumbers(ta, formatIncidentNumber(b)))).toBe(expected);
      }),
    );
  });

  it('sorts the widened form after 999', () => {
    expect(['INC-20250106-1000', 'INC-20250106-999', 'INC-20250105-9999'].sort(compareIncidentNumbers)).toEqual([
      'INC-20250105-9999',
      'INC-20250106-999',
      'INC-20250106-1000',
    ]);
  });
});

describe('nextIncidentNumber', () => {
  const tokyoMidnight = Date.UTC(2025, 0, 5, 15, 0); // 2025-01-06 00:00 JST

  it.each([
    [undefined, tokyoMidnight, 'Asia/Tokyo', 'INC-20250106-001'],
    [undefined, tokyoMidnight - 1, 'Asia/Tokyo', 'INC-20250105-001'],
    ['INC-20250106-001', tokyoMidnight + 3_600_000, 'Asia/Tokyo', 'INC-20250106-002'],
    ['INC-20250106-998', tokyoMidnight, 'Asia/Tokyo', 'INC-20250106-999'],
    ['INC-20250106-999', tokyoMidnight, 'Asia/Tokyo', 'INC-20250106-1000'],
    ['INC-20250106-1000', tokyoMidnight, 'Asia/Tokyo', 'INC-20250106-1001'],
    [{ year: 2025, month: 1, day: 5, sequence: 12 }, tokyoMidnight - 1, 'Asia/Tokyo', 'INC-20250105-013'],
    // the same instant is still 2025-01-05 in New York
    [undefined, tokyoMidnight, 'America/New_York', 'INC-20250105-001'],
  ])('after %o at %i in %s: %s', (last, at, zone, expected) => {
    const r = nextIncidentNumber(last, at, zone);
    expect(r).toMatchObject({ ok: true, value: { text: expected } });
  });

  it.each([
    ['INC-20250105-004', tokyoMidnight, 'Asia/Tokyo', 'counter-day-mismatch'],
    ['INC-20250106-9999', tokyoMidnight, 'Asia/Tokyo', 'sequence-exhausted'],
    ['INC-2025-01-06-001', tokyoMidnight, 'Asia/Tokyo', 'invalid-format'],
    [undefined, tokyoMidnight, 'Mars/Olympus', 'unknown-time-zone'],
  ])('after %s at %i in %s fails with %s', (last, at, zone, code) => {
    const r = nextIncidentNumber(last, at, zone);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.ja.length).toBeGreaterThan(0);
      expect(r.error.message.en.length).toBeGreaterThan(0);
    }
  });

  it('issues distinct, increasing numbers for a day when chained', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 86_399_999 }), { minLength: 1, maxLength: 60 }), (offsets) => {
        let last: string | undefined;
        const seen = new Set<string>();
        for (const off of offsets) {
          const r = nextIncidentNumber(last, tokyoMidnight + off, 'Asia/Tokyo');
          if (!r.ok) throw new Error(r.error.message.en);
          expect(seen.has(r.value.text)).toBe(false);
          expect(incidentDayKey(tokyoMidnight + off, 'Asia/Tokyo')).toBe('20250106');
          if (last !== undefined) expect(compareIncidentNumbers(last, r.value.text)).toBeLessThan(0);
          seen.add(r.value.text);
          last = r.value.text;
        }
        expect(seen.size).toBe(offsets.length);
      }),
    );
  });
});
