import { token } from '@atlaskit/tokens';
import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { formatMeanMinutes } from '../model/report-format';
import { Section } from './section';
import { numHeadStyle, numStyle, subtleText, tableStyle, tdStyle, thStyle } from './styles';

type Mean = ReportGetResult['mtta'];

/** MTTA and MTTR in business hours (the SLA calendar) and wall-clock time, each with how many incidents it averages. */
export function MeanDurations(props: { result: ReportGetResult }) {
  const { t, lang } = useI18n();
  const rows: { id: 'mtta' | 'mttr'; mean: Mean }[] = [
    { id: 'mtta', mean: props.result.mtta },
    { id: 'mttr', mean: props.result.mttr },
  ];
  const cell = (minutes: number | null, count: number, testId: string) => (
    <td style={numStyle}>
      <span data-testid={testId}>{formatMeanMinutes(minutes, lang, t)}</span>
      {minutes !== null && <span style={{ ...subtleText, display: 'block' }}>{t('report.durations.over', { count })}</span>}
    </td>
  );
  return (
    <Section title={t('report.durations.heading')} testId="report-durations">
      <table style={tableStyle}>
        <thead>
          <tr>
            <td style={thStyle} />
            <th scope="col" style={numHeadStyle}>
              {t('report.durations.business')}
            </th>
            <th scope="col" style={numHeadStyle}>
              {t('report.durations.wall')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, mean }) => (
            <tr key={id} data-testid={`report-${id}`}>
              <th scope="row" style={{ ...tdStyle, textAlign: 'start', font: token('font.body') }}>
                {t(`report.${id}`)}
              </th>
              {cell(mean.businessMinutes, mean.businessCount, `report-${id}-business`)}
              {cell(mean.wallMinutes, mean.count, `report-${id}-wall`)}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
