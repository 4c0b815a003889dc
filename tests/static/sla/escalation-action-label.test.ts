import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../static/shared/i18n/catalogs';

const { en, ja } = CATALOGS;
import { escalationActionMessageKey } from '../../../static/shared/sla/escalation-action-label';

describe('escalationActionMessageKey', () => {
  it('names every action the settings offer and the security intake fires, and "other" for an unknown one', () => {
    const types = ['notify', 'notify-managers', 'reassign', 'raise-priority', 'add-label', 'add-comment', 'set-security-level'];
    const keys = types.map(escalationActionMessageKey);
    expect(keys).toEqual(types.map((t) => `escalation.action.${t}`));
    expect(new Set(keys.map((k) => en[k])).size).toBe(types.length);
    expect(escalationActionMessageKey('page-the-moon')).toBe('escalation.action.other');
    expect(escalationActionMessageKey('toString')).toBe('escalation.action.other');
    expect(ja[escalationActionMessageKey('reassign')]).not.toBe(en[escalationActionMessageKey('reassign')]);
  });
});
