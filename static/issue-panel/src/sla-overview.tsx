import { Lozenge } from '../../shared/ui/lozenge';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy } from 'react';
import type { SlaGetResult } from '../../../src/contracts';
import { metricLabel, type ConfigView } from '../../shared/config/config-view';
import { formatDateTimeWithZone } from '../../shared/format/date';
import { formatDuration, formatDurationLong } from '../../shared/format/duration';
import type { PlainMessageKey } from '../../shared/i18n/translate';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { bandTokens, lozengeAppearance } from '../../shared/sla/colour-band';
import { summarizeMetric, type CycleState, type MetricSummary, type SlaCycleView } from '../../shared/sla/sla-model';
import { Escalations } from './escalations';
import { pauseReasonText } from './pause-reason';

// The timeline needs the business calendar (and zod to read it): load it after the timers are on screen.
const CycleTimeline = lazy(() => import('./cycle-timeline'));

export function stateKey(state: CycleState): PlainMessageKey {
  switch (state) {
    case 'running':
      return 'sla.state.running';
    case 'paused':
      return 'sla.state.paused';
    case 'met':
      return 'sla.state.met';
    case 'breached':
      return 'sla.state.breached';
    case 'cancelled':
      return 'sla.state.cancelled';
  }
}

export function kindKey(kind: MetricSummary['kind']): PlainMessageKey {
  switch (kind) {
    case 'time-to-first-response':
      return 'sla.kind.firstResponse';
    case 'time-to-resolution':
      return 'sla.kind.resolution';
  }
}

/** Every metric of the SLA, then the escalations fired on it; or why there is nothing to show. */
export function SlaOverview(props: { result: SlaGetResult; config: ConfigView | null }) {
  const { t, lang } = useI18n();
  const { result, config } = props;
  if (result.policy === null || result.metrics.length === 0) {
    return (
      <p data-testid="sla-empty" style={{ color: token('color.text.subtle') }}>
        {t('issuePanel.noPolicy')}
      </p>
    );
  }
  const policyId = result.policy.id;
  const metrics = result.metrics.map(summarizeMetric);
  const label = (metricId: string, kind: MetricSummary['kind']): string => metricLabel(config, policyId, metricId, lang) ?? t(kindKey(kind));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      {metrics.map((m) => (
        <MetricCard key={m.metricId} metric={m} label={label(m.metricId, m.kind)} evaluatedAt={result.evaluatedAt} config={config} />
      ))}
      <Escalations escalations={result.escalations} metricLabel={(id) => label(id, result.metrics.find((m) => m.metricId === id)?.kind ?? 'time-to-resolution')} />
    </div>
  );
}

function StateLozenge(props: { metric: MetricSummary; cycle: SlaCycleView }) {
  const { t, lang } = useI18n();
  const { cycle, metric } = props;
  const state: CycleState = metric.breached && cycle.state !== 'cancelled' ? 'breached' : cycle.state;
  const appearance =
    state === 'breached' ? 'removed' : state === 'met' ? 'success' : state === 'cancelled' ? 'default' : metric.band === null ? 'inprogress' : lozengeAppearance(metric.band);
  const pause = cycle.state === 'paused' ? cycle.pauses.find((p) => p.to === null) : undefined;
  return (
    <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}>
      <Lozenge appearance={appearance} isBold testId="sla-state">
        {t(stateKey(state))}
      </Lozenge>
      {metric.breached && cycle.state === 'paused' && <Lozenge appearance="default">{t('sla.state.paused')}</Lozenge>}
      {pause !== undefined && <span data-testid="sla-pause-reason">{pauseReasonText(pause.reason, t, lang)}</span>}
    </span>
  );
}

function ProgressBar(props: { metric: MetricSummary; cycle: SlaCycleView; label: string }) {
  const { cycle, metric } = props;
  if (cycle.goalMs === null || metric.band === null) return null;
  const percent = cycle.goalMs === 0 ? 100 : Math.round((Math.max(0, cycle.elapsedMs) / cycle.goalMs) * 100);
  const colours = bandTokens(metric.band);
  return (
    <div
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(percent, 100)}
      aria-valuetext={`${String(percent)} %`}
      style={{ height: token('space.100'), borderRadius: token('radius.small', '3px'), background: token('color.background.neutral'), overflow: 'hidden' }}
    >
      <div style={{ width: `${String(Math.min(percent, 100))}%`, height: '100%', background: token(colours.background) }} />
    </div>
  );
}

function MetricCard(props: { metric: MetricSummary; label: string; evaluatedAt: number; config: ConfigView | null }) {
  const { t, lang, intlTag, timeZone } = useI18n();
  const { metric, label } = props;
  const cycle = metric.current;
  const viewer = { intlTag, timeZone };
  return (
    <article
      data-testid={`sla-metric-${metric.metricId}`}
      aria-label={label}
      style={{ border: `1px solid ${token('color.border')}`, borderRadius: token('radius.medium', '6px'), padding: token('space.150'), display: 'flex', flexDirection: 'column', gap: token('space.100') }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'center' }}>
        <strong>{label}</strong>
        {cycle !== null && <StateLozenge metric={metric} cycle={cycle} />}
      </div>
      {cycle === null ? (
        <span style={{ color: token('color.text.subtle') }}>{t('issuePanel.notStarted')}</span>
      ) : (
        <>
          {metric.remainingMs !== null && (metric.active || metric.breached) && (
            <span
              data-testid="sla-remaining"
              aria-label={formatDurationLong(metric.remainingMs, lang)}
              style={{ font: token('font.heading.medium'), color: metric.band === null ? token('color.text') : token(bandTokens(metric.band).text) }}
            >
              {metric.remainingMs < 0 ? t('issuePanel.overdue', { duration: formatDuration(-metric.remainingMs, lang) }) : t('issuePanel.remaining', { duration: formatDuration(metric.remainingMs, lang) })}
            </span>
          )}
          <ProgressBar metric={metric} cycle={cycle} label={t('issuePanel.progress', { metric: label })} />
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${token('space.050')} ${token('space.150')}`, margin: 0 }}>
            <dt style={{ color: token('color.text.subtle') }}>{t('issuePanel.goal')}</dt>
            <dd style={{ margin: 0 }} data-testid="sla-goal">
              {cycle.goalMs === null ? t('issuePanel.noGoal') : formatDuration(cycle.goalMs, lang)}
            </dd>
            <dt style={{ color: token('color.text.subtle') }}>{t('issuePanel.elapsed')}</dt>
            <dd style={{ margin: 0 }}>{formatDuration(cycle.elapsedMs, lang)}</dd>
            {cycle.breachAt !== null && (
              <>
                <dt style={{ color: token('color.text.subtle') }}>{metric.breached ? t('issuePanel.breachedAt') : t('issuePanel.breachAt')}</dt>
                <dd style={{ margin: 0 }} data-testid="sla-breach-at">
                  {formatDateTimeWithZone(cycle.breachAt, viewer)}
                </dd>
              </>
            )}
            {cycle.stoppedAt !== null && (
              <>
                <dt style={{ color: token('color.text.subtle') }}>{t('issuePanel.stoppedAt')}</dt>
                <dd style={{ margin: 0 }}>{formatDateTimeWithZone(cycle.stoppedAt, viewer)}</dd>
              </>
            )}
          </dl>
          <Suspense fallback={null}>
            <CycleTimeline cycle={cycle} until={props.evaluatedAt} config={props.config} />
          </Suspense>
          {metric.past.length > 0 && <PastCycles cycles={metric.past} />}
        </>
      )}
    </article>
  );
}

function PastCycles(props: { cycles: readonly SlaCycleView[] }) {
  const { t, lang, intlTag, timeZone } = useI18n();
  const viewer = { intlTag, timeZone };
  return (
    <details data-testid="sla-past-cycles">
      <summary style={{ cursor: 'pointer' }}>{t('issuePanel.pastCycles', { count: props.cycles.length })}</summary>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: token('space.100') }}>
        <thead>
          <tr style={{ textAlign: 'start', color: token('color.text.subtle') }}>
            <th scope="col">{t('issuePanel.cycle')}</th>
            <th scope="col">{t('issuePanel.started')}</th>
            <th scope="col">{t('issuePanel.stoppedAt')}</th>
            <th scope="col">{t('issuePanel.elapsed')}</th>
            <th scope="col">{t('issuePanel.result')}</th>
          </tr>
        </thead>
        <tbody>
          {props.cycles.map((c) => (
            <tr key={c.index}>
              <td>{c.index + 1}</td>
              <td>{formatDateTimeWithZone(c.startedAt, viewer)}</td>
              <td>{c.stoppedAt === null ? '—' : formatDateTimeWithZone(c.stoppedAt, viewer)}</td>
              <td>
                {formatDuration(c.elapsedMs, lang)}
                {c.goalMs !== null && ` / ${formatDuration(c.goalMs, lang)}`}
              </td>
              <td>
                <Lozenge appearance={c.breached ? 'removed' : c.state === 'met' ? 'success' : 'default'}>{t(stateKey(c.breached ? 'breached' : c.state))}</Lozenge>
                {c.endedBy === 'reset' && ` ${t('issuePanel.endedByReset')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
