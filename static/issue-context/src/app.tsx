import { Lozenge } from '../../shared/ui/lozenge';
import { token } from '@atlaskit/tokens';
import { RESOLVER_KEYS, SlaGetResultSchema } from '../../../src/contracts';
import { useRefresh, useResolver } from '../../shared/bridge/hooks';
import { formatDuration, formatDurationLong } from '../../shared/format/duration';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { ErrorMessage, Loading } from '../../shared/shell/states';
import { lozengeAppearance } from '../../shared/sla/colour-band';
import { badgeStatus, type BadgeStatus } from '../../shared/sla/sla-model';
import { badgeMetricName } from './badge-text';

const EMPTY_PAYLOAD = {};

/** Lozenge appearance and text of the badge. */
function useBadge(status: BadgeStatus): { appearance: Parameters<typeof lozengeAppearance>[0] | 'default' | 'met'; text: string; spoken: string } {
  const { t, lang } = useI18n();
  switch (status.kind) {
    case 'none':
      return { appearance: 'default', text: t('issueContext.none'), spoken: t('issueContext.none') };
    case 'breached': {
      const text = t('issueContext.breached');
      const spoken = status.overdueMs === null ? text : `${text}, ${formatDurationLong(-status.overdueMs, lang)}`;
      return { appearance: 'breached', text, spoken };
    }
    case 'remaining': {
      const duration = formatDuration(status.remainingMs, lang);
      return {
        appearance: status.metric.band ?? 'ok',
        text: status.paused ? t('issueContext.pausedRemaining', { duration }) : t('issueContext.remaining', { duration }),
        spoken: formatDurationLong(status.remainingMs, lang),
      };
    }
    case 'running-no-goal':
      return { appearance: 'default', text: t('issueContext.running'), spoken: t('issueContext.running') };
    case 'met':
      return { appearance: 'met', text: t('issueContext.met'), spoken: t('issueContext.met') };
  }
}

function Badge(props: { status: BadgeStatus }) {
  const { t } = useI18n();
  const badge = useBadge(props.status);
  const appearance = badge.appearance === 'default' ? 'default' : badge.appearance === 'met' ? 'success' : lozengeAppearance(badge.appearance);
  const metric = props.status.kind === 'none' ? null : badgeMetricName(props.status.metric.kind, t);
  return (
    <span
      data-testid="sla-badge"
      data-status={props.status.kind}
      role="status"
      aria-label={metric === null ? badge.spoken : t('issueContext.metricLabel', { metric, status: badge.spoken })}
      style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}
    >
      <Lozenge appearance={appearance} isBold maxWidth={240}>
        {badge.text}
      </Lozenge>
      {metric !== null && <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{metric}</span>}
    </span>
  );
}

/** SLA badge (jira:issueContext): the most urgent metric as one lozenge, refreshed each minute and on issue changes. */
export default function IssueContextApp() {
  const refresh = useRefresh();
  const { t } = useI18n();
  const { state, reload } = useResolver(RESOLVER_KEYS.slaGet, EMPTY_PAYLOAD, SlaGetResultSchema, refresh.version);
  return (
    <main style={{ padding: token('space.100') }}>
      {state.status === 'loading' && <Loading label={t('common.loading')} size="small" />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={reload} />}
      {state.status === 'ok' && <Badge status={badgeStatus(state.data)} />}
    </main>
  );
}
