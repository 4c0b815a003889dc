import type { Translate } from '../../shared/i18n/translate';
import type { MetricSummary } from '../../shared/sla/sla-model';

/** The metric's name next to the lozenge, so "1h 20m left" says of what. */
export function badgeMetricName(kind: MetricSummary['kind'], t: Translate): string {
  switch (kind) {
    case 'time-to-first-response':
      return t('sla.kind.firstResponse');
    case 'time-to-resolution':
      return t('sla.kind.resolution');
  }
}
