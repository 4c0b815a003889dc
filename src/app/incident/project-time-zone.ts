import type { Config } from '../../config';
import type { CalendarDefinition } from '../../domain/calendar';

/**
 * The project's calendar for incident numbers and report times: the first SLA policy's calendar (fixed,
 * or its fallback), else the first calendar. The same rule as the report page's days, so an incident's
 * 管理番号 date and the day the report counts it on agree.
 *
 * @example projectCalendarOf(defaultConfig())?.timeZone // 'Asia/Tokyo'
 */
export function projectCalendarOf(config: Config): CalendarDefinition | null {
  const rule = config.slaPolicies[0]?.calendar;
  const id = rule === undefined ? undefined : rule.kind === 'fixed' ? rule.calendarId : rule.fallbackCalendarId;
  return config.calendars.find((c) => c.id === id) ?? config.calendars[0] ?? null;
}

/** The project's IANA zone; UTC when the config has no calendar. */
export const projectTimeZoneOf = (config: Config): string => projectCalendarOf(config)?.timeZone ?? 'UTC';
