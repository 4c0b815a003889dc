import { token } from '@atlaskit/tokens';
import type { ReportGetResult } from '../../../../src/contracts/report';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { formatRatio } from '../model/report-format';
import { IssueSearchLink } from './jira-links';
import { Section } from './section';
import { subtleText } from './styles';

/** Opened, closed, backlog at the end and recurring, with drill-down into issue search; then the recurrence rate. */
export function Totals(props: { result: ReportGetResult }) {
  const { t, intlTag } = useI18n();
  const { totals, drilldown, recurrenceRate } = props.result;
  const tiles = [
    { id: 'opened', label: t('report.totals.opened'), value: totals.opened, drill: { jql: drilldown.opened, text: t('report.drill.opened') } },
    { id: 'closed', label: t('report.totals.closed'), value: totals.closed, drill: { jql: drilldown.closed, text: t('report.drill.closed') } },
    { id: 'backlog', label: t('report.totals.backlog'), value: totals.openAtEnd, drill: null },
    { id: 'recurring', label: t('report.totals.recurring'), value: totals.recurringOpened, drill: null },
  ] as const;
  return (
    <Section title={t('report.totals.heading')} testId="report-totals">
      <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))', gap: token('space.150'), margin: 0 }}>
        {tiles.map((tile) => (
          <div key={tile.id} data-testid={`report-total-${tile.id}`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
            <dt style={subtleText}>{tile.label}</dt>
            <dd data-testid={`report-total-${tile.id}-value`} style={{ margin: 0, font: token('font.heading.large'), fontVariantNumeric: 'tabular-nums' }}>
              {tile.value}
            </dd>
            {tile.drill !== null && (
              <dd style={{ margin: 0, font: token('font.body.small') }}>
                <IssueSearchLink jql={tile.drill.jql} testId={`report-drill-${tile.id}`}>
                  {tile.drill.text}
                </IssueSearchLink>
              </dd>
            )}
          </div>
        ))}
        <div data-testid="report-recurrence" style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
          <dt style={subtleText}>{t('report.recurrence.heading')}</dt>
          <dd data-testid="report-recurrence-value" style={{ margin: 0, font: token('font.heading.large'), fontVariantNumeric: 'tabular-nums' }}>
            {formatRatio(recurrenceRate, intlTag, t)}
          </dd>
          {recurrenceRate !== null && <dd style={{ ...subtleText }}>{t('report.recurrence.value', { recurring: totals.recurringOpened, opened: totals.opened })}</dd>}
        </div>
      </dl>
    </Section>
  );
}
