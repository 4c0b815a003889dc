import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, civilFromDays, parseIsoDate, weekdayOfDay } from '../calendar/civil-date';
import { getTimeZone } from '../calendar/time-zone';
import type { ReportLocale } from './report-labels';

/**
 * Deterministic date, time and duration text for reports. Built by hand from the zone offset rather than
 * Intl.DateTimeFormat output, whose spacing and punctuation change between ICU versions (a report exported
 * today must read the same as one exported next year), and every instant carries its UTC offset so a
 * reader in another zone (or across a DST change) cannot misread it.
 */

const WEEKDAYS: Readonly<Record<ReportLocale, readonly string[]>> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const two = (n: number): string => String(n).padStart(2, '0');

function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetMs / MS_PER_MINUTE));
  return `UTC${sign}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/**
 * An instant as local wall time in a zone, with weekday and UTC offset (to the minute).
 *
 * @example
 * formatReportInstant(Date.UTC(2025, 0, 6, 0, 30), 'Asia/Tokyo', 'ja') === '2025年1月6日(月) 09:30 (UTC+09:00)'
 * formatReportInstant(Date.UTC(2025, 0, 6, 0, 30), 'Asia/Tokyo', 'en') === 'Mon 2025-01-06 09:30 (UTC+09:00)'
 * @throws RangeError for an unknown zone
 */
export function formatReportInstant(instant: number, timeZone: string, locale: ReportLocale): string {
  const offset = getTimeZone(timeZone).offsetAt(instant);
  const local = instant + offset;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const d = civilFromDays(dayNumber);
  const msOfDay = local - dayNumber * MS_PER_DAY;
  const hh = two(Math.floor(msOfDay / MS_PER_HOUR));
  const mm = two(Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE));
  const wd = WEEKDAYS[locale][weekdayOfDay(dayNumber)] ?? '';
  switch (locale) {
    case 'ja':
      return `${String(d.year)}年${String(d.month)}月${String(d.day)}日(${wd}) ${hh}:${mm} (${offsetText(offset)})`;
    case 'en':
      return `${wd} ${String(d.year)}-${two(d.month)}-${two(d.day)} ${hh}:${mm} (${offsetText(offset)})`;
  }
}

/**
 * A duration, floored to whole minutes, as days, hours and minutes (zero parts left out).
 *
 * @example
 * formatReportDuration(93_780_000, 'ja') === '1日 2時間 3分'
 * formatReportDuration(93_780_000, 'en') === '1 d 2 h 3 min'
 * formatReportDuration(0, 'en') === '0 min'
 */
export function formatReportDuration(ms: number, locale: ReportLocale): string {
  const totalMinutes = Math.max(0, Math.floor(ms / MS_PER_MINUTE));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const units = locale === 'ja' ? (['日', '時間', '分'] as const) : ([' d', ' h', ' min'] as const);
  const parts: string[] = [];
  if (days > 0) parts.push(`${String(days)}${units[0]}`);
  if (hours > 0) parts.push(`${String(hours)}${units[1]}`);
  if (minutes > 0 || parts.length === 0) parts.push(`${String(minutes)}${units[2]}`);
  return parts.join(' ');
}

/**
 * A calendar date (`YYYY-MM-DD`, e.g. a due date) in the locale's style; unreal dates are shown as given.
 *
 * @example formatReportDate('2025-03-31', 'ja') === '2025年3月31日'; formatReportDate('2025-03-31', 'en') === '2025-03-31'
 */
export function formatReportDate(isoDate: string, locale: ReportLocale): string {
  const d = parseIsoDate(isoDate);
  if (d === null) return isoDate;
  switch (locale) {
    case 'ja':
      return `${String(d.year)}年${String(d.month)}月${String(d.day)}日`;
    case 'en':
      return isoDate;
  }
}
