import { Lozenge } from '../../shared/ui/lozenge';
import { token } from '@atlaskit/tokens';
import type { SlaGetResult } from '../../../src/contracts';
import { formatDateTimeWithZone } from '../../shared/format/date';
import type { PlainMessageKey } from '../../shared/i18n/translate';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { escalationActionMessageKey } from '../../shared/sla/escalation-action-label';

type Fired = SlaGetResult['escalations'][number];
type Action = Fired['actions'][number];

function stateAppearance(state: Action['state']) {
  switch (state) {
    case 'done':
      return 'success' as const;
    case 'failed':
      return 'removed' as const;
    case 'pending':
      return 'inprogress' as const;
    case 'skipped':
      return 'default' as const;
  }
}

function stateKey(state: Action['state']): PlainMessageKey {
  switch (state) {
    case 'done':
      return 'escalation.state.done';
    case 'failed':
      return 'escalation.state.failed';
    case 'pending':
      return 'escalation.state.pending';
    case 'skipped':
      return 'escalation.state.skipped';
  }
}

/** Escalations fired on the issue, newest first: when, which level of which metric, and what each action did. */
export function Escalations(props: { escalations: readonly Fired[]; metricLabel: (metricId: string) => string }) {
  const { t, lang, intlTag, timeZone } = useI18n();
  const fired = [...props.escalations].sort((a, b) => b.firedAt - a.firedAt);
  return (
    <section aria-labelledby="escalations-heading" data-testid="sla-escalations">
      <h3 id="escalations-heading" style={{ font: token('font.heading.xsmall'), margin: `0 0 ${token('space.100')}` }}>
        {t('issuePanel.escalations')}
      </h3>
      {fired.length === 0 ? (
        <p style={{ color: token('color.text.subtle'), margin: 0 }}>{t('issuePanel.noEscalations')}</p>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: token('space.250'), display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          {fired.map((f) => (
            <li key={f.key} data-testid="sla-escalation">
              <div>
                <time dateTime={new Date(f.firedAt).toISOString()}>{formatDateTimeWithZone(f.firedAt, { intlTag, timeZone })}</time>
                {' · '}
                <strong>{f.levelLabels[lang] || f.levelId}</strong>
                {' · '}
                {f.metricId === 'security' ? t('escalation.securityIntake') : props.metricLabel(f.metricId)}
              </div>
              <ul style={{ margin: 0, paddingInlineStart: token('space.200') }}>
                {f.actions.map((a, i) => (
                  <li key={`${a.type}-${String(i)}`}>
                    {t(escalationActionMessageKey(a.type))}
                    {a.assignee ? ` → ${a.assignee}` : ''}
                    {a.priorityName ? ` → ${a.priorityName}` : ''} <Lozenge appearance={stateAppearance(a.state)}>{t(stateKey(a.state))}</Lozenge>
                    {a.detail ? <span style={{ color: token('color.text.subtle') }}> {a.detail}</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
