import { token } from '@atlaskit/tokens';
import type { ConfigView } from '../../shared/config/config-view';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { Lozenge } from '../../shared/ui/lozenge';
import { describeValue, priorityAppearance } from './field-model';
import type { MatrixFieldValue } from './field-value';

/** The field as shown on the issue: the priority lozenge and "impact × urgency", and whether it was overridden. */
export function PriorityFieldView(props: { value: MatrixFieldValue | null; config: ConfigView | null }) {
  const { t, lang } = useI18n();
  if (props.value === null) return <span data-testid="priority-field-value">{t('priorityField.noValue')}</span>;
  const d = describeValue(props.value, props.config, lang);
  const axis = (a: FieldAxis, name: string): string => (a === null ? '?' : a.label === null ? String(a.index) : `${name} ${a.label}`);
  const product = `${axis(d.impact, t('priorityField.impact'))} × ${axis(d.urgency, t('priorityField.urgency'))}`;
  return (
    <span data-testid="priority-field-value" data-priority={d.levelId} style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}>
      <Lozenge appearance={priorityAppearance(d.rank)} isBold testId="priority-lozenge">
        {d.levelLabel === null ? d.levelId : `${d.levelId} ${d.levelLabel}`}
      </Lozenge>
      <span data-testid="priority-product">{product}</span>
      {d.overridden && (
        <span data-testid="priority-overridden" title={d.overrideReason ?? undefined}>
          <Lozenge appearance="new">{t('priorityField.overridden', { priority: d.jiraPriority ?? '?' })}</Lozenge>
        </span>
      )}
    </span>
  );
}

type FieldAxis = ReturnType<typeof describeValue>['impact'];
