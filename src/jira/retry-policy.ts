/**
 * When and how long to wait before retrying a Jira call. Pure, so the schedule is tested without
 * waiting: the client injects `sleep` and `random`.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (attempts = maxRetries + 1). */
  readonly maxRetries: number;
  /** First backoff step; doubles per retry. */
  readonly baseDelayMs: number;
  /** No single wait is longer than this, Retry-After included (Forge functions have a time limit). */
  readonly maxDelayMs: number;
  /** Give up once the waits would add up to more than this. */
  readonly maxTotalDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 10_000, maxTotalDelayMs: 20_000 };

/** Statuses worth retrying: rate limited, or the server/gateway in trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Whether a request may be sent again after `status`. A POST that creates something (comment, link)
 * is only repeated when Jira says it was not processed (429, 503), so a retry cannot create it twice.
 */
export function mayRetry(method: string, status: number): boolean {
  if (!isRetryableStatus(status)) return false;
  if (method === 'POST') return status === 429 || status === 503;
  return true;
}

/**
 * Milliseconds Jira asks us to wait, from `Retry-After` (delta seconds or an HTTP date), or null.
 *
 * @example
 * retryAfterMs('2', 0); // 2000
 * retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.UTC(2026, 9, 21, 7, 27, 30)); // 30000
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The wait before retry number `retry` (1-based): Retry-After when Jira sent one, else exponential
 * backoff with jitter (half to full step), always capped at `maxDelayMs`.
 *
 * @example
 * backoffDelayMs(DEFAULT_RETRY_POLICY, 1, null, () => 1); // 500
 * backoffDelayMs(DEFAULT_RETRY_POLICY, 3, null, () => 1); // 2000
 * backoffDelayMs(DEFAULT_RETRY_POLICY, 1, 3000, () => 1); // 3000
 * backoffDelayMs(DEFAULT_RETRY_POLICY, 1, 60_000, () => 1); // 10000
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, retryAfter: number | null, random: () => number): number {
  if (retryAfter !== null) return Math.min(policy.maxDelayMs, retryAfter);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random())));
}
