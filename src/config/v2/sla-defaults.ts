import type { CalendarDefinition } from '../../domain/calendar';
import type { SlaPolicy } from '../../domain/sla';
import { japaneseHolidays } from '../holidays/jp-holidays';

/**
 * Seed calendar and SLA policy.
 *
 * Service hours are weekdays 9:00-18:00 Asia/Tokyo as ONE interval: the 12:00-13:00 lunch hour counts.
 * Japanese service desks usually cover lunch in shifts and publish "受付時間 平日 9:00〜18:00", so an
 * incident raised at 11:50 should not silently gain an hour. A desk that closes for lunch splits each day
 * into 09:00-12:00 and 13:00-18:00 in settings (the calendar supports several intervals a day).
 * The Japanese public holidays of the given year and the next are loaded.
 *
 * Goals (business time on that 9-hour day), ITIL-style per priority level:
 *   first response  P1 15 min, P2 30 min, P3 2 h,  P4 4 h,  P5 8 h
 *   resolution      P1 4 h,    P2 8 h,    P3 3 business days (27 h), P4 5 days (45 h), P5 10 days (90 h)
 */

export const DEFAULT_CALENDAR_ID = 'jp-business-hours';
export const DEFAULT_SLA_POLICY_ID = 'standard';
/** JSM's status for "the ball is in the customer's court"; the clocks pause there. */
export const DEFAULT_WAITING_STATUS = 'Waiting for customer';

const day = [{ start: '09:00', end: '18:00' }];

/**
 * The seed business calendar for a year (holidays of `year` and `year + 1`).
 *
 * @example defaultCalendars(2025)[0]?.holidays.length // 37 (19 in 2025, 18 in 2026)
 */
export function defaultCalendars(year: number): CalendarDefinition[] {
  return [
    {
      id: DEFAULT_CALENDAR_ID,
      labels: { ja: '平日 9:00〜18:00（日本の祝日を除く）', en: 'Weekdays 9:00-18:00 (except Japanese holidays)' },
      timeZone: 'Asia/Tokyo',
      hours: { kind: 'weekly', week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } },
      holidays: japaneseHolidays([year, year + 1]),
    },
  ];
}

const levels = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
const goals = (minutes: readonly [number, number, number, number, number]) =>
  levels.map((id, i) => ({ id, when: { priorities: [id], kinds: [], fields: [] }, targetMinutes: minutes[i] ?? 0 }));
const waiting = {
  pause: [{ on: 'status-entered' as const, statuses: [DEFAULT_WAITING_STATUS], categories: [] }],
  resume: [{ on: 'status-left' as const, statuses: [DEFAULT_WAITING_STATUS], categories: [] }],
};

/**
 * The seed SLA policy (version 1) on the seed calendar.
 *
 * @example defaultSlaPolicies()[0]?.metrics.map((m) => m.id) // ['first-response', 'resolution']
 */
export function defaultSlaPolicies(): SlaPolicy[] {
  return [
    {
      id: DEFAULT_SLA_POLICY_ID,
      version: 1,
      labels: { ja: '標準 SLA', en: 'Standard SLA' },
      appliesTo: { priorities: [], kinds: [], fields: [] },
      calendar: { kind: 'fixed', calendarId: DEFAULT_CALENDAR_ID },
      metrics: [
        {
          id: 'first-response',
          kind: 'time-to-first-response',
          labels: { ja: '初回応答時間', en: 'Time to first response' },
          start: [{ on: 'issue-created' }],
          // A public agent comment answers the customer; resolving without one also ends the wait.
          stop: [{ on: 'comment-by-agent', publicOnly: true }, { on: 'resolution-set', resolutions: [] }],
          ...waiting,
          reset: [],
          goals: goals([15, 30, 120, 240, 480]),
        },
        {
          id: 'resolution',
          kind: 'time-to-resolution',
          labels: { ja: '解決時間', en: 'Time to resolution' },
          // Reopening (resolution cleared, or back to a to-do / in-progress status) starts a new cycle.
          start: [{ on: 'issue-created' }, { on: 'resolution-cleared' }, { on: 'status-entered', statuses: [], categories: ['new', 'indeterminate'] }],
          // Workflows without a resolution field still stop when the issue reaches a done status.
          stop: [{ on: 'resolution-set', resolutions: [] }, { on: 'status-entered', statuses: [], categories: ['done'] }],
          ...waiting,
          reset: [],
          goals: goals([240, 480, 1620, 2700, 5400]),
        },
      ],
    },
  ];
}

/**
 * The year in Japan now (the seed loads that year's holidays and the next). Config is shell-side code,
 * so it may read the clock; the domain never does.
 *
 * @example seedYear(Date.UTC(2025, 11, 31, 16)) === 2026 // 01:00 on 1 Jan in Tokyo
 */
export function seedYear(now: number = Date.now()): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(now));
}
