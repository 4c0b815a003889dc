import { useState } from 'react';
import { view } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { BackendStatus } from '../../shared/page/backend-status';
import { PageFrame } from '../../shared/page/page-frame';
import { PriorityFieldView } from './field-view';

/**
 * Jira's edit experience for the field: `view.submit(value)` stores the value and closes the
 * editor, `view.close()` cancels. Placeholder until the matrix editor (issue 6).
 */
export default function PriorityFieldEdit(props: { value: unknown }) {
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
