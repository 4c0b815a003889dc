import { register } from 'node:module';

/**
 * Import this first in any Node entry point (not vitest: it already interops) that loads src/index.ts,
 * so CommonJS @forge packages get Forge-bundler default-import semantics (see interop-hooks.mjs).
 * Only modules loaded after this runs are affected; the app is loaded lazily by the runtime.
 */
register('./interop-hooks.mjs', import.meta.url);
