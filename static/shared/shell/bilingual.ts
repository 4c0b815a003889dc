import type { Lang } from '../i18n/locale';

/**
 * Texts shown before the Forge context (and so the user's language) is known, or when it cannot
 * be loaded: both languages, the browser's language first.
 */
export const BOOT_TEXT = {
  loading: { ja: '読み込み中…', en: 'Loading…' },
  noBridge: {
    ja: 'このページは Jira の中で開いてください（Forge ブリッジが見つかりません）。',
    en: 'Open this page inside Jira (the Forge bridge is not available).',
  },
  loadFailed: {
    ja: 'ページを読み込めませんでした。再読み込みしてください。',
    en: 'The page could not be loaded. Please reload.',
  },
  contextFailed: {
    ja: 'Jira からページの情報を取得できませんでした。',
    en: 'Could not get the page context from Jira.',
  },
  crashed: {
    ja: '表示中に問題が発生しました。もう一度お試しください。',
    en: 'Something went wrong while showing this page. Please try again.',
  },
  retry: { ja: '再試行', en: 'Try again' },
} as const satisfies Record<string, Record<Lang, string>>;

export type BootTextKey = keyof typeof BOOT_TEXT;

/** Both languages, the preferred one first: "読み込み中… / Loading…". */
export function bilingual(key: BootTextKey, preferred: Lang): string {
  const text = BOOT_TEXT[key];
  return preferred === 'ja' ? `${text.ja} / ${text.en}` : `${text.en} / ${text.ja}`;
}

/** A guess at the language before the Forge context arrives. */
export function browserLang(): Lang {
  const nav = (globalThis as { navigator?: { language?: string } }).navigator;
  return (nav?.language ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
