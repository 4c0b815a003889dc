import type { PlainMessageKey } from '../../shared/i18n/translate';

/** The sidebar sub-pages (manifest `pages` of jira:projectSettingsPage), in order. */
export const SETTINGS_ROUTES = [
  { route: 'matrix', label: 'settings.nav.matrix', editsConfig: true },
  { route: 'calendars', label: 'settings.nav.calendars', editsConfig: true },
  { route: 'sla-goals', label: 'settings.nav.slaGoals', editsConfig: true },
  { route: 'escalation', label: 'settings.nav.escalation', editsConfig: true },
  { route: 'problems', label: 'settings.nav.problems', editsConfig: true },
  { route: 'setup', label: 'settings.nav.setup', editsConfig: false },
  { route: 'import-export', label: 'settings.nav.importExport', editsConfig: false },
  { route: 'history', label: 'settings.nav.history', editsConfig: false },
] as const satisfies readonly { route: string; label: PlainMessageKey; editsConfig: boolean }[];

export type SettingsRoute = (typeof SETTINGS_ROUTES)[number];

/**
 * The sub-page for a Jira route or history path ('matrix', '/calendars'); the first page by default.
 *
 * @example subPageFor('/history').route // 'history'
 */
export function subPageFor(location: unknown): SettingsRoute {
  const route = typeof location === 'string' ? location.replace(/^\/+|\/+$/g, '').split('/')[0] : undefined;
  return SETTINGS_ROUTES.find((p) => p.route === route) ?? SETTINGS_ROUTES[0];
}
