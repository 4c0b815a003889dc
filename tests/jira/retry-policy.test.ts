import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, mayRetry, retryAfterMs } from '../../src/jira/retry-policy';

describe('retry policy', () => {
  it.each([
    ['2', 0, 2000],
    ['0', 0, 0],
    ['1.5', 0, 1500],
    ['Wed, 21 Oct 2026 07:28:00 GMT', Date.UTC(2026, 9, 21, 7, 27, 30), 30_000],
    ['Wed, 21 Oct 2026 07:28:00 GMT', Date.UTC(2026, 9, 21, 7, 29, 0), 0],
    ['soon', 0, null],
  ] as const)('Retry-After %s at %d -> %s ms', (header, now, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });

  it('backs off exponentially from 500 ms with jitter, and caps every wait including Retry-After', () => {
    const full = () => 1;
    const half = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(DEFAULT_RETRY_POLICY, n, null, full))).toEqual([500, 1000, 2000, 4000, 8000, 10_000]);
    expect([1, 2, 3].map((n) => backoffDelayMs(DEFAULT_RETRY_POLICY, n, null, half))).toEqual([250, 500, 1000]);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 1, 3000, full)).toBe(3000);
    expect(backoffDelayMs(DEFAULT_RETRY_POLICY, 1, 60_000, full)).toBe(10_000);
  });

  it('never waits longer than the cap nor less than half a step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (retry, r) => {
        const d = backoffDelayMs(DEFAULT_RETRY_POLICY, retry, null, () => r);
        const step = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (retry - 1));
        return d <= DEFAULT_RETRY_POLICY.maxDelayMs && d >= step / 2 - 1;
      }),
    );
  });

  it('repeats a creating POST only when Jira says it was not processed', () => {
    expect(['GET', 'PUT', 'DELETE'].every((m) => [429, 500, 502, 503, 504].every((s) => mayRetry(m, s)))).toBe(true);
    expect([429, 503].map((s) => mayRetry('POST', s))).toEqual([true, true]);
    expect([500, 502, 504].map((s) => mayRetry('POST', s))).toEqual([false, false, false]);
    expect([400, 401, 403, 404, 409].some((s) => mayRetry('GET', s))).toBe(false);
  });
});
