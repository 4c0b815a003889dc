import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { CATALOGS } from './catalogs';
import { intlTagFor, langFromLocale } from './locale';
import type { Lang } from './locale';
import { createTranslate } from './translate';
import type { Translate } from './translate';

/** Everything a component needs to render text, dates and durations for the viewer. */
export interface I18nValue {
  readonly lang: Lang;
  /** BCP 47 tag for Intl (e.g. 'ja-JP', 'en-GB'). */
  readonly intlTag: string;
  /** IANA time zone of the viewer (from the Forge context). */
  readonly timeZone: string;
  readonly t: Translate;
}

/** Builds the i18n value for a Forge context's `locale` and `timezone`. */
export function createI18n(locale: string | null | undefined, timeZone: string | null | undefined): I18nValue {
  const lang = langFromLocale(locale);
  return { lang, intlTag: intlTagFor(locale), timeZone: validTimeZone(timeZone), t: createTranslate(CATALOGS[lang]) };
}

/** An unknown or empty zone would make Intl throw on every format call; UTC is the safe fallback. */
function validTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: { locale: string | null | undefined; timeZone: string | null | undefined; children: ReactNode }) {
  const { locale, timeZone, children } = props;
  const value = useMemo(() => createI18n(locale, timeZone), [locale, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The viewer's language, Intl tag, time zone and translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n/useT used outside <I18nProvider> (mount the page with mountApp).');
  return value;
}

/** The translate function for the viewer's language. */
export function useT(): Translate {
  return useI18n().t;
}
