import { fail } from '../errors';

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
const DAY = 86_400_000;

/** `-30d`, `-2w`, `4w 2d`, `-1h 30m`: offsets from now, as Jira's period format. */
export function parsePeriod(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?\s*\d+\s*[wdhm](\s*[+-]?\s*\d+\s*[wdhm])*$/i.test(t)) return null;
  const sign = t.startsWith('-') ? -1 : 1;
  let total = 0;
  for (const m of t.matchAll(/(\d+)\s*([wdhm])/gi)) {
    const n = Number(m[1]);
    const unit = UNIT_MS[(m[2] ?? 'd').toLowerCase()] ?? DAY;
    total += n * unit;
  }
  return sign * total;
}

/** Absolute dates Jira accepts in JQL, read in the site's time zone (UTC here). */
export function parseAbsolute(text: string): number | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
  return Number.isNaN(ms) ? null : ms;
}

export function invalidDate(value: string, field: string): never {
  fail(
    400,
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

export function dateValue(text: string, field: string, now: number): number {
  const abs = parseAbsolute(text);
  if (abs !== null) return abs;
  const period = parsePeriod(text);
  if (period !== null) return now + period;
  if (/^\d{10,}$/.test(text)) return Number(text); // epoch millis, which Jira also accepts
  return invalidDate(text, field);
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Date functions (UTC): `startOfDay(-1d)` etc. The optional argument is a period added to the result. */
export function dateFunction(name: string, args: readonly string[], now: number): number | null {
  const offset = args[0] === undefined ? 0 : parsePeriod(args[0]);
  if (offset === null) fail(400, `The argument '${args[0] ?? ''}' for the function '${name}' is invalid.`);
  const d = new Date(now);
  const lower = name.toLowerCase();
  let base: number;
  switch (lower) {
    case 'now':
      base = now;
      break;
    case 'startofday':
      base = startOfUtcDay(now);
      break;
    case 'endofday':
      base = startOfUtcDay(now) + DAY - 1;
      break;
    case 'startofweek': // Jira weeks start on Sunday in the default locale
      base = startOfUtcDay(now) - d.getUTCDay() * DAY;
      break;
    case 'endofweek':
      base = startOfUtcDay(now) + (7 - d.getUTCDay()) * DAY - 1;
      break;
    case 'startofmonth':
      base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      break;
    case 'endofmonth':
      base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
      break;
    case 'startofyear':
      base = Date.UTC(d.getUTCFullYear(), 0, 1);
      break;
    case 'endofyear':
      base = Date.UTC(d.getUTCFullYear() + 1, 0, 1) - 1;
      break;
    default:
      return null;
  }
  return base + offset;
}
