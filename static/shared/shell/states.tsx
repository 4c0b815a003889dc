import { Suspense, lazy } from 'react';
import type { ReactNode } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../bridge/envelope';
import { useI18n } from '../i18n/i18n-provider';
import { errorLines } from './error-lines';
import { PlainNotice } from './notice';

// EmptyState pulls in Button and Heading, SectionMessage pulls in Tooltip and Popper; most page
// loads show neither, so both load on first use.
const EmptyState = lazy(() => import('@atlaskit/empty-state'));
const SectionMessage = lazy(() => import('@atlaskit/section-message'));
const SectionMessageAction = lazy(() => import('@atlaskit/section-message').then((m) => ({ default: m.SectionMessageAction })));

/** A centred spinner with a screen-reader label. */
export function Loading(props: { label: string; size?: 'small' | 'medium' | 'large' }) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', justifyContent: 'center', padding: token('space.300') }}>
      <Spinner size={props.size ?? 'medium'} label={props.label} />
    </div>
  );
}

/** Loading in the user's language (inside the shell). */
export function PageLoading() {
  const { t } = useI18n();
  return <Loading label={t('common.loading')} />;
}

/** "Nothing here" with an optional action (e.g. "Run setup"). */
export function Empty(props: { header: string; description?: ReactNode; primaryAction?: ReactNode }) {
  return (
    <Suspense fallback={<p>{props.header}</p>}>
      <EmptyState header={props.header} headingLevel={2} description={props.description} primaryAction={props.primaryAction} />
    </Suspense>
  );
}

/** A resolver error in the user's language, with its field errors and a retry action. */
export function ErrorMessage(props: { error: ResolverError; onRetry?: () => void }) {
  const { lang, t } = useI18n();
  const lines = errorLines(props.error, lang);
  const actions = props.onRetry ? [<SectionMessageAction key="retry" onClick={props.onRetry}>{t('common.retry')}</SectionMessageAction>] : [];
  return (
    <Suspense fallback={<PlainNotice title={t('common.errorTitle')}>{lines.message}</PlainNotice>}>
      <SectionMessage appearance="error" title={t('common.errorTitle')} actions={actions}>
      <p>{lines.message}</p>
      {lines.fields.length > 0 && (
        <ul>
          {lines.fields.map((f) => (
            <li key={f.path}>
              <code>{f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      <p style={{ color: token('color.text.subtlest'), font: token('font.body.small') }}>{t('common.errorCode', { code: props.error.code })}</p>
      </SectionMessage>
    </Suspense>
  );
}
