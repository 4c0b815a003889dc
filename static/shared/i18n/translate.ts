import type { Catalog, MessageKey, en } from './catalog-en';

/** `{name}` placeholders of a message literal, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type ParamValue = string | number;

/** The arguments after the key: none for a message without placeholders, else every placeholder. */
export type MessageArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Readonly<Record<Placeholders<(typeof en)[K]>, ParamValue>>];

/** A bound translate function: `t('common.issue', { issueKey: 'INC-1' })`. */
export type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Names of the placeholders in a message text, in order of appearance (duplicates kept once). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Replaces `{name}` with params[name]. A placeholder without a value stays visible as `{name}`,
 * so a missing parameter shows up in review instead of silently printing nothing.
 *
 * @example interpolate('Issue {issueKey}', { issueKey: 'INC-7' }) // 'Issue INC-7'
 */
export function interpolate(text: string, params: Readonly<Record<string, ParamValue>> | undefined): string {
  if (params === undefined) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Binds a catalog into a `Translate` function. */
export function createTranslate(catalog: Catalog): Translate {
  return (key, ...args) => interpolate(catalog[key], args[0]);
}

/** Keys whose message has no placeholders: what a function may return for `t(key)` without parameters. */
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never }[MessageKey];
