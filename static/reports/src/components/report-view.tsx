import { token } from '@atlaskit/tokens';
import type { ReportGetResult } from '../../../../src/contracts/report';
import { formatDateTimeWithZone } from '../../../shared/format/date';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { downloadText } from '../../../shared/files/download-text';
import { REPORT_CSV_TYPE, reportCsvName, reportCsvText } from '../model/report-csv-file';
import { formatDay } from '../model/report-format';
import { isEmptyReport } from '../model/report-request';
import type { FilterSelection } from '../model/report-request';
import { BreachedIncidents } from './breached-incidents';
import { Frequency } from './frequency';
import { MeanDurations } from './mean-durations';
import { SlaCompliance } from './sla-compliance';
import { primaryButtonStyle, subtleText } from './styles';
import { TopProblems } from './top-problems';
import { Totals } from './totals';
import { TrendChart } from './trend-chart';
import { Section } from './section';

/** Everything the report shows for one result: what it covers, CSV, then the sections (or the empty state). */
export function ReportView(props: { result: ReportGetResult; selection: FilterSelection; projectKey: string | null; reloading: boolean }) {
  const { t, lang, intlTag, timeZone } = useI18n();
  const { result } = props;
  const from = formatDay(result.period.from, intlTag);
  const to = formatDay(result.period.to, intlTag);
  return (
    <div data-testid="report-view" aria-busy={props.reloading} style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), opacity: props.reloading ? 0.6 : 1 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: token('space.100') }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
          <p data-testid="report-period" style={{ margin: 0, font: token('font.body'), fontWeight: token('font.weight.semibold') }}>
            {t('report.period.showing', { from, to, days: result.period.days, timeZone: result.timeZone })}
          </p>
          <p data-testid="report-as-of" style={subtleText}>
            {result.asOf === null ? t('report.asOf.never') : t('report.asOf', { time: formatDateTimeWithZone(result.asOf, { intlTag, timeZone }) })}
            {' · '}
            {t(result.restrictedIncluded ? 'report.restricted.included' : 'report.restricted.excluded')}
          </p>
          {props.reloading && (
            <p role="status" style={subtleText}>
              {t('report.updating')}
            </p>
          )}
        </div>
        <button
          type="button"
          data-testid="report-csv"
          style={primaryButtonStyle}
          onClick={() => downloadText(reportCsvName(props.projectKey, result), reportCsvText(result, props.selection, lang, t), REPORT_CSV_TYPE)}
        >
          {t('report.csv.download')}
        </button>
      </div>
      {isEmptyReport(result) ? (
        <div data-testid="report-empty" style={{ textAlign: 'center', padding: token('space.400'), display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          <h2 style={{ font: token('font.heading.medium'), margin: 0 }}>{t('report.empty.heading')}</h2>
          <p style={{ ...subtleText, font: token('font.body') }}>{t('report.empty.description', { from, to })}</p>
        </div>
      ) : (
        <>
          <Totals result={result} />
          <Section title={t('report.trend.heading')} testId="report-trend">
            <TrendChart result={result} />
          </Section>
          <SlaCompliance result={result} />
          <BreachedIncidents result={result} />
          <MeanDurations result={result} />
          <Frequency result={result} />
          <TopProblems result={result} />
        </>
      )}
    </div>
  );
}
