import { useI18n } from '../../shared/i18n/i18n-provider';
import { BackendStatus } from '../../shared/page/backend-status';
import { ContextSummary } from '../../shared/page/context-summary';
import { PageFrame } from '../../shared/page/page-frame';

/** SLA badge (jira:issueContext). Placeholder until the SLA resolvers exist (issue 6). */
export default function IssueContextApp() {
  const { t } = useI18n();
  return (
    <PageFrame heading={t('issueContext.heading')} level="h2">
      <ContextSummary />
      <BackendStatus />
    </PageFrame>
  );
}
