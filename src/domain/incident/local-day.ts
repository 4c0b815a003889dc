import { z } from 'zod';
import { MS_PER_DAY, civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate, type CivilDate } from '../calendar/civil-date';
import { getTimeZone, utcToLocal } from '../calendar/time-zone';

/**
 * The local calendar day of an instant in an IANA zone. The offset comes from the calendar domain's
 * Intl-backed zone tables (exact to the second), so an instant one millisecond before local midnight
 * and one at local midnight fall on different days even across DST changes.
 */

/** A local date written `YYYY-MM-DD` (a real calendar date). */
export const LocalDaySchema = z.string().refine((s) => parseIsoDate(s) !== null, { message: 'expected a real date written YYYY-MM-DD' });
export type LocalDay = z.infer<typeof LocalDaySchema>;

/**
 * Civil date of an instant in a zone.
 *
 * @example
 * localDateOf(Date.UTC(2025, 0, 5, 15, 0), 'Asia/Tokyo') // { year: 2025, month: 1, day: 6 } (00:00 JST)
 * @throws RangeError for an unknown zone
 */
export function localDateOf(instant: number, timeZone: string): CivilDate {
  const local = utcToLocal(getTimeZone(timeZone), instant);
  return civilFromDays(Math.floor(local / MS_PER_DAY));
}

/**
 * Day number (days since 1970-01-01) of an instant's local date.
 *
 * @example localDayNumber(Date.UTC(2025, 0, 1, 0, 0), 'UTC') === 20089
 */
export function localDayNumber(instant: number, timeZone: string): number {
  return Math.floor(utcToLocal(getTimeZone(timeZone), instant) / MS_PER_DAY);
}

/**
 * `YYYY-MM-DD` of an instant's local date.
 *
 * @example localDayOf(Date.UTC(2025, 0, 5, 14, 59, 59, 999), 'Asia/Tokyo') === '2025-01-05'
 */
export function localDayOf(instant: number, timeZone: string): LocalDay {
  return formatIsoDate(localDateOf(instant, timeZone));
}

/**
 * Day number of a `YYYY-MM-DD` text, or null when it is not a real date.
 *
 * @example dayNumberOf('2025-01-01') === 20089
 */
export function dayNumberOf(day: string): number | null {
  const d = parseIsoDate(day);
  return d === null ? null : daysFromCivil(d.year, d.month, d.day);
}

/**
 * `YYYY-MM-DD` of a day number.
 *
 * @example dayOfNumber(20089) === '2025-01-01'
 */
export function dayOfNumber(dayNumber: number): LocalDay {
  return formatIsoDate(civilFromDays(dayNumber));
}
