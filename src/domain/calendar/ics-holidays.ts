import type { Holiday } from './calendar-schema';
import { civilFromDays, daysFromCivil, daysInMonth, formatIsoDate } from './civil-date';

/**
 * Reads holidays from an iCalendar (.ics) file: all-day VEVENTs (DTSTART;VALUE=DATE), multi-day ones
 * expanded day by day (DTEND is exclusive), and plain yearly repeats (RRULE:FREQ=YEARLY) as yearly
 * holidays. Anything it cannot represent is reported in `skipped`, never silently dropped.
 */

export interface IcsSkippedEvent {
  /** 1-based line of the event's BEGIN:VEVENT after unfolding. */
  readonly line: number;
  readonly summary: string | null;
  readonly reason: 'not-all-day' | 'missing-dtstart' | 'bad-date' | 'unsupported-rrule' | 'too-long';
}

export type IcsParseResult =
  | { readonly ok: true; readonly holidays: Holiday[]; readonly skipped: IcsSkippedEvent[] }
  | { readonly ok: false; readonly error: 'not-icalendar' };

const MAX_EVENT_DAYS = 366;

interface Property {
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
  readonly value: string;
}

function parseProperty(line: string): Property | null {
  // name *(;param=value) : value — a colon inside a quoted parameter value does not end the name part
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [rawName = '', ...rawParams] = line.slice(0, colon).split(';');
  const params = new Map<string, string>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq > 0) params.set(p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  return { name: rawName.toUpperCase(), params, value: line.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Day number of a DATE value (YYYYMMDD), null when malformed or not a real date. */
function parseDateValue(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function isAllDay(p: Property): boolean {
  return p.params.get('VALUE')?.toUpperCase() === 'DATE' || /^\d{8}$/.test(p.value.trim());
}

/** Only a bare yearly repeat on the same month/day can be a yearly holiday ("third Monday" cannot). */
function isPlainYearly(rrule: string): boolean {
  const parts = new Map(rrule.split(';').map((kv) => kv.split('=') as [string, string?]).map(([k, v]) => [k.toUpperCase(), (v ?? '').toUpperCase()]));
  if (parts.get('FREQ') !== 'YEARLY') return false;
  for (const key of parts.keys()) if (!['FREQ', 'INTERVAL', 'WKST', 'UNTIL', 'COUNT', 'BYMONTH', 'BYMONTHDAY'].includes(key)) return false;
  const interval = parts.get('INTERVAL');
  return interval === undefined || interval === '1';
}

/**
 * Parses the text of an .ics file into holidays.
 *
 * @example
 * parseIcsHolidays('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nSUMMARY:元日\r\nEND:VEVENT\r\nEND:VCALENDAR')
 * // { ok: true, holidays: [{ kind: 'date', date: '2025-01-01', name: '元日' }], skipped: [] }
 */
export function parseIcsHolidays(text: string): IcsParseResult {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n');
  if (!lines.some((l) => l.trim().toUpperCase() === 'BEGIN:VCALENDAR')) return { ok: false, error: 'not-icalendar' };
  const holidays: Holiday[] = [];
  const skipped: IcsSkippedEvent[] = [];
  const seen = new Set<string>();
  const push = (h: Holiday): void => {
    const key = h.kind === 'date' ? `d${h.date}` : `y${String(h.month)}-${String(h.day)}`;
    if (seen.has(key)) return;
    seen.add(key);
    holidays.push(h);
  };

  let event: Property[] | null = null;
  let eventLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VEVENT') {
      event = [];
      eventLine = i + 1;
      continue;
    }
    if (event === null) continue;
    if (upper !== 'END:VEVENT') {
      const p = parseProperty(line);
      if (p !== null) event.push(p);
      continue;
    }
    const props = event;
    event = null;
    const get = (name: string): Property | undefined => props.find((p) => p.name === name);
    const summaryProp = get('SUMMARY');
    const summary = summaryProp === undefined ? null : unescapeText(summaryProp.value).trim();
    const skip = (reason: IcsSkippedEvent['reason']): void => {
      skipped.push({ line: eventLine, summary, reason });
    };
    const dtstart = get('DTSTART');
    if (dtstart === undefined) {
      skip('missing-dtstart');
      continue;
    }
    if (!isAllDay(dtstart)) {
      skip('not-all-day');
      continue;
    }
    const first = parseDateValue(dtstart.value);
    if (first === null) {
      skip('bad-date');
      continue;
    }
    const dtend = get('DTEND');
    const endExclusive = dtend === undefined ? first + 1 : parseDateValue(dtend.value);
    if (endExclusive === null || endExclusive <= first) {
      skip('bad-date');
      continue;
    }
    if (endExclusive - first > MAX_EVENT_DAYS) {
      skip('too-long');
      continue;
    }
    const name = summary === null || summary === '' ? {} : { name: summary.slice(0, 200) };
    const rrule = get('RRULE');
    if (rrule !== undefined) {
      if (!isPlainYearly(rrule.value)) {
        skip('unsupported-rrule');
        continue;
      }
      for (let d = first; d < endExclusive; d++) {
        const c = civilFromDays(d);
        push({ kind: 'yearly', month: c.month, day: c.day, ...name });
      }
      continue;
    }
    for (let d = first; d < endExclusive; d++) push({ kind: 'date', date: formatIsoDate(civilFromDays(d)), ...name });
  }
  return { ok: true, holidays, skipped };
}
