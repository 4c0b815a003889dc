import { fileURLToPath } from 'node:url';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';
import type { PageName } from './pages';

const staticDir = path.dirname(fileURLToPath(import.meta.url));

/** Absolute directory of one Custom UI app (static/<page>). */
export function pageRoot(page: PageName): string {
  return path.join(staticDir, page);
}

/** Absolute output directory of one Custom UI app (static/<page>/build, the manifest resource path). */
export function pageOutDir(page: PageName): string {
  return path.join(pageRoot(page), 'build');
}

/**
 * The Vite config of one Custom UI page. Forge serves each resource from its own CDN path and the
 * local emulator serves it under /static/<page>/, so every asset URL must be relative (`base: './'`).
 */
export function createPageConfig(page: PageName): InlineConfig {
  return {
    configFile: false,
    root: pageRoot(page),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: [
        // Statsig is never initialised in a Forge iframe; see the stub for why this is safe.
        { find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: path.join(staticDir, 'shared/build/feature-gates-stub.ts') },
        // Only the bridge APIs the pages use; see the file for why.
        { find: /^@forge\/bridge$/, replacement: path.join(staticDir, 'shared/build/forge-bridge-slim.ts') },
        { find: /^@forge\/i18n$/, replacement: path.join(staticDir, 'shared/build/forge-i18n-slim.ts') },
      ],
    },
    // Several @atlaskit packages read process.env.NODE_ENV at runtime.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: pageOutDir(page),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      // Forge's CSP allows inline styles only with unsafe-inline; keep scripts as files.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 800,
    },
    server: { fs: { allow: [path.dirname(staticDir)] } },
  };
}
