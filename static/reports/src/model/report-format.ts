import { formatDuration } from '../../../shared/format/duration';
import type { Lang } from '../../../shared/i18n/locale';
import type { Translate } from '../../../shared/i18n/translate';
import type { DimensionId } from './report-request';

const percentFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A ratio as a percentage with at most one decimal, in the viewer's locale; null reads "No data".
 *
 * @example formatRatio(0.8333, 'en-US', t) // '83.3%'
 */
export function formatRatio(ratio: number | null, intlTag: string, t: Translate): string {
  if (ratio === null) return t('report.noData');
  let f = percentFormats.get(intlTag);
  if (f === undefined) {
    f = new Intl.NumberFormat(intlTag, { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(intlTag, f);
  }
  return f.format(ratio);
}

/**
 * Mean minutes (MTTA/MTTR) as hours and minutes, rounded to the nearest minute; null reads "No data".
 *
 * @example formatMeanMinutes(90.4, 'ja', t) // '1時間30分'
 */
export function formatMeanMinutes(minutes: number | null, lang: Lang, t: Translate): string {
  if (minutes === null) return t('report.noData');
  return formatDuration(Math.round(minutes) * 60_000, lang);
}

/**
 * A report day (a civil date, not an instant) in the viewer's locale; `short` drops the year (chart axes).
 *
 * @example formatDay('2026-03-14', 'ja-JP') // '2026/03/14'; formatDay('2026-03-14', 'en-US', true) // '3/14'
 */
export function formatDay(day: string, intlTag: string, short = false): string {
  const key = `${intlTag}|${String(short)}`;
  let f = dayFormats.get(key);
  if (f === undefined) {
    // UTC on both sides: the day is already local to the report's zone and must not move.
    f = new Intl.DateTimeFormat(intlTag, short ? { month: 'numeric', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    dayFormats.set(key, f);
  }
  return f.format(Date.parse(`${day}T00:00:00Z`));
}

const KIND_KEYS = { inquiry: 'intake.kind.inquiry', failure: 'intake.kind.failure', security: 'intake.kind.security' } as const;

/**
 * The label of a dimension value: the kinds the app defines in the viewer's language, other values as
 * recorded, and "(no value)" for null.
 *
 * @example valueLabel('kind', 'failure', t) // 'Failure' (en) / '障害' (ja)
 */
export function valueLabel(dim: DimensionId, value: string | null, t: Translate): string {
  if (value === null) return t('report.value.none');
  if (dim === 'kind' && Object.hasOwn(KIND_KEYS, value)) return t(KIND_KEYS[value as keyof typeof KIND_KEYS]);
  return value;
}
