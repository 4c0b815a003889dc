import type { ProblemResolvedRule } from '../../../../src/domain/problem';

/** The kinds of rule carried out when a problem is resolved, in the order the editor offers them. */
export const RULE_ACTIONS = ['notify', 'transition', 'comment'] as const satisfies readonly ProblemResolvedRule['action'][];
export type RuleAction = (typeof RULE_ACTIONS)[number];

export type Recipient = Extract<ProblemResolvedRule, { action: 'notify' }>['recipients'][number];
/** Every recipient, in the order the checkboxes show and the stored list keeps. */
export const RECIPIENTS = ['assignee', 'reporter', 'watchers'] as const satisfies readonly Recipient[];

/** The placeholders the rule texts may use (filled by the backend's fillProblemTemplate). */
export const TEMPLATE_PLACEHOLDERS = ['problem', 'summary', 'resolution', 'incident'] as const;

/**
 * A fresh rule of a kind with what its schema needs; texts and the status are left blank for the
 * admin to fill in (the field errors then point at them).
 *
 * @example blankRule('transition') // { action: 'transition', toStatus: '', comment: null }
 */
export function blankRule(action: RuleAction): ProblemResolvedRule {
  switch (action) {
    case 'notify':
      return { action, recipients: ['assignee', 'reporter'] };
    case 'transition':
      return { action, toStatus: '', comment: null };
    case 'comment':
      return { action, text: { ja: '', en: '' } };
  }
}

/**
 * The rule after the admin picks another kind: the same rule when the kind is unchanged, else a
 * blank one, keeping a text already typed when moving between a comment and a transition's comment.
 *
 * @example switchRule({ action: 'comment', text: { ja: 'あ', en: 'a' } }, 'transition') // { action: 'transition', toStatus: '', comment: { ja: 'あ', en: 'a' } }
 */
export function switchRule(rule: ProblemResolvedRule, action: RuleAction): ProblemResolvedRule {
  if (rule.action === action) return rule;
  if (rule.action === 'comment' && action === 'transition') return { action, toStatus: '', comment: rule.text };
  if (rule.action === 'transition' && action === 'comment' && rule.comment !== null) return { action, text: rule.comment };
  return blankRule(action);
}

/**
 * The recipients with one ticked or unticked, in the canonical order, each once.
 *
 * @example toggleRecipient(['reporter'], 'assignee', true) // ['assignee', 'reporter']
 */
export function toggleRecipient(recipients: readonly Recipient[], recipient: Recipient, on: boolean): Recipient[] {
  return RECIPIENTS.filter((r) => (r === recipient ? on : recipients.includes(r)));
}

/**
 * Whether a rule is the first transition: a second one is refused by the config check, so the editor
 * offers "Change status" only where it may stand.
 *
 * @example transitionAllowedAt([{ action: 'transition', toStatus: 'Done', comment: null }, { action: 'comment', text }], 1) // false
 */
export function transitionAllowedAt(rules: readonly ProblemResolvedRule[], index: number): boolean {
  const first = rules.findIndex((r) => r.action === 'transition');
  return first === -1 || first === index;
}

/**
 * Names from a comma-separated text (ASCII or Japanese comma), trimmed, blanks dropped.
 *
 * @example parseNameList('Administrators, 、 Incident managers,') // ['Administrators', 'Incident managers']
 */
export function parseNameList(text: string): string[] {
  return text
    .split(/[,、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
