import { token } from '@atlaskit/tokens';
import type { SlaCondition, SlaConditionKind } from '../../../../src/domain/sla/sla-policy';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { conditionKey } from '../../../shared/sla/condition-label';
import { removeAt, setAt } from '../draft-edit';
import { Checkbox, ListInput, SelectInput, SmallButton } from '../ui/form-controls';

const KINDS: readonly SlaConditionKind[] = [
  'issue-created',
  'status-entered',
  'status-left',
  'assignee-set',
  'assignee-changed',
  'comment-by-agent',
  'resolution-set',
  'resolution-cleared',
  'priority-changed',
];
const CATEGORIES = ['new', 'indeterminate', 'done'] as const;

/** A fresh condition of a kind, with the fields its schema requires. */
export function blankCondition(on: SlaConditionKind): SlaCondition {
  switch (on) {
    case 'status-entered':
    case 'status-left':
      return { on, statuses: [], categories: [] };
    case 'comment-by-agent':
      return { on, publicOnly: true };
    case 'resolution-set':
      return { on, resolutions: [] };
    case 'issue-created':
    case 'assignee-set':
    case 'assignee-changed':
    case 'resolution-cleared':
    case 'priority-changed':
      return { on };
  }
}

/** One list of SLA conditions (start, pause, resume, stop or reset), each with the options of its kind. */
export function ConditionList(props: { title: string; path: string; conditions: readonly SlaCondition[]; onChange: (next: SlaCondition[]) => void; testId?: string }) {
  const { t } = useI18n();
  const list = [...props.conditions];
  const set = (i: number, c: SlaCondition) => props.onChange(setAt(list, [i], c));
  return (
    <fieldset data-testid={props.testId} style={{ border: `1px solid ${token('color.border')}`, borderRadius: token('radius.small', '3px'), padding: token('space.100'), margin: 0 }}>
      <legend>{props.title}</legend>
      {list.length === 0 && <p style={{ margin: 0, color: token('color.text.subtle') }}>{t('settings.sla.noConditions')}</p>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
        {list.map((c, i) => {
          const p = `${props.path}[${String(i)}]`;
          return (
            <li key={i} style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
              <SelectInput
                label={t('settings.sla.condition')}
                hideLabel
                path={`${p}.on`}
                value={c.on}
                options={KINDS.map((k) => ({ value: k, label: t(conditionKey(k)) }))}
                onChange={(v) => set(i, blankCondition(v as SlaConditionKind))}
              />
              {(c.on === 'status-entered' || c.on === 'status-left') && (
                <>
                  <ListInput label={t('settings.sla.statuses')} path={`${p}.statuses`} value={c.statuses} onChange={(v) => set(i, { ...c, statuses: v })} placeholder="Waiting for customer" width="16em" />
                  <span role="group" aria-label={t('settings.sla.categories')} style={{ display: 'inline-flex', gap: token('space.075') }}>
                    {CATEGORIES.map((cat) => (
                      <Checkbox
                        key={cat}
                        label={t(`settings.sla.category.${cat}`)}
                        checked={c.categories.includes(cat)}
                        onChange={(on) => set(i, { ...c, categories: on ? [...c.categories, cat] : c.categories.filter((x) => x !== cat) })}
                      />
                    ))}
                  </span>
                </>
              )}
              {c.on === 'resolution-set' && <ListInput label={t('settings.sla.resolutions')} path={`${p}.resolutions`} value={c.resolutions} onChange={(v) => set(i, { ...c, resolutions: v })} placeholder={t('settings.sla.anyResolution')} />}
              {c.on === 'comment-by-agent' && <Checkbox label={t('settings.sla.publicOnly')} checked={c.publicOnly} onChange={(v) => set(i, { ...c, publicOnly: v })} />}
              <SmallButton label={t('settings.sla.removeCondition')} onClick={() => props.onChange(removeAt(list, i))} tone="danger">
                ×
              </SmallButton>
            </li>
          );
        })}
      </ul>
      <div style={{ marginTop: token('space.075') }}>
        <SmallButton label={t('settings.sla.addCondition')} onClick={() => props.onChange([...list, blankCondition('status-entered')])} />
      </div>
    </fieldset>
  );
}
