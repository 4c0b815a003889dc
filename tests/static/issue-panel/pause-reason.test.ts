import { describe, expect, it } from 'vitest';
import { pauseReasonText } from '../../../static/issue-panel/src/pause-reason';
import { createTranslate, en, ja } from '../../../static/shared/i18n';

const tEn = createTranslate(en);
const tJa = createTranslate(ja);

describe('why a clock is paused', () => {
  it('names the status it waits in, in each language', () => {
    const reason = { on: 'status-entered', value: 'Waiting for customer', eventId: '10042' };
    expect(pauseReasonText(reason, tEn, 'en')).toBe('Paused: status “Waiting for customer”');
    expect(pauseReasonText(reason, tJa, 'ja')).toBe('一時停止: ステータス「Waiting for customer」');
  });

  it('names any other condition, with its value when there is one', () => {
    expect(pauseReasonText({ on: 'assignee-changed', value: 'user-agent2', eventId: '7' }, tEn, 'en')).toBe('Paused: assignee changed “user-agent2”');
    expect(pauseReasonText({ on: 'assignee-changed', value: 'user-agent2', eventId: '7' }, tJa, 'ja')).toBe('一時停止: 担当者の変更「user-agent2」');
    expect(pauseReasonText({ on: 'resolution-cleared', value: null, eventId: '8' }, tEn, 'en')).toBe('Paused: resolution cleared');
    expect(pauseReasonText({ on: 'something-new', value: null, eventId: '9' }, tEn, 'en')).toBe('Paused: other condition');
  });
});
