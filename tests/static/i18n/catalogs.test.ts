import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGS, createTranslate, en, interpolate, ja, placeholdersOf } from '../../../static/shared/i18n';
import type { MessageKey } from '../../../static/shared/i18n';

const enKeys = Object.keys(en).sort();

describe('message catalogs', () => {
  it('ja has exactly the keys of en', () => {
    expect(Object.keys(ja).sort()).toEqual(enKeys);
  });

  it.each(LANGS)('every %s message has non-empty text', (lang) => {
    const blank = Object.entries(CATALOGS[lang]).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('every ja message uses the same placeholders as en', () => {
    const mismatched = (Object.keys(en) as MessageKey[])
      .filter((key) => placeholdersOf(en[key]).sort().join() !== placeholdersOf(ja[key]).sort().join())
      .map((key) => ({ key, en: en[key], ja: ja[key] }));
    expect(mismatched).toEqual([]);
  });

  it('ja is actually translated: no message identical to en except names', () => {
    const sameAsEnglish = (Object.keys(en) as MessageKey[]).filter((key) => ja[key] === en[key]);
    // Product names, the SLA acronym and "ID" are the same in both languages.
    expect(sameAsEnglish.sort()).toEqual(['common.appName', 'issuePanel.heading', 'settings.id']);
  });
});

describe('interpolate', () => {
  it.each([
    ['Issue {issueKey}', { issueKey: 'INC-7' }, 'Issue INC-7'],
    ['{a} × {b}', { a: 'High', b: 3 }, 'High × 3'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['{missing} stays', {}, '{missing} stays'],
    ['no placeholders', { unused: 1 }, 'no placeholders'],
    ['{n}', { n: 0 }, '0'],
  ] as const)('%s with %j -> %s', (text, params, expected) => {
    expect(interpolate(text, params)).toBe(expected);
  });

  it('does not interpret $ patterns in values', () => {
    expect(interpolate('Cost {x}', { x: "$& $1 $'" })).toBe("Cost $& $1 $'");
  });
});

describe('createTranslate', () => {
  it('translates with typed parameters in both languages', () => {
    expect(createTranslate(en)('common.issue', { issueKey: 'INC-1' })).toBe('Issue INC-1');
    expect(createTranslate(ja)('common.issue', { issueKey: 'INC-1' })).toBe('課題 INC-1');
    expect(createTranslate(ja)('priorityField.value', { priority: 'P1', impact: '高', urgency: '高' })).toBe('P1（高 × 高）');
    expect(createTranslate(en)('sla.band.breached')).toBe('Breached');
  });

  it('rejects wrong parameters at compile time', () => {
    const t = createTranslate(en);
    // @ts-expect-error issueKey is required
    expect(t('common.issue', {})).toBe('Issue {issueKey}');
    // @ts-expect-error a message without placeholders takes no parameters
    expect(t('common.loading', { x: 1 })).toBe('Loading…');
    // @ts-expect-error unknown key
    expect(t('no.such.key')).toBeUndefined();
  });
});
