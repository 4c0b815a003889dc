import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import type { ForgeContext } from '../bridge/forge-context';

/**
 * Dark mode. In Jira, `view.theme.enable()` makes the host theme the iframe; `setGlobalTheme`
 * additionally loads the token CSS ourselves, so hosts that do not theme the frame (the local
 * site, older hosts) get the same colours. Both use the same theme names, so they agree.
 */
export async function applyTheme(context: ForgeContext): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // A host without theming support still gets tokens from setGlobalTheme below.
  }
  await setGlobalTheme({ colorMode: context.theme?.colorMode ?? 'auto' });
}
