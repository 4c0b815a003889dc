import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { ConfigExportResultSchema, ConfigGetResultSchema, ConfigImportResultSchema, RESOLVER_KEYS, type ConfigChange, type ConfigExportResult, type ConfigImportResult } from '../../../../src/contracts';
import type { ResolverError } from '../../../shared/bridge/envelope';
import { useResolver } from '../../../shared/bridge/hooks';
import { invokeResolver } from '../../../shared/bridge/invoke-resolver';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import type { PlainMessageKey } from '../../../shared/i18n/translate';
import { ErrorMessage } from '../../../shared/shell/states';
import { Section } from '../ui/form-controls';

/** A JSON value shortened for one table cell. */
export function shortJson(value: unknown, max = 120): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function changeKey(kind: ConfigChange['kind']): PlainMessageKey {
  switch (kind) {
    case 'added':
      return 'settings.importExport.added';
    case 'removed':
      return 'settings.importExport.removed';
    case 'changed':
      return 'settings.importExport.changed';
  }
}

function Export() {
  const { t } = useI18n();
  const [result, setResult] = useState<ConfigExportResult | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const run = async () => {
    const res = await invokeResolver(RESOLVER_KEYS.configExport, {}, ConfigExportResultSchema);
    if (res.ok) {
      setResult(res.data);
      setError(null);
    } else setError(res.error);
  };
  const json = result === null ? '' : JSON.stringify(result.document, null, 2);
  return (
    <Section title={t('settings.importExport.export')} description={t('settings.importExport.exportHelp')} testId="export">
      <div>
        <Button onClick={() => void run()} testId="export-run">
          {t('settings.importExport.exportRun')}
        </Button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {result !== null && (
        <>
          <a href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download={result.fileName} data-testid="export-download">
            {t('settings.importExport.download', { file: result.fileName })}
          </a>
          <label htmlFor="export-json">{t('settings.importExport.exported')}</label>
          <textarea id="export-json" readOnly value={json} rows={12} spellCheck={false} style={{ font: token('font.code'), width: '100%', color: token('color.text'), background: token('color.background.input') }} />
        </>
      )}
    </Section>
  );
}

function Import() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ result: ConfigImportResult; document: unknown; version: number } | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const head = useResolver(RESOLVER_KEYS.configGet, {}, ConfigGetResultSchema, applied ?? 0);

  const runPreview = async () => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (e) {
      return setParseError(e instanceof Error ? e.message : String(e));
    }
    setParseError(null);
    setBusy(true);
    // Diff against what is saved now: the version the apply will have to match.
    const current = await invokeResolver(RESOLVER_KEYS.configGet, {}, ConfigGetResultSchema);
    if (!current.ok) {
      setBusy(false);
      return setError(current.error);
    }
    const res = await invokeResolver(RESOLVER_KEYS.configImport, { mode: 'preview', expectedVersion: current.data.version, document }, ConfigImportResultSchema);
    setBusy(false);
    setApplied(null);
    if (!res.ok) {
      setPreview(null);
      return setError(res.error);
    }
    setError(null);
    setPreview({ result: res.data, document, version: current.data.version });
  };

  const apply = async () => {
    if (preview === null) return;
    setBusy(true);
    const res = await invokeResolver(RESOLVER_KEYS.configImport, { mode: 'apply', expectedVersion: preview.version, document: preview.document }, ConfigImportResultSchema);
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setPreview(null);
    setApplied(res.data.meta?.version ?? null);
  };

  const readFile = (file: File | undefined) => {
    if (file === undefined) return;
    void file.text().then((content) => {
      setText(content);
      setPreview(null);
    });
  };

  return (
    <Section title={t('settings.importExport.import')} description={t('settings.importExport.importHelp')} testId="import">
      <label style={{ display: 'inline-flex', gap: token('space.100'), alignItems: 'center' }}>
        {t('settings.importExport.file')}
        <input type="file" accept="application/json,.json" onChange={(e) => readFile(e.currentTarget.files?.[0])} />
      </label>
      <label htmlFor="import-json">{t('settings.importExport.paste')}</label>
      <textarea
        id="import-json"
        data-testid="import-json"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setPreview(null);
        }}
        rows={10}
        spellCheck={false}
        style={{ font: token('font.code'), width: '100%', color: token('color.text'), background: token('color.background.input') }}
      />
      {parseError !== null && (
        <p role="alert" style={{ color: token('color.text.danger'), margin: 0 }}>
          {t('settings.importExport.notJson', { error: parseError })}
        </p>
      )}
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button onClick={() => void runPreview()} isDisabled={busy || text.trim() === '' || head.state.status !== 'ok' || !head.state.data.canEdit} testId="import-preview">
          {t('settings.importExport.preview')}
        </Button>
        {preview !== null && (
          <Button appearance="primary" onClick={() => void apply()} isDisabled={busy} testId="import-apply">
            {t('settings.importExport.apply', { count: preview.result.changes.length })}
          </Button>
        )}
      </div>
      {error !== null && (
        <>
          <ErrorMessage error={error} />
          {error.code === 'conflict' && <p style={{ margin: 0 }}>{t('settings.importExport.conflictHelp')}</p>}
        </>
      )}
      {applied !== null && (
        <p role="status" data-testid="import-applied">
          {t('settings.importExport.applied', { version: applied })}
        </p>
      )}
      {preview !== null && (
        <div data-testid="import-diff">
          <h3 style={{ font: token('font.heading.xsmall'), margin: `${token('space.100')} 0` }}>{t('settings.importExport.changes', { count: preview.result.changes.length, version: preview.version })}</h3>
          {preview.result.changes.length === 0 ? (
            <p>{t('settings.importExport.noChanges')}</p>
          ) : (
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <thead>
                <tr style={{ textAlign: 'start', color: token('color.text.subtle') }}>
                  <th scope="col">{t('settings.importExport.field')}</th>
                  <th scope="col">{t('settings.importExport.change')}</th>
                  <th scope="col">{t('settings.importExport.before')}</th>
                  <th scope="col">{t('settings.importExport.after')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.result.changes.map((c) => (
                  <tr key={`${c.path}-${c.kind}`} style={{ borderTop: `1px solid ${token('color.border')}`, verticalAlign: 'top' }}>
                    <td>
                      <code>{c.path}</code>
                    </td>
                    <td>{t(changeKey(c.kind))}</td>
                    <td style={{ color: token('color.text.danger'), wordBreak: 'break-all' }}>
                      <code>{shortJson(c.before)}</code>
                    </td>
                    <td style={{ color: token('color.text.success'), wordBreak: 'break-all' }}>
                      <code>{shortJson(c.after)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Section>
  );
}

/** Import / export sub-page: the config as a JSON file, and an import that shows its diff before anything is saved. */
export default function ImportExportPage() {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300') }}>
      <Export />
      <Import />
    </div>
  );
}
