import { token } from '@atlaskit/tokens';
import * as z from 'zod/mini';
import { RESOLVER_KEYS } from '../../../src/contracts';
import { useResolver } from '../../shared/bridge/hooks';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { PageFrame } from '../../shared/page/page-frame';
import { ErrorMessage, PageLoading } from '../../shared/shell/states';

const EMPTY_PAYLOAD = {};
const AnyReport = z.unknown();

/**
 * Reports (jira:projectPage). A placeholder until the reports issue: it asks `report/get` and says, in
 * the viewer's language, that reports are not available yet (the resolver's own `not-implemented`).
 */
export default function ReportsApp() {
  const { t, lang } = useI18n();
  const { state, reload } = useResolver(RESOLVER_KEYS.reportGet, EMPTY_PAYLOAD, AnyReport);
  return (
    <PageFrame heading={t('reports.heading')}>
      {state.status === 'loading' && <PageLoading />}
      {state.status === 'error' &&
        (state.error.code === 'not-implemented' ? (
          <p data-testid="reports-not-available" style={{ color: token('color.text.subtle') }}>
            {state.error.message[lang]}
          </p>
        ) : (
          <ErrorMessage error={state.error} onRetry={reload} />
        ))}
      {state.status === 'ok' && <p>{t('common.comingSoon')}</p>}
    </PageFrame>
  );
}
