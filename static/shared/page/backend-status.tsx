import { useResolver } from '../bridge/hooks';
import { PING_KEY, PingResultSchema } from '../bridge/ping';
import { useI18n } from '../i18n/i18n-provider';
import { ErrorMessage, PageLoading } from '../shell/states';

const EMPTY_PAYLOAD = {};

/** Calls `app/ping` and shows whether the backend answered (placeholder pages). */
export function BackendStatus() {
  const { t } = useI18n();
  const { state, reload } = useResolver(PING_KEY, EMPTY_PAYLOAD, PingResultSchema);
  switch (state.status) {
    case 'loading':
      return <PageLoading />;
    case 'error':
      return <ErrorMessage error={state.error} onRetry={reload} />;
    case 'ok':
      return <p data-testid="backend-status">{t('common.backendOk', { app: state.data.app })}</p>;
  }
}
