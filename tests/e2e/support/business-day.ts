import { japaneseHolidays } from '../../../src/config/holidays/jp-holidays';

/**
 * 10:00 in Tokyo on the first weekday at least one day after `nowIso` that is not a Japanese public
 * holiday: an instant inside the seed calendar's working hours, with the rest of the day ahead.
 *
 * @example businessMorningAfter('2026-11-23T10:11:00Z') // '2026-11-24T01:00:00.000Z' (Tue 24 Nov, 10:00 JST)
 */
export function businessMorningAfter(nowIso: string): string {
  const day = new Date(Date.parse(nowIso) + 9 * 3_600_000); // Tokyo wall clock on a UTC scale
  for (let i = 1; i <= 14; i++) {
    const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + i));
    const date = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    const holiday = japaneseHolidays([d.getUTCFullYear()]).some((h) => h.kind === 'date' && h.date === date);
    if (weekday >= 1 && weekday <= 5 && !holiday) return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 1, 0)).toISOString();
  }
  throw new Error(`no business day within two weeks of ${nowIso}`);
}
