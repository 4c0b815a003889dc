import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import * as z from 'zod/mini';
import { RESOLVER_KEYS } from '../../../../src/contracts';
import type { ResolverError } from '../../../shared/bridge/envelope';
import { useResolver } from '../../../shared/bridge/hooks';
import { invokeResolver } from '../../../shared/bridge/invoke-resolver';
import { formatDateTime } from '../../../shared/format/date';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import type { PlainMessageKey } from '../../../shared/i18n/translate';
import { ErrorMessage, PageLoading } from '../../../shared/shell/states';
import { Lozenge, type LozengeAppearance } from '../../../shared/ui/lozenge';

/** What setup reports (src/app/ports/setup-store.ts SetupStatus), read leniently: the backend owns the shape. */
const SetupItemSchema = z.looseObject({
  id: z.string(),
  state: z.string(),
  jiraId: z.optional(z.nullable(z.string())),
  error: z.optional(z.nullable(z.looseObject({ ja: z.string(), en: z.string() }))),
  at: z.optional(z.number()),
});
export const SetupStatusViewSchema = z.nullable(
  z.looseObject({
    state: z.string(),
    startedAt: z.optional(z.number()),
    finishedAt: z.optional(z.nullable(z.number())),
    runBy: z.optional(z.nullable(z.string())),
    items: z.array(SetupItemSchema),
  }),
);
export type SetupStatusView = z.infer<typeof SetupStatusViewSchema>;

function stateLook(state: string): { appearance: LozengeAppearance; key: PlainMessageKey } {
  switch (state) {
    case 'created':
      return { appearance: 'success', key: 'settings.setup.created' };
    case 'existing':
      return { appearance: 'inprogress', key: 'settings.setup.existing' };
    case 'failed':
      return { appearance: 'removed', key: 'settings.setup.failed' };
    case 'complete':
      return { appearance: 'success', key: 'settings.setup.complete' };
    case 'partial':
      return { appearance: 'moved', key: 'settings.setup.partial' };
    case 'running':
      return { appearance: 'inprogress', key: 'settings.setup.running' };
    default:
      return { appearance: 'default', key: 'settings.setup.pending' };
  }
}

/** An item id such as `field:impact` or `issue-type:incident`, readable: kind and name. */
function itemParts(id: string): { kind: string; name: string } {
  const i = id.indexOf(':');
  return i < 0 ? { kind: id, name: '' } : { kind: id.slice(0, i), name: id.slice(i + 1) };
}

const EMPTY = {};

/** Setup sub-page: run the idempotent setup, verify it, and see each created item's state. */
export default function SetupPage() {
  const { t, lang, intlTag, timeZone } = useI18n();
  const [version, setVersion] = useState(0);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<ResolverError | null>(null);
  const status = useResolver(RESOLVER_KEYS.setupStatus, EMPTY, SetupStatusViewSchema, version);
  const run = async () => {
    setRunning(true);
    setRunError(null);
    const res = await invokeResolver(RESOLVER_KEYS.setupRun, {});
    setRunning(false);
    if (!res.ok) setRunError(res.error);
    setVersion((v) => v + 1);
  };
  const viewer = { intlTag, timeZone };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }} data-testid="setup">
      <p style={{ margin: 0 }}>{t('settings.setup.help')}</p>
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button appearance="primary" onClick={() => void run()} isDisabled={running} testId="setup-run">
          {running ? t('settings.setup.runningNow') : t('settings.setup.run')}
        </Button>
        <Button appearance="default" onClick={() => setVersion((v) => v + 1)} isDisabled={running} testId="setup-verify">
          {t('settings.setup.verify')}
        </Button>
      </div>
      {runError !== null && <ErrorMessage error={runError} />}
      {status.state.status === 'loading' && <PageLoading />}
      {status.state.status === 'error' && <ErrorMessage error={status.state.error} onRetry={status.reload} />}
      {status.state.status === 'ok' &&
        (status.state.data === null ? (
          <p data-testid="setup-never">{t('settings.setup.never')}</p>
        ) : (
          <>
            <p style={{ margin: 0, display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }} data-testid="setup-state">
              <Lozenge appearance={stateLook(status.state.data.state).appearance} isBold>
                {t(stateLook(status.state.data.state).key)}
              </Lozenge>
              {status.state.data.finishedAt != null && t('settings.setup.finished', { at: formatDateTime(status.state.data.finishedAt, viewer) })}
              {status.state.data.runBy != null && ` · ${t('settings.setup.runBy', { user: status.state.data.runBy })}`}
            </p>
            <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="setup-items">
              <thead>
                <tr style={{ textAlign: 'start', color: token('color.text.subtle') }}>
                  <th scope="col">{t('settings.setup.kind')}</th>
                  <th scope="col">{t('settings.setup.item')}</th>
                  <th scope="col">{t('settings.setup.state')}</th>
                  <th scope="col">{t('settings.setup.jiraId')}</th>
                </tr>
              </thead>
              <tbody>
                {status.state.data.items.map((item) => {
                  const look = stateLook(item.state);
                  const parts = itemParts(item.id);
                  return (
                    <tr key={item.id} data-item={item.id} style={{ borderTop: `1px solid ${token('color.border')}` }}>
                      <td>{parts.kind}</td>
                      <td>{parts.name}</td>
                      <td>
                        <Lozenge appearance={look.appearance}>{t(look.key)}</Lozenge>
                        {item.error != null && <span style={{ display: 'block', color: token('color.text.danger') }}>{item.error[lang]}</span>}
                      </td>
                      <td>
                        <code>{item.jiraId ?? '—'}</code>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ))}
    </div>
  );
}
