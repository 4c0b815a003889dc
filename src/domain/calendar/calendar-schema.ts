import { z } from 'zod';
import { daysInMonth, parseIsoDate } from './civil-date';
import { isValidTimeZone } from './time-zone';

/**
 * Business calendar definitions as admins write them: an IANA zone, working intervals per weekday in
 * local wall-clock time (several a day, so lunch breaks work), holidays, or 24x7.
 * An interval that crosses midnight is written as two (22:00-24:00 and 00:00-06:00 the next day).
 */

const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Codes the schema's own checks put in zod's `params.code`, so a caller (the config layer) can show a
 * precise, translated message for each; the English `message` is a fallback for logs.
 */
export type CalendarCheckCode =
  | 'invalid-time-of-day'
  | 'interval-not-increasing'
  | 'intervals-overlap'
  | 'invalid-date'
  | 'invalid-day-of-month'
  | 'unknown-time-zone'
  | 'invalid-id'
  | 'blank-text'
  | 'no-working-time';

const check = (code: CalendarCheckCode, message: string, path?: PropertyKey[]) =>
  path === undefined ? { params: { code }, message } : { params: { code }, message, path };

/** `HH:MM` local wall-clock time, 00:00..24:00 (24:00 only makes sense as an end). */
export const TimeOfDaySchema = z
  .string()
  .refine((s) => TIME_OF_DAY.test(s), { ...check('invalid-time-of-day', 'time must be HH:MM between 00:00 and 24:00'), abort: true });
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

/** Minutes after local midnight of an `HH:MM` string already validated by TimeOfDaySchema. */
export function minutesOfDay(time: TimeOfDay): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export const WorkingIntervalSchema = z
  .strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((i) => minutesOfDay(i.start) < minutesOfDay(i.end), check('interval-not-increasing', 'start must be before end', ['end']));
export type WorkingInterval = z.infer<typeof WorkingIntervalSchema>;

export const DayScheduleSchema = z
  .array(WorkingIntervalSchema)
  .max(48)
  .superRefine((intervals, ctx) => {
    for (let i = 1; i < intervals.length; i++) {
      const prev = intervals[i - 1];
      const cur = intervals[i];
      if (prev !== undefined && cur !== undefined && minutesOfDay(cur.start) < minutesOfDay(prev.end)) {
        ctx.addIssue({ code: 'custom', path: [i, 'start'], params: { code: 'intervals-overlap' }, message: 'intervals must be in order and must not overlap' });
      }
    }
  });
export type DaySchedule = z.infer<typeof DayScheduleSchema>;

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export const WeekScheduleSchema = z.strictObject({
  mon: DayScheduleSchema,
  tue: DayScheduleSchema,
  wed: DayScheduleSchema,
  thu: DayScheduleSchema,
  fri: DayScheduleSchema,
  sat: DayScheduleSchema,
  sun: DayScheduleSchema,
});
export type WeekSchedule = z.infer<typeof WeekScheduleSchema>;

export const IsoDateSchema = z.string().refine((s) => parseIsoDate(s) !== null, check('invalid-date', 'date must be a real date written YYYY-MM-DD'));

const HolidayNameSchema = z.string().max(200).optional();

/** A holiday: a one-off local date, or a month/day every year (29 Feb only counts in leap years). */
export const HolidaySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: IsoDateSchema, name: HolidayNameSchema }),
  z
    .strictObject({ kind: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), name: HolidayNameSchema })
    .refine((h) => h.day <= daysInMonth(2000, h.month), check('invalid-day-of-month', 'day does not exist in that month', ['day'])),
]);
export type Holiday = z.infer<typeof HolidaySchema>;

export const WorkingHoursSchema = z.discriminatedUnion('kind', [
  /** Round the clock; holidays, if any, still close whole local days. */
  z.strictObject({ kind: z.literal('24x7') }),
  z.strictObject({ kind: z.literal('weekly'), week: WeekScheduleSchema }),
]);
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

const NonBlankTextSchema = z.string().max(200).refine((s) => s.trim() !== '', check('blank-text', 'text must not be blank'));

export const TimeZoneNameSchema = z.string().refine(isValidTimeZone, check('unknown-time-zone', 'unknown IANA time zone (e.g. Asia/Tokyo)'));

/** Same alphabet as config ids: stored and compared verbatim, URL- and JQL-safe. */
export const CalendarIdSchema = z.string().refine((s) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s), check('invalid-id', 'id must be 1-64 letters, digits, "_" or "-"'));

/** Whether the yearly holidays close every month/day of the year (then no date can ever be worked). */
function yearlyHolidaysCoverEveryDay(holidays: readonly Holiday[]): boolean {
  const closed = new Set<number>();
  for (const h of holidays) if (h.kind === 'yearly') closed.add(h.month * 32 + h.day);
  return closed.size >= 366;
}

/**
 * Whether a calendar has any working time at all, ever. One-off holidays are finite, and over the
 * 400-year Gregorian cycle every month/day falls on every weekday, so only two things can empty a calendar:
 * no weekday with working hours, or yearly holidays on all 366 month/days.
 */
export function calendarHasWorkingTime(hours: WorkingHours, holidays: readonly Holiday[]): boolean {
  if (yearlyHolidaysCoverEveryDay(holidays)) return false;
  switch (hours.kind) {
    case '24x7':
      return true;
    case 'weekly':
      return WEEKDAY_KEYS.some((k) => hours.week[k].length > 0);
  }
}

export const CalendarDefinitionSchema = z
  .strictObject({
    id: CalendarIdSchema,
    labels: z.strictObject({ ja: NonBlankTextSchema, en: NonBlankTextSchema }),
    timeZone: TimeZoneNameSchema,
    hours: WorkingHoursSchema,
    holidays: z.array(HolidaySchema).max(10_000).default([]),
  })
  .superRefine((cal, ctx) => {
    if (!calendarHasWorkingTime(cal.hours, cal.holidays)) {
      ctx.addIssue({ code: 'custom', path: ['hours'], params: { code: 'no-working-time' }, message: 'the calendar has no working time at all' });
    }
  });
export type CalendarDefinition = z.infer<typeof CalendarDefinitionSchema>;
export type CalendarDefinitionInput = z.input<typeof CalendarDefinitionSchema>;
