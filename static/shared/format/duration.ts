import type { Lang } from '../i18n/locale';

const MINUTE_MS = 60_000;

/** Whole hours and minutes of a signed business-time span, rounded the conservative way. */
export interface DurationParts {
  readonly overdue: boolean;
  readonly hours: number;
  readonly minutes: number;
}

/**
 * Splits a signed duration in milliseconds (negative = past the goal) into hours and minutes.
 * Remaining time is rounded down, so the UI never promises time that is not left; overdue time is
 * rounded up, so a breached timer never reads "0m" overdue.
 *
 * @example durationParts(4_830_000) // { overdue: false, hours: 1, minutes: 20 } (1h 20m 30s left)
 */
export function durationParts(ms: number): DurationParts {
  if (!Number.isFinite(ms)) throw new RangeError(`Not a finite duration: ${ms}`);
  const overdue = ms < 0;
  const totalMinutes = overdue ? Math.ceil(-ms / MINUTE_MS) : Math.floor(ms / MINUTE_MS);
  return { overdue, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

function shortCore(parts: DurationParts, lang: Lang): string {
  const { hours, minutes } = parts;
  switch (lang) {
    case 'ja':
      if (hours === 0) return `${minutes}分`;
      return minutes === 0 ? `${hours}時間` : `${hours}時間${minutes}分`;
    case 'en':
      if (hours === 0) return `${minutes}m`;
      return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
  }
}

/**
 * Compact business-time duration for timers and badges. Negative means overdue.
 *
 * @example formatDuration(4_800_000, 'en') // '1h 20m'
 * @example formatDuration(4_800_000, 'ja') // '1時間20分'
 * @example formatDuration(-2_100_000, 'en') // '-35m'
 * @example formatDuration(-2_100_000, 'ja') // '35分超過'
 */
export function formatDuration(ms: number, lang: Lang): string {
  const parts = durationParts(ms);
  const core = shortCore(parts, lang);
  if (!parts.overdue) return core;
  switch (lang) {
    case 'ja':
      return `${core}超過`;
    case 'en':
      return `-${core}`;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Spelled-out duration for screen readers (aria-label), where "-35m" would be read as "minus 35 m".
 *
 * @example formatDurationLong(-2_100_000, 'en') // '35 minutes overdue'
 * @example formatDurationLong(3_600_000, 'ja') // '残り1時間'
 */
export function formatDurationLong(ms: number, lang: Lang): string {
  const parts = durationParts(ms);
  switch (lang) {
    case 'ja': {
      const core = shortCore(parts, 'ja');
      return parts.overdue ? `${core}超過` : `残り${core}`;
    }
    case 'en': {
      const words: string[] = [];
      if (parts.hours > 0) words.push(plural(parts.hours, 'hour', 'hours'));
      if (parts.minutes > 0 || parts.hours === 0) words.push(plural(parts.minutes, 'minute', 'minutes'));
      return `${words.join(' ')} ${parts.overdue ? 'overdue' : 'left'}`;
    }
  }
}
