import { conditionKey } from '../../shared/sla/condition-label';
import type { Lang } from '../../shared/i18n/locale';
import type { Translate } from '../../shared/i18n/translate';
import type { PauseReason } from './timeline-model';

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
