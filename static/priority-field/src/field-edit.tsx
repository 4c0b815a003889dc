import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import { PriorityOverrideResultSchema, RESOLVER_KEYS } from '../../../src/contracts';
import { invokeResolver } from '../../shared/bridge/invoke-resolver';
import { notifyAppChanged } from '../../shared/bridge/refresh';
import type { ConfigView, LevelView } from '../../shared/config/config-view';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { Lozenge } from '../../shared/ui/lozenge';
import { findInputFields, saveInputs } from './field-jira';
import { optionValue, overridePriorities, previewPriority, priorityAppearance } from './field-model';
import type { MatrixFieldValue } from './field-value';

export interface FieldEditProps {
  readonly issueKey: string;
  readonly config: ConfigView;
  readonly value: MatrixFieldValue | null;
  /** The viewer may override the computed priority (project administrators by default). */
  readonly canOverride: boolean;
  /** Called after Jira accepted the change, with what the field should now say. */
  readonly onSaved: (expected: { impact: number; urgency: number; overridden: boolean }) => void;
  readonly onCancel: () => void;
}

function AxisPicker(props: { legend: string; levels: readonly LevelView[]; value: number | null; onChange: (index: number) => void; testId: string }) {
  const { lang } = useI18n();
  const name = useId();
  return (
    <fieldset data-testid={props.testId} style={{ border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <legend style={{ font: token('font.heading.xxsmall'), padding: 0, marginBottom: token('space.050') }}>{props.legend}</legend>
      {props.levels.map((level, i) => {
        const id = `${name}-${String(i)}`;
        const description = level.descriptions?.[lang];
        return (
          <label key={level.id} htmlFor={id} style={{ display: 'flex', gap: token('space.075'), alignItems: 'flex-start' }}>
            <input id={id} type="radio" name={name} value={level.id} checked={props.value === i + 1} onChange={() => props.onChange(i + 1)} aria-describedby={description ? `${id}-d` : undefined} />
            <span>
              <span>{`${String(i + 1)}. ${level.labels[lang]}`}</span>
              {description && (
                <span id={`${id}-d`} style={{ display: 'block', color: token('color.text.subtle'), font: token('font.body.small') }}>
                  {description}
                </span>
              )}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/**
 * Edit impact and urgency (with the config's descriptions) and see the resulting priority at once, as the
 * backend will compute it. People allowed to override pick a Jira priority and must say why.
 */
export default function PriorityFieldEdit(props: FieldEditProps) {
  const { t, lang } = useI18n();
  const { config } = props;
  const [impact, setImpact] = useState<number | null>(props.value?.impact ?? null);
  const [urgency, setUrgency] = useState<number | null>(props.value?.urgency ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [overrideTo, setOverrideTo] = useState<string>(overridePriorities(config)[0] ?? '');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const reasonId = useId();
  const preview = impact !== null && urgency !== null ? previewPriority(config, impact, urgency) : null;

  const save = async () => {
    const impactLevel = impact === null ? undefined : config.impact.levels[impact - 1];
    const urgencyLevel = urgency === null ? undefined : config.urgency.levels[urgency - 1];
    if (impact === null || urgency === null || impactLevel === undefined || urgencyLevel === undefined) return setError(t('priorityField.pickBoth'));
    setBusy(true);
    setError(null);
    const fields = await findInputFields();
    if (!fields.ok) {
      setBusy(false);
      return setError(`${fields.message[lang]} (${fields.detail})`);
    }
    if (fields.data.impact === null || fields.data.urgency === null) {
      setBusy(false);
      return setError(t('priorityField.noInputFields'));
    }
    const res = await saveInputs(props.issueKey, fields.data, optionValue(impactLevel), optionValue(urgencyLevel));
    setBusy(false);
    if (!res.ok) return setError(`${res.message[lang]} (${res.detail})`);
    await notifyAppChanged({ issueKey: props.issueKey }).catch(() => undefined);
    props.onSaved({ impact, urgency, overridden: false });
  };

  const override = async () => {
    if (reason.trim() === '') return setReasonError(true);
    setReasonError(false);
    setBusy(true);
    setError(null);
    // The backend checks the override permission, records the reason and changes Priority as the app,
    // so the event path keeps the override instead of putting the matrix priority back.
    const res = await invokeResolver(RESOLVER_KEYS.priorityOverride, { issueKey: props.issueKey, priority: overrideTo, reason: reason.trim() }, PriorityOverrideResultSchema);
    setBusy(false);
    if (!res.ok) return setError([res.error.message[lang], ...(res.error.fieldErrors ?? []).map((f) => f.message[lang])].join(' '));
    await notifyAppChanged({ issueKey: props.issueKey }).catch(() => undefined);
    props.onSaved({ impact: impact ?? props.value?.impact ?? 0, urgency: urgency ?? props.value?.urgency ?? 0, overridden: true });
  };

  return (
    <div data-testid="priority-editor" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), marginTop: token('space.100') }}>
      <div style={{ display: 'flex', gap: token('space.300'), flexWrap: 'wrap' }}>
        <AxisPicker legend={t('priorityField.impact')} levels={config.impact.levels} value={impact} onChange={setImpact} testId="impact-picker" />
        <AxisPicker legend={t('priorityField.urgency')} levels={config.urgency.levels} value={urgency} onChange={setUrgency} testId="urgency-picker" />
      </div>
      <output aria-live="polite" data-testid="priority-preview">
        {preview === null ? (
          t('priorityField.pickBoth')
        ) : preview.ok ? (
          <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
            {t('priorityField.result')}
            <Lozenge appearance={priorityAppearance(preview.rank)} isBold>{`${preview.level.id} ${preview.level.labels[lang]}`}</Lozenge>
            {t('priorityField.jiraPriority', { priority: preview.level.jiraPriorityName })}
          </span>
        ) : (
          preview.message[lang]
        )}
      </output>
      {error !== null && (
        <p role="alert" data-testid="priority-error" style={{ color: token('color.text.danger'), margin: 0 }}>
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button appearance="primary" onClick={() => void save()} isDisabled={busy || preview === null || !preview.ok} testId="priority-save">
          {t('priorityField.save')}
        </Button>
        <Button appearance="subtle" onClick={props.onCancel} isDisabled={busy}>
          {t('priorityField.cancel')}
        </Button>
      </div>
      {props.canOverride && (
        <fieldset data-testid="priority-override" style={{ border: `1px solid ${token('color.border')}`, borderRadius: token('radius.small', '3px'), padding: token('space.150'), margin: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          <legend style={{ font: token('font.heading.xxsmall') }}>{t('priorityField.overrideHeading')}</legend>
          <label style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
            {t('priorityField.overrideTo')}
            <select value={overrideTo} onChange={(e) => setOverrideTo(e.currentTarget.value)} style={{ font: 'inherit' }}>
              {overridePriorities(config).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={reasonId}>{t('priorityField.overrideReason')}</label>
          <textarea
            id={reasonId}
            required
            aria-required="true"
            aria-invalid={reasonError}
            aria-describedby={reasonError ? `${reasonId}-e` : undefined}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            rows={2}
            style={{ font: 'inherit', color: token('color.text'), background: token('color.background.input'), border: `1px solid ${reasonError ? token('color.border.danger') : token('color.border.input')}`, borderRadius: token('radius.small', '3px') }}
          />
          {reasonError && (
            <span id={`${reasonId}-e`} role="alert" style={{ color: token('color.text.danger') }}>
              {t('priorityField.reasonRequired')}
            </span>
          )}
          <div>
            <Button appearance="warning" onClick={() => void override()} isDisabled={busy} testId="priority-override-save">
              {t('priorityField.overrideSave')}
            </Button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
