import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { IssueLink } from './jira-links';
import { Section } from './section';
import { subtleText } from './styles';

/** The problems with the most incidents of the period, most first. */
export function TopProblems(props: { result: ReportGetResult }) {
  const { t } = useI18n();
  const { topProblems } = props.result;
  return (
    <Section title={t('report.problems.heading')} testId="report-problems">
      {topProblems.length === 0 ? (
        <p style={subtleText}>{t('report.problems.none')}</p>
      ) : (
        <ol style={{ margin: 0 }}>
          {topProblems.map((p) => (
            <li key={p.problemKey} data-testid="report-problem-row">
              <IssueLink issueKey={p.problemKey} />
              {p.summary !== undefined && ` ${p.summary}`} <span style={subtleText}>({t('report.problems.incidents', { count: p.incidents })})</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
