import { router } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { useId, useState, type CSSProperties, type FormEvent } from 'react';
import {
  ProblemCreateResultSchema,
  ProblemGetResultSchema,
  ProblemLinkResultSchema,
  RESOLVER_KEYS,
  type ProblemCreateResult,
  type ProblemGetResult,
  type RecurrenceView,
} from '../../../../src/contracts';
import { useResolver } from '../../../shared/bridge/hooks';
import { invokeResolver } from '../../../shared/bridge/invoke-resolver';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { ErrorMessage } from '../../../shared/shell/states';
import { Lozenge } from '../../../shared/ui/lozenge';
import { checkProblemKey } from './problem-model';

const EMPTY_PAYLOAD = {};
const column: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.100') };
const subtle: CSSProperties = { color: token('color.text.subtle'), margin: 0 };
const row: CSSProperties = { display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' };

/**
 * The issue panel's Problem section (loaded lazily): on an incident its problems, the recurrence flag
 * with the related incidents and "create a problem from these incidents", and "link to a problem"; on a
 * problem its incidents with their count, status and assignee. Renders nothing on other issue types.
 */
export default function ProblemSection(props: { issueKey: string }) {
  const { t, lang } = useI18n();
  const [version, setVersion] = useState(0);
  const view = useResolver(RESOLVER_KEYS.problemGet, EMPTY_PAYLOAD, ProblemGetResultSchema, version);
  const headingId = useId();
  const reload = () => setVersion((v) => v + 1);
  if (view.state.status === 'loading') return null;
  if (view.state.status === 'error') {
    // Not set up yet (or the issue is gone): say so quietly instead of alarming everyone who opens an issue.
    if (view.state.error.code === 'not-found') return <p style={subtle} data-testid="problem-unavailable">{view.state.error.message[lang]}</p>;
    return <ErrorMessage error={view.state.error} onRetry={view.reload} />;
  }
  const data = view.state.data;
  if (data.kind === 'other') return null;
  return (
    <section aria-labelledby={headingId} data-testid="problem-section" data-kind={data.kind} style={column}>
      <h3 id={headingId} style={{ font: token('font.heading.xsmall'), margin: 0 }}>
        {t('problem.heading')}
      </h3>
      {data.kind === 'incident' ? <IncidentView data={data} issueKey={props.issueKey} onChanged={reload} /> : <ProblemView data={data} />}
    </section>
  );
}

function IssueLink(props: { issueKey: string }) {
  return (
    <a
      href={`/browse/${encodeURIComponent(props.issueKey)}`}
      onClick={(e) => {
        e.preventDefault();
        void router.navigate({ target: 'issue', issueKey: props.issueKey });
      }}
    >
      {props.issueKey}
    </a>
  );
}

function IncidentView(props: { data: ProblemGetResult; issueKey: string; onChanged: () => void }) {
  const { t } = useI18n();
  const { problems, recurrence } = props.data;
  return (
    <>
      <div data-testid="problem-linked">
        <h4 style={{ font: token('font.heading.xxsmall'), margin: 0 }}>{t('problem.incident.linked')}</h4>
        {problems.length === 0 ? (
          <p style={subtle}>{t('problem.incident.none')}</p>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
            {problems.map((p) => (
              <li key={p.key} data-problem={p.key}>
                <IssueLink issueKey={p.key} /> {p.summary} {p.status !== null && <Lozenge appearance={p.statusCategory === 'done' ? 'success' : 'inprogress'}>{p.status}</Lozenge>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {recurrence !== null && <Recurrence recurrence={recurrence} issueKey={props.issueKey} onChanged={props.onChanged} />}
      <LinkForm issueKey={props.issueKey} onLinked={props.onChanged} />
      {problems.length === 0 && recurrence?.draftSummary == null && <ManualCreate issueKey={props.issueKey} onCreated={props.onChanged} />}
    </>
  );
}

function Recurrence(props: { recurrence: RecurrenceView; issueKey: string; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const r = props.recurrence;
  return (
    <div data-testid="problem-recurrence" style={{ ...column, padding: token('space.100'), background: token('color.background.warning'), borderRadius: token('radius.small') }}>
      <div style={row}>
        <Lozenge appearance="moved" isBold>
          {t('problem.recurrence.heading')}
        </Lozenge>
      </div>
      <p style={{ margin: 0 }}>{t('problem.recurrence.intro', { count: r.relatedKeys.length, by: t(`problem.recurrence.by.${r.by}`), days: r.windowDays })}</p>
      <ul data-testid="problem-related" style={{ margin: 0, paddingInlineStart: token('space.250') }}>
        {r.relatedKeys.map((k) => (
          <li key={k}>
            <IssueLink issueKey={k} />
          </li>
        ))}
      </ul>
      {r.suggestedProblemKey !== null && r.draftSummary !== null && (
        <SuggestedLink problemKey={r.suggestedProblemKey} issueKey={props.issueKey} onLinked={props.onChanged} />
      )}
      {r.draftSummary !== null && <CreateProblem draft={r.draftSummary[lang]} incidentKeys={[...r.relatedKeys].reverse().concat(props.issueKey)} onCreated={props.onChanged} />}
    </div>
  );
}

function SuggestedLink(props: { problemKey: string; issueKey: string; onLinked: () => void }) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const link = () => {
    void invokeResolver(RESOLVER_KEYS.problemLink, { problemKey: props.problemKey }, ProblemLinkResultSchema).then((res) => {
      if (!res.ok) return setMessage(res.error.message[lang]);
      props.onLinked();
    });
  };
  return (
    <div style={row}>
      <span>{t('problem.recurrence.suggestLink', { problemKey: props.problemKey })}</span>
      <button type="button" onClick={link}>
        {t('problem.recurrence.linkSuggested', { problemKey: props.problemKey })}
      </button>
      {message !== null && <span role="alert">{message}</span>}
    </div>
  );
}

function CreateProblem(props: { draft: string; incidentKeys: readonly string[]; onCreated: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [summary, setSummary] = useState(props.draft);
  const [state, setState] = useState<{ status: 'idle' | 'creating' } | { status: 'done'; result: ProblemCreateResult } | { status: 'failed'; message: string }>({ status: 'idle' });
  const create = () => {
    setState({ status: 'creating' });
    const payload = { issueKeys: props.incidentKeys, ...(summary.trim() === '' || summary === props.draft ? {} : { summary: summary.trim() }) };
    void invokeResolver(RESOLVER_KEYS.problemCreateFromIncidents, payload, ProblemCreateResultSchema).then((res) => {
      if (!res.ok) return setState({ status: 'failed', message: res.error.message[lang] });
      setState({ status: 'done', result: res.data });
      if (res.data.failed.length === 0) props.onCreated();
    });
  };
  return (
    <div data-testid="problem-create" style={column}>
      <h4 style={{ font: token('font.heading.xxsmall'), margin: 0 }}>{t('problem.create.heading')}</h4>
      <label htmlFor={id}>{t('problem.create.summary')}</label>
      <input id={id} value={summary} maxLength={255} onChange={(e) => setSummary(e.target.value)} disabled={state.status === 'creating'} />
      <div style={row}>
        <button type="button" onClick={create} disabled={state.status === 'creating'} data-testid="problem-create-button">
          {state.status === 'creating' ? t('problem.create.creating') : t('problem.create.button')}
        </button>
      </div>
      {state.status === 'failed' && (
        <p role="alert" style={{ color: token('color.text.danger'), margin: 0 }}>
          {state.message}
        </p>
      )}
      {state.status === 'done' && (
        <div role="status" data-testid="problem-created">
          <p style={{ margin: 0 }}>{t('problem.create.done', { problemKey: state.result.problemKey, count: state.result.linked.length })}</p>
          {state.result.failed.length > 0 && (
            <>
              <p style={{ color: token('color.text.danger'), margin: 0 }}>{t('problem.create.failedLinks')}</p>
              <ul style={{ margin: 0 }}>
                {state.result.failed.map((f) => (
                  <li key={f.incidentKey}>{f.message[lang]}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * "Create a problem" when no recurrence suggestion offers one: from this incident alone, or from the
 * incidents a JQL query selects (the backend bounds it to 100 and drafts the summary when left empty).
 */
function ManualCreate(props: { issueKey: string; onCreated: () => void }) {
  const { t, lang } = useI18n();
  const summaryId = useId();
  const jqlId = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'this' | 'jql'>('this');
  const [jql, setJql] = useState('');
  const [summary, setSummary] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'creating' } | { status: 'done'; result: ProblemCreateResult } | { status: 'failed'; message: string }>({ status: 'idle' });
  if (!open) {
    return (
      <div style={row}>
        <button type="button" onClick={() => setOpen(true)} data-testid="problem-manual-open">
          {t('problem.manual.heading')}
        </button>
      </div>
    );
  }
  const jqlMissing = mode === 'jql' && jql.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (jqlMissing) return setState({ status: 'failed', message: t('problem.manual.jqlRequired') });
    setState({ status: 'creating' });
    const payload = { ...(mode === 'jql' ? { jql: jql.trim() } : { issueKeys: [props.issueKey] }), ...(summary.trim() === '' ? {} : { summary: summary.trim() }) };
    void invokeResolver(RESOLVER_KEYS.problemCreateFromIncidents, payload, ProblemCreateResultSchema).then((res) => {
      if (!res.ok) return setState({ status: 'failed', message: res.error.fieldErrors?.[0]?.message[lang] ?? res.error.message[lang] });
      setState({ status: 'done', result: res.data });
      if (res.data.failed.length === 0) props.onCreated();
    });
  };
  const busy = state.status === 'creating';
  return (
    <form data-testid="problem-manual" style={column} onSubmit={submit} noValidate>
      <h4 style={{ font: token('font.heading.xxsmall'), margin: 0 }}>{t('problem.manual.heading')}</h4>
      <label style={row}>
        <input type="radio" name="problem-manual-mode" checked={mode === 'this'} onChange={() => setMode('this')} disabled={busy} />
        {t('problem.manual.fromThis')}
      </label>
      <label style={row}>
        <input type="radio" name="problem-manual-mode" checked={mode === 'jql'} onChange={() => setMode('jql')} disabled={busy} data-testid="problem-manual-jql-mode" />
        {t('problem.manual.fromJql')}
      </label>
      {mode === 'jql' && (
        <>
          <label htmlFor={jqlId}>{t('problem.manual.jql')}</label>
          <textarea id={jqlId} value={jql} rows={2} maxLength={2000} onChange={(e) => setJql(e.target.value)} disabled={busy} data-testid="problem-manual-jql" />
        </>
      )}
      <label htmlFor={summaryId}>{t('problem.create.summary')}</label>
      <input id={summaryId} value={summary} maxLength={255} onChange={(e) => setSummary(e.target.value)} disabled={busy} aria-describedby={`${summaryId}-hint`} />
      <p id={`${summaryId}-hint`} style={subtle}>
        {t('problem.manual.summaryHint')}
      </p>
      <div style={row}>
        <button type="submit" disabled={busy} data-testid="problem-manual-create">
          {busy ? t('problem.create.creating') : t('problem.manual.button')}
        </button>
      </div>
      {state.status === 'failed' && (
        <p role="alert" style={{ color: token('color.text.danger'), margin: 0 }}>
          {state.message}
        </p>
      )}
      {state.status === 'done' && (
        <p role="status" data-testid="problem-manual-created" style={{ margin: 0 }}>
          {t('problem.create.done', { problemKey: state.result.problemKey, count: state.result.linked.length })}
        </p>
      )}
    </form>
  );
}

function LinkForm(props: { issueKey: string; onLinked: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ readonly error: boolean; readonly text: string } | null>(null);
  const check = checkProblemKey(value, props.issueKey);
  const inputError = touched && !check.ok && check.reason !== 'empty' ? t(check.reason === 'self' ? 'problem.link.self' : 'problem.link.invalidKey') : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!check.ok) return;
    setSaving(true);
    setMessage(null);
    void invokeResolver(RESOLVER_KEYS.problemLink, { problemKey: check.key }, ProblemLinkResultSchema).then((res) => {
      setSaving(false);
      if (!res.ok) return setMessage({ error: true, text: res.error.fieldErrors?.[0]?.message[lang] ?? res.error.message[lang] });
      setMessage({ error: false, text: t(res.data.linked ? 'problem.link.done' : 'problem.link.already', { problemKey: res.data.problemKey }) });
      setValue('');
      setTouched(false);
      if (res.data.linked) props.onLinked();
    });
  };
  return (
    <form onSubmit={submit} data-testid="problem-link-form" style={column} noValidate>
      <h4 style={{ font: token('font.heading.xxsmall'), margin: 0 }}>{t('problem.link.heading')}</h4>
      <label htmlFor={id}>{t('problem.link.label')}</label>
      <div style={row}>
        <input
          id={id}
          value={value}
          placeholder={t('problem.link.placeholder')}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={inputError !== null}
          aria-describedby={inputError !== null ? errorId : undefined}
          disabled={saving}
        />
        <button type="submit" disabled={saving || (touched && !check.ok)}>
          {saving ? t('problem.link.linking') : t('problem.link.submit')}
        </button>
      </div>
      {inputError !== null && (
        <p id={errorId} role="alert" style={{ color: token('color.text.danger'), margin: 0 }}>
          {inputError}
        </p>
      )}
      {message !== null && (
        <p role={message.error ? 'alert' : 'status'} style={{ color: message.error ? token('color.text.danger') : token('color.text.success'), margin: 0 }}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function ProblemView(props: { data: ProblemGetResult }) {
  const { t, intlTag, timeZone } = useI18n();
  const viewer = { intlTag, timeZone };
  const d = props.data;
  const cell: CSSProperties = { textAlign: 'start', padding: `${token('space.050')} ${token('space.100')} ${token('space.050')} 0`, verticalAlign: 'top' };
  return (
    <>
      <div style={row}>
        <strong data-testid="problem-count">{t('problem.problem.count', { count: d.count, open: d.openCount })}</strong>
        {d.knownError === true && <Lozenge appearance="moved">{t('problem.problem.knownError')}</Lozenge>}
      </div>
      {d.incidents.length === 0 ? (
        <p style={subtle}>{t('problem.problem.none')}</p>
      ) : (
        <table data-testid="problem-incidents" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr style={{ color: token('color.text.subtle') }}>
              <th style={cell}>{t('problem.col.issue')}</th>
              <th style={cell}>{t('problem.col.status')}</th>
              <th style={cell}>{t('problem.col.assignee')}</th>
              <th style={cell}>{t('problem.col.created')}</th>
            </tr>
          </thead>
          <tbody>
            {d.incidents.map((i) => (
              <tr key={i.key} data-incident={i.key} style={{ borderTop: `1px solid ${token('color.border')}` }}>
                <td style={cell}>
                  <IssueLink issueKey={i.key} /> {i.summary}
                </td>
                <td style={cell}>{i.status !== null && <Lozenge appearance={i.statusCategory === 'done' ? 'success' : 'inprogress'}>{i.status}</Lozenge>}</td>
                <td style={cell}>{i.assignee === null ? t('problem.unassigned') : (i.assignee.displayName ?? i.assignee.accountId)}</td>
                <td style={cell}>{i.created === null ? '—' : formatDateTime(i.created, viewer)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
