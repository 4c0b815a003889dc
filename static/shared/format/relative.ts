import { toEpochMs } from './instant';
import type { Instant } from './instant';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const cache = new Map<string, Intl.RelativeTimeFormat>();

function rtf(intlTag: string, numeric: 'always' | 'auto'): Intl.RelativeTimeFormat {
  const key = `${intlTag}|${numeric}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.RelativeTimeFormat(intlTag, { style: 'narrow', numeric });
    cache.set(key, f);
  }
  return f;
}

/**
 * Wall-clock distance from now to an instant, in the largest sensible unit ("in 2h", "35m ago",
 * "2時間後"). Under 45 seconds reads "now". Values are rounded to the nearest unit; use
 * formatDuration for exact business-time remaining.
 *
 * @example formatRelative('2026-03-14T02:30:00Z', '2026-03-14T00:30:00Z', 'en-US') // 'in 2h'
 * @example formatRelative('2026-03-14T00:00:00Z', '2026-03-14T00:35:00Z', 'ja-JP') // '35分前'
 */
export function formatRelative(target: Instant, now: Instant, intlTag: string): string {
  const diff = toEpochMs(target) - toEpochMs(now);
  const abs = Math.abs(diff);
  if (abs < 45_000) return rtf(intlTag, 'auto').format(0, 'second');
  const f = rtf(intlTag, 'always');
  if (abs < HOUR - 30_000) return f.format(Math.sign(diff) * Math.max(1, Math.round(abs / MINUTE)), 'minute');
  if (abs < DAY - HOUR / 2) return f.format(Math.sign(diff) * Math.round(abs / HOUR), 'hour');
  return f.format(Math.sign(diff) * Math.round(abs / DAY), 'day');
}
