import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useId, useState } from 'react';
import type { ConfigView } from '../../../shared/config/config-view';
import { useI18n } from '../../../shared/i18n/i18n-provider';
import { jiraRequest } from '../../../shared/jira/jira-rest';
import { PageLoading } from '../../../shared/shell/states';
import { INTAKE_KINDS, INTAKE_PROPERTY_KEY, checklistFor, detectKind, readIntakeState, toggleItem, type IntakeKind, type IntakeState } from './intake-checklist';
import { SimilarIncidents } from './similar-incidents';

interface IssueFields {
  readonly fields?: { readonly labels?: unknown; readonly [id: string]: unknown };
  readonly properties?: Readonly<Record<string, unknown>>;
}

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ok'; readonly detected: IntakeKind | null; readonly state: IntakeState };

const KIND_FIELD_NAME = 'Incident kind';

function optionText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const v = (value as { value?: unknown; name?: unknown }).value ?? (value as { name?: unknown }).name;
    return typeof v === 'string' ? v : null;
  }
  return null;
}

/** Finds the "Incident kind" select setup created, then reads the issue's labels, kind and checklist state. */
async function loadIntake(issueKey: string, config: ConfigView | null): Promise<Loaded> {
  const fields = await jiraRequest<{ id: string; name: string; custom?: boolean }[]>('GET', '/rest/api/3/field');
  const kindField = fields.ok && Array.isArray(fields.data) ? fields.data.find((f) => f.custom === true && f.name === KIND_FIELD_NAME)?.id : undefined;
  const issue = await jiraRequest<IssueFields>(
    'GET',
    `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=labels${kindField === undefined ? '' : `,${encodeURIComponent(kindField)}`}&properties=${INTAKE_PROPERTY_KEY}`,
  );
  if (!issue.ok) return { status: 'error', message: issue.detail };
  const labels = Array.isArray(issue.data.fields?.labels) ? issue.data.fields.labels.filter((l): l is string => typeof l === 'string') : [];
  const kindOption = kindField === undefined ? null : optionText(issue.data.fields?.[kindField]);
  const kinds = config?.incidentKinds ?? INTAKE_KINDS.map((id) => ({ id, labels: { ja: id, en: id } }));
  return { status: 'ok', detected: detectKind({ labels, kindOption }, kinds), state: readIntakeState(issue.data.properties?.[INTAKE_PROPERTY_KEY]) };
}

/**
 * Intake helpers on the incident: the questions to ask for its kind (ticked answers are kept in an
 * issue property, so the next agent sees what is already known) and similar past incidents.
 */
export default function IntakeHelpers(props: { issueKey: string; config: ConfigView | null }) {
  const { t, lang } = useI18n();
  const { issueKey, config } = props;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const headingId = useId();
  useEffect(() => {
    let live = true;
    void loadIntake(issueKey, config).then((l) => {
      if (live) setLoaded(l);
    });
    return () => {
      live = false;
    };
  }, [issueKey, config]);

  const save = useCallback(
    async (next: IntakeState, previous: IntakeState) => {
      setLoaded((l) => (l.status === 'ok' ? { ...l, state: next } : l));
      const res = await jiraRequest('PUT', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/properties/${INTAKE_PROPERTY_KEY}`, next);
      if (res.ok) return setSaveError(null);
      // Put the tick back as it was: the screen must not claim what Jira did not store.
      setLoaded((l) => (l.status === 'ok' ? { ...l, state: previous } : l));
      setSaveError(res.message[lang]);
    },
    [issueKey, lang],
  );

  if (loaded.status === 'loading') return <PageLoading />;
  const kindLabel = (id: IntakeKind): string => config?.incidentKinds.find((k) => k.id === id)?.labels[lang] ?? t(`intake.kind.${id}`);
  return (
    <section aria-labelledby={headingId} data-testid="intake-helpers" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <h3 id={headingId} style={{ font: token('font.heading.xsmall'), margin: 0 }}>
        {t('intake.heading')}
      </h3>
      {loaded.status === 'error' ? (
        <p role="alert" style={{ color: token('color.text.danger'), margin: 0 }}>
          {t('intake.loadFailed')} <code>{loaded.message}</code>
        </p>
      ) : (
        <Checklist
          kind={loaded.state.kind ?? loaded.detected}
          detected={loaded.detected}
          state={loaded.state}
          kindLabel={kindLabel}
          onChange={(next) => void save(next, loaded.state)}
        />
      )}
      {saveError !== null && (
        <p role="alert" style={{ color: token('color.text.danger'), margin: 0 }}>
          {t('intake.saveFailed')} {saveError}
        </p>
      )}
      <SimilarIncidents issueKey={issueKey} />
    </section>
  );
}

function Checklist(props: { kind: IntakeKind | null; detected: IntakeKind | null; state: IntakeState; kindLabel: (id: IntakeKind) => string; onChange: (next: IntakeState) => void }) {
  const { t } = useI18n();
  const { kind, state } = props;
  const groupId = useId();
  return (
    <>
      <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
        <legend style={{ padding: 0, marginBottom: token('space.050') }}>{t('intake.kind')}</legend>
        {INTAKE_KINDS.map((id) => (
          <label key={id} style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}>
            <input type="radio" name={`${groupId}-kind`} value={id} checked={kind === id} onChange={() => props.onChange({ ...state, kind: id })} />
            {props.kindLabel(id)}
            {props.detected === id && <span style={{ color: token('color.text.subtle') }}>{t('intake.detected')}</span>}
          </label>
        ))}
      </fieldset>
      {kind === null ? (
        <p style={{ color: token('color.text.subtle'), margin: 0 }}>{t('intake.pickKind')}</p>
      ) : (
        <ul data-testid="intake-checklist" style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
          {checklistFor(kind).map((item) => {
            const inputId = `${groupId}-${item.id}`;
            return (
              <li key={item.id} data-item={item.id}>
                <label htmlFor={inputId} style={{ display: 'flex', gap: token('space.075'), alignItems: 'flex-start' }}>
                  <input id={inputId} type="checkbox" checked={state.checked.includes(item.id)} aria-describedby={`${inputId}-hint`} onChange={(e) => props.onChange(toggleItem({ ...state, kind }, item.id, e.currentTarget.checked))} />
                  <span>
                    <strong>{t(item.label)}</strong>
                    <span id={`${inputId}-hint`} style={{ display: 'block', color: token('color.text.subtle') }}>
                      {t(item.hint)}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
