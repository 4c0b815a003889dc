/** The UI languages. Anything that is not Japanese falls back to English. */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Text the backend sends in both languages (resolver errors, config descriptions). */
export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

/**
 * The UI language for a Forge context locale. Jira sends BCP 47 tags ('ja-JP'), older APIs use
 * underscores ('ja_JP'); only the primary subtag matters.
 *
 * @example langFromLocale('ja-JP') // 'ja'; langFromLocale('en-GB') // 'en'; langFromLocale('de-DE') // 'en'
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ja' ? 'ja' : 'en';
}

/**
 * The BCP 47 tag handed to Intl for dates and numbers. English keeps the user's region (en-GB
 * writes "14 Mar 2026"); any other non-Japanese locale gets en-US, so the dates match the text.
 *
 * @example intlTagFor('en-GB') // 'en-GB'; intlTagFor('ja_JP') // 'ja-JP'; intlTagFor('fr-FR') // 'en-US'
 */
export function intlTagFor(locale: string | null | undefined): string {
  const lang = langFromLocale(locale);
  if (lang === 'ja') return 'ja-JP';
  const tag = (locale ?? '').trim().replace('_', '-');
  if (/^en(-[A-Za-z]{2})?$/i.test(tag)) {
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
    } catch {
      return 'en-US';
    }
  }
  return 'en-US';
}

/** Picks one language of a bilingual text. */
export function pickText(text: LocalizedText, lang: Lang): string {
  return text[lang];
}
