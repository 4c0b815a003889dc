import type { EscalationActionType } from '../../../src/domain/escalation/escalation-schema';
import type { PlainMessageKey } from '../i18n/translate';

// Every configurable action type must have a message (the Record type says so), plus the security
// intake's own action, which the panel lists among fired escalations.
const ACTION_MESSAGE: Readonly<Record<EscalationActionType | 'set-security-level', PlainMessageKey>> = {
  notify: 'escalation.action.notify',
  'notify-managers': 'escalation.action.notify-managers',
  reassign: 'escalation.action.reassign',
  'raise-priority': 'escalation.action.raise-priority',
  'add-label': 'escalation.action.add-label',
  'add-comment': 'escalation.action.add-comment',
  'set-security-level': 'escalation.action.set-security-level',
};

/**
 * The message naming an escalation action, for the settings editor and the issue panel's fired list;
 * an action type this UI does not know (a newer backend) reads "other action".
 */
export function escalationActionMessageKey(type: string): PlainMessageKey {
  return Object.hasOwn(ACTION_MESSAGE, type) ? ACTION_MESSAGE[type as keyof typeof ACTION_MESSAGE] : 'escalation.action.other';
}
