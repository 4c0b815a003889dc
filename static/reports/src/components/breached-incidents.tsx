import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { BREACHED_LIMIT } from '../model/report-request';
import { IssueLink, IssueSearchLink } from './jira-links';
import { Section } from './section';
import { subtleText, tableStyle, tdStyle, thStyle } from './styles';

/** Incidents that breached an SLA in the period, with who is responsible (the assignee); all of them in issue search. */
export function BreachedIncidents(props: { result: ReportGetResult }) {
  const { t, lang } = useI18n();
  const { breachedIncidents, drilldown, sla } = props.result;
  const metricName = (id: string): string => sla.find((s) => s.metricId === id)?.label?.[lang] ?? id;
  const drill = (
    <IssueSearchLink jql={drilldown.breached} testId="report-drill-breached">
      {t('report.drill.breached')}
    </IssueSearchLink>
  );
  return (
    <Section title={t('report.breached.heading')} testId="report-breached" actions={drill}>
      {breachedIncidents.length === 0 ? (
        <p style={subtleText}>{t('report.breached.none')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table style={tableStyle}>
            <thead>
              <tr>
                <th scope="col" style={thStyle}>
                  {t('report.breached.key')}
                </th>
                <th scope="col" style={thStyle}>
                  {t('report.breached.summary')}
                </th>
                <th scope="col" style={thStyle}>
                  {t('report.dim.priority')}
                </th>
                <th scope="col" style={thStyle}>
                  {t('report.breached.assignee')}
                </th>
                <th scope="col" style={thStyle}>
                  {t('report.breached.metrics')}
                </th>
                <th scope="col" style={thStyle}>
                  {t('report.breached.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {breachedIncidents.map((b) => (
                <tr key={b.key} data-testid="report-breached-row">
                  <td style={tdStyle}>
                    <IssueLink issueKey={b.key} />
                  </td>
                  <td style={tdStyle}>{b.summary ?? ''}</td>
                  <td style={tdStyle}>{b.priority ?? ''}</td>
                  <td style={tdStyle} data-testid="report-breached-assignee">
                    {b.assignee?.displayName ?? t('report.breached.unassigned')}
                  </td>
                  <td style={tdStyle}>{b.metrics.map(metricName).join(', ')}</td>
                  <td style={tdStyle}>{b.status ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {breachedIncidents.length >= BREACHED_LIMIT && <p style={subtleText}>{t('report.breached.limited', { count: breachedIncidents.length })}</p>}
        </div>
      )}
    </Section>
  );
}
