import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format/date';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { ErrorMessage } from '../../shared/shell/states';
import { useConfigDraft } from './config-draft';
import { isUnder, type EditorPage, PAGE_SECTIONS } from './field-errors';

function focusField(path: string): void {
  const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  el?.focus();
}

/**
 * Save for one settings page: the problems of the draft by field (click one to go to it), the
 * resolver's answer, and on a conflict the two ways out — nothing typed is lost until the admin chooses.
 */
export function SaveBar(props: { page: EditorPage }) {
  const { t, lang, intlTag, timeZone } = useI18n();
  const d = useConfigDraft();
  const [note, setNote] = useState('');
  const sections = PAGE_SECTIONS[props.page];
  const here = d.errors.filter((e) => sections.some((s) => isUnder(e.path, s)));
  const elsewhere = d.errors.length - here.length;
  const conflict = d.saveError?.code === 'conflict';
  if (!d.canEdit) {
    return (
      <p role="note" data-testid="read-only" style={{ color: token('color.text.subtle') }}>
        {t('settings.readOnly')}
      </p>
    );
  }
  return (
    <div data-testid="save-bar" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), borderTop: `1px solid ${token('color.border')}`, paddingTop: token('space.150') }}>
      {here.length > 0 && (
        <div role="alert" data-testid="validation-summary" style={{ color: token('color.text.danger') }}>
          <strong>{t('settings.problems', { count: here.length })}</strong>
          <ul style={{ margin: `${token('space.050')} 0 0`, paddingInlineStart: token('space.250') }}>
            {here.map((e) => (
              <li key={`${e.path}|${e.message.en}`}>
                <button type="button" onClick={() => focusField(e.path)} style={{ font: 'inherit', color: 'inherit', background: 'none', border: 'none', padding: 0, cursor: 'pointer', textDecoration: 'underline' }}>
                  <code>{e.path || t('settings.wholeConfig')}</code>
                </button>
                {': '}
                {e.message[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {elsewhere > 0 && <p style={{ margin: 0, color: token('color.text.warning') }}>{t('settings.problemsElsewhere', { count: elsewhere })}</p>}
      {conflict && d.saveError !== null && (
        <div role="alert" data-testid="conflict" style={{ background: token('color.background.warning'), padding: token('space.150'), borderRadius: token('radius.small', '3px') }}>
          <p style={{ margin: `0 0 ${token('space.100')}` }}>{d.saveError.message[lang]}</p>
          <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap' }}>
            <Button appearance="primary" onClick={() => void d.applyOnLatest(sections)} testId="conflict-apply">
              {t('settings.conflict.apply')}
            </Button>
            <Button appearance="subtle" onClick={d.discard} testId="conflict-discard">
              {t('settings.conflict.discard')}
            </Button>
          </div>
        </div>
      )}
      {d.saveError !== null && !conflict && <ErrorMessage error={d.saveError} />}
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <label style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
          {t('settings.note')}
          <input value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} style={{ font: 'inherit', minWidth: '16em', color: token('color.text'), background: token('color.background.input'), border: `1px solid ${token('color.border.input')}`, borderRadius: token('radius.small', '3px') }} />
        </label>
        <Button appearance="primary" isDisabled={!d.dirty || d.saving} onClick={() => void d.save(note.trim() === '' ? undefined : note.trim()).then(() => setNote(''))} testId="settings-save">
          {d.saving ? t('settings.saving') : t('settings.save')}
        </Button>
        {d.dirty && (
          <Button appearance="subtle" isDisabled={d.saving} onClick={d.discard} testId="settings-discard">
            {t('settings.discard')}
          </Button>
        )}
        <span role="status" data-testid="save-status" style={{ color: token('color.text.subtle') }}>
          {d.saved !== null
            ? t('settings.saved', { version: d.saved.version, at: formatDateTime(d.saved.savedAt, { intlTag, timeZone }) })
            : d.dirty
              ? t('settings.unsaved')
              : d.loaded !== null && d.loaded.version > 0
                ? t('settings.version', { version: d.loaded.version })
                : t('settings.defaults')}
        </span>
      </div>
    </div>
  );
}
