import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { Config } from '../../../../src/config/current';
import type { EscalationAction, EscalationActionType, EscalationLadder, EscalationLevel, EscalationTrigger, GroupRef } from '../../../../src/domain/escalation/escalation-schema';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { escalationActionMessageKey } from '../../../shared/sla/escalation-action-label';
import { useConfigDraft } from '../config-draft';
import { removeAt, setAt } from '../draft-edit';
import { SaveBar } from '../save-bar';
import { Checkbox, ListInput, NumberInput, Section, SelectInput, SmallButton, TextInput } from '../ui/form-controls';

const ACTION_TYPES: readonly EscalationActionType[] = ['notify', 'notify-managers', 'reassign', 'raise-priority', 'add-label', 'add-comment'];

/** A fresh action of a type with what its schema requires (texts left blank for the admin to fill in). */
export function blankAction(type: EscalationActionType): EscalationAction {
  switch (type) {
    case 'notify':
      return { type, users: [], groups: [], assignee: true, reporter: false, watchers: false };
    case 'notify-managers':
      return { type, groups: [{ name: '' }] };
    case 'reassign':
      return { type, pool: { kind: 'group', group: { name: '' } }, strategy: 'round-robin' };
    case 'raise-priority':
      return { type, steps: 1 };
    case 'add-label':
      return { type, label: 'escalated' };
    case 'add-comment':
      return { type, text: { ja: '', en: '' } };
  }
}

const groupNames = (groups: readonly GroupRef[]): string[] => groups.map((g) => g.name ?? g.groupId ?? '');
const toGroups = (names: readonly string[]): GroupRef[] => names.map((name) => ({ name }));

function ActionEditor(props: { path: string; action: EscalationAction; onChange: (a: EscalationAction) => void }) {
  const { t } = useI18n();
  const { path: p, action: a, onChange } = props;
  switch (a.type) {
    case 'notify':
      return (
        <>
          <ListInput label={t('settings.escalation.users')} path={`${p}.users`} value={a.users} onChange={(v) => onChange({ ...a, users: v })} />
          <ListInput label={t('settings.escalation.groups')} path={`${p}.groups`} value={groupNames(a.groups)} onChange={(v) => onChange({ ...a, groups: toGroups(v) })} />
          <Checkbox label={t('settings.escalation.assignee')} checked={a.assignee} onChange={(v) => onChange({ ...a, assignee: v })} />
          <Checkbox label={t('settings.escalation.reporter')} checked={a.reporter} onChange={(v) => onChange({ ...a, reporter: v })} />
          <Checkbox label={t('settings.escalation.watchers')} checked={a.watchers} onChange={(v) => onChange({ ...a, watchers: v })} />
        </>
      );
    case 'notify-managers':
      return <ListInput label={t('settings.escalation.managerGroups')} path={`${p}.groups`} value={groupNames(a.groups)} onChange={(v) => onChange({ ...a, groups: toGroups(v) })} />;
    case 'reassign':
      return (
        <>
          <SelectInput
            label={t('settings.escalation.pool')}
            path={`${p}.pool.kind`}
            value={a.pool.kind}
            options={[
              { value: 'group', label: t('settings.escalation.poolGroup') },
              { value: 'project-role', label: t('settings.escalation.poolRole') },
            ]}
            onChange={(v) => onChange({ ...a, pool: v === 'group' ? { kind: 'group', group: { name: '' } } : { kind: 'project-role', roleName: '' } })}
          />
          {a.pool.kind === 'group' ? (
            <TextInput label={t('settings.escalation.groupName')} path={`${p}.pool.group.name`} value={a.pool.group.name ?? ''} onChange={(v) => onChange({ ...a, pool: { kind: 'group', group: { name: v } } })} />
          ) : (
            <TextInput label={t('settings.escalation.roleName')} path={`${p}.pool.roleName`} value={a.pool.roleName} onChange={(v) => onChange({ ...a, pool: { kind: 'project-role', roleName: v } })} />
          )}
          <SelectInput
            label={t('settings.escalation.strategy')}
            path={`${p}.strategy`}
            value={a.strategy}
            options={[
              { value: 'round-robin', label: t('settings.escalation.roundRobin') },
              { value: 'least-loaded', label: t('settings.escalation.leastLoaded') },
            ]}
            onChange={(v) => onChange({ ...a, strategy: v === 'least-loaded' ? 'least-loaded' : 'round-robin' })}
          />
        </>
      );
    case 'raise-priority':
      return <NumberInput label={t('settings.escalation.steps')} path={`${p}.steps`} value={a.steps} min={1} max={9} onChange={(v) => onChange({ ...a, steps: v })} />;
    case 'add-label':
      return <TextInput label={t('settings.escalation.label')} path={`${p}.label`} value={a.label} onChange={(v) => onChange({ ...a, label: v })} />;
    case 'add-comment':
      return (
        <>
          <TextInput label={t('settings.escalation.commentJa')} path={`${p}.text.ja`} value={a.text.ja} onChange={(v) => onChange({ ...a, text: { ...a.text, ja: v } })} width="22em" />
          <TextInput label={t('settings.escalation.commentEn')} path={`${p}.text.en`} value={a.text.en} onChange={(v) => onChange({ ...a, text: { ...a.text, en: v } })} width="22em" />
        </>
      );
  }
}

function TriggerEditor(props: { path: string; trigger: EscalationTrigger; onChange: (t: EscalationTrigger) => void }) {
  const { t } = useI18n();
  const tr = props.trigger;
  const value = tr.kind === 'percent-of-goal' ? tr.percent : tr.minutes;
  return (
    <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'flex-end' }}>
      <SelectInput
        label={t('settings.escalation.trigger')}
        path={`${props.path}.kind`}
        value={tr.kind}
        options={[
          { value: 'percent-of-goal', label: t('settings.escalation.percentOfGoal') },
          { value: 'before-breach', label: t('settings.escalation.beforeBreach') },
          { value: 'after-breach', label: t('settings.escalation.afterBreach') },
        ]}
        onChange={(v) => props.onChange(v === 'percent-of-goal' ? { kind: v, percent: 75 } : v === 'before-breach' ? { kind: v, minutes: 30 } : { kind: 'after-breach', minutes: 0 })}
      />
      <NumberInput
        label={tr.kind === 'percent-of-goal' ? t('settings.escalation.percent') : t('settings.sla.minutes')}
        path={`${props.path}.${tr.kind === 'percent-of-goal' ? 'percent' : 'minutes'}`}
        value={value}
        min={tr.kind === 'after-breach' ? 0 : 1}
        onChange={(v) => props.onChange(tr.kind === 'percent-of-goal' ? { ...tr, percent: v } : { ...tr, minutes: v })}
      />
    </span>
  );
}

function LevelEditor(props: { ladder: number; index: number; level: EscalationLevel; onRemove: () => void; canRemove: boolean }) {
  const { t, lang } = useI18n();
  const { update } = useConfigDraft();
  const p = `escalationLadders[${String(props.ladder)}].levels[${String(props.index)}]`;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, ['escalationLadders', props.ladder, 'levels', props.index, ...path], value));
  const level = props.level;
  return (
    <li style={{ border: `1px solid ${token('color.border')}`, borderRadius: token('radius.small', '3px'), padding: token('space.100'), display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <strong style={{ alignSelf: 'center' }}>{level.labels[lang] || level.id}</strong>
        <TextInput label={t('settings.labelJa')} path={`${p}.labels.ja`} value={level.labels.ja} onChange={(v) => set(['labels', 'ja'], v)} />
        <TextInput label={t('settings.labelEn')} path={`${p}.labels.en`} value={level.labels.en} onChange={(v) => set(['labels', 'en'], v)} />
        <TextInput label={t('settings.id')} path={`${p}.id`} value={level.id} onChange={(v) => set(['id'], v)} width="9em" />
        <TriggerEditor path={`${p}.trigger`} trigger={level.trigger} onChange={(v) => set(['trigger'], v)} />
        <SmallButton label={t('settings.removeItem', { item: level.id })} onClick={props.onRemove} disabled={!props.canRemove} tone="danger">
          {t('settings.remove')}
        </SmallButton>
      </div>
      <ul style={{ margin: 0, paddingInlineStart: token('space.250'), display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
        {level.actions.map((a, i) => (
          <li key={i} style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <SelectInput
              label={t('settings.escalation.action')}
              path={`${p}.actions[${String(i)}].type`}
              value={a.type}
              options={ACTION_TYPES.map((type) => ({ value: type, label: t(escalationActionMessageKey(type)) }))}
              onChange={(v) => set(['actions', i], blankAction(v as EscalationActionType))}
            />
            <ActionEditor path={`${p}.actions[${String(i)}]`} action={a} onChange={(next) => set(['actions', i], next)} />
            <SmallButton label={t('settings.escalation.removeAction')} onClick={() => set(['actions'], removeAt(level.actions, i))} disabled={level.actions.length <= 1} tone="danger">
              ×
            </SmallButton>
          </li>
        ))}
      </ul>
      <div>
        <SmallButton label={t('settings.escalation.addAction')} onClick={() => set(['actions'], [...level.actions, blankAction('notify')])} />
      </div>
    </li>
  );
}

function LadderEditor(props: { index: number; ladder: EscalationLadder }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const p = `escalationLadders[${String(props.index)}]`;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, ['escalationLadders', props.index, ...path], value));
  const l = props.ladder;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }} data-testid={`ladder-${l.id}`}>
      <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <TextInput label={t('settings.labelJa')} path={`${p}.labels.ja`} value={l.labels.ja} onChange={(v) => set(['labels', 'ja'], v)} />
        <TextInput label={t('settings.labelEn')} path={`${p}.labels.en`} value={l.labels.en} onChange={(v) => set(['labels', 'en'], v)} />
        <TextInput label={t('settings.id')} path={`${p}.id`} value={l.id} onChange={(v) => set(['id'], v)} width="9em" />
        <ListInput label={t('settings.escalation.forPriorities')} path={`${p}.when.priorities`} value={l.when.priorities} onChange={(v) => set(['when', 'priorities'], v)} placeholder={t('settings.sla.any')} />
        <ListInput label={t('settings.escalation.forMetrics')} path={`${p}.when.metrics`} value={l.when.metrics} onChange={(v) => set(['when', 'metrics'], v)} placeholder={t('settings.sla.any')} />
      </div>
      <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        {l.levels.map((level, i) => (
          <LevelEditor key={i} ladder={props.index} index={i} level={level} canRemove={l.levels.length > 1} onRemove={() => set(['levels'], removeAt(l.levels, i))} />
        ))}
      </ol>
      <div>
        <SmallButton
          label={t('settings.escalation.addLevel')}
          onClick={() => set(['levels'], [...l.levels, { id: `level-${String(l.levels.length + 1)}`, labels: { ja: '', en: '' }, trigger: { kind: 'after-breach', minutes: 60 }, actions: [blankAction('notify')] }])}
        />
      </div>
    </div>
  );
}

function SecurityIntake(props: { config: Config }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const s = props.config.securityIncident;
  return (
    <Section title={t('settings.escalation.security')} description={t('settings.escalation.securityHelp')} testId="security-intake">
      <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <TextInput
          label={t('settings.escalation.securityLevel')}
          path="securityIncident.issueSecurityLevel.name"
          value={s.issueSecurityLevel?.name ?? s.issueSecurityLevel?.id ?? ''}
          onChange={(v) => update((c) => ({ ...c, securityIncident: { ...c.securityIncident, issueSecurityLevel: v.trim() === '' ? null : { name: v } } }))}
        />
        <TextInput
          label={t('settings.escalation.csirtGroup')}
          path="securityIncident.csirtGroup.name"
          value={s.csirtGroup?.name ?? s.csirtGroup?.groupId ?? ''}
          onChange={(v) => update((c) => ({ ...c, securityIncident: { ...c.securityIncident, csirtGroup: v.trim() === '' ? null : { name: v } } }))}
        />
      </div>
    </Section>
  );
}

/** Escalation sub-page: ladders per priority and metric, their levels (when) and actions (what), and the security intake. */
export default function EscalationPage() {
  const { t, lang } = useI18n();
  const { draft, update } = useConfigDraft();
  const [selected, setSelected] = useState(0);
  if (draft === null) return null;
  const index = Math.min(selected, Math.max(0, draft.escalationLadders.length - 1));
  const ladder = draft.escalationLadders[index];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
      <Section title={t('settings.escalation.ladders')} description={t('settings.escalation.laddersHelp')}>
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
          {draft.escalationLadders.length > 0 && (
            <SelectInput label={t('settings.escalation.ladder')} path="escalationLadders" value={String(index)} options={draft.escalationLadders.map((l, i) => ({ value: String(i), label: l.labels[lang] || l.id }))} onChange={(v) => setSelected(Number(v))} />
          )}
          <SmallButton
            label={t('settings.escalation.addLadder')}
            onClick={() => {
              update((c) => ({
                ...c,
                escalationLadders: [
                  ...c.escalationLadders,
                  { id: `ladder-${String(c.escalationLadders.length + 1)}`, labels: { ja: '', en: '' }, when: { priorities: [], metrics: [] }, levels: [{ id: 'breached', labels: { ja: '違反', en: 'Breached' }, trigger: { kind: 'after-breach', minutes: 0 }, actions: [blankAction('notify')] }] },
                ],
              }));
              setSelected(draft.escalationLadders.length);
            }}
          />
          {ladder !== undefined && (
            <SmallButton label={t('settings.removeItem', { item: ladder.id })} tone="danger" onClick={() => update((c) => ({ ...c, escalationLadders: removeAt(c.escalationLadders, index) }))}>
              {t('settings.remove')}
            </SmallButton>
          )}
        </div>
        {ladder === undefined ? <p>{t('settings.escalation.none')}</p> : <LadderEditor index={index} ladder={ladder} />}
      </Section>
      <SecurityIntake config={draft} />
      <SaveBar page="escalation" />
    </div>
  );
}
