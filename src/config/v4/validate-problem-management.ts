import { formatPath, type ConfigError } from '../errors';
import type { ConfigV4 } from './schema';

/**
 * Cross-field rules of problem management: at most one `transition` rule (two would fight over the
 * incident's status), and no rule of the same kind and content twice (it would run twice).
 *
 * @example
 * validateProblemManagement({ ...config, problemManagement: { ...pm, onProblemResolved: [t1, t2] } });
 * // [{ path: 'problemManagement.onProblemResolved[1]', code: 'conflicting-rules', message: { ja: '…', en: '…' } }]
 */
export function validateProblemManagement(config: Pick<ConfigV4, 'problemManagement'>): ConfigError[] {
  const errors: ConfigError[] = [];
  const rules = config.problemManagement.onProblemResolved;
  const firstTransition = rules.findIndex((r) => r.action === 'transition');
  rules.forEach((rule, i) => {
    const path = formatPath(['problemManagement', 'onProblemResolved', i]);
    const firstPath = formatPath(['problemManagement', 'onProblemResolved', firstTransition]);
    if (rule.action === 'transition' && i > firstTransition) {
      errors.push({
        path,
        code: 'conflicting-rules',
        message: {
          ja: `${path} は 2 つ目のステータス遷移ルールです。遷移ルールは 1 つだけ指定できます（最初: ${firstPath}）。`,
          en: `${path} is a second transition rule; only one is allowed (the first is ${firstPath}).`,
        },
      });
      return;
    }
    const same = rules.findIndex((r) => JSON.stringify(r) === JSON.stringify(rule));
    if (same < i) {
      const samePath = formatPath(['problemManagement', 'onProblemResolved', same]);
      errors.push({
        path,
        code: 'duplicate-rule',
        message: { ja: `${path} は ${samePath} と同じルールです。重複を削除してください。`, en: `${path} repeats ${samePath}; remove the duplicate.` },
      });
    }
  });
  return errors;
}
