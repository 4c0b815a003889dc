import type { ReportGetResult } from '../../../../src/contracts/report';
// Pure and dependency-free (its only other import is a type), so the page reuses the backend's CSV layout.
import { csvField, reportToCsv } from '../../../../src/domain/report/report-csv';
import type { Lang } from '../../../shared/i18n/locale';
import type { Translate } from '../../../shared/i18n/translate';
import { DIMENSIONS } from './report-request';
import type { FilterSelection } from './report-request';

/**
 * The report as one CSV file: the domain's table (Section, Item, Detail, Value: period, counts, daily
 * trend, SLA, MTTA/MTTR, frequency, top problems, with a UTF-8 BOM and CRLF so Excel reads Japanese),
 * then the filter that was applied and the breached incidents with who is responsible.
 *
 * @example reportCsvText(result, NO_FILTER, 'en', t).startsWith('\uFEFFSection,Item,Detail,Value\r\n') // true
 */
export function reportCsvText(result: ReportGetResult, selection: FilterSelection, lang: Lang, t: Translate): string {
  const base = reportToCsv(
    {
      ...result,
      // reportToCsv does not print the filter; the rows below do, with the page's labels.
      filter: {
        kinds: [...selection.kinds],
        priorities: [...selection.priorities],
        services: [...selection.services],
        categories: [...selection.categories],
        teams: [...selection.teams],
        includeRestricted: result.restrictedIncluded,
        topProblems: result.topProblems.length,
      },
    },
    lang,
  );
  const rows: (string | number | null)[][] = [];
  for (const d of DIMENSIONS) {
    const values = selection[d.list];
    if (values.length > 0) rows.push([t('report.csv.filter'), t(`report.dim.${d.id}`), null, values.map((v) => v ?? t('report.value.none')).join(' | ')]);
  }
  for (const b of result.breachedIncidents) {
    rows.push([t('report.csv.breached'), b.key, b.metrics.join(' '), b.assignee?.displayName ?? t('report.breached.unassigned')]);
  }
  return base + rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/** The CSV's media type (UTF-8; the text starts with a BOM so Excel reads Japanese). */
export const REPORT_CSV_TYPE = 'text/csv;charset=utf-8';

/** A file name that sorts by project and period: incident-report-INC-2026-03-01_2026-03-31.csv */
export function reportCsvName(projectKey: string | null, result: ReportGetResult): string {
  return `incident-report-${projectKey ?? 'all'}-${result.period.from}_${result.period.to}.csv`;
}
