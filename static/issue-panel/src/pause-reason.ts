import type { PlainMessageKey } from '../../shared/i18n/translate';
import type { Lang } from '../../shared/i18n/locale';
import type { Translate } from '../../shared/i18n/translate';
import type { PauseReason } from './timeline-model';

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

/**
 * Why a clock is paused, in words: "Paused: status “Waiting for customer”" / "一時停止: ステータス「Waiting for customer」".
 *
 * @example pauseReasonText({ on: 'status-entered', value: 'Waiting for customer', eventId: '7' }, t, 'en')
 */
export function pauseReasonText(reason: PauseReason, t: Translate, lang: Lang): string {
  if (reason.on === 'status-entered' && reason.value !== null) return t('sla.pause.status', { status: reason.value });
  const what = t(conditionKey(reason.on));
  const value = reason.value === null ? '' : lang === 'ja' ? `「${reason.value}」` : ` “${reason.value}”`;
  return t('sla.pause.other', { reason: `${what}${value}` });
}
