import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { formatRatio } from '../model/report-format';
import { Section } from './section';
import { numHeadStyle, numStyle, subtleText, tableStyle, tdStyle, thStyle } from './styles';

/** Met and breached per SLA metric with the compliance formula written out; running and paused are shown but excluded. */
export function SlaCompliance(props: { result: ReportGetResult }) {
  const { t, lang, intlTag } = useI18n();
  const { sla, complianceFormula } = props.result;
  return (
    <Section title={t('report.sla.heading')} testId="report-sla">
      <p data-testid="report-sla-formula" style={subtleText}>
        {t('report.sla.formula', { formula: complianceFormula[lang] })}
      </p>
      {sla.length === 0 ? (
        <p style={subtleText}>{t('report.sla.none')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table style={tableStyle}>
            <thead>
              <tr>
                <th scope="col" style={thStyle}>
                  {t('report.sla.metric')}
                </th>
                <th scope="col" style={numHeadStyle}>
                  {t('report.sla.met')}
                </th>
                <th scope="col" style={numHeadStyle}>
                  {t('report.sla.breached')}
                </th>
                <th scope="col" style={numHeadStyle}>
                  {t('report.sla.compliance')}
                </th>
                <th scope="col" style={numHeadStyle}>
                  {t('report.sla.running')}
                </th>
                <th scope="col" style={numHeadStyle}>
                  {t('report.sla.paused')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sla.map((s) => (
                <tr key={s.metricId} data-testid={`report-sla-${s.metricId}`}>
                  <th scope="row" style={{ ...tdStyle, textAlign: 'start' }}>
                    {s.label?.[lang] ?? s.metricId}
                  </th>
                  <td style={numStyle}>{s.met}</td>
                  <td style={numStyle}>{s.breached}</td>
                  <td style={{ ...numStyle, fontWeight: 600 }} data-testid="report-sla-compliance">
                    {formatRatio(s.compliance, intlTag, t)}
                  </td>
                  <td style={{ ...numStyle, opacity: 0.75 }}>{s.running}</td>
                  <td style={{ ...numStyle, opacity: 0.75 }}>{s.paused}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
