import type { LocalizedMessage } from '../messages';

/**
 * ja/en texts for the checks the calendar and SLA schemas make (zod `params.code`) and for the v2
 * cross-field rules. Same style as ../messages.ts: every text names the field path it is about.
 */

/** Codes of the calendar/SLA schemas' own checks, beyond config's shared 'blank-text' and 'invalid-id'. */
export const CALENDAR_SLA_CHECK_CODES = [
  'invalid-time-of-day',
  'interval-not-increasing',
  'intervals-overlap',
  'invalid-date',
  'invalid-day-of-month',
  'unknown-time-zone',
  'no-working-time',
  'duplicate-id',
] as const;
export type CalendarSlaCheckCode = (typeof CALENDAR_SLA_CHECK_CODES)[number];

const whole = { ja: '設定全体', en: 'the config' } as const;
const f = (path: string, lang: 'ja' | 'en'): string => (path === '' ? whole[lang] : path);

const checkTexts: Record<CalendarSlaCheckCode, (path: string) => LocalizedMessage> = {
  'invalid-time-of-day': (p) => ({
    ja: `${f(p, 'ja')} は 00:00〜24:00 の時刻を「HH:MM」（例: 09:00）で指定してください。`,
    en: `${f(p, 'en')} must be a time written HH:MM between 00:00 and 24:00 (e.g. 09:00).`,
  }),
  'interval-not-increasing': (p) => ({
    ja: `${f(p, 'ja')} の終了時刻は開始時刻より後にしてください（日をまたぐ場合は 2 つの時間帯に分けてください）。`,
    en: `${f(p, 'en')}: the end must be after the start (split a period that crosses midnight into two).`,
  }),
  'intervals-overlap': (p) => ({
    ja: `${f(p, 'ja')} の時間帯が前の時間帯と重なっているか、順番が逆です。時刻順に、重ならないように指定してください。`,
    en: `${f(p, 'en')} overlaps the previous period or comes before it; list a day's periods in order without overlaps.`,
  }),
  'invalid-date': (p) => ({
    ja: `${f(p, 'ja')} は実在する日付を「YYYY-MM-DD」（例: 2025-01-01）で指定してください。`,
    en: `${f(p, 'en')} must be a real date written YYYY-MM-DD (e.g. 2025-01-01).`,
  }),
  'invalid-day-of-month': (p) => ({
    ja: `${f(p, 'ja')} の日はその月に存在しません。`,
    en: `${f(p, 'en')} is not a day of that month.`,
  }),
  'unknown-time-zone': (p) => ({
    ja: `${f(p, 'ja')} は IANA のタイムゾーン名（例: Asia/Tokyo）で指定してください。`,
    en: `${f(p, 'en')} must be an IANA time zone name (e.g. Asia/Tokyo).`,
  }),
  'no-working-time': (p) => ({
    ja: `${f(p, 'ja')} に稼働時間がありません。少なくとも 1 つの曜日に時間帯を設定し、毎年の休日ですべての日を埋めないでください。`,
    en: `${f(p, 'en')} has no working time at all; give at least one weekday a period, and do not make every day a yearly holiday.`,
  }),
  'duplicate-id': (p) => ({
    ja: `${f(p, 'ja')} の ID は同じ一覧の別の項目と重複しています。ID は一意にしてください。`,
    en: `${f(p, 'en')} repeats an id already used in the same list; ids must be unique.`,
  }),
};

const isCheckCode = (code: unknown): code is CalendarSlaCheckCode => (CALENDAR_SLA_CHECK_CODES as readonly unknown[]).includes(code);

/**
 * The text for a calendar/SLA schema check, or undefined for a code this module does not know.
 *
 * @example calendarSlaCheckMessage('unknown-time-zone', 'calendars[0].timeZone')?.en
 * // 'calendars[0].timeZone must be an IANA time zone name (e.g. Asia/Tokyo).'
 */
export function calendarSlaCheckMessage(code: unknown, path: string): { code: CalendarSlaCheckCode; message: LocalizedMessage } | undefined {
  return isCheckCode(code) ? { code, message: checkTexts[code](path) } : undefined;
}

export const v2Messages = {
  unknownCalendar: (path: string, id: string, known: readonly string[]): LocalizedMessage => ({
    ja: `${path} のカレンダー "${id}" は定義されていません（定義済み: ${known.join(', ') || 'なし'}）。`,
    en: `${path} names the calendar "${id}", which is not defined (defined: ${known.join(', ') || 'none'}).`,
  }),
  unknownIncidentKind: (path: string, kind: string, known: readonly string[]): LocalizedMessage => ({
    ja: `${path} のインシデント種別 "${kind}" は定義されていません（定義済み: ${known.join(', ')}）。`,
    en: `${path} names the incident kind "${kind}", which is not defined (defined: ${known.join(', ')}).`,
  }),
};
