import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { Config } from '../../../../src/config/current';
import type { SlaGoal, SlaMetric } from '../../../../src/domain/sla/sla-policy';
import { formatDuration } from '../../../shared/format/duration';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { useConfigDraft } from '../config-draft';
import { removeAt, setAt } from '../draft-edit';
import { SaveBar } from '../save-bar';
import { ListInput, NumberInput, Section, SelectInput, SmallButton, TextInput, VisuallyHidden } from '../ui/form-controls';
import { ConditionList } from './condition-editor';

function GoalsTable(props: { policy: number; metric: number; goals: readonly SlaGoal[]; config: Config }) {
  const { t, lang } = useI18n();
  const { update } = useConfigDraft();
  const base = ['slaPolicies', props.policy, 'metrics', props.metric, 'goals'] as const;
  const p = `slaPolicies[${String(props.policy)}].metrics[${String(props.metric)}].goals`;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, [...base, ...path], value));
  const levels = props.config.priorityLevels;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={`goals-${String(props.metric)}`}>
      <caption style={{ textAlign: 'start', font: token('font.heading.xxsmall'), paddingBottom: token('space.050') }}>{t('settings.sla.goals')}</caption>
      <thead>
        <tr style={{ textAlign: 'start', color: token('color.text.subtle') }}>
          <th scope="col">{t('settings.sla.priorities')}</th>
          <th scope="col">{t('settings.sla.kinds')}</th>
          <th scope="col">{t('settings.sla.target')}</th>
          <th scope="col">{t('settings.id')}</th>
          <th scope="col">
            <VisuallyHidden>{t('settings.remove')}</VisuallyHidden>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.goals.map((g, i) => (
          <tr key={i} style={{ borderTop: `1px solid ${token('color.border')}` }}>
            <td>
              <ListInput label={t('settings.sla.priorities')} hideLabel path={`${p}[${String(i)}].when.priorities`} value={g.when.priorities} onChange={(v) => set([i, 'when', 'priorities'], v)} placeholder={t('settings.sla.any')} width="10em" />
              <span style={{ display: 'block', font: token('font.body.small'), color: token('color.text.subtle') }}>
                {g.when.priorities.map((id) => levels.find((l) => l.id === id)?.labels[lang] ?? id).join(', ')}
              </span>
            </td>
            <td>
              <ListInput label={t('settings.sla.kinds')} hideLabel path={`${p}[${String(i)}].when.kinds`} value={g.when.kinds} onChange={(v) => set([i, 'when', 'kinds'], v)} placeholder={t('settings.sla.any')} width="10em" />
            </td>
            <td>
              <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
                <NumberInput label={t('settings.sla.targetMinutes', { goal: g.id })} hideLabel path={`${p}[${String(i)}].targetMinutes`} value={g.targetMinutes} min={1} onChange={(v) => set([i, 'targetMinutes'], v)} testId={`goal-minutes-${g.id}`} />
                <span>{t('settings.sla.minutes')}</span>
                {Number.isFinite(g.targetMinutes) && g.targetMinutes > 0 && <span style={{ color: token('color.text.subtle') }}>= {formatDuration(g.targetMinutes * 60_000, lang)}</span>}
              </span>
            </td>
            <td>
              <TextInput label={t('settings.id')} hideLabel path={`${p}[${String(i)}].id`} value={g.id} onChange={(v) => set([i, 'id'], v)} width="7em" />
            </td>
            <td>
              <SmallButton label={t('settings.removeItem', { item: g.id })} onClick={() => update((c) => setAt(c, [...base], removeAt(props.goals, i)))} disabled={props.goals.length <= 1} tone="danger">
                ×
              </SmallButton>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={5}>
            <SmallButton
              label={t('settings.sla.addGoal')}
              onClick={() => update((c) => setAt(c, [...base], [...props.goals, { id: `goal-${String(props.goals.length + 1)}`, when: { priorities: [], kinds: [], fields: [] }, targetMinutes: 480 }]))}
            />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function MetricEditor(props: { policy: number; index: number; metric: SlaMetric; config: Config }) {
  const { t, lang } = useI18n();
  const { update } = useConfigDraft();
  const p = `slaPolicies[${String(props.policy)}].metrics[${String(props.index)}]`;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, ['slaPolicies', props.policy, 'metrics', props.index, ...path], value));
  const m = props.metric;
  return (
    <article data-testid={`metric-${m.id}`} style={{ border: `1px solid ${token('color.border')}`, borderRadius: token('radius.medium', '6px'), padding: token('space.150'), display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <h3 style={{ margin: 0, font: token('font.heading.xsmall') }}>{m.labels[lang] || m.id}</h3>
      <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <TextInput label={t('settings.labelJa')} path={`${p}.labels.ja`} value={m.labels.ja} onChange={(v) => set(['labels', 'ja'], v)} />
        <TextInput label={t('settings.labelEn')} path={`${p}.labels.en`} value={m.labels.en} onChange={(v) => set(['labels', 'en'], v)} />
        <SelectInput
          label={t('settings.sla.kind')}
          path={`${p}.kind`}
          value={m.kind}
          options={[
            { value: 'time-to-first-response', label: t('sla.kind.firstResponse') },
            { value: 'time-to-resolution', label: t('sla.kind.resolution') },
          ]}
          onChange={(v) => set(['kind'], v)}
        />
      </div>
      <GoalsTable policy={props.policy} metric={props.index} goals={m.goals} config={props.config} />
      <details>
        <summary style={{ cursor: 'pointer' }}>{t('settings.sla.conditions')}</summary>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22em, 1fr))', gap: token('space.100'), marginTop: token('space.100') }}>
          <ConditionList title={t('settings.sla.start')} path={`${p}.start`} conditions={m.start} onChange={(v) => set(['start'], v)} />
          <ConditionList title={t('settings.sla.pause')} path={`${p}.pause`} conditions={m.pause} onChange={(v) => set(['pause'], v)} />
          <ConditionList title={t('settings.sla.resume')} path={`${p}.resume`} conditions={m.resume} onChange={(v) => set(['resume'], v)} />
          <ConditionList title={t('settings.sla.stop')} path={`${p}.stop`} conditions={m.stop} onChange={(v) => set(['stop'], v)} />
          <ConditionList title={t('settings.sla.reset')} path={`${p}.reset`} conditions={m.reset} onChange={(v) => set(['reset'], v)} />
        </div>
      </details>
    </article>
  );
}

/** SLA goals sub-page: per policy, each metric's goals by priority (and kind) and its start/pause/stop conditions. */
export default function SlaGoalsPage() {
  const { t, lang } = useI18n();
  const { draft, update } = useConfigDraft();
  const [selected, setSelected] = useState(0);
  if (draft === null) return null;
  const index = Math.min(selected, Math.max(0, draft.slaPolicies.length - 1));
  const policy = draft.slaPolicies[index];
  const p = `slaPolicies[${String(index)}]`;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, ['slaPolicies', index, ...path], value));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
      {draft.slaPolicies.length === 0 ? (
        <p>{t('settings.sla.noPolicy')}</p>
      ) : (
        <SelectInput label={t('settings.sla.policy')} path="slaPolicies" value={String(index)} options={draft.slaPolicies.map((pol, i) => ({ value: String(i), label: `${pol.labels[lang]} (v${String(pol.version)})` }))} onChange={(v) => setSelected(Number(v))} />
      )}
      {policy !== undefined && (
        <>
          <Section title={t('settings.sla.general')} description={t('settings.sla.versionHelp', { version: policy.version })}>
            <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
              <TextInput label={t('settings.labelJa')} path={`${p}.labels.ja`} value={policy.labels.ja} onChange={(v) => set(['labels', 'ja'], v)} />
              <TextInput label={t('settings.labelEn')} path={`${p}.labels.en`} value={policy.labels.en} onChange={(v) => set(['labels', 'en'], v)} />
              <NumberInput label={t('settings.sla.version')} path={`${p}.version`} value={policy.version} min={1} onChange={(v) => set(['version'], v)} />
              {policy.calendar.kind === 'fixed' ? (
                <SelectInput
                  label={t('settings.sla.calendar')}
                  path={`${p}.calendar.calendarId`}
                  value={policy.calendar.calendarId}
                  options={[...new Set([policy.calendar.calendarId, ...draft.calendars.map((c) => c.id)])].map((id) => ({ value: id, label: draft.calendars.find((c) => c.id === id)?.labels[lang] ?? id }))}
                  onChange={(v) => set(['calendar', 'calendarId'], v)}
                />
              ) : (
                <span>{t('settings.sla.teamCalendars', { count: policy.calendar.teams.length })}</span>
              )}
              <ListInput label={t('settings.sla.appliesToPriorities')} path={`${p}.appliesTo.priorities`} value={policy.appliesTo.priorities} onChange={(v) => set(['appliesTo', 'priorities'], v)} placeholder={t('settings.sla.any')} />
              <ListInput label={t('settings.sla.appliesToKinds')} path={`${p}.appliesTo.kinds`} value={policy.appliesTo.kinds} onChange={(v) => set(['appliesTo', 'kinds'], v)} placeholder={t('settings.sla.any')} />
            </div>
          </Section>
          {policy.metrics.map((m, i) => (
            <MetricEditor key={i} policy={index} index={i} metric={m} config={draft} />
          ))}
        </>
      )}
      <SaveBar page="sla-goals" />
    </div>
  );
}
