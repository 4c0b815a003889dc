import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config';
import { checklistFor, detectKind, readIntakeState, toggleItem } from '../../../static/issue-panel/src/intake/intake-checklist';
import { en, ja } from '../../../static/shared/i18n';

const kinds = defaultConfig({ year: 2026 }).incidentKinds;

describe('intake checklist', () => {
  it('asks since when, who, scope and what cannot be done; security adds mail, device and logins', () => {
    expect(checklistFor('failure').map((i) => i.id)).toEqual(['since-when', 'who', 'scope', 'cannot-do']);
    expect(checklistFor('inquiry').map((i) => i.id)).toEqual(['since-when', 'who', 'scope', 'cannot-do']);
    expect(checklistFor('security').map((i) => i.id)).toEqual(['since-when', 'who', 'scope', 'cannot-do', 'suspicious-mail', 'device-behaviour', 'login-history']);
  });

  it('every item has a label and a question in both languages', () => {
    for (const item of checklistFor('security')) {
      expect(ja[item.label]).not.toBe(en[item.label]);
      expect(ja[item.hint].length).toBeGreaterThan(5);
      expect(en[item.hint].endsWith('?') || en[item.hint].endsWith('.')).toBe(true);
    }
  });

  it.each([
    [{ labels: [], kindOption: 'セキュリティインシデント / Security incident' }, 'security'],
    [{ labels: [], kindOption: '障害' }, 'failure'],
    [{ labels: [], kindOption: 'inquiry' }, 'inquiry'],
    [{ labels: ['urgent', 'kind-security'], kindOption: null }, 'security'],
    [{ labels: ['kind-unknown'], kindOption: 'Something else' }, null],
    [{ labels: [], kindOption: null }, null],
  ] as const)('detects %j as %s', (issue, kind) => {
    expect(detectKind(issue, kinds)).toBe(kind);
  });

  it('the select wins over a label', () => {
    expect(detectKind({ labels: ['kind-inquiry'], kindOption: 'Failure' }, kinds)).toBe('failure');
  });

  it('reads a stored state leniently and toggles items', () => {
    expect(readIntakeState({ bogus: true })).toEqual({ schemaVersion: 1, kind: null, checked: [] });
    const state = readIntakeState({ schemaVersion: 1, kind: 'security', checked: ['who'] });
    expect(toggleItem(state, 'scope', true).checked).toEqual(['who', 'scope']);
    expect(toggleItem(state, 'who', false).checked).toEqual([]);
    expect(toggleItem(state, 'who', true).checked).toEqual(['who']);
  });
});

describe('similar incidents availability', () => {
  it('a not-implemented answer or a host without that function key reads "not available yet"; other errors do not', async () => {
    const { isNotAvailable } = await import('../../../static/issue-panel/src/intake/not-available');
    const message = { ja: 'x', en: 'x' };
    expect(isNotAvailable({ code: 'not-implemented', message })).toBe(true);
    expect(isNotAvailable({ code: 'TRANSPORT_FAILED', message, detail: "incident/similar: Resolver has no definition for 'incident/similar'." })).toBe(true);
    expect(isNotAvailable({ code: 'TRANSPORT_FAILED', message, detail: 'incident/similar: network down' })).toBe(false);
    expect(isNotAvailable({ code: 'forbidden', message })).toBe(false);
  });
});
