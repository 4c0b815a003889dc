import { CalendarDefinitionSchema, businessMsBetween, compileCalendar, getTimeZone, isValidTimeZone, type Holiday } from '../../../src/domain/calendar';

/** Result of the "business time between" preview. */
export type BusinessTimePreview =
  | { readonly ok: true; readonly ms: number; readonly from: number; readonly to: number }
  | { readonly ok: false; readonly reason: 'invalid-calendar' | 'invalid-instant' | 'to-before-from' };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The UTC instant of a `datetime-local` value read as wall-clock time in `timeZone`.
 *
 * @example localInstant('2026-03-06T17:00', 'Asia/Tokyo') // Date.parse('2026-03-06T08:00:00Z')
 */
export function localInstant(value: string, timeZone: string): number | null {
  const m = LOCAL.exec(value);
  if (m === null || !isValidTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return getTimeZone(timeZone).localToUtc(Date.UTC(y, mo - 1, d, h, mi));
}

/**
 * Business time between two wall-clock times on the draft calendar (what the SLA clock would count),
 * both read in the calendar's own zone.
 *
 * @example previewBusinessTime(tokyoWeekdays, '2026-03-06T17:00', '2026-03-09T10:00') // { ok: true, ms: 7_200_000, ... }
 */
export function previewBusinessTime(definition: unknown, fromLocal: string, toLocal: string): BusinessTimePreview {
  const parsed = CalendarDefinitionSchema.safeParse(definition);
  if (!parsed.success) return { ok: false, reason: 'invalid-calendar' };
  const from = localInstant(fromLocal, parsed.data.timeZone);
  const to = localInstant(toLocal, parsed.data.timeZone);
  if (from === null || to === null) return { ok: false, reason: 'invalid-instant' };
  if (to < from) return { ok: false, reason: 'to-before-from' };
  return { ok: true, ms: businessMsBetween(compileCalendar(parsed.data), from, to), from, to };
}

/**
 * Adds holidays, skipping dates the calendar already has, in date order; says how many were new.
 *
 * @example mergeHolidays([{ kind: 'date', date: '2026-01-01' }], [{ kind: 'date', date: '2026-01-01' }, { kind: 'date', date: '2026-01-12' }]).added // 1
 */
export function mergeHolidays(existing: readonly Holiday[], incoming: readonly Holiday[]): { holidays: Holiday[]; added: number } {
  const key = (h: Holiday): string => (h.kind === 'date' ? h.date : `yearly:${String(h.month)}-${String(h.day)}`);
  const seen = new Set(existing.map(key));
  const fresh = incoming.filter((h) => !seen.has(key(h)));
  const all = [...existing, ...fresh];
  const dated = all.filter((h): h is Extract<Holiday, { kind: 'date' }> => h.kind === 'date').sort((a, b) => a.date.localeCompare(b.date));
  const yearly = all.filter((h) => h.kind === 'yearly');
  return { holidays: [...yearly, ...dated], added: fresh.length };
}
