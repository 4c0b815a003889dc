export { AppShell } from './app-shell';
export { BOOT_TEXT, bilingual, browserLang } from './bilingual';
export { CrashFallback, ErrorBoundary, crashMessage } from './error-boundary';
export { ForgeContextProvider, useForgeContext } from './forge-context-provider';
export { Empty, ErrorMessage, Loading, PageLoading } from './states';
export { errorLines } from './error-lines';
export { hasForgeBridge } from './boot-check';
export { PlainNotice } from './notice';
export { applyTheme } from './theme';
