import { StrictMode } from 'react';
import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app-shell';

/** Renders a page component inside the shell into `root`. */
export function mountApp(root: HTMLElement, App: ComponentType): void {
  createRoot(root).render(
    <StrictMode>
      <AppShell>
        <App />
      </AppShell>
    </StrictMode>,
  );
}
