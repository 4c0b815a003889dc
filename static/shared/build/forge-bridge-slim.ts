/**
 * Build-time replacement for `import ... from '@forge/bridge'` (aliased in static/vite.shared.ts).
 *
 * The package's root entry is CommonJS and re-exports every bridge API (permissions with an
 * egress URL parser, i18n with lodash, realtime, rovo, object store...), which no bundler can drop,
 * and its `exports` map hides the sub-modules. This entry re-exports only the APIs the pages use,
 * from the package's own files, so the code and the `__bridge` capture are exactly the same.
 * Using an API not listed here fails the build with MISSING_EXPORT: add it below.
 */
export { invoke } from '../../../node_modules/@forge/bridge/out/invoke/index.js';
export { view } from '../../../node_modules/@forge/bridge/out/view/index.js';
export { events } from '../../../node_modules/@forge/bridge/out/events/index.js';
export { router } from '../../../node_modules/@forge/bridge/out/router/index.js';
export { showFlag } from '../../../node_modules/@forge/bridge/out/flag/index.js';
export { requestJira } from '../../../node_modules/@forge/bridge/out/fetch/index.js';
