import '@atlaskit/css-reset';
import type { ComponentType } from 'react';
import { bilingual, browserLang } from './bilingual';
import type { BootTextKey } from './bilingual';
import { hasForgeBridge } from './boot-check';

function showPlainMessage(root: HTMLElement, key: BootTextKey, detail?: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = bilingual(key, browserLang());
  root.replaceChildren(p);
  if (detail !== undefined) {
    const code = document.createElement('pre');
    code.textContent = detail;
    root.append(code);
  }
}

/**
 * The entry of every page. @forge/bridge throws while loading when no host bridge exists, which
 * would leave a blank frame; so the bridge is checked first and the page (and everything that
 * imports @forge/bridge) is loaded only then.
 *
 * @example bootPage(() => import('./app')) // in static/<page>/src/main.ts
 */
export function bootPage(loadApp: () => Promise<{ default: ComponentType }>): void {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  if (!hasForgeBridge()) {
    showPlainMessage(root, 'noBridge');
    return;
  }
  Promise.all([import('./mount'), loadApp()]).then(
    ([{ mountApp }, page]) => mountApp(root, page.default),
    (error: unknown) => showPlainMessage(root, 'loadFailed', error instanceof Error ? error.message : String(error)),
  );
}
