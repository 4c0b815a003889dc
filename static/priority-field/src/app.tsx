import { useState } from 'react';
import { view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { fieldValueOf, isEditEntryPoint } from '../../shared/bridge/forge-context';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { BackendStatus } from '../../shared/page/backend-status';
import { PageFrame } from '../../shared/page/page-frame';
import { useForgeContext } from '../../shared/shell/forge-context-provider';
import { describeFieldValue } from './field-value';

/**
 * Priority matrix field (jira:customField, one resource for view and edit). Jira passes the stored
 * value as `extension.fieldValue`; the edit experience (`extension.entryPoint === 'edit'`) saves
 * with `view.submit(value)` and cancels with `view.close()`. Placeholder until issue 6.
 */
export default function PriorityFieldApp() {
  const context = useForgeContext();
  return isEditEntryPoint(context) ? <PriorityFieldEdit value={fieldValueOf(context)} /> : <PriorityFieldView value={fieldValueOf(context)} />;
}

function PriorityFieldView(props: { value: unknown }) {
  const { t } = useI18n();
  const described = describeFieldValue(props.value);
  if (described === null) return <span data-testid="priority-field-value">{t('priorityField.noValue')}</span>;
  return (
    <span data-testid="priority-field-value" style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}>
      <Lozenge appearance="inprogress" isBold>
        {described.priority}
      </Lozenge>
      {described.impact !== undefined && described.urgency !== undefined && <span>{`${described.impact} × ${described.urgency}`}</span>}
    </span>
  );
}

function PriorityFieldEdit(props: { value: unknown }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    // Until the matrix editor exists the stored value is submitted unchanged.
    view.submit(props.value).catch((error: unknown) => {
      console.error('Incident Desk: submit failed', error);
      setBusy(false);
    });
  };
  return (
    <PageFrame heading={t('priorityField.editHeading')} level="h2">
      <PriorityFieldView value={props.value} />
      <BackendStatus />
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button appearance="primary" onClick={submit} isDisabled={busy}>
          {t('priorityField.save')}
        </Button>
        <Button appearance="subtle" onClick={() => void view.close()} isDisabled={busy}>
          {t('priorityField.cancel')}
        </Button>
      </div>
    </PageFrame>
  );
}
