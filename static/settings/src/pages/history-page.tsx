import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { ConfigGetResultSchema, ConfigHistoryResultSchema, ConfigRestoreResultSchema, RESOLVER_KEYS, type ConfigVersionMetaView } from '../../../../src/contracts';
import type { ResolverError } from '../../../shared/bridge/envelope';
import { invokeResolver } from '../../../shared/bridge/invoke-resolver';
import { formatDateTime } from '../../../shared/format/date';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { ErrorMessage, PageLoading } from '../../../shared/shell/states';
import { Lozenge } from '../../../shared/ui/lozenge';

interface Loaded {
  readonly head: number;
  readonly canEdit: boolean;
  readonly versions: readonly ConfigVersionMetaView[];
  readonly cursor: string | null;
}

/** History sub-page: every saved version (who, when, note), newest first, and restore as a new version. */
export default function HistoryPage() {
  const { t, intlTag, timeZone } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [restored, setRestored] = useState<{ from: number; version: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([invokeResolver(RESOLVER_KEYS.configGet, {}, ConfigGetResultSchema), invokeResolver(RESOLVER_KEYS.configHistory, { limit: 20 }, ConfigHistoryResultSchema)]).then(([head, history]) => {
      if (!live) return;
      if (!head.ok) return setError(head.error);
      if (!history.ok) return setError(history.error);
      setError(null);
      setLoaded({ head: head.data.version, canEdit: head.data.canEdit, versions: history.data.versions, cursor: history.data.cursor });
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const more = async () => {
    if (loaded?.cursor == null) return;
    const res = await invokeResolver(RESOLVER_KEYS.configHistory, { limit: 20, cursor: loaded.cursor }, ConfigHistoryResultSchema);
    if (!res.ok) return setError(res.error);
    setLoaded({ ...loaded, versions: [...loaded.versions, ...res.data.versions], cursor: res.data.cursor });
  };

  const restore = async (version: number) => {
    if (loaded === null) return;
    setBusy(true);
    const res = await invokeResolver(RESOLVER_KEYS.configRestore, { version, expectedVersion: loaded.head }, ConfigRestoreResultSchema);
    setBusy(false);
    setConfirming(null);
    if (!res.ok) return setError(res.error);
    setRestored({ from: res.data.restoredFrom, version: res.data.meta.version });
    setAttempt((n) => n + 1);
  };

  const viewer = { intlTag, timeZone };
  if (loaded === null && error === null) return <PageLoading />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }} data-testid="history">
      {error !== null && <ErrorMessage error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {restored !== null && (
        <p role="status" data-testid="restored">
          {t('settings.history.restored', { from: restored.from, version: restored.version })}
        </p>
      )}
      {loaded !== null &&
        (loaded.versions.length === 0 ? (
          <p>{t('settings.history.empty')}</p>
        ) : (
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr style={{ textAlign: 'start', color: token('color.text.subtle') }}>
                <th scope="col">{t('settings.history.version')}</th>
                <th scope="col">{t('settings.history.savedAt')}</th>
                <th scope="col">{t('settings.history.savedBy')}</th>
                <th scope="col">{t('settings.history.note')}</th>
                <th scope="col">{t('settings.history.action')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.versions.map((v) => (
                <tr key={v.version} data-version={v.version} style={{ borderTop: `1px solid ${token('color.border')}`, verticalAlign: 'top' }}>
                  <td>
                    {v.version} {v.version === loaded.head && <Lozenge appearance="success">{t('settings.history.current')}</Lozenge>}
                  </td>
                  <td>{formatDateTime(v.savedAt, viewer)}</td>
                  <td>{v.savedBy ?? t('settings.history.app')}</td>
                  <td>{v.note ?? ''}</td>
                  <td>
                    {v.version !== loaded.head && loaded.canEdit && confirming !== v.version && (
                      <Button spacing="compact" onClick={() => setConfirming(v.version)} testId={`restore-${String(v.version)}`}>
                        {t('settings.history.restore')}
                      </Button>
                    )}
                    {confirming === v.version && (
                      <span role="group" aria-label={t('settings.history.confirm', { version: v.version })} style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}>
                        {t('settings.history.confirm', { version: v.version })}
                        <Button appearance="warning" spacing="compact" onClick={() => void restore(v.version)} isDisabled={busy} testId={`restore-confirm-${String(v.version)}`}>
                          {t('settings.history.restore')}
                        </Button>
                        <Button appearance="subtle" spacing="compact" onClick={() => setConfirming(null)}>
                          {t('settings.cancel')}
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {loaded?.cursor != null && (
        <div>
          <Button onClick={() => void more()}>{t('settings.history.more')}</Button>
        </div>
      )}
    </div>
  );
}
