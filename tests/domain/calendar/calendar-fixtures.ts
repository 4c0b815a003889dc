import type { CalendarDefinitionInput, DaySchedule, WeekSchedule } from '../../../src/domain/calendar';
import { CalendarDefinitionSchema, compileCalendar, type BusinessCalendar } from '../../../src/domain/calendar';

/** Epoch ms of an ISO timestamp with an explicit offset (independent of the process TZ). */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
export const iso = (ms: number): string => new Date(ms).toISOString();

export const H = 3_600_000;
export const M = 60_000;

export function weekdays(day: DaySchedule, weekend: DaySchedule = []): WeekSchedule {
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: weekend, sun: weekend };
}

export const NINE_TO_SIX: DaySchedule = [{ start: '09:00', end: '18:00' }];
export const WITH_LUNCH: DaySchedule = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/** Japanese public holidays of 2025 (from the Cabinet Office list), as one-off dates. */
export const JP_HOLIDAYS_2025 = [
  '2025-01-01', '2025-01-13', '2025-02-11', '2025-02-23', '2025-02-24', '2025-03-20', '2025-04-29',
  '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-06', '2025-07-21', '2025-08-11', '2025-09-15',
  '2025-09-23', '2025-10-13', '2025-11-03', '2025-11-23', '2025-11-24',
].map((date) => ({ kind: 'date' as const, date }));

export function calendar(input: Partial<CalendarDefinitionInput> & Pick<CalendarDefinitionInput, 'timeZone'>): BusinessCalendar {
  return compileCalendar(
    CalendarDefinitionSchema.parse({
      id: 'test',
      labels: { ja: 'テスト', en: 'Test' },
      hours: { kind: 'weekly', week: weekdays(NINE_TO_SIX) },
      ...input,
    }),
  );
}

export const tokyo = (): BusinessCalendar => calendar({ timeZone: 'Asia/Tokyo', holidays: JP_HOLIDAYS_2025 });
