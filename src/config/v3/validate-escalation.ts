import { SLA_METRIC_KINDS } from '../../domain/sla';
import { formatPath, type ConfigError } from '../errors';
import { messages } from '../messages';
import type { ConfigV3 } from './schema';

const lower = (s: string): string => s.toLowerCase();

/**
 * Cross-field rules of the escalation ladders: every priority a ladder names is a configured priority
 * level id or the Jira priority one maps to, and every metric it names is a metric id of a configured
 * SLA policy or a metric kind (case-insensitive, as the engine matches them).
 *
 * @example
 * validateEscalationConfig({ ...config, escalationLadders: [{ ...ladder, when: { priorities: ['P9'], metrics: [] } }] });
 * // [{ path: 'escalationLadders[0].when.priorities[0]', code: 'unknown-priority', message: { ja: '…', en: '…' } }]
 */
export function validateEscalationConfig(config: Pick<ConfigV3, 'priorityLevels' | 'slaPolicies' | 'escalationLadders'>): ConfigError[] {
  const priorities = config.priorityLevels.flatMap((l) => [l.id, l.jiraPriorityName]);
  const knownPriorities = new Set(priorities.map(lower));
  const metricIds = [...new Set(config.slaPolicies.flatMap((p) => p.metrics.map((m) => m.id)))];
  const knownMetrics = new Set([...metricIds, ...SLA_METRIC_KINDS].map(lower));
  const errors: ConfigError[] = [];
  config.escalationLadders.forEach((ladder, l) => {
    ladder.when.priorities.forEach((p, i) => {
      if (knownPriorities.has(lower(p))) return;
      const path = formatPath(['escalationLadders', l, 'when', 'priorities', i]);
      errors.push({ path, code: 'unknown-priority', message: messages.unknownPriority(path, p, config.priorityLevels.map((x) => x.id)) });
    });
    ladder.when.metrics.forEach((m, i) => {
      if (knownMetrics.has(lower(m))) return;
      const path = formatPath(['escalationLadders', l, 'when', 'metrics', i]);
      const known = [...metricIds, ...SLA_METRIC_KINDS].join(', ');
      errors.push({
        path,
        code: 'unknown-metric',
        message: {
          ja: `${path} の SLA 指標 "${m}" は定義されていません（定義済み: ${known}）。`,
          en: `${path} names the SLA metric "${m}", which is not defined (defined: ${known}).`,
        },
      });
    });
  });
  return errors;
}
