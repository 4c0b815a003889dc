import { toEpochMs } from './instant';
import type { Instant } from './instant';

/** Who is looking: the Intl tag of their locale and their IANA time zone (both from the Forge context). */
export interface ViewerLocale {
  readonly intlTag: string;
  readonly timeZone: string;
}

type Style = 'dateTime' | 'dateTimeZone' | 'date' | 'time';

const OPTIONS: { readonly [S in Style]: Intl.DateTimeFormatOptions } = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  // dateStyle cannot be combined with timeZoneName, hence the spelled-out fields.
  dateTimeZone: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
};

// The panel re-renders every minute; building an Intl formatter is far costlier than using one.
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * ICU versions differ in the space before AM/PM (U+202F in ICU 72-73 and current Chromium builds,
 * a plain space in others); one plain space keeps the text the same in every browser and test.
 */
function normaliseSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

function format(instant: Instant, viewer: ViewerLocale, style: Style): string {
  return normaliseSpaces(formatter(viewer, style).format(toEpochMs(instant)));
}

function formatter(viewer: ViewerLocale, style: Style): Intl.DateTimeFormat {
  const key = `${viewer.intlTag}|${viewer.timeZone}|${style}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(viewer.intlTag, { ...OPTIONS[style], timeZone: viewer.timeZone });
    cache.set(key, f);
  }
  return f;
}

/**
 * Date and time in the viewer's zone and locale.
 *
 * @example formatDateTime('2026-03-14T00:30:00Z', { intlTag: 'ja-JP', timeZone: 'Asia/Tokyo' }) // '2026/03/14 9:30'
 */
export function formatDateTime(instant: Instant, viewer: ViewerLocale): string {
  return format(instant, viewer, 'dateTime');
}

/**
 * Date and time with the zone's short name, for instants the viewer may compare across zones
 * (a breach time on a calendar in another office).
 *
 * @example formatDateTimeWithZone('2026-03-14T00:30:00Z', { intlTag: 'ja-JP', timeZone: 'Asia/Tokyo' }) // '2026年3月14日 9:30 JST'
 */
export function formatDateTimeWithZone(instant: Instant, viewer: ViewerLocale): string {
  return format(instant, viewer, 'dateTimeZone');
}

/** @example formatDate('2026-03-14T00:30:00Z', { intlTag: 'en-GB', timeZone: 'Europe/London' }) // '14 Mar 2026' */
export function formatDate(instant: Instant, viewer: ViewerLocale): string {
  return format(instant, viewer, 'date');
}

/** @example formatTime('2026-03-14T00:30:00Z', { intlTag: 'en-GB', timeZone: 'Europe/London' }) // '00:30' */
export function formatTime(instant: Instant, viewer: ViewerLocale): string {
  return format(instant, viewer, 'time');
}
