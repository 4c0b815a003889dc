/**
 * Build-time replacement for `@forge/i18n` (aliased in static/vite.shared.ts). Of that package,
 * the bridge APIs the pages use need only `ensureLocale` (view.getContext normalises the locale);
 * the package root also loads the translator and lodash. Same file, same behaviour.
 */
export { ensureLocale } from '../../../node_modules/@forge/i18n/out/ensureLocale.js';
