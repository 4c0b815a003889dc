import { token } from '@atlaskit/tokens';
import { useId, useState, type CSSProperties, type FormEvent } from 'react';
import { EvidenceAddResultSchema, EvidenceListResultSchema, RESOLVER_KEYS, type EvidenceItemView, type EvidenceListResult } from '../../../../src/contracts';
import { useResolver } from '../../../shared/bridge/hooks';
import { invokeResolver } from '../../../shared/bridge/invoke-resolver';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { ErrorMessage } from '../../../shared/shell/states';
import { Lozenge } from '../../../shared/ui/lozenge';
import { useDisplayNames } from './display-names';
import { custodyMessage, draftErrors, draftItem, sha256OfFile, shortHash, type EvidenceDraft } from './evidence-model';

const EMPTY_PAYLOAD = {};
const column: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.100') };
const subtle: CSSProperties = { color: token('color.text.subtle'), margin: 0 };
const mono: CSSProperties = { fontFamily: token('font.family.code') };

/**
 * Evidence register of a security incident (loaded lazily by the issue panel): the items with their
 * SHA-256, who added them and when, the chain's verification, the custody log and, for the CSIRT and
 * project admins while the incident is open, the add form. Renders nothing on other incidents.
 */
export default function EvidenceSection() {
  const [version, setVersion] = useState(0);
  const list = useResolver(RESOLVER_KEYS.evidenceList, EMPTY_PAYLOAD, EvidenceListResultSchema, version);
  const reload = () => setVersion((v) => v + 1);
  if (list.state.status === 'loading') return null;
  if (list.state.status === 'error') return <ErrorMessage error={list.state.error} onRetry={list.reload} />;
  if (list.state.data.state === 'not-applicable') return null;
  return <Register register={list.state.data} onAdded={reload} />;
}

type Register = Extract<EvidenceListResult, { state: 'register' }>;

function Register(props: { register: Register; onAdded: () => void }) {
  const { t, lang, intlTag, timeZone } = useI18n();
  const viewer = { intlTag, timeZone };
  const r = props.register;
  const headingId = useId();
  const nameOf = useDisplayNames(r.custody.map((c) => c.by));
  return (
    <section aria-labelledby={headingId} data-testid="evidence-register" style={column}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <h3 id={headingId} style={{ font: token('font.heading.xsmall'), margin: 0 }}>
          {t('evidence.heading')}
        </h3>
        <ChainStatus register={r} />
      </div>
      <p style={subtle}>{t('evidence.intro')}</p>
      {r.chain.status === 'broken' && (
        <div role="alert" data-testid="evidence-chain-problems" style={{ color: token('color.text.danger') }}>
          <p style={{ margin: 0 }}>{t('evidence.chain.brokenHelp')}</p>
          <ul style={{ margin: 0 }}>
            {r.chain.problems.map((p) => (
              <li key={`${String(p.seq)}-${p.code}`}>
                #{p.seq}: {p.message[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.locked && (
        <p data-testid="evidence-locked" style={{ ...subtle, padding: token('space.100'), background: token('color.background.neutral'), borderRadius: token('radius.small') }}>
          {r.lockedAt === null ? t('evidence.lockedNow') : t('evidence.locked', { when: formatDateTime(r.lockedAt, viewer) })}
        </p>
      )}
      {r.items.length === 0 ? <p style={subtle}>{t('evidence.empty')}</p> : <ItemTable items={r.items} nameOf={nameOf} />}
      {r.custody.length > 0 && <CustodyLog register={r} nameOf={nameOf} />}
      {r.items.length > 0 && <ExportButton onExported={props.onAdded} />}
      {r.canAdd ? <AddForm onAdded={props.onAdded} /> : !r.locked && r.addRefusal !== null && <p style={subtle}>{r.addRefusal[lang]}</p>}
    </section>
  );
}

function ChainStatus(props: { register: Register }) {
  const { t } = useI18n();
  const chain = props.register.chain;
  return chain.status === 'verified' ? (
    <Lozenge appearance="success" testId="evidence-chain-status">
      <span title={chain.head}>{t('evidence.chain.verified', { records: chain.records })}</span>
    </Lozenge>
  ) : (
    <Lozenge appearance="removed" isBold testId="evidence-chain-status">
      {t('evidence.chain.broken', { seq: chain.firstBrokenSeq })}
    </Lozenge>
  );
}

function ItemTable(props: { items: readonly EvidenceItemView[]; nameOf: (accountId: string) => string }) {
  const { t, intlTag, timeZone } = useI18n();
  const viewer = { intlTag, timeZone };
  const cell: CSSProperties = { textAlign: 'start', padding: `${token('space.050')} ${token('space.100')} ${token('space.050')} 0`, verticalAlign: 'top' };
  return (
    <table data-testid="evidence-items" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr style={{ color: token('color.text.subtle') }}>
          <th style={cell}>{t('evidence.col.item')}</th>
          <th style={cell}>{t('evidence.col.hash')}</th>
          <th style={cell}>{t('evidence.col.who')}</th>
          <th style={cell}>{t('evidence.col.when')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.itemId} data-item={item.itemId} style={{ borderTop: `1px solid ${token('color.border')}` }}>
            <td style={cell}>
              <strong>{item.name}</strong>{' '}
              <span style={subtle}>
                #{item.seq} · {t(item.kind === 'file' ? 'evidence.kind.file' : 'evidence.kind.text')}
                {item.size !== null && ` · ${t('evidence.size', { size: item.size.toLocaleString(intlTag) })}`}
              </span>
              {item.note !== null && <div style={subtle}>{item.note}</div>}
              {item.text !== null && (
                <details>
                  <summary>{t('evidence.showText')}</summary>
                  <pre style={{ ...mono, whiteSpace: 'pre-wrap', margin: 0 }}>{item.text}</pre>
                </details>
              )}
            </td>
            <td style={cell}>
              <HashCell name={item.name} hash={item.sha256} />
            </td>
            <td style={cell} title={item.addedBy}>
              {props.nameOf(item.addedBy)}
            </td>
            <td style={cell}>{formatDateTime(item.addedAt, viewer)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HashCell(props: { name: string; hash: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard
      .writeText(props.hash)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <span style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center', flexWrap: 'wrap' }}>
      <code title={props.hash} data-hash={props.hash} style={mono}>
        {shortHash(props.hash)}
      </code>
      <button type="button" onClick={copy} aria-label={t('evidence.copyHash', { name: props.name })}>
        {copied ? t('evidence.copied') : t('evidence.copy')}
      </button>
    </span>
  );
}

function CustodyLog(props: { register: Register; nameOf: (accountId: string) => string }) {
  const { t, intlTag, timeZone } = useI18n();
  const viewer = { intlTag, timeZone };
  const names = new Map(props.register.items.map((i) => [i.itemId, i.name]));
  return (
    <details data-testid="evidence-custody">
      <summary>{t('evidence.custody.heading', { count: props.register.custody.length })}</summary>
      <ol style={{ margin: 0, paddingInlineStart: token('space.300') }}>
        {props.register.custody.map((c) => {
          const m = custodyMessage(c, (id) => names.get(id) ?? id);
          return (
            <li key={c.seq} value={c.seq}>
              {formatDateTime(c.at, viewer)} · {props.nameOf(c.by)} · {'item' in m ? t(m.key, { item: m.item }) : t(m.key)}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

type ExportState =
  | { readonly status: 'idle' | 'exporting' }
  | { readonly status: 'ready'; readonly fileName: string; readonly json: string; readonly logged: boolean }
  | { readonly status: 'failed'; readonly message: string };

/** Exports the register for hand-over: the backend logs it as `exported`, then offers the JSON to download. */
function ExportButton(props: { onExported: () => void }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const run = () => {
    setState({ status: 'exporting' });
    void invokeResolver(RESOLVER_KEYS.evidenceList, { purpose: 'export' }, EvidenceListResultSchema).then((res) => {
      if (!res.ok) return setState({ status: 'failed', message: res.error.message[lang] });
      const exported = res.data.state === 'register' ? res.data.export : undefined;
      if (exported === undefined) return setState({ status: 'idle' });
      setState({ status: 'ready', fileName: exported.fileName, json: JSON.stringify(exported.document, null, 2), logged: exported.logged });
      // The export is now in the custody log: show it.
      props.onExported();
    });
  };
  return (
    <div data-testid="evidence-export" style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
      <button type="button" onClick={run} disabled={state.status === 'exporting'}>
        {state.status === 'exporting' ? t('evidence.exporting') : t('evidence.export')}
      </button>
      {state.status === 'ready' && (
        <>
          <a href={`data:application/json;charset=utf-8,${encodeURIComponent(state.json)}`} download={state.fileName} data-testid="evidence-export-download">
            {t('evidence.export.download', { file: state.fileName })}
          </a>
          <span style={subtle}>{t(state.logged ? 'evidence.export.logged' : 'evidence.export.notLogged')}</span>
        </>
      )}
      {state.status === 'failed' && (
        <span role="alert" style={{ color: token('color.text.danger') }}>
          {state.message}
        </span>
      )}
    </div>
  );
}

type FileState = { readonly status: 'none' } | { readonly status: 'hashing' } | { readonly status: 'ready'; readonly size: number; readonly sha256: string } | { readonly status: 'failed' };

function AddForm(props: { onAdded: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<'text' | 'file'>('text');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<FileState>({ status: 'none' });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ readonly error: boolean; readonly text: string } | null>(null);
  const [touched, setTouched] = useState(false);
  // The file input is uncontrolled: remounting it is the way to clear the chosen file after an add.
  const [fileInputKey, setFileInputKey] = useState(0);

  const draft: EvidenceDraft =
    kind === 'text' ? { kind, name, text, note } : { kind, name, note, file: file.status === 'ready' ? { size: file.size, sha256: file.sha256 } : null };
  const errors = touched ? draftErrors(draft) : [];
  const errorOf = (field: string) => errors.find((e) => e.field === field);

  const pickFile = (picked: File | undefined) => {
    if (picked === undefined) return setFile({ status: 'none' });
    if (name.trim() === '') setName(picked.name);
    setFile({ status: 'hashing' });
    void sha256OfFile(picked).then(
      (sha256) => setFile({ status: 'ready', size: picked.size, sha256 }),
      () => setFile({ status: 'failed' }),
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const item = draftItem(draft);
    if (item === null) return;
    setSaving(true);
    setMessage(null);
    void invokeResolver(RESOLVER_KEYS.evidenceAdd, { item }, EvidenceAddResultSchema).then((res) => {
      setSaving(false);
      if (!res.ok) return setMessage({ error: true, text: res.error.message[lang] });
      setMessage({ error: false, text: t('evidence.add.added', { seq: res.data.item.seq }) });
      setName('');
      setText('');
      setNote('');
      setFile({ status: 'none' });
      setFileInputKey((k) => k + 1);
      setTouched(false);
      props.onAdded();
    });
  };

  const field: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.050') };
  const fieldError = (f: string) => {
    const err = errorOf(f);
    return err === undefined ? null : (
      <span id={`${id}-${f}-error`} style={{ color: token('color.text.danger') }}>
        {t(err.message)}
      </span>
    );
  };
  return (
    <form onSubmit={submit} data-testid="evidence-add" aria-labelledby={`${id}-heading`} style={{ ...column, borderTop: `1px solid ${token('color.border')}`, paddingTop: token('space.100') }}>
      <h4 id={`${id}-heading`} style={{ font: token('font.heading.xxsmall'), margin: 0 }}>
        {t('evidence.add.heading')}
      </h4>
      <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'flex', gap: token('space.150') }}>
        <legend style={{ padding: 0 }}>{t('evidence.add.kind')}</legend>
        {(['text', 'file'] as const).map((k) => (
          <label key={k} style={{ display: 'inline-flex', gap: token('space.050') }}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(k === 'text' ? 'evidence.add.kindText' : 'evidence.add.kindFile')}
          </label>
        ))}
      </fieldset>
      <label style={field}>
        {t('evidence.add.name')}
        <input value={name} maxLength={500} onChange={(e) => setName(e.currentTarget.value)} aria-invalid={errorOf('name') !== undefined} aria-describedby={`${id}-name-error`} />
        {fieldError('name')}
      </label>
      {kind === 'text' ? (
        <label style={field}>
          {t('evidence.add.text')}
          <textarea value={text} rows={4} maxLength={20_000} style={mono} onChange={(e) => setText(e.currentTarget.value)} aria-invalid={errorOf('text') !== undefined} aria-describedby={`${id}-text-error`} />
          {fieldError('text')}
        </label>
      ) : (
        <label style={field}>
          {t('evidence.add.file')}
          <input key={fileInputKey} type="file" onChange={(e) => pickFile(e.currentTarget.files?.[0])} aria-invalid={errorOf('file') !== undefined} aria-describedby={`${id}-file-error`} />
          {file.status === 'hashing' && <span style={subtle}>{t('evidence.add.hashing')}</span>}
          {file.status === 'ready' && (
            <span style={subtle} data-testid="evidence-file-hash">
              {t('evidence.add.fileHash', { hash: file.sha256 })}
            </span>
          )}
          {file.status === 'failed' && <span style={{ color: token('color.text.danger') }}>{t('evidence.add.hashFailed')}</span>}
          {fieldError('file')}
        </label>
      )}
      <label style={field}>
        {t('evidence.add.note')}
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div>
        <button type="submit" disabled={saving || file.status === 'hashing'}>
          {saving ? t('evidence.add.saving') : t('evidence.add.submit')}
        </button>
      </div>
      {message !== null && (
        <p role={message.error ? 'alert' : 'status'} data-testid="evidence-add-message" style={{ margin: 0, color: message.error ? token('color.text.danger') : token('color.text.success') }}>
          {message.text}
        </p>
      )}
    </form>
  );
}
