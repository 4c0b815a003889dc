/**
 * The report period: presets relative to "today" in the viewer's zone, and the custom from/to check.
 * Days are civil dates (YYYY-MM-DD); arithmetic runs on UTC midnights so no zone or DST shift can move
 * a day.
 */

export const PRESETS = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom'] as const;
export type PresetId = (typeof PRESETS)[number];

/** The backend's limit (src/domain/report/build-report.ts MAX_REPORT_DAYS). */
export const MAX_PERIOD_DAYS = 3660;

export interface Period {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real civil date, or null (2026-02-30 is not a date). */
export function dayNumber(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** The civil date of a day number. @example dayOf(0) // '1970-01-01' */
export function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function shift(day: string, days: number): string {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`Not a day: ${day}`);
  return dayOf(n + days);
}

/**
 * Today's date in a time zone at an instant.
 *
 * @example todayIn('Asia/Tokyo', Date.parse('2026-03-31T16:00:00Z')) // '2026-04-01'
 */
export function todayIn(timeZone: string, nowMs: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(nowMs);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The inclusive period of a preset, ending today (this month: the first up to today; last month: all of it).
 *
 * @example presetPeriod('last7', '2026-03-10') // { from: '2026-03-04', to: '2026-03-10' }
 * @example presetPeriod('lastMonth', '2026-03-10') // { from: '2026-02-01', to: '2026-02-28' }
 */
export function presetPeriod(preset: Exclude<PresetId, 'custom'>, today: string): Period {
  switch (preset) {
    case 'last7':
      return { from: shift(today, -6), to: today };
    case 'last30':
      return { from: shift(today, -29), to: today };
    case 'last90':
      return { from: shift(today, -89), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const lastOfPrevious = shift(`${today.slice(0, 7)}-01`, -1);
      return { from: `${lastOfPrevious.slice(0, 7)}-01`, to: lastOfPrevious };
    }
  }
}

/** Inclusive number of days of a valid period. @example periodDays({ from: '2026-03-01', to: '2026-03-01' }) // 1 */
export function periodDays(period: Period): number {
  return (dayNumber(period.to) ?? 0) - (dayNumber(period.from) ?? 0) + 1;
}

export type PeriodErrorKey =
  | 'report.period.error.fromMissing'
  | 'report.period.error.toMissing'
  | 'report.period.error.fromInvalid'
  | 'report.period.error.toInvalid'
  | 'report.period.error.order'
  | 'report.period.error.tooLong';

export interface PeriodFieldError {
  readonly field: 'from' | 'to';
  readonly key: PeriodErrorKey;
}

export type CustomPeriodCheck = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly errors: readonly PeriodFieldError[] };

/**
 * Checks what the user typed as a custom period; errors are named by field so each shows next to its input.
 *
 * @example checkCustomPeriod('2026-03-10', '2026-03-01') // { ok: false, errors: [{ field: 'to', key: 'report.period.error.order' }] }
 */
export function checkCustomPeriod(fromText: string, toText: string): CustomPeriodCheck {
  const from = fromText.trim();
  const to = toText.trim();
  const errors: PeriodFieldError[] = [];
  const fromN = from === '' ? null : dayNumber(from);
  const toN = to === '' ? null : dayNumber(to);
  if (from === '') errors.push({ field: 'from', key: 'report.period.error.fromMissing' });
  else if (fromN === null) errors.push({ field: 'from', key: 'report.period.error.fromInvalid' });
  if (to === '') errors.push({ field: 'to', key: 'report.period.error.toMissing' });
  else if (toN === null) errors.push({ field: 'to', key: 'report.period.error.toInvalid' });
  if (fromN !== null && toN !== null) {
    if (toN < fromN) errors.push({ field: 'to', key: 'report.period.error.order' });
    else if (toN - fromN + 1 > MAX_PERIOD_DAYS) errors.push({ field: 'to', key: 'report.period.error.tooLong' });
  }
  return errors.length === 0 ? { ok: true, period: { from, to } } : { ok: false, errors };
}
