import { view } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import type { PlainMessageKey } from '../../shared/i18n/translate';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { PageFrame } from '../../shared/page/page-frame';
import { useForgeContext } from '../../shared/shell/forge-context-provider';
import { ErrorMessage, PageLoading } from '../../shared/shell/states';
import { ConfigDraftProvider, useConfigDraft } from './config-draft';
import { InvalidConfig } from './invalid-config';

/** The sidebar sub-pages (manifest `pages` of jira:projectSettingsPage), in order. */
export const SETTINGS_SUB_PAGES = [
  { route: 'matrix', label: 'settings.nav.matrix', page: lazy(() => import('./pages/matrix-page')), editsConfig: true },
  { route: 'calendars', label: 'settings.nav.calendars', page: lazy(() => import('./pages/calendars-page')), editsConfig: true },
  { route: 'sla-goals', label: 'settings.nav.slaGoals', page: lazy(() => import('./pages/sla-goals-page')), editsConfig: true },
  { route: 'escalation', label: 'settings.nav.escalation', page: lazy(() => import('./pages/escalation-page')), editsConfig: true },
  { route: 'setup', label: 'settings.nav.setup', page: lazy(() => import('./pages/setup-page')), editsConfig: false },
  { route: 'import-export', label: 'settings.nav.importExport', page: lazy(() => import('./pages/import-export-page')), editsConfig: false },
  { route: 'history', label: 'settings.nav.history', page: lazy(() => import('./pages/history-page')), editsConfig: false },
] as const satisfies readonly { route: string; label: PlainMessageKey; page: ComponentType; editsConfig: boolean }[];

type SubPage = (typeof SETTINGS_SUB_PAGES)[number];

/** The sub-page for a route or history path ('matrix', '/calendars'); the first page by default. */
export function subPageFor(location: unknown): SubPage {
  const route = typeof location === 'string' ? location.replace(/^\/+|\/+$/g, '').split('/')[0] : undefined;
  return SETTINGS_SUB_PAGES.find((p) => p.route === route) ?? SETTINGS_SUB_PAGES[0];
}

/** Follows Jira's sidebar: the initial location from the context, then the app's history. */
function useSubPage(): SubPage {
  const context = useForgeContext();
  const [page, setPage] = useState<SubPage>(() => subPageFor(context.extension['location']));
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let live = true;
    view.createHistory().then(
      (history) => {
        if (!live) return;
        if (history.location.pathname !== '/' && history.location.pathname !== '') setPage(subPageFor(history.location.pathname));
        // history v4 calls back with (location, action), v5 with ({ action, location }).
        unlisten = history.listen((update: unknown) => {
          const u = (update ?? {}) as { location?: { pathname?: unknown }; pathname?: unknown };
          setPage(subPageFor(u.location?.pathname ?? u.pathname));
        });
      },
      () => undefined,
    );
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);
  return page;
}

function Body(props: { page: SubPage }) {
  const draft = useConfigDraft();
  const Page = props.page.page;
  if (props.page.editsConfig) {
    if (draft.status === 'loading') return <PageLoading />;
    if (draft.status === 'error' && draft.loadError !== null) return <ErrorMessage error={draft.loadError} onRetry={draft.discard} />;
    if (draft.draft === null) return <InvalidConfig />;
  }
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

/** Project settings (jira:projectSettingsPage): one sub-page per sidebar entry. */
export default function SettingsApp() {
  const { t } = useI18n();
  const page = useSubPage();
  return (
    <PageFrame heading={`${t('settings.heading')} · ${t(page.label)}`}>
      <div data-testid={`settings-page-${page.route}`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
        <ConfigDraftProvider>
          <Body page={page} />
        </ConfigDraftProvider>
      </div>
    </PageFrame>
  );
}
