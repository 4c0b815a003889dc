import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider, createI18n, useI18n, useT } from '../../../static/shared/i18n';

function Probe() {
  const t = useT();
  const { lang, intlTag, timeZone } = useI18n();
  return <p>{`${t('common.project', { projectKey: 'INC' })}|${lang}|${intlTag}|${timeZone}`}</p>;
}

describe('I18nProvider + useT', () => {
  it.each([
    ['ja-JP', 'Asia/Tokyo', '<p>プロジェクト INC|ja|ja-JP|Asia/Tokyo</p>'],
    ['en-GB', 'Europe/London', '<p>Project INC|en|en-GB|Europe/London</p>'],
    ['de-DE', 'Europe/Berlin', '<p>Project INC|en|en-US|Europe/Berlin</p>'],
    ['ja_JP', 'Not/AZone', '<p>プロジェクト INC|ja|ja-JP|UTC</p>'],
    ['en-US', '', '<p>Project INC|en|en-US|UTC</p>'],
  ])('%s / %j renders %s', (locale, timeZone, html) => {
    expect(
      renderToStaticMarkup(
        <I18nProvider locale={locale} timeZone={timeZone}>
          <Probe />
        </I18nProvider>,
      ),
    ).toBe(html);
  });

  it('fails loudly outside the provider', () => {
    expect(() => renderToStaticMarkup(<Probe />)).toThrow(/outside <I18nProvider>/);
  });

  it('createI18n falls back to UTC for a missing zone', () => {
    expect(createI18n('ja-JP', undefined).timeZone).toBe('UTC');
  });
});
