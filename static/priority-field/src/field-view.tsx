import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { describeFieldValue } from './field-value';

/** The field as shown on the issue: priority lozenge and "impact × urgency". */
export function PriorityFieldView(props: { value: unknown }) {
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
