import type { MessageKey } from '../../shared/i18n/catalog-en';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { BackendStatus } from '../../shared/page/backend-status';
import { ContextSummary } from '../../shared/page/context-summary';
import { PageFrame } from '../../shared/page/page-frame';

/** The sidebar sub-pages (manifest `pages` of jira:projectSettingsPage), in order. */
export const SETTINGS_SUB_PAGES = [
  { route: 'matrix', label: 'settings.nav.matrix' },
  { route: 'calendars', label: 'settings.nav.calendars' },
  { route: 'sla-goals', label: 'settings.nav.slaGoals' },
  { route: 'escalation', label: 'settings.nav.escalation' },
  { route: 'setup', label: 'settings.nav.setup' },
  { route: 'import-export', label: 'settings.nav.importExport' },
  { route: 'history', label: 'settings.nav.history' },
] as const satisfies readonly { route: string; label: MessageKey }[];

/** Project settings (jira:projectSettingsPage). Placeholder until the config resolvers exist (issue 6). */
export default function SettingsApp() {
  const { t } = useI18n();
  return (
    <PageFrame heading={t('settings.heading')}>
      <ContextSummary />
      <BackendStatus />
      <nav aria-label={t('settings.heading')}>
        <ul>
          {SETTINGS_SUB_PAGES.map((page) => (
            <li key={page.route}>{t(page.label)}</li>
          ))}
        </ul>
      </nav>
    </PageFrame>
  );
}
