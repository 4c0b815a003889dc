import holidayJp from '@holiday-jp/holiday_jp';
import type { CalendarDefinition, Holiday } from '../../domain/calendar';

/**
 * Japanese public holidays from @holiday-jp/holiday_jp (the Cabinet Office list, including substitute
 * and citizens' holidays), as plain one-off dates the calendar domain accepts. Kept outside src/domain:
 * the package is data we load, not logic the domain should depend on.
 */

/** Years the installed package covers (it lists holidays announced up to its release). */
export function japaneseHolidayYears(): { readonly first: number; readonly last: number } {
  const dates = Object.keys(holidayJp.holidays);
  return { first: Number(dates[0]?.slice(0, 4)), last: Number(dates.at(-1)?.slice(0, 4)) };
}

/**
 * The Japanese public holidays of the given years, in date order, named in Japanese.
 *
 * @example
 * japaneseHolidays([2025]).slice(0, 2);
 * // [{ kind: 'date', date: '2025-01-01', name: '元日' }, { kind: 'date', date: '2025-01-13', name: '成人の日' }]
 */
export function japaneseHolidays(years: readonly number[]): Holiday[] {
  const wanted = new Set(years.map(String));
  const out: Holiday[] = [];
  for (const [date, h] of Object.entries(holidayJp.holidays)) {
    if (wanted.has(date.slice(0, 4))) out.push({ kind: 'date', date, name: h.name });
  }
  return out.sort((a, b) => (a.kind === 'date' && b.kind === 'date' ? a.date.localeCompare(b.date) : 0));
}

/**
 * A calendar with the Japanese holidays of `years` added (one step for the admin); holidays already
 * on the calendar are kept and not duplicated.
 *
 * @example withJapaneseHolidays(calendar, [2026]).holidays.length // previous count + 16 (less overlaps)
 */
export function withJapaneseHolidays(calendar: CalendarDefinition, years: readonly number[]): CalendarDefinition {
  const have = new Set(calendar.holidays.map((h) => (h.kind === 'date' ? h.date : '')));
  const added = japaneseHolidays(years).filter((h) => h.kind === 'date' && !have.has(h.date));
  return { ...calendar, holidays: [...calendar.holidays, ...added] };
}
