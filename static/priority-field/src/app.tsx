import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { RESOLVER_KEYS } from '../../../src/contracts';
import { fieldValueOf, isEditEntryPoint, issueOf } from '../../shared/bridge/forge-context';
import { useRefresh, useResolver } from '../../shared/bridge/hooks';
import { ConfigGetViewSchema } from '../../shared/config/config-view';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { useForgeContext } from '../../shared/shell/forge-context-provider';
import { PageLoading } from '../../shared/shell/states';
import { canEditIssue, readStoredValue } from './field-jira';
import { readFieldValue, type MatrixFieldValue } from './field-value';
import { PriorityFieldView } from './field-view';

// The view renders on every issue; the editor loads only when someone edits.
const PriorityFieldEdit = lazy(() => import('./field-edit'));

const EMPTY_PAYLOAD = {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Priority matrix field (jira:customField). The value is the app's (readOnly in the manifest): agents
 * change it by setting impact and urgency here, which the app turns into the priority. Opens in place
 * from the view, or directly in Jira's edit experience (`extension.entryPoint === 'edit'`).
 */
export default function PriorityFieldApp() {
  const { t } = useI18n();
  const context = useForgeContext();
  const issue = issueOf(context);
  const fieldId = typeof context.extension['fieldId'] === 'string' ? context.extension['fieldId'] : null;
  const editEntry = isEditEntryPoint(context);
  const [value, setValue] = useState<MatrixFieldValue | null>(() => readFieldValue(fieldValueOf(context)));
  const [editing, setEditing] = useState(editEntry);
  const [canEdit, setCanEdit] = useState(false);
  const [pending, setPending] = useState(false);
  const refresh = useRefresh({ tickMs: 0 });
  const config = useResolver(RESOLVER_KEYS.configGet, EMPTY_PAYLOAD, ConfigGetViewSchema);
  const configView = config.state.status === 'ok' ? config.state.data.config : null;
  const canOverride = config.state.status === 'ok' && config.state.data.canEdit;

  useEffect(() => {
    if (issue === null) return;
    let live = true;
    void canEditIssue(issue.key).then((ok) => {
      if (live) setCanEdit(ok);
    });
    return () => {
      live = false;
    };
  }, [issue?.key]);

  // Someone else changed the incident: read the value again (escalation may have raised the priority).
  useEffect(() => {
    if (refresh.version === 0 || issue === null || fieldId === null) return;
    void readStoredValue(issue.key, fieldId).then((v) => setValue(v));
  }, [refresh.version]);

  const onSaved = async (expected: { impact: number; urgency: number; overridden: boolean }) => {
    setEditing(false);
    if (editEntry) return void view.close().catch(() => undefined);
    if (issue === null || fieldId === null) return;
    setPending(true);
    // The app's trigger writes the new value a moment after Jira accepted the edit.
    for (let attempt = 0; attempt < 8; attempt++) {
      await sleep(attempt === 0 ? 300 : 750);
      const stored = await readStoredValue(issue.key, fieldId);
      if (stored !== null && stored.impact === expected.impact && stored.urgency === expected.urgency && (stored.overridden === true) === expected.overridden) {
        setValue(stored);
        break;
      }
    }
    setPending(false);
  };

  return (
    <div style={{ padding: token('space.050') }}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <PriorityFieldView value={value} config={configView} />
        {pending && <span role="status" style={{ color: token('color.text.subtle') }}>{t('priorityField.updating')}</span>}
        {canEdit && !editing && issue !== null && (
          <Button appearance="subtle" spacing="compact" onClick={() => setEditing(true)} testId="priority-edit">
            {t('priorityField.edit')}
          </Button>
        )}
      </div>
      {editing && issue !== null && (
        configView === null ? (
          config.state.status === 'loading' ? <PageLoading /> : <p role="alert">{t('priorityField.noConfig')}</p>
        ) : (
          <Suspense fallback={<PageLoading />}>
            <PriorityFieldEdit issueKey={issue.key} config={configView} value={value} canOverride={canOverride} onSaved={(e) => void onSaved(e)} onCancel={() => (editEntry ? void view.close() : setEditing(false))} />
          </Suspense>
        )
      )}
    </div>
  );
}
