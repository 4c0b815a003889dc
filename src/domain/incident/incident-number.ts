import { z } from 'zod';
import { daysInMonth, type CivilDate } from '../calendar/civil-date';
import { isValidTimeZone } from '../calendar/time-zone';
import { localDateOf } from './local-day';

/**
 * 管理番号 (incident number) `INC-YYYYMMDD-NNN`: the project's local date of creation and a per-(project, day)
 * counter starting at 001.
 *
 * Past 999 the sequence widens to four digits (`INC-20250106-1000` ... `INC-20250106-9999`); 9999 is the hard
 * cap (nextIncidentNumber then fails with `sequence-exhausted`). There is exactly one text per number: three
 * digits zero-padded below 1000, four digits without a leading zero from 1000, so the text can serve as a
 * unique key. Because the widened form breaks plain string order, sort with {@link compareIncidentNumbers}.
 *
 * The shell owns the counter (one KVS key per project and local day, updated atomically); this module only
 * says which number comes next.
 */

export const INCIDENT_NUMBER_PREFIX = 'INC';
export const MAX_INCIDENT_SEQUENCE = 9999;

export interface IncidentNumber extends CivilDate {
  /** 1..9999 */
  readonly sequence: number;
}

export type IncidentNumberErrorCode = 'invalid-format' | 'invalid-date' | 'counter-day-mismatch' | 'sequence-exhausted' | 'unknown-time-zone';

export interface IncidentNumberError {
  readonly code: IncidentNumberErrorCode;
  readonly message: { readonly ja: string; readonly en: string };
}

export type IncidentNumberResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IncidentNumberError };

const PATTERN = /^INC-(\d{4})(\d{2})(\d{2})-(\d{3}|[1-9]\d{3})$/;

function fail<T>(code: IncidentNumberErrorCode, ja: string, en: string): IncidentNumberResult<T> {
  return { ok: false, error: { code, message: { ja, en } } };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The text of an incident number.
 *
 * @example
 * formatIncidentNumber({ year: 2025, month: 1, day: 6, sequence: 7 }) === 'INC-20250106-007'
 * formatIncidentNumber({ year: 2025, month: 1, day: 6, sequence: 1000 }) === 'INC-20250106-1000'
 * @throws RangeError when the sequence is outside 1..9999 or the date is not real (a caller bug)
 */
export function formatIncidentNumber(n: IncidentNumber): string {
  if (!Number.isInteger(n.sequence) || n.sequence < 1 || n.sequence > MAX_INCIDENT_SEQUENCE) {
    throw new RangeError(`incident sequence must be 1..${String(MAX_INCIDENT_SEQUENCE)}, got ${String(n.sequence)}`);
  }
  if (n.year < 1000 || n.year > 9999 || n.month < 1 || n.month > 12 || n.day < 1 || n.day > daysInMonth(n.year, n.month)) {
    throw new RangeError(`not a real date: ${String(n.year)}-${String(n.month)}-${String(n.day)}`);
  }
  return `${INCIDENT_NUMBER_PREFIX}-${pad(n.year, 4)}${pad(n.month, 2)}${pad(n.day, 2)}-${pad(n.sequence, 3)}`;
}

/**
 * Parses the canonical text; `INC-20250106-0999` (a needless fourth digit) and `-000` are refused.
 *
 * @example
 * parseIncidentNumber('INC-20250106-042') // { ok: true, value: { year: 2025, month: 1, day: 6, sequence: 42 } }
 * parseIncidentNumber('INC-20250230-001') // { ok: false, error: { code: 'invalid-date', ... } }
 */
export function parseIncidentNumber(text: string): IncidentNumberResult<IncidentNumber> {
  const m = PATTERN.exec(text.trim());
  if (m === null) {
    return fail('invalid-format', `管理番号の形式が不正です（INC-YYYYMMDD-NNN）: ${text}`, `Incident number must look like INC-YYYYMMDD-NNN: ${text}`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const sequence = Number(m[4]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('invalid-date', `管理番号の日付が存在しない日付です: ${text}`, `Incident number has a date that does not exist: ${text}`);
  }
  if (sequence < 1) {
    return fail('invalid-format', `管理番号の連番は 001 から始まります: ${text}`, `Incident number sequence starts at 001: ${text}`);
  }
  return { ok: true, value: { year, month, day, sequence } };
}

/** An incident number text, validated and kept as text (stored on the issue, shown verbatim). */
export const IncidentNumberTextSchema = z.string().refine((s) => parseIncidentNumber(s).ok, { message: 'expected an incident number INC-YYYYMMDD-NNN' });

/**
 * Orders incident numbers by date then sequence (`...-999` before `...-1000`, unlike string order).
 *
 * @example ['INC-20250106-1000', 'INC-20250106-999'].sort(compareIncidentNumbers) // ['INC-20250106-999', 'INC-20250106-1000']
 * @throws RangeError when either text is not a valid incident number
 */
export function compareIncidentNumbers(a: string, b: string): number {
  const pa = parseIncidentNumber(a);
  const pb = parseIncidentNumber(b);
  if (!pa.ok) throw new RangeError(pa.error.message.en);
  if (!pb.ok) throw new RangeError(pb.error.message.en);
  const x = pa.value;
  const y = pb.value;
  return x.year - y.year || x.month - y.month || x.day - y.day || x.sequence - y.sequence;
}

/**
 * The counter key of the day an instant falls on in the project's zone: `YYYYMMDD`.
 *
 * @example incidentDayKey(Date.UTC(2025, 0, 5, 15, 0), 'Asia/Tokyo') === '20250106'
 * @throws RangeError for an unknown zone
 */
export function incidentDayKey(createdAt: number, timeZone: string): string {
  const d = localDateOf(createdAt, timeZone);
  return `${pad(d.year, 4)}${pad(d.month, 2)}${pad(d.day, 2)}`;
}

/**
 * The number for an incident created at `createdAt`, given the last number already issued for that
 * project and local day (undefined when none was). The day is the local date of `createdAt` in
 * `timeZone`, exact at midnight.
 *
 * @example
 * // 2025-01-05T15:00Z is 2025-01-06 00:00 in Tokyo
 * nextIncidentNumber(undefined, Date.UTC(2025, 0, 5, 15, 0), 'Asia/Tokyo')          // ok: 'INC-20250106-001'
 * nextIncidentNumber('INC-20250106-999', Date.UTC(2025, 0, 6, 1, 0), 'Asia/Tokyo')  // ok: 'INC-20250106-1000'
 * nextIncidentNumber('INC-20250105-004', Date.UTC(2025, 0, 5, 15, 0), 'Asia/Tokyo') // error 'counter-day-mismatch'
 */
export function nextIncidentNumber(
  lastForDay: string | IncidentNumber | undefined,
  createdAt: number,
  timeZone: string,
): IncidentNumberResult<{ readonly number: IncidentNumber; readonly text: string }> {
  if (!isValidTimeZone(timeZone)) return fail('unknown-time-zone', `不明なタイムゾーンです: ${timeZone}`, `Unknown time zone: ${timeZone}`);
  const today = localDateOf(createdAt, timeZone);
  let sequence = 1;
  if (lastForDay !== undefined) {
    let last: IncidentNumber;
    if (typeof lastForDay === 'string') {
      const parsed = parseIncidentNumber(lastForDay);
      if (!parsed.ok) return parsed;
      last = parsed.value;
    } else {
      last = lastForDay;
    }
    if (last.year !== today.year || last.month !== today.month || last.day !== today.day) {
      // A counter of another day would restart at 001 and could hand out a number twice: a shell bug to surface.
      return fail(
        'counter-day-mismatch',
        `前回の管理番号の日付が作成日（${incidentDayKey(createdAt, timeZone)}）と一致しません`,
        `The last incident number is not from the creation day (${incidentDayKey(createdAt, timeZone)})`,
      );
    }
    if (last.sequence >= MAX_INCIDENT_SEQUENCE) {
      return fail(
        'sequence-exhausted',
        `1 日の管理番号の上限（${String(MAX_INCIDENT_SEQUENCE)}）に達しました`,
        `The daily incident number limit (${String(MAX_INCIDENT_SEQUENCE)}) is reached`,
      );
    }
    sequence = last.sequence + 1;
  }
  const number: IncidentNumber = { year: today.year, month: today.month, day: today.day, sequence };
  return { ok: true, value: { number, text: formatIncidentNumber(number) } };
}
