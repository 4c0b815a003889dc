import { view } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { useI18n } from '../../shared/i18n/i18n-provider';
import { PageFrame } from '../../shared/page/page-frame';
import { useForgeContext } from '../../shared/shell/forge-context-provider';
import { ErrorMessage, PageLoading } from '../../shared/shell/states';
import { ConfigDraftProvider, useConfigDraft } from './config-draft';
import { InvalidConfig } from './invalid-config';
import { subPageFor, type SettingsRoute } from './routes';

const PAGE_COMPONENTS: Readonly<Record<SettingsRoute['route'], ComponentType>> = {
  matrix: lazy(() => import('./pages/matrix-page')),
  calendars: lazy(() => import('./pages/calendars-page')),
  'sla-goals': lazy(() => import('./pages/sla-goals-page')),
  escalation: lazy(() => import('./pages/escalation-page')),
  problems: lazy(() => import('./pages/problems-page')),
  setup: lazy(() => import('./pages/setup-page')),
  'import-export': lazy(() => import('./pages/import-export-page')),
  history: lazy(() => import('./pages/history-page')),
};

type SubPage = SettingsRoute;

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
  const Page = PAGE_COMPONENTS[props.page.route];
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
