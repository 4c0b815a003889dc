import { token } from '@atlaskit/tokens';
import type { Config } from '../../../../src/config/current';
import { fillProblemTemplate, type ProblemResolvedRule } from '../../../../src/domain/problem';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import type { PlainMessageKey } from '../../../shared/i18n/translate';
import { useConfigDraft } from '../config-draft';
import { removeAt, setAt } from '../draft-edit';
import { isUnder } from '../field-errors';
import { RECIPIENTS, RULE_ACTIONS, TEMPLATE_PLACEHOLDERS, blankRule, switchRule, toggleRecipient, transitionAllowedAt, type Recipient, type RuleAction } from './problem-rules';
import { Checkbox, FieldMessages, ListInput, NumberInput, Section, SelectInput, SmallButton, TextInput, useErrorsAt } from '../ui/form-controls';

const RULES_PATH = 'problemManagement.onProblemResolved';

function actionLabel(action: RuleAction): PlainMessageKey {
  switch (action) {
    case 'notify':
      return 'problemSettings.action.notify';
    case 'transition':
      return 'problemSettings.action.transition';
    case 'comment':
      return 'problemSettings.action.comment';
  }
}

function recipientLabel(r: Recipient): PlainMessageKey {
  switch (r) {
    case 'assignee':
      return 'problemSettings.recipient.assignee';
    case 'reporter':
      return 'problemSettings.recipient.reporter';
    case 'watchers':
      return 'problemSettings.recipient.watchers';
  }
}

/** Errors under a path that no input of its own shows (a list item, a whole rule), so none goes unseen. */
function ErrorsBelow(props: { path: string; exact?: boolean; testId?: string }) {
  const { errors } = useConfigDraft();
  const here = errors.filter((e) => (props.exact === true ? e.path === props.path : isUnder(e.path, props.path) && e.path !== props.path));
  const messages = here.filter((e, i) => here.findIndex((x) => x.message.en === e.message.en) === i).map((e) => e.message);
  return <FieldMessages id={`${props.path}-errors`} path={props.path} messages={messages} />;
}

/** What a text becomes on an incident, for a sample problem, in the viewer's language. */
function Preview(props: { text: string }) {
  const { t } = useI18n();
  if (props.text.trim() === '') return null;
  const sample = fillProblemTemplate(props.text, { key: 'PRB-12', summary: 'DB connection pool exhausted', resolution: 'Fixed' }, 'INC-34');
  return (
    <span data-testid="rule-preview" style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
      {t('problemSettings.preview')}: {sample}
    </span>
  );
}

function LocalizedTextInputs(props: { path: string; value: { ja: string; en: string }; onChange: (v: { ja: string; en: string }) => void }) {
  const { t, lang } = useI18n();
  const { path: p, value: v } = props;
  return (
    <span style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <span style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap' }}>
        <TextInput label={t('problemSettings.textJa')} path={`${p}.ja`} value={v.ja} onChange={(ja) => props.onChange({ ...v, ja })} width="26em" testId="rule-text-ja" />
        <TextInput label={t('problemSettings.textEn')} path={`${p}.en`} value={v.en} onChange={(en) => props.onChange({ ...v, en })} width="26em" testId="rule-text-en" />
      </span>
      <Preview text={v[lang]} />
    </span>
  );
}

function RuleBody(props: { path: string; rule: ProblemResolvedRule; onChange: (r: ProblemResolvedRule) => void }) {
  const { t } = useI18n();
  const { path: p, rule: r, onChange } = props;
  switch (r.action) {
    case 'notify':
      return (
        <fieldset data-path={`${p}.recipients`} style={{ border: 'none', margin: 0, padding: 0, display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
          <legend style={{ font: token('font.body.small'), color: token('color.text.subtle'), padding: 0 }}>{t('problemSettings.recipients')}</legend>
          {RECIPIENTS.map((rc) => (
            <Checkbox key={rc} label={t(recipientLabel(rc))} checked={r.recipients.includes(rc)} testId={`recipient-${rc}`} onChange={(on) => onChange({ ...r, recipients: toggleRecipient(r.recipients, rc, on) })} />
          ))}
          <ErrorsBelow path={`${p}.recipients`} exact />
        </fieldset>
      );
    case 'transition':
      return (
        <span style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
          <span style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
            <TextInput label={t('problemSettings.toStatus')} path={`${p}.toStatus`} value={r.toStatus} onChange={(toStatus) => onChange({ ...r, toStatus })} testId="rule-to-status" />
            <Checkbox label={t('problemSettings.withComment')} checked={r.comment !== null} testId="rule-with-comment" onChange={(on) => onChange({ ...r, comment: on ? { ja: '', en: '' } : null })} />
          </span>
          {r.comment !== null && <LocalizedTextInputs path={`${p}.comment`} value={r.comment} onChange={(comment) => onChange({ ...r, comment })} />}
        </span>
      );
    case 'comment':
      return <LocalizedTextInputs path={`${p}.text`} value={r.text} onChange={(text) => onChange({ ...r, text })} />;
  }
}

function RuleEditor(props: { index: number; rules: readonly ProblemResolvedRule[] }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const { index, rules } = props;
  const rule = rules[index];
  const p = `${RULES_PATH}[${String(index)}]`;
  const ruleErrors = useErrorsAt(p);
  if (rule === undefined) return null;
  const set = (next: ProblemResolvedRule) => update((c) => setAt(c, ['problemManagement', 'onProblemResolved', index], next));
  const n = index + 1;
  const actions = RULE_ACTIONS.filter((a) => a !== 'transition' || transitionAllowedAt(rules, index));
  return (
    <li
      data-testid={`rule-${String(index)}`}
      data-action={rule.action}
      style={{
        border: `${ruleErrors.length > 0 ? '2px' : '1px'} solid ${ruleErrors.length > 0 ? token('color.border.danger') : token('color.border')}`,
        borderRadius: token('radius.small', '3px'),
        padding: token('space.100'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
      }}
    >
      <span style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <strong style={{ alignSelf: 'center' }}>{t('problemSettings.rules.rule', { n })}</strong>
        <SelectInput
          label={t('problemSettings.rules.action')}
          path={`${p}.action`}
          value={rule.action}
          options={actions.map((a) => ({ value: a, label: t(actionLabel(a)) }))}
          onChange={(v) => set(switchRule(rule, RULE_ACTIONS.find((a) => a === v) ?? rule.action))}
          testId="rule-action"
        />
        <SmallButton label={t('problemSettings.rules.remove', { n })} tone="danger" testId={`rule-remove-${String(index)}`} onClick={() => update((c) => setAt(c, ['problemManagement', 'onProblemResolved'], removeAt(c.problemManagement.onProblemResolved, index)))}>
          {t('settings.remove')}
        </SmallButton>
      </span>
      <FieldMessages id={`${p}-rule-errors`} path={p} messages={ruleErrors} />
      <RuleBody path={p} rule={rule} onChange={set} />
    </li>
  );
}

function PlaceholderHelp() {
  const { t } = useI18n();
  const meaning = {
    problem: t('problemSettings.placeholder.problem'),
    summary: t('problemSettings.placeholder.summary'),
    resolution: t('problemSettings.placeholder.resolution'),
    incident: t('problemSettings.placeholder.incident'),
  } as const satisfies Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;
  return (
    <div data-testid="placeholder-help" style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
      {t('problemSettings.placeholders.heading')}
      <ul style={{ margin: `${token('space.025')} 0 0`, paddingInlineStart: token('space.250') }}>
        {TEMPLATE_PLACEHOLDERS.map((name) => (
          <li key={name}>
            <code>{`{${name}}`}</code> — {meaning[name]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RecurrenceSection(props: { config: Config }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const pm = props.config.problemManagement;
  const setRecurrence = (key: 'windowDays' | 'minIncidents' | 'by', value: unknown) => update((c) => setAt(c, ['problemManagement', 'recurrence', key], value));
  return (
    <Section title={t('problemSettings.recurrence.heading')} description={t('problemSettings.recurrence.help')} testId="recurrence">
      <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <NumberInput label={t('problemSettings.recurrence.windowDays')} path="problemManagement.recurrence.windowDays" value={pm.recurrence.windowDays} min={1} max={365} onChange={(v) => setRecurrence('windowDays', v)} testId="recurrence-window-days" />
        <NumberInput label={t('problemSettings.recurrence.minIncidents')} path="problemManagement.recurrence.minIncidents" value={pm.recurrence.minIncidents} min={2} max={100} onChange={(v) => setRecurrence('minIncidents', v)} testId="recurrence-min-incidents" />
        <SelectInput
          label={t('problemSettings.recurrence.by')}
          path="problemManagement.recurrence.by"
          value={pm.recurrence.by}
          options={[
            { value: 'service', label: t('problemSettings.recurrence.by.service') },
            { value: 'category', label: t('problemSettings.recurrence.by.category') },
            { value: 'service-or-category', label: t('problemSettings.recurrence.by.service-or-category') },
          ]}
          onChange={(v) => setRecurrence('by', v)}
          testId="recurrence-by"
        />
        <TextInput label={t('problemSettings.autoLabel')} path="problemManagement.autoLabel" value={pm.autoLabel} onChange={(v) => update((c) => setAt(c, ['problemManagement', 'autoLabel'], v))} testId="auto-label" />
      </div>
    </Section>
  );
}

function RulesSection(props: { config: Config }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const rules = props.config.problemManagement.onProblemResolved;
  const next: RuleAction = rules.some((r) => r.action === 'transition') ? 'comment' : 'transition';
  return (
    <Section title={t('problemSettings.rules.heading')} description={t('problemSettings.rules.help')} testId="problem-rules">
      <ErrorsBelow path={RULES_PATH} exact />
      {rules.length === 0 ? (
        <p data-testid="rules-none" style={{ margin: 0 }}>
          {t('problemSettings.rules.none')}
        </p>
      ) : (
        <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          {rules.map((_, i) => (
            <RuleEditor key={i} index={i} rules={rules} />
          ))}
        </ol>
      )}
      <div>
        <SmallButton label={t('problemSettings.rules.add')} testId="rule-add" disabled={rules.length >= 10} onClick={() => update((c) => setAt(c, ['problemManagement', 'onProblemResolved'], [...c.problemManagement.onProblemResolved, blankRule(next)]))} />
      </div>
      <PlaceholderHelp />
    </Section>
  );
}

function PriorityOverrideSection(props: { config: Config }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const po = props.config.priorityOverride;
  return (
    <Section title={t('problemSettings.override.heading')} description={t('problemSettings.override.help')} testId="priority-override-settings">
      <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <span style={{ display: 'flex', flexDirection: 'column' }}>
          <ListInput label={t('problemSettings.override.projectRoles')} path="priorityOverride.projectRoles" value={po.projectRoles} width="22em" onChange={(v) => update((c) => setAt(c, ['priorityOverride', 'projectRoles'], v))} testId="override-roles" />
          <ErrorsBelow path="priorityOverride.projectRoles" />
        </span>
        <span style={{ display: 'flex', flexDirection: 'column' }}>
          <ListInput label={t('problemSettings.override.groups')} path="priorityOverride.groups" value={po.groups} width="22em" onChange={(v) => update((c) => setAt(c, ['priorityOverride', 'groups'], v))} testId="override-groups" />
          <ErrorsBelow path="priorityOverride.groups" />
        </span>
      </div>
      {po.projectRoles.length === 0 && po.groups.length === 0 && (
        <p data-testid="override-nobody" style={{ margin: 0, color: token('color.text.warning') }}>
          {t('problemSettings.override.nobody')}
        </p>
      )}
    </Section>
  );
}

/** The page's fields over the draft (the save bar is the page's): recurrence, rules on problem resolution, who may override the priority. */
export function ProblemsEditor() {
  const { draft } = useConfigDraft();
  if (draft === null) return null;
  return (
    <>
      <RecurrenceSection config={draft} />
      <RulesSection config={draft} />
      <PriorityOverrideSection config={draft} />
    </>
  );
}
