import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { ErrorMessage } from '../../shared/shell/states';
import { useConfigDraft } from './config-draft';
import { configPath } from './field-errors';

/**
 * The stored config cannot be read: show why, field by field, and let the admin fix the JSON in place.
 * Nothing is reset or replaced by defaults behind their back.
 */
export function InvalidConfig() {
  const { t, lang } = useI18n();
  const d = useConfigDraft();
  const [text, setText] = useState(() => JSON.stringify(d.loaded?.config ?? null, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const errors = d.loaded?.errors ?? [];
  const save = () => {
    try {
      const raw: unknown = JSON.parse(text);
      setParseError(null);
      void d.saveRaw(raw);
    } catch (e) {
      setParseError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div data-testid="invalid-config" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <div role="alert" style={{ background: token('color.background.danger'), padding: token('space.150'), borderRadius: token('radius.small', '3px') }}>
        <strong>{t('settings.invalid.title')}</strong>
        <ul>
          {errors.map((e) => (
            <li key={`${e.path}|${e.message.en}`}>
              <code>{configPath(e.path) || t('settings.wholeConfig')}</code>: {e.message[lang]}
            </li>
          ))}
        </ul>
      </div>
      {d.canEdit && (
        <>
          <label htmlFor="raw-config">{t('settings.invalid.edit')}</label>
          <textarea id="raw-config" value={text} onChange={(e) => setText(e.currentTarget.value)} rows={24} spellCheck={false} style={{ font: token('font.code'), width: '100%', color: token('color.text'), background: token('color.background.input') }} />
          {parseError !== null && <p role="alert" style={{ color: token('color.text.danger') }}>{t('settings.importExport.notJson', { error: parseError })}</p>}
          {d.saveError !== null && <ErrorMessage error={d.saveError} />}
          <div>
            <Button appearance="primary" onClick={save} isDisabled={d.saving}>
              {t('settings.save')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
