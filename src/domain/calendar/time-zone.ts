import { MS_PER_DAY, MS_PER_HOUR, daysFromCivil, yearOfMs } from './civil-date';

/**
 * Exact IANA time-zone arithmetic on epoch milliseconds.
 *
 * Intl.DateTimeFormat is the only source of zone rules (the runtime's tzdb), but it costs ~8 us a call,
 * so each zone keeps a per-UTC-year table of offset transitions found once (daily samples, then bisection
 * to the second). After that, offsetAt and localToUtc are a binary search plus arithmetic.
 * Assumption: a zone changes offset at most once between two daily samples (true for every zone in
 * tzdb since 1970).
 */

/** Earliest and latest years the engine accepts; instants outside are a caller bug. */
export const MIN_SUPPORTED_YEAR = 1900;
export const MAX_SUPPORTED_YEAR = 2500;
const MAX_ABS_OFFSET_MS = 14 * MS_PER_HOUR; // real zones stay within -12h..+14h

interface ZoneYear {
  readonly start: number; // UTC ms of Jan 1 00:00Z
  readonly baseOffset: number; // offset in force at `start`
  readonly transitions: readonly number[]; // UTC instants where the offset changes, ascending
  readonly offsets: readonly number[]; // offset in force from transitions[i]
}

export interface TimeZone {
  /** The zone name as given (validated). */
  readonly name: string;
  /** local wall-clock ms minus UTC ms, at a UTC instant. */
  offsetAt(utcMs: number): number;
  /**
   * UTC instant of a local wall-clock time given as ms on a UTC-like scale (Date.UTC of the wall time).
   * Ambiguous times (fall back) resolve to the earlier instant; times that do not exist (spring forward)
   * resolve to the transition instant itself, so the mapping never goes backwards.
   */
  localToUtc(localMs: number): number;
}

/** Whether the runtime knows the IANA zone name. */
export function isValidTimeZone(name: string): boolean {
  if (name.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function assertSupportedInstant(ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`instant must be a finite number of epoch ms, got ${String(ms)}`);
  const year = yearOfMs(ms);
  if (year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
    throw new RangeError(`instant ${String(ms)} is outside the supported years ${String(MIN_SUPPORTED_YEAR)}..${String(MAX_SUPPORTED_YEAR)}`);
  }
}

class IntlTimeZone implements TimeZone {
  private readonly format: Intl.DateTimeFormat;
  private readonly years = new Map<number, ZoneYear>();

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset straight from Intl, to the second. */
  private rawOffset(utcMs: number): number {
    const wholeSeconds = Math.floor(utcMs / 1000) * 1000;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.format.formatToParts(wholeSeconds)) {
      const type = part.type;
      if (type === 'year') year = Number(part.value);
      else if (type === 'month') month = Number(part.value);
      else if (type === 'day') day = Number(part.value);
      else if (type === 'hour') hour = Number(part.value) % 24;
      else if (type === 'minute') minute = Number(part.value);
      else if (type === 'second') second = Number(part.value);
    }
    const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
    return local - wholeSeconds;
  }

  private zoneYear(year: number): ZoneYear {
    const cached = this.years.get(year);
    if (cached !== undefined) return cached;
    const start = daysFromCivil(year, 1, 1) * MS_PER_DAY;
    const days = daysFromCivil(year + 1, 1, 1) - daysFromCivil(year, 1, 1);
    const transitions: number[] = [];
    const offsets: number[] = [];
    const baseOffset = this.rawOffset(start);
    let previous = baseOffset;
    for (let k = 1; k <= days; k++) {
      const sample = this.rawOffset(start + k * MS_PER_DAY);
      if (sample !== previous) {
        // Bisect on whole seconds: rawOffset(lo) === previous, rawOffset(hi) !== previous.
        let lo = (start + (k - 1) * MS_PER_DAY) / 1000;
        let hi = (start + k * MS_PER_DAY) / 1000;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.rawOffset(mid * 1000) === previous) lo = mid;
          else hi = mid;
        }
        transitions.push(hi * 1000);
        offsets.push(sample);
        previous = sample;
      }
    }
    const built: ZoneYear = { start, baseOffset, transitions, offsets };
    this.years.set(year, built);
    return built;
  }

  offsetAt(utcMs: number): number {
    assertSupportedInstant(utcMs);
    const zy = this.zoneYear(yearOfMs(utcMs));
    let offset = zy.baseOffset;
    for (let i = 0; i < zy.transitions.length; i++) {
      if ((zy.transitions[i] ?? Infinity) <= utcMs) offset = zy.offsets[i] ?? offset;
      else break;
    }
    return offset;
  }

  /** First transition instant strictly after `utcMs` (searching this and the next UTC year). */
  private transitionAfter(utcMs: number): number | null {
    const year = yearOfMs(utcMs);
    for (const y of [year, year + 1]) {
      for (const t of this.zoneYear(y).transitions) if (t > utcMs) return t;
    }
    return null;
  }

  localToUtc(localMs: number): number {
    const lo = localMs - MAX_ABS_OFFSET_MS;
    const hi = localMs + MAX_ABS_OFFSET_MS;
    const offsetLo = this.offsetAt(lo);
    const offsetHi = this.offsetAt(hi);
    if (offsetLo === offsetHi) return localMs - offsetLo;
    const transition = this.transitionAfter(lo) ?? hi;
    const before = localMs - offsetLo;
    const after = localMs - offsetHi;
    const beforeValid = before < transition;
    const afterValid = after >= transition;
    if (beforeValid && afterValid) return Math.min(before, after);
    if (beforeValid) return before;
    if (afterValid) return after;
    return transition;
  }
}

const zones = new Map<string, TimeZone>();

/**
 * The (memoised) zone for an IANA name.
 *
 * @example
 * const ny = getTimeZone('America/New_York');
 * ny.offsetAt(Date.UTC(2025, 6, 1)) === -4 * 3_600_000;
 * ny.localToUtc(Date.UTC(2025, 2, 9, 2, 30)) === Date.UTC(2025, 2, 9, 7, 0); // 02:30 does not exist: 03:00 EDT
 * @throws RangeError when the runtime does not know the zone
 */
export function getTimeZone(name: string): TimeZone {
  const cached = zones.get(name);
  if (cached !== undefined) return cached;
  if (!isValidTimeZone(name)) throw new RangeError(`unknown time zone: ${name}`);
  const zone = new IntlTimeZone(name);
  zones.set(name, zone);
  return zone;
}

/** Local wall-clock ms (UTC-like scale) of a UTC instant in a zone. */
export function utcToLocal(zone: TimeZone, utcMs: number): number {
  return utcMs + zone.offsetAt(utcMs);
}
