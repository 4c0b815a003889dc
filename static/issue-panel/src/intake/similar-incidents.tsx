import { router } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import { RESOLVER_KEYS, SimilarIncidentsResultSchema } from '../../../../src/contracts';
import { useResolver } from '../../../shared/bridge/hooks';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { ErrorMessage, PageLoading } from '../../../shared/shell/states';
import { isNotAvailable } from './not-available';

/** "Similar past incidents" with links, so first-line staff can reuse a known solution. */
export function SimilarIncidents(props: { issueKey: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const { state, reload } = useResolver(RESOLVER_KEYS.incidentSimilar, { issueKey: props.issueKey }, SimilarIncidentsResultSchema);
  return (
    <section aria-labelledby={headingId} data-testid="similar-incidents">
      <h4 id={headingId} style={{ font: token('font.heading.xxsmall'), margin: `${token('space.100')} 0 ${token('space.050')}` }}>
        {t('intake.similar.heading')}
      </h4>
      {state.status === 'loading' && <PageLoading />}
      {state.status === 'error' &&
        (isNotAvailable(state.error) ? (
          <p data-testid="similar-not-available" style={{ color: token('color.text.subtle'), margin: 0 }}>
            {t('intake.similar.notAvailable')}
          </p>
        ) : (
          <ErrorMessage error={state.error} onRetry={reload} />
        ))}
      {state.status === 'ok' &&
        (state.data.incidents.length === 0 ? (
          <p style={{ color: token('color.text.subtle'), margin: 0 }}>{t('intake.similar.none')}</p>
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: token('space.250') }}>
            {state.data.incidents.map((i) => (
              <li key={i.key}>
                <a
                  href={`/browse/${encodeURIComponent(i.key)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    void router.navigate({ target: 'issue', issueKey: i.key });
                  }}
                >
                  {i.key}
                </a>
                {i.summary !== undefined && ` ${i.summary}`}
                <span style={{ color: token('color.text.subtle') }}>
                  {' '}
                  ({[i.sameService === true ? t('intake.similar.sameService') : null, i.sameCategory === true ? t('intake.similar.sameCategory') : null, t('intake.similar.score', { score: Math.round(i.score * 100) })].filter((x) => x !== null).join(' · ')})
                </span>
                {i.problemKey != null && ` → ${t('intake.similar.problem', { problemKey: i.problemKey })}`}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
