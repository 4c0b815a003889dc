import type { PlainMessageKey } from '../i18n/translate';

/** Catalog key of an SLA condition kind ("Status entered", "ステータスに入った"). */
export function conditionKey(on: string): PlainMessageKey {
  switch (on) {
    case 'issue-created':
      return 'sla.condition.issue-created';
    case 'status-entered':
      return 'sla.condition.status-entered';
    case 'status-left':
      return 'sla.condition.status-left';
    case 'assignee-set':
      return 'sla.condition.assignee-set';
    case 'assignee-changed':
      return 'sla.condition.assignee-changed';
    case 'comment-by-agent':
      return 'sla.condition.comment-by-agent';
    case 'resolution-set':
      return 'sla.condition.resolution-set';
    case 'resolution-cleared':
      return 'sla.condition.resolution-cleared';
    case 'priority-changed':
      return 'sla.condition.priority-changed';
    default:
      return 'sla.condition.other';
  }
}
