import type { CalendarDefinition, DaySchedule } from './calendar-schema';
import { WEEKDAY_KEYS, minutesOfDay } from './calendar-schema';
import { MS_PER_DAY, MS_PER_MINUTE, civilFromDays, daysFromCivil, parseIsoDate, weekdayOfDay, yearOfMs } from './civil-date';
import type { TimeZone } from './time-zone';
import { getTimeZone } from './time-zone';

/** How far ahead a search for working time may go before giving up with a typed error. */
export const CALENDAR_SEARCH_HORIZON_YEARS = 10;

export interface CalendarError {
  readonly code: 'no-working-time-within-horizon';
  /** The instant the search started from. */
  readonly from: number;
  readonly horizonYears: number;
}

export type CalendarResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CalendarError };

/** A half-open UTC interval [start, end) in epoch ms. */
export interface InstantInterval {
  readonly start: number;
  readonly end: number;
}

/**
 * Working time of one local calendar year, flattened to UTC: sorted, disjoint intervals and the
 * running total of business ms before each, so queries are a binary search plus arithmetic.
 */
interface YearChunk {
  readonly year: number; // local calendar year
  readonly start: number; // UTC instant of local Jan 1 00:00
  readonly end: number; // UTC instant of local Jan 1 00:00 of the next year
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cum: Float64Array; // cum[i] = business ms before interval i; cum[n] = total
  readonly total: number;
}

const FULL_DAY: DaySchedule = [{ start: '00:00', end: '24:00' }];

/**
 * A compiled business calendar. Build it once per definition with {@link compileCalendar}; it caches
 * one year of precomputed working intervals at a time as queries reach them (deterministic memoisation).
 */
export class BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  private readonly zone: TimeZone;
  private readonly alwaysOpen: boolean;
  private readonly week: readonly (readonly (readonly [number, number])[])[]; // by weekday 0=Sun: [startMin, endMin]
  private readonly yearly: ReadonlySet<number>; // month * 32 + day
  private readonly oneOff: ReadonlySet<number>; // day numbers
  private readonly chunks = new Map<number, YearChunk>();
  private last: YearChunk | null = null;
  /** The chunk and interval index of the previous lookup (see lastStartAtOrBefore). */
  private hintChunk: YearChunk | null = null;
  private hintIndex = -1;

  constructor(readonly definition: CalendarDefinition) {
    this.id = definition.id;
    this.timeZone = definition.timeZone;
    this.zone = getTimeZone(definition.timeZone);
    const holidays = definition.holidays;
    const hours = definition.hours;
    this.alwaysOpen = hours.kind === '24x7' && holidays.length === 0;
    this.week = WEEKDAY_KEYS.map((key) => {
      const day = hours.kind === 'weekly' ? hours.week[key] : FULL_DAY;
      return day.map((i) => [minutesOfDay(i.start), minutesOfDay(i.end)] as const);
    });
    const yearly = new Set<number>();
    const oneOff = new Set<number>();
    for (const h of holidays) {
      switch (h.kind) {
        case 'yearly':
          yearly.add(h.month * 32 + h.day);
          break;
        case 'date': {
          const d = parseIsoDate(h.date);
          if (d !== null) oneOff.add(daysFromCivil(d.year, d.month, d.day));
          break;
        }
      }
    }
    this.yearly = yearly;
    this.oneOff = oneOff;
  }

  private buildYear(year: number): YearChunk {
    const firstDay = daysFromCivil(year, 1, 1);
    const endDay = daysFromCivil(year + 1, 1, 1);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let d = firstDay; d < endDay; d++) {
      const { month, day } = civilFromDays(d);
      const closed = this.oneOff.has(d) || this.yearly.has(month * 32 + day);
      if (!closed) {
        for (const [startMin, endMin] of this.week[weekdayOfDay(d)] ?? []) {
          const s = this.zone.localToUtc(d * MS_PER_DAY + startMin * MS_PER_MINUTE);
          const e = this.zone.localToUtc(d * MS_PER_DAY + endMin * MS_PER_MINUTE);
          if (e <= s) continue; // swallowed by a spring-forward gap
          const n = ends.length;
          if (n > 0 && ends[n - 1] === s) ends[n - 1] = e; // merge touching intervals (e.g. midnight)
          else {
            starts.push(s);
            ends.push(e);
          }
        }
      }
    }
    const cum = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) cum[i + 1] = (cum[i] ?? 0) + ((ends[i] ?? 0) - (starts[i] ?? 0));
    return {
      year,
      start: this.zone.localToUtc(firstDay * MS_PER_DAY),
      end: this.zone.localToUtc(endDay * MS_PER_DAY),
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      cum,
      total: cum[starts.length] ?? 0,
    };
  }

  private year(year: number): YearChunk {
    let chunk = this.chunks.get(year);
    if (chunk === undefined) {
      chunk = this.buildYear(year);
      this.chunks.set(year, chunk);
    }
    return chunk;
  }

  /** The chunk whose [start, end) holds t. The local year is the UTC year or one either side. */
  private chunkFor(t: number): YearChunk {
    const last = this.last;
    if (last !== null && t >= last.start && t < last.end) return last;
    const y = yearOfMs(t);
    let chunk = this.year(y);
    if (t < chunk.start) chunk = this.year(y - 1);
    else if (t >= chunk.end) chunk = this.year(y + 1);
    this.last = chunk;
    return chunk;
  }

  private nextChunk(chunk: YearChunk): YearChunk {
    return this.year(chunk.year + 1);
  }

  /**
   * Index of the last interval starting at or before t, or -1. Callers such as the SLA clock query
   * instants in time order, so the answer is usually the previous one or a few intervals after it:
   * those are tried first, and a binary search handles the rest.
   */
  private lastStartAtOrBefore(chunk: YearChunk, t: number): number {
    const starts = chunk.starts;
    if (chunk === this.hintChunk) {
      let i = this.hintIndex;
      if (i < 0 || (starts[i] ?? Infinity) <= t) {
        for (let step = 0; step < 4; step++) {
          const next = starts[i + 1];
          if (next === undefined || next > t) {
            this.hintIndex = i;
            return i;
          }
          i++;
        }
      }
    }
    let lo = 0;
    let hi = starts.length; // answer in [lo - 1, hi - 1]
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] ?? Infinity) <= t) lo = mid + 1;
      else hi = mid;
    }
    this.hintChunk = chunk;
    this.hintIndex = lo - 1;
    return lo - 1;
  }

  /** Business ms in the chunk before t. */
  private cumAt(chunk: YearChunk, t: number): number {
    const i = this.lastStartAtOrBefore(chunk, t);
    if (i < 0) return 0;
    const s = chunk.starts[i] ?? 0;
    const e = chunk.ends[i] ?? 0;
    return (chunk.cum[i] ?? 0) + (t < e ? t - s : e - s);
  }

  between(from: number, to: number): number {
    if (!(to > from)) return 0;
    if (this.alwaysOpen) return to - from;
    const a = this.chunkFor(from);
    const aCum = this.cumAt(a, from);
    const b = this.chunkFor(to);
    if (a === b) return this.cumAt(b, to) - aCum;
    let total = a.total - aCum;
    for (let c = this.nextChunk(a); c !== b; c = this.nextChunk(c)) total += c.total;
    this.last = b;
    return total + this.cumAt(b, to);
  }

  add(from: number, ms: number): CalendarResult<number> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business duration must be a finite number >= 0, got ${String(ms)}`);
    if (ms === 0) return { ok: true, value: from };
    if (this.alwaysOpen) return { ok: true, value: from + ms };
    let chunk = this.chunkFor(from);
    let target = this.cumAt(chunk, from) + ms;
    for (let step = 0; step <= CALENDAR_SEARCH_HORIZON_YEARS; step++) {
      if (target <= chunk.total) {
        // smallest i with cum[i + 1] >= target; then target lies inside interval i
        const cum = chunk.cum;
        let lo = 0;
        let hi = chunk.starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((cum[mid + 1] ?? Infinity) >= target) hi = mid;
          else lo = mid + 1;
        }
        return { ok: true, value: (chunk.starts[lo] ?? 0) + (target - (cum[lo] ?? 0)) };
      }
      target -= chunk.total;
      chunk = this.nextChunk(chunk);
    }
    return { ok: false, error: { code: 'no-working-time-within-horizon', from, horizonYears: CALENDAR_SEARCH_HORIZON_YEARS } };
  }

  isWorking(t: number): boolean {
    if (this.alwaysOpen) return true;
    const chunk = this.chunkFor(t);
    const i = this.lastStartAtOrBefore(chunk, t);
    return i >= 0 && t < (chunk.ends[i] ?? -Infinity);
  }

  nextOpening(t: number): CalendarResult<number> {
    if (this.alwaysOpen) return { ok: true, value: t };
    let chunk = this.chunkFor(t);
    const i = this.lastStartAtOrBefore(chunk, t);
    if (i >= 0 && t < (chunk.ends[i] ?? -Infinity)) return { ok: true, value: t };
    let index = i + 1;
    for (let step = 0; step <= CALENDAR_SEARCH_HORIZON_YEARS; step++) {
      const s = chunk.starts[index];
      if (s !== undefined) return { ok: true, value: s };
      chunk = this.nextChunk(chunk);
      index = 0;
    }
    return { ok: false, error: { code: 'no-working-time-within-horizon', from: t, horizonYears: CALENDAR_SEARCH_HORIZON_YEARS } };
  }

  intervals(from: number, to: number): InstantInterval[] {
    const out: InstantInterval[] = [];
    if (!(to > from)) return out;
    if (this.alwaysOpen) return [{ start: from, end: to }];
    let chunk = this.chunkFor(from);
    let i = Math.max(0, this.lastStartAtOrBefore(chunk, from));
    for (;;) {
      for (; i < chunk.starts.length; i++) {
        const s = chunk.starts[i] ?? 0;
        const e = chunk.ends[i] ?? 0;
        if (s >= to) return out;
        if (e > from) out.push({ start: Math.max(s, from), end: Math.min(e, to) });
      }
      if (chunk.end >= to) return out;
      chunk = this.nextChunk(chunk);
      i = 0;
    }
  }
}

/**
 * Compiles a validated calendar definition (see CalendarDefinitionSchema) for fast queries.
 *
 * @example
 * const cal = compileCalendar(CalendarDefinitionSchema.parse({ id: 'tokyo', labels: { ja: '東京', en: 'Tokyo' }, timeZone: 'Asia/Tokyo',
 *   hours: { kind: 'weekly', week: { mon: [{ start: '09:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } }));
 * businessMsBetween(cal, Date.parse('2025-01-06T08:00:00+09:00'), Date.parse('2025-01-06T10:00:00+09:00')) === 3_600_000;
 */
export function compileCalendar(definition: CalendarDefinition): BusinessCalendar {
  return new BusinessCalendar(definition);
}

/**
 * Business milliseconds in [from, to); 0 when to <= from.
 *
 * @example
 * // Tokyo 9:00-18:00 weekdays: Friday 17:00 to Monday 10:00 is 2 business hours
 * businessMsBetween(tokyo, Date.parse('2025-01-10T17:00:00+09:00'), Date.parse('2025-01-13T10:00:00+09:00')) === 7_200_000;
 */
export function businessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  return calendar.between(from, to);
}

/**
 * The earliest instant t with businessMsBetween(from, t) === ms (so adding 0 returns `from` unchanged).
 * A typed error, never an endless loop, when no working time is found within the search horizon.
 *
 * @example
 * // Tokyo 9:00-18:00 weekdays: 2 business hours after Friday 17:00 is Monday 10:00
 * addBusinessMs(tokyo, Date.parse('2025-01-10T17:00:00+09:00'), 7_200_000) // { ok: true, value: Date.parse('2025-01-13T10:00:00+09:00') }
 */
export function addBusinessMs(calendar: BusinessCalendar, from: number, ms: number): CalendarResult<number> {
  return calendar.add(from, ms);
}

/**
 * Whether t is inside working time (intervals are half-open: the closing instant is outside).
 *
 * @example isWorkingTime(tokyo, Date.parse('2025-01-06T18:00:00+09:00')) === false
 */
export function isWorkingTime(calendar: BusinessCalendar, t: number): boolean {
  return calendar.isWorking(t);
}

/**
 * The earliest instant at or after t that is working time (t itself when already open).
 *
 * @example nextOpening(tokyo, Date.parse('2025-01-11T12:00:00+09:00')) // { ok: true, value: Date.parse('2025-01-14T09:00:00+09:00') } (Mon 13th is Coming of Age Day)
 */
export function nextOpening(calendar: BusinessCalendar, t: number): CalendarResult<number> {
  return calendar.nextOpening(t);
}

/**
 * The working intervals clipped to [from, to), in order.
 *
 * @example workingIntervals(tokyo, Date.parse('2025-01-06T00:00:00+09:00'), Date.parse('2025-01-07T00:00:00+09:00'))
 * // [{ start: Date.parse('2025-01-06T09:00:00+09:00'), end: Date.parse('2025-01-06T18:00:00+09:00') }]
 */
export function workingIntervals(calendar: BusinessCalendar, from: number, to: number): InstantInterval[] {
  return calendar.intervals(from, to);
}
