import { describe, expect, it } from 'vitest';
import { intlTagFor, langFromLocale, pickText } from '../../../static/shared/i18n';

describe('langFromLocale', () => {
  it.each([
    ['ja-JP', 'ja'],
    ['ja_JP', 'ja'],
    ['JA-jp', 'ja'],
    ['ja', 'ja'],
    [' ja-JP ', 'ja'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['jv-ID', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ] as const)('%j -> %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});

describe('intlTagFor', () => {
  it.each([
    ['ja-JP', 'ja-JP'],
    ['ja_JP', 'ja-JP'],
    ['en-GB', 'en-GB'],
    ['en_US', 'en-US'],
    ['en-us', 'en-US'],
    ['en', 'en'],
    ['fr-FR', 'en-US'],
    ['zh-CN', 'en-US'],
    [undefined, 'en-US'],
  ] as const)('%j -> %s', (locale, tag) => {
    expect(intlTagFor(locale)).toBe(tag);
  });
});

describe('pickText', () => {
  it('picks the language', () => {
    expect(pickText({ ja: '違反', en: 'Breached' }, 'ja')).toBe('違反');
    expect(pickText({ ja: '違反', en: 'Breached' }, 'en')).toBe('Breached');
  });
});
