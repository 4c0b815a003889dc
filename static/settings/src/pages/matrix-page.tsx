import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { Config } from '../../../../src/config/current';
import { lookupPriority } from '../../../../src/domain/priority/lookup';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { Lozenge } from '../../../shared/ui/lozenge';
import { useConfigDraft } from '../config-draft';
import { removeAt, resizeMatrix, setAt } from '../draft-edit';
import { SaveBar } from '../save-bar';
import { FieldMessages, Section, SelectInput, SmallButton, TextInput, inputStyle, useErrorsAt } from '../ui/form-controls';

const JIRA_PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

function rankAppearance(rank: number) {
  return rank === 0 ? ('removed' as const) : rank === 1 ? ('moved' as const) : rank === 2 ? ('inprogress' as const) : ('default' as const);
}

function cellBackground(rank: number): string {
  switch (rank) {
    case 0:
      return token('color.background.danger');
    case 1:
      return token('color.background.warning');
    case 2:
      return token('color.background.information');
    default:
      return token('color.background.neutral');
  }
}

type Axis = 'impact' | 'urgency';

function LevelsTable(props: { axis: Axis; config: Config }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const levels = props.config[props.axis].levels;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, [props.axis, 'levels', ...path], value));
  const add = () =>
    update((c) => {
      const next = setAt(c, [props.axis, 'levels'], [...c[props.axis].levels, { id: `${props.axis}-${String(c[props.axis].levels.length + 1)}`, labels: { ja: '', en: '' } }]);
      const rows = props.axis === 'impact' ? next.impact.levels.length : next.matrix.length;
      const cols = props.axis === 'urgency' ? next.urgency.levels.length : (next.matrix[0]?.length ?? 0);
      return { ...next, matrix: resizeMatrix(next.matrix, rows, cols, next.priorityLevels.at(-1)?.id ?? '') };
    });
  const remove = (i: number) =>
    update((c) => {
      const next = setAt(c, [props.axis, 'levels'], removeAt(c[props.axis].levels, i));
      const matrix = props.axis === 'impact' ? removeAt(next.matrix, i) : next.matrix.map((row) => removeAt(row, i));
      return { ...next, matrix };
    });
  const base = `${props.axis}.levels`;
  return (
    <Section title={props.axis === 'impact' ? t('settings.matrix.impactLevels') : t('settings.matrix.urgencyLevels')} description={t('settings.matrix.levelsHelp')} testId={`${props.axis}-levels`}>
      <ol style={{ margin: 0, paddingInlineStart: token('space.300'), display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        {levels.map((level, i) => (
          <li key={i}>
            <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
              <TextInput label={t('settings.labelJa')} path={`${base}[${String(i)}].labels.ja`} value={level.labels.ja} onChange={(v) => set([i, 'labels', 'ja'], v)} width="12em" />
              <TextInput label={t('settings.labelEn')} path={`${base}[${String(i)}].labels.en`} value={level.labels.en} onChange={(v) => set([i, 'labels', 'en'], v)} width="14em" />
              <TextInput
                label={t('settings.descriptionJa')}
                path={`${base}[${String(i)}].descriptions.ja`}
                value={level.descriptions?.ja ?? ''}
                onChange={(v) => set([i, 'descriptions'], v === '' && !level.descriptions?.en ? undefined : { ja: v, en: level.descriptions?.en ?? '' })}
                width="16em"
              />
              <TextInput
                label={t('settings.descriptionEn')}
                path={`${base}[${String(i)}].descriptions.en`}
                value={level.descriptions?.en ?? ''}
                onChange={(v) => set([i, 'descriptions'], v === '' && !level.descriptions?.ja ? undefined : { ja: level.descriptions?.ja ?? '', en: v })}
                width="16em"
              />
              <TextInput label={t('settings.id')} path={`${base}[${String(i)}].id`} value={level.id} onChange={(v) => set([i, 'id'], v)} width="11em" />
              <SmallButton label={t('settings.removeItem', { item: level.labels.en || level.id })} onClick={() => remove(i)} disabled={levels.length <= 1} tone="danger">
                {t('settings.remove')}
              </SmallButton>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <SmallButton label={props.axis === 'impact' ? t('settings.matrix.addImpact') : t('settings.matrix.addUrgency')} onClick={add} disabled={levels.length >= 10} />
      </div>
    </Section>
  );
}

function PriorityLevels(props: { config: Config }) {
  const { t } = useI18n();
  const { update } = useConfigDraft();
  const levels = props.config.priorityLevels;
  const set = (path: (string | number)[], value: unknown) => update((c) => setAt(c, ['priorityLevels', ...path], value));
  return (
    <Section title={t('settings.matrix.priorityLevels')} description={t('settings.matrix.priorityHelp')} testId="priority-levels">
      <datalist id="jira-priorities">
        {JIRA_PRIORITIES.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <ol style={{ margin: 0, paddingInlineStart: token('space.300'), display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        {levels.map((level, i) => (
          <li key={i} data-path={`priorityLevels[${String(i)}]`} tabIndex={-1}>
            <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
              <TextInput label={t('settings.id')} path={`priorityLevels[${String(i)}].id`} value={level.id} onChange={(v) => set([i, 'id'], v)} width="6em" />
              <TextInput label={t('settings.labelJa')} path={`priorityLevels[${String(i)}].labels.ja`} value={level.labels.ja} onChange={(v) => set([i, 'labels', 'ja'], v)} width="9em" />
              <TextInput label={t('settings.labelEn')} path={`priorityLevels[${String(i)}].labels.en`} value={level.labels.en} onChange={(v) => set([i, 'labels', 'en'], v)} width="9em" />
              <TextInput label={t('settings.matrix.jiraPriority')} path={`priorityLevels[${String(i)}].jiraPriorityName`} value={level.jiraPriorityName} onChange={(v) => set([i, 'jiraPriorityName'], v)} list="jira-priorities" width="9em" />
              <SmallButton label={t('settings.removeItem', { item: level.id })} onClick={() => update((c) => ({ ...c, priorityLevels: removeAt(c.priorityLevels, i) }))} disabled={levels.length <= 1} tone="danger">
                {t('settings.remove')}
              </SmallButton>
            </div>
            <LevelErrors index={i} />
          </li>
        ))}
      </ol>
      <div>
        <SmallButton
          label={t('settings.matrix.addPriority')}
          disabled={levels.length >= 10}
          onClick={() => update((c) => ({ ...c, priorityLevels: [...c.priorityLevels, { id: `P${String(c.priorityLevels.length + 1)}`, labels: { ja: '', en: '' }, jiraPriorityName: 'Lowest' }] }))}
        />
      </div>
    </Section>
  );
}

/** Errors about a level as a whole (e.g. no cell gives it). */
function LevelErrors(props: { index: number }) {
  const path = `priorityLevels[${String(props.index)}]`;
  return <FieldMessages id={`level-${String(props.index)}-error`} path={path} messages={useErrorsAt(path)} />;
}

function MatrixCell(props: { config: Config; row: number; col: number }) {
  const { t, lang } = useI18n();
  const { update } = useConfigDraft();
  const path = `matrix[${String(props.row)}][${String(props.col)}]`;
  const messages = useErrorsAt(path);
  const value = props.config.matrix[props.row]?.[props.col] ?? '';
  const rank = props.config.priorityLevels.findIndex((l) => l.id === value);
  const impact = props.config.impact.levels[props.row]?.labels[lang] ?? String(props.row + 1);
  const urgency = props.config.urgency.levels[props.col]?.labels[lang] ?? String(props.col + 1);
  return (
    <td style={{ padding: token('space.050'), background: rank < 0 ? token('color.background.danger') : cellBackground(rank) }}>
      <select
        aria-label={t('settings.matrix.cellLabel', { impact, urgency })}
        aria-invalid={messages.length > 0}
        data-path={path}
        data-testid={`cell-${String(props.row)}-${String(props.col)}`}
        value={value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          update((c) => setAt(c, ['matrix', props.row, props.col], v));
        }}
        style={{ ...inputStyle(messages.length > 0, '100%'), background: 'transparent', fontWeight: token('font.weight.semibold') }}
      >
        {rank < 0 && <option value={value}>{value || '—'}</option>}
        {props.config.priorityLevels.map((l) => (
          <option key={l.id} value={l.id}>
            {`${l.id} ${l.labels[lang]}`}
          </option>
        ))}
      </select>
      <FieldMessages id={`${path}-error`} path={path} messages={messages} />
    </td>
  );
}

function MatrixGrid(props: { config: Config }) {
  const { t, lang } = useI18n();
  const { config } = props;
  const rows = config.matrix.length;
  const cols = Math.max(0, ...config.matrix.map((r) => r.length));
  const shapeErrors = useErrorsAt('matrix');
  return (
    <Section title={t('settings.matrix.grid')} description={t('settings.matrix.gridHelp')} testId="matrix-grid">
      <FieldMessages id="matrix-error" path="matrix" messages={shapeErrors} />
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'separate', borderSpacing: token('space.025') }}>
          <caption style={{ textAlign: 'start', color: token('color.text.subtle'), font: token('font.body.small'), paddingBottom: token('space.050') }}>{t('settings.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{`${t('priorityField.impact')} \\ ${t('priorityField.urgency')}`}</th>
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" style={{ font: token('font.body.small') }}>
                  {`${String(c + 1)}. ${config.urgency.levels[c]?.labels[lang] ?? ''}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" style={{ textAlign: 'start', font: token('font.body.small') }}>
                  {`${String(r + 1)}. ${config.impact.levels[r]?.labels[lang] ?? ''}`}
                </th>
                {Array.from({ length: cols }, (_, c) => (
                  <MatrixCell key={c} config={config} row={r} col={c} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** Try the draft matrix: impact x urgency -> priority, before saving. */
function Preview(props: { config: Config }) {
  const { t, lang } = useI18n();
  const { config } = props;
  const [impact, setImpact] = useState(1);
  const [urgency, setUrgency] = useState(1);
  const found = lookupPriority(config.matrix, impact, urgency);
  const rank = found.ok ? config.priorityLevels.findIndex((l) => l.id === found.level) : -1;
  const level = rank >= 0 ? config.priorityLevels[rank] : undefined;
  const counts = config.priorityLevels.map((l) => ({ id: l.id, cells: config.matrix.flat().filter((c) => c === l.id).length }));
  return (
    <Section title={t('settings.matrix.preview')} testId="matrix-preview">
      <div style={{ display: 'flex', gap: token('space.150'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <SelectInput
          label={t('priorityField.impact')}
          path="preview.impact"
          value={String(impact)}
          options={config.impact.levels.map((l, i) => ({ value: String(i + 1), label: `${String(i + 1)}. ${l.labels[lang]}` }))}
          onChange={(v) => setImpact(Number(v))}
          testId="preview-impact"
        />
        <SelectInput
          label={t('priorityField.urgency')}
          path="preview.urgency"
          value={String(urgency)}
          options={config.urgency.levels.map((l, i) => ({ value: String(i + 1), label: `${String(i + 1)}. ${l.labels[lang]}` }))}
          onChange={(v) => setUrgency(Number(v))}
          testId="preview-urgency"
        />
        <output aria-live="polite" data-testid="preview-result">
          {found.ok ? (
            <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
              →{' '}
              <Lozenge appearance={rankAppearance(rank)} isBold>
                {level === undefined ? found.level : `${level.id} ${level.labels[lang]}`}
              </Lozenge>
              {level !== undefined && t('priorityField.jiraPriority', { priority: level.jiraPriorityName })}
            </span>
          ) : (
            found.error.message[lang]
          )}
        </output>
      </div>
      <p style={{ margin: 0, color: token('color.text.subtle') }} data-testid="level-usage">
        {counts.map((c) => t('settings.matrix.usage', { level: c.id, count: c.cells })).join(' · ')}
      </p>
    </Section>
  );
}

/** Matrix sub-page: scales, priority levels, the grid, a live preview, and save. */
export default function MatrixPage() {
  const { draft } = useConfigDraft();
  if (draft === null) return null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300') }}>
      <MatrixGrid config={draft} />
      <Preview config={draft} />
      <PriorityLevels config={draft} />
      <LevelsTable axis="impact" config={draft} />
      <LevelsTable axis="urgency" config={draft} />
      <SaveBar page="matrix" />
    </div>
  );
}
