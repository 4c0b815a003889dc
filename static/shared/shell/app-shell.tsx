import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { loadForgeContext } from '../bridge/forge-context';
import type { ForgeContext } from '../bridge/forge-context';
import { I18nProvider, useI18n } from '../i18n/i18n-provider';
import { langFromLocale } from '../i18n/locale';
import { bilingual, browserLang } from './bilingual';
import { ErrorBoundary } from './error-boundary';
import { ForgeContextProvider } from './forge-context-provider';
import { PlainNotice } from './notice';
import { Loading } from './states';
import { applyTheme } from './theme';

type ShellState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly context: ForgeContext } | { readonly status: 'failed'; readonly detail: string };

function LocalizedBoundary(props: { children: ReactNode }) {
  const { lang } = useI18n();
  return <ErrorBoundary lang={lang}>{props.children}</ErrorBoundary>;
}

/**
 * Every page's frame: loads the Forge context, turns on theming, then provides the context, the
 * user's language and time zone, and an error boundary to the page.
 */
export function AppShell(props: { children: ReactNode }) {
  const [state, setState] = useState<ShellState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadForgeContext().then(
      (context) => {
        // Theming must not hold the page back; tokens fall back to light colours until it lands.
        applyTheme(context).catch((error: unknown) => console.warn('Incident Desk: theming failed', error));
        // Screen readers pick the voice from <html lang>.
        document.documentElement.lang = langFromLocale(context.locale);
        if (live) setState({ status: 'ready', context });
      },
      (error: unknown) => {
        if (live) setState({ status: 'failed', detail: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  switch (state.status) {
    case 'loading':
      return <Loading label={bilingual('loading', browserLang())} />;
    case 'failed': {
      const lang = browserLang();
      const retry = () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      };
      return (
        <PlainNotice title={bilingual('contextFailed', lang)} retryLabel={bilingual('retry', lang)} onRetry={retry}>
          <code>{state.detail}</code>
        </PlainNotice>
      );
    }
    case 'ready':
      return (
        <ForgeContextProvider value={state.context}>
          <I18nProvider locale={state.context.locale} timeZone={state.context.timezone}>
            <LocalizedBoundary>{props.children}</LocalizedBoundary>
          </I18nProvider>
        </ForgeContextProvider>
      );
  }
}
