import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, type RuntimeManifest } from '../manifest';
import { UiContextInputSchema, type UiContextInput } from '../ui-context';

/**
 * A Custom UI frame is addressed as `/static/<resourceKey>/index.html?frame=<token>`, where the token
 * carries the frame's context input (module, acting user, locale, project, issue, route). The token is
 * not signed: this is a local test site, and tests may forge one on purpose.
 */
export function encodeFrameToken(input: UiContextInput): string {
  return Buffer.from(JSON.stringify(input), 'utf8').toString('base64url');
}

export function decodeFrameToken(token: string): UiContextInput {
  const raw: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  return UiContextInputSchema.parse(raw);
}

export function frameUrl(resourceKey: string, input: UiContextInput): string {
  return `/static/${encodeURIComponent(resourceKey)}/index.html?frame=${encodeFrameToken(input)}`;
}

const SHIM_SOURCE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'bridge-shim.js'), 'utf8');

/** The shim's source (a function declaration `installForgeBridgeShim(win, config)`), for Node tests. */
export function bridgeShimSource(): string {
  return SHIM_SOURCE;
}

export interface ShimConfig {
  endpoint: string;
  frame: string;
  frameId: string;
  route?: string;
  closable?: boolean;
  urls: { issue: string; projectSettings: string; module: string };
}

export function shimConfig(token: string, input: UiContextInput): ShimConfig {
  return {
    endpoint: '/__emulator/bridge',
    frame: token,
    frameId: `${input.moduleKey ?? 'frame'}-${token.slice(-8)}`,
    ...(input.route !== undefined ? { route: input.route } : {}),
    urls: {
      issue: '/browse/{issueKey}',
      projectSettings: '/projects/{projectKey}/settings/apps/incident-desk',
      module: '/apps/incident-desk/{moduleKey}',
    },
  };
}

/** `<script>` that must be the first child of <head>: @forge/bridge captures __bridge when it loads. */
export function shimScriptTag(config: ShimConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script data-forge-emulator-bridge>${SHIM_SOURCE}\ninstallForgeBridgeShim(window, ${json});</script>`;
}

export function injectShim(html: string, config: ShimConfig): string {
  const tag = shimScriptTag(config);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return `<!doctype html><html><head>${tag}</head><body>${html}</body></html>`;
}

/** Directory a manifest resource is served from, if it exists on disk. */
export function resourceDir(manifest: RuntimeManifest, resourceKey: string): string | undefined {
  const rel = manifest.resources.get(resourceKey);
  if (rel === undefined) return undefined;
  return path.join(REPO_ROOT, rel);
}

export function isBuilt(manifest: RuntimeManifest, resourceKey: string): boolean {
  const dir = resourceDir(manifest, resourceKey);
  return dir !== undefined && existsSync(path.join(dir, 'index.html'));
}

/** Resolve a URL path inside a resource directory, refusing `..` escapes. */
export function fileInResource(dir: string, relative: string): string | undefined {
  const full = path.resolve(dir, `.${path.posix.normalize(`/${relative}`)}`);
  if (!full.startsWith(path.resolve(dir) + path.sep) && full !== path.resolve(dir)) return undefined;
  if (!existsSync(full) || !statSync(full).isFile()) return undefined;
  return full;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Shown in a frame whose Vite build does not exist yet. It talks to the real resolver path through the
 * same bridge the built app would use, so the host wiring is proven before any UI lands.
 */
export function placeholderPage(resourceKey: string, manifestPath: string | undefined): string {
  const where = manifestPath ?? `static/${resourceKey}/build`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(resourceKey)} (not built)</title>
<style>body{font:14px system-ui,sans-serif;margin:12px;color:#172b4d}code{background:#f4f5f7;padding:1px 4px;border-radius:3px}
.muted{color:#6b778c}</style></head>
<body>
<div data-testid="placeholder" data-resource="${esc(resourceKey)}">
<strong>${esc(resourceKey)}</strong> <span class="muted">— Custom UI build not found at <code>${esc(where)}</code>. Run <code>npm run demo</code> (it builds what exists).</span>
<dl>
<dt>Module</dt><dd data-testid="ctx-module">…</dd>
<dt>Issue</dt><dd data-testid="ctx-issue">…</dd>
<dt>Project</dt><dd data-testid="ctx-project">…</dd>
<dt>User</dt><dd data-testid="ctx-user">…</dd>
<dt>Locale</dt><dd data-testid="ctx-locale">…</dd>
<dt>Resolver <code>app/ping</code></dt><dd data-testid="ping">…</dd>
</dl></div>
<script>
(function () {
  var set = function (id, v) { document.querySelector('[data-testid="' + id + '"]').textContent = v; };
  window.__bridge.callBridge('getContext').then(function (ctx) {
    var ext = ctx.extension || {};
    set('ctx-module', ctx.moduleKey + ' (' + ext.type + ')');
    set('ctx-issue', ext.issue ? ext.issue.key : '—');
    set('ctx-project', ext.project ? ext.project.key : '—');
    set('ctx-user', ctx.accountId || 'anonymous');
    set('ctx-locale', ctx.locale);
    document.body.setAttribute('data-issue-key', ext.issue ? ext.issue.key : '');
  }, function (e) { set('ctx-module', 'getContext failed: ' + e.message); });
  window.__bridge.callBridge('invoke', { functionKey: 'app/ping', payload: {} }).then(
    function (r) { set('ping', JSON.stringify(r)); },
    function (e) { set('ping', e.name + ': ' + e.message); });
})();
</script>
</body></html>`;
}
