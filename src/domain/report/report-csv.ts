import type { PeriodReport, FrequencyRow, MeanDuration } from './build-report';

/**
 * The report as one CSV table (Section, Item, Detail, Value) so every figure of the page is in one
 * download that Excel opens correctly: RFC 4180 quoting, CRLF line ends, and a UTF-8 BOM, without which
 * Excel reads Japanese text as Shift_JIS mojibake. Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab/CR) is prefixed with an apostrophe (OWASP CSV injection advice);
 * numbers are written plainly.
 */

export type CsvLocale = 'ja' | 'en';

const L = {
  header: { ja: ['区分', '項目', '詳細', '値'], en: ['Section', 'Item', 'Detail', 'Value'] },
  period: { ja: '期間', en: 'Period' },
  from: { ja: '開始日', en: 'From' },
  to: { ja: '終了日', en: 'To' },
  timeZone: { ja: 'タイムゾーン', en: 'Time zone' },
  counts: { ja: '件数', en: 'Counts' },
  opened: { ja: '起票', en: 'Opened' },
  closed: { ja: '完了', en: 'Closed' },
  openAtEnd: { ja: '期末未完了', en: 'Open at end' },
  recurring: { ja: '再発', en: 'Recurring' },
  recurrenceRate: { ja: '再発率 (%)', en: 'Recurrence rate (%)' },
  daily: { ja: '日別推移', en: 'Daily trend' },
  sla: { ja: 'SLA', en: 'SLA' },
  met: { ja: '達成', en: 'Met' },
  breached: { ja: '違反', en: 'Breached' },
  running: { ja: '計測中', en: 'Running' },
  paused: { ja: '一時停止中', en: 'Paused' },
  compliance: { ja: '遵守率 (%)', en: 'Compliance (%)' },
  formula: { ja: '計算式', en: 'Formula' },
  count: { ja: '件数', en: 'Count' },
  wall: { ja: '平均（実時間・分）', en: 'Mean wall-clock minutes' },
  business: { ja: '平均（営業時間・分）', en: 'Mean business minutes' },
  businessCount: { ja: '件数（営業時間）', en: 'Count (business)' },
  byKind: { ja: '種別別', en: 'By kind' },
  byPriority: { ja: '優先度別', en: 'By priority' },
  byService: { ja: 'サービス別', en: 'By service' },
  byCategory: { ja: 'カテゴリ別', en: 'By category' },
  byTeam: { ja: 'チーム別', en: 'By team' },
  none: { ja: '（なし）', en: '(none)' },
  topProblems: { ja: '上位の問題', en: 'Top problems' },
} as const;

type Cell = string | number | null;

/**
 * One CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled); formula-like text defused.
 *
 * @example csvField('a,"b"') === '"a,""b"""'; csvField('=SUM(A1)') === "'=SUM(A1)"; csvField(-3) === '-3'
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const pct = (ratio: number | null): number | null => (ratio === null ? null : Math.round(ratio * 10_000) / 100);

/**
 * The report as CSV text (BOM + CRLF), labels in the given language.
 *
 * @example reportToCsv(report, 'en').split('\r\n')[0] === '\uFEFFSection,Item,Detail,Value'
 */
export function reportToCsv(report: PeriodReport, locale: CsvLocale): string {
  const t = (k: keyof typeof L): string => {
    const v = L[k][locale];
    return typeof v === 'string' ? v : '';
  };
  const rows: Cell[][] = [[...L.header[locale]]];
  rows.push([t('period'), t('from'), null, report.period.from], [t('period'), t('to'), null, report.period.to], [t('period'), t('timeZone'), null, report.timeZone]);
  rows.push(
    [t('counts'), t('opened'), null, report.totals.opened],
    [t('counts'), t('closed'), null, report.totals.closed],
    [t('counts'), t('openAtEnd'), null, report.totals.openAtEnd],
    [t('counts'), t('recurring'), null, report.totals.recurringOpened],
    [t('counts'), t('recurrenceRate'), null, pct(report.recurrenceRate)],
  );
  for (const d of report.trend) rows.push([t('daily'), d.day, t('opened'), d.opened], [t('daily'), d.day, t('closed'), d.closed]);
  for (const s of report.sla) {
    rows.push(
      [t('sla'), s.metricId, t('met'), s.met],
      [t('sla'), s.metricId, t('breached'), s.breached],
      [t('sla'), s.metricId, t('running'), s.running],
      [t('sla'), s.metricId, t('paused'), s.paused],
      [t('sla'), s.metricId, t('compliance'), pct(s.compliance)],
    );
  }
  rows.push([t('sla'), t('formula'), null, report.complianceFormula[locale]]);
  const durations = (name: string, m: MeanDuration): void => {
    rows.push([name, t('count'), null, m.count], [name, t('wall'), null, m.wallMinutes], [name, t('businessCount'), null, m.businessCount], [name, t('business'), null, m.businessMinutes]);
  };
  durations('MTTA', report.mtta);
  durations('MTTR', report.mttr);
  const freq = (k: 'byKind' | 'byPriority' | 'byService' | 'byCategory' | 'byTeam', list: readonly FrequencyRow[]): void => {
    for (const r of list) rows.push([t(k), r.value ?? t('none'), null, r.count]);
  };
  freq('byKind', report.frequency.byKind);
  freq('byPriority', report.frequency.byPriority);
  freq('byService', report.frequency.byService);
  freq('byCategory', report.frequency.byCategory);
  freq('byTeam', report.frequency.byTeam);
  for (const p of report.topProblems) rows.push([t('topProblems'), p.problemKey, null, p.incidents]);
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
