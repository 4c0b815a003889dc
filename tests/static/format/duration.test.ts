import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration, formatDurationLong } from '../../../static/shared/format';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;

describe('formatDuration', () => {
  it.each([
    [0, '0m', '0分'],
    [59 * S, '0m', '0分'],
    [M, '1m', '1分'],
    [35 * M, '35m', '35分'],
    [H, '1h', '1時間'],
    [H + 20 * M, '1h 20m', '1時間20分'],
    [H + 20 * M + 59 * S, '1h 20m', '1時間20分'],
    [26 * H + 5 * M, '26h 5m', '26時間5分'],
    [-1, '-1m', '1分超過'],
    [-35 * M, '-35m', '35分超過'],
    [-(34 * M + 1 * S), '-35m', '35分超過'],
    [-2 * H, '-2h', '2時間超過'],
    [-(H + 5 * M), '-1h 5m', '1時間5分超過'],
  ])('%i ms -> en %s, ja %s', (ms, enText, jaText) => {
    expect(formatDuration(ms, 'en')).toBe(enText);
    expect(formatDuration(ms, 'ja')).toBe(jaText);
  });

  it('rejects non-finite input', () => {
    expect(() => formatDuration(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY, 'ja')).toThrow(RangeError);
  });
});

describe('formatDurationLong (screen readers)', () => {
  it.each([
    [0, '0 minutes left', '残り0分'],
    [M, '1 minute left', '残り1分'],
    [H, '1 hour left', '残り1時間'],
    [2 * H + M, '2 hours 1 minute left', '残り2時間1分'],
    [-35 * M, '35 minutes overdue', '35分超過'],
    [-(H + 2 * M), '1 hour 2 minutes overdue', '1時間2分超過'],
  ])('%i ms -> %s / %s', (ms, enText, jaText) => {
    expect(formatDurationLong(ms, 'en')).toBe(enText);
    expect(formatDurationLong(ms, 'ja')).toBe(jaText);
  });
});

describe('durationParts', () => {
  const span = fc.integer({ min: -1_000 * H, max: 1_000 * H });

  it('remaining is rounded down, overdue rounded up, minutes < 60', () => {
    fc.assert(
      fc.property(span, (ms) => {
        const { overdue, hours, minutes } = durationParts(ms);
        const shown = (hours * 60 + minutes) * M;
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThan(60);
        expect(overdue).toBe(ms < 0);
        if (overdue) {
          expect(shown).toBeGreaterThanOrEqual(-ms);
          expect(shown - -ms).toBeLessThan(M);
        } else {
          expect(shown).toBeLessThanOrEqual(ms);
          expect(ms - shown).toBeLessThan(M);
        }
      }),
    );
  });

  it('an overdue timer never reads zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000 * H, max: -1 }), (ms) => {
        expect(formatDuration(ms, 'en')).not.toBe('-0m');
        expect(formatDuration(ms, 'ja')).not.toBe('0分超過');
      }),
    );
  });
});
