import { useI18n } from '../../shared/i18n/i18n-provider';
import { BackendStatus } from '../../shared/page/backend-status';
import { ContextSummary } from '../../shared/page/context-summary';
import { PageFrame } from '../../shared/page/page-frame';

/** Reports (jira:projectPage). Placeholder until the report resolvers exist. */
export default function ReportsApp() {
  const { t } = useI18n();
  return (
    <PageFrame heading={t('reports.heading')}>
      <ContextSummary />
      <BackendStatus />
      <p>{t('common.comingSoon')}</p>
    </PageFrame>
  );
}
