import { Suspense, lazy } from 'react';
import { RESOLVER_KEYS, SlaGetResultSchema } from '../../../src/contracts';
import { issueOf } from '../../shared/bridge/forge-context';
import { useRefresh, useResolver } from '../../shared/bridge/hooks';
import { ConfigGetViewSchema } from '../../shared/config/config-view';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { PageFrame } from '../../shared/page/page-frame';
import { useForgeContext } from '../../shared/shell/forge-context-provider';
import { ErrorMessage, PageLoading } from '../../shared/shell/states';
import { SlaOverview } from './sla-overview';

// First-line staff open the intake helpers once per incident; the SLA timers are what every view needs.
const IntakeHelpers = lazy(() => import('./intake/intake-helpers'));
const EvidenceSection = lazy(() => import('./evidence/evidence-section'));
const IncidentReportSection = lazy(() => import('./report/incident-report-section'));
const ProblemSection = lazy(() => import('./problem/problem-section'));

const EMPTY_PAYLOAD = {};

/**
 * SLA panel (jira:issuePanel): a timer per metric, its timeline and past cycles, fired escalations, and
 * the intake helpers. Re-fetches each minute and whenever the issue changes (Jira's event or ours).
 */
export default function IssuePanelApp() {
  const { t } = useI18n();
  const context = useForgeContext();
  const refresh = useRefresh();
  const sla = useResolver(RESOLVER_KEYS.slaGet, EMPTY_PAYLOAD, SlaGetResultSchema, refresh.version);
  // Labels and calendars change only when an admin saves settings: reload on events, not on every tick.
  const config = useResolver(RESOLVER_KEYS.configGet, EMPTY_PAYLOAD, ConfigGetViewSchema, refresh.reason === 'event' ? refresh.version : 0);
  const configView = config.state.status === 'ok' ? config.state.data.config : null;
  const issue = issueOf(context);
  return (
    <PageFrame heading={t('issuePanel.heading')} level="h2">
      <section aria-label={t('issuePanel.slaSection')} aria-busy={sla.state.status === 'loading'} data-testid="sla-panel">
        {sla.state.status === 'loading' && <PageLoading />}
        {sla.state.status === 'error' && <ErrorMessage error={sla.state.error} onRetry={sla.reload} />}
        {sla.state.status === 'ok' && <SlaOverview result={sla.state.data} config={configView} />}
      </section>
      {issue !== null && (
        <Suspense fallback={<PageLoading />}>
          <IntakeHelpers issueKey={issue.key} config={configView} />
        </Suspense>
      )}
      {issue !== null && <Suspense fallback={null}><EvidenceSection /></Suspense>}
      {issue !== null && <Suspense fallback={null}><IncidentReportSection /></Suspense>}
      {issue !== null && <Suspense fallback={null}><ProblemSection issueKey={issue.key} /></Suspense>}
    </PageFrame>
  );
}
