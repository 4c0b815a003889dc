import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Resolver from '@forge/resolver';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { startEmulatorServer, type EmulatorServer } from '../../../emulator/runtime/host/server';
import { bridgeShimSource, encodeFrameToken, shimConfig } from '../../../emulator/runtime/host/frames';
import type { UiContextInput } from '../../../emulator/runtime/ui-context';
import { parseRuntimeManifest } from '../../../emulator/runtime/manifest';
import { emittingSite, startRuntime } from './support/runtime';

let runtime: ForgeRuntime;
let server: EmulatorServer;
let sweeps = 0;
const site = emittingSite();

beforeAll(async () => {
  const resolver = new Resolver();
  resolver.define('app/ping', () => ({ ok: true }));
  resolver.define('whoami', (req) => ({ accountId: req.context.accountId as unknown, issueKey: (req.context.extension as { issue?: { key: string } }).issue?.key ?? null }));
  resolver.define('fail', () => {
    throw new RangeError('bad input');
  });
  runtime = await startRuntime({
    site: site.site,
    handlers: {
      resolver: resolver.getDefinitions(),
      escalationSweep: () => {
        sweeps++;
        return Promise.resolve({ statusCode: 200 });
      },
      onIssueEvent: () => Promise.resolve(),
    },
  });
  server = await startEmulatorServer(runtime, { port: 0 });
});

afterAll(async () => {
  await server.close();
  runtime.dispose();
});

const post = async (path: string, body?: unknown) => {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('control API over HTTP', () => {
  it('moves the clock by minutes and to an instant, firing the five-minute sweep on the way', async () => {
    const before = sweeps;
    const advanced = await post('/__emulator/clock', { advanceMinutes: 12 });
    expect(advanced).toMatchObject({ status: 200, body: { now: '2026-03-02T00:12:00.000Z' } });
    expect(sweeps - before).toBe(2);
    const set = await post('/__emulator/clock', { now: '2026-03-02T01:00:00.000Z' });
    expect(set.body.now).toBe('2026-03-02T01:00:00.000Z');
    expect(sweeps - before).toBe(12);
  });

  it('invokes a resolver with a context, and reports its error with status 500', async () => {
    const ok = await post('/__emulator/invoke', { functionKey: 'whoami', context: { moduleKey: 'sla-panel', accountId: 'user-agent', issue: { id: '1', key: 'INC-7' } } });
    expect(ok).toEqual({ status: 200, body: { result: { accountId: 'user-agent', issueKey: 'INC-7' } } });
    const bad = await post('/__emulator/invoke', { functionKey: 'fail', context: { moduleKey: 'sla-panel' } });
    expect(bad).toEqual({ status: 500, body: { error: { name: 'RangeError', message: 'bad input' } } });
  });

  it('refuses a malformed control body with 400 and the reason', async () => {
    const res = await post('/__emulator/clock', { advanceMinutes: -5 });
    expect(res.status).toBe(400);
  });

  it('adds, lists and clears faults', async () => {
    const added = await post('/__emulator/faults', { path: '/rest/api/3/search/**', effect: { kind: 'rateLimit', retryAfterSeconds: 3 }, times: 2 });
    expect(added.body.faults).toMatchObject([{ path: '/rest/api/3/search/**', remaining: 2, effect: { kind: 'rateLimit', retryAfterSeconds: 3 } }]);
    const rest = await fetch(`${server.url}/rest/api/3/search/jql`, { method: 'POST', body: '{"jql":""}' });
    expect(rest.status).toBe(429);
    expect(rest.headers.get('retry-after')).toBe('3');
    const cleared = await fetch(`${server.url}/__emulator/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ faults: [] });
  });

  it('shows emitted events and deliveries, switches delivery, runs the sweep on demand, resets', async () => {
    await post('/__emulator/events/delivery', { duplicate: true });
    site.emit({ eventType: 'avi:jira:created:issue', issue: { id: '1', key: 'INC-1' }, atlassianId: 'user-agent' });
    await post('/__emulator/events/flush');
    const events = (await (await fetch(`${server.url}/__emulator/events`)).json()) as { emitted: unknown[]; deliveries: { functionKey: string; copy: number }[] };
    expect(events.emitted).toHaveLength(1);
    expect(events.deliveries.filter((d) => d.functionKey === 'on-issue-event').map((d) => d.copy)).toEqual([1, 2]);
    const tick = await post('/__emulator/tick', {});
    expect(tick.body.deliveries).toMatchObject([{ functionKey: 'escalation-sweep', outcome: 'ok' }]);
    const reset = await post('/__emulator/reset');
    expect(reset.body).toMatchObject({ pendingEvents: 0, faults: [], delivery: { duplicate: false } });
    const after = (await (await fetch(`${server.url}/__emulator/events`)).json()) as { emitted: unknown[] };
    expect(after.emitted).toEqual([]);
  });
});

describe('Custom UI frames and the bridge', () => {
  const frame: UiContextInput = { moduleKey: 'sla-panel', accountId: 'user-agent', locale: 'ja-JP', project: { id: '10000', key: 'INC' }, issue: { id: '10001', key: 'INC-1' } };

  it('serves a frame page whose first <head> child is the bridge shim, with the frame context inlined', async () => {
    const token = encodeFrameToken(frame);
    const res = await fetch(`${server.url}/static/issue-panel/index.html?frame=${token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<head[^>]*><script data-forge-emulator-bridge>/);
    expect(html.indexOf('data-forge-emulator-bridge')).toBeLessThan(html.indexOf('<script', html.indexOf('data-forge-emulator-bridge') + 10));
    expect(html).toContain(token);
  });

  it('the real @forge/bridge, loaded after the shim, reaches getContext and the real resolver over HTTP', async () => {
    const token = encodeFrameToken(frame);
    // The same source the server inlines into every frame, run here against a window that fetches over HTTP.
    const install = runInThisContext(`(function () { ${bridgeShimSource()}\nreturn installForgeBridgeShim; })()`) as (win: unknown, config: unknown) => { callBridge: unknown };
    const fakeWindow = {
      fetch: (url: string, init: RequestInit) => fetch(new URL(url, server.url), init),
      addEventListener: () => undefined,
      location: { href: `${server.url}/static/issue-panel/index.html` },
      URL,
    };
    (globalThis as { __bridge?: unknown }).__bridge = install(fakeWindow, shimConfig(token, frame));
    const bridge = await import('@forge/bridge');
    const context = await bridge.view.getContext();
    expect(context).toMatchObject({ moduleKey: 'sla-panel', accountId: 'user-agent', locale: 'ja-JP', extension: { type: 'jira:issuePanel', issue: { key: 'INC-1' } } });
    await expect(bridge.invoke('whoami')).resolves.toEqual({ accountId: 'user-agent', issueKey: 'INC-1' });
    await expect(bridge.invoke('fail')).rejects.toThrow('bad input');
    const url = await bridge.router.getUrl({ target: 'issue', issueKey: 'INC-9' });
    expect(url?.pathname).toBe('/browse/INC-9');
  });
});

describe('frames without a Vite build', () => {
  it('serves a placeholder that shows the frame context through the bridge', async () => {
    const rt2Manifest = parseRuntimeManifest(`
modules:
  jira:issuePanel:
    - { key: later-panel, resource: later, resolver: { function: resolver }, title: Later }
resources:
  - { key: later, path: static/not-built-yet/build }
`);
    runtime.dispose();
    const other = await startRuntime({ site: site.site, manifest: rt2Manifest });
    const srv = await startEmulatorServer(other, { port: 0 });
    try {
      const token = encodeFrameToken({ moduleKey: 'later-panel', accountId: 'user-agent', issue: { id: '1', key: 'INC-5' } });
      const html = await (await fetch(`${srv.url}/static/later/index.html?frame=${token}`)).text();
      expect(html).toMatch(/<head[^>]*><script data-forge-emulator-bridge>/);
      expect(html).toContain('data-testid="placeholder"');
      expect(html).toContain("callBridge('getContext')");
      expect(html).toContain('static/not-built-yet/build');
    } finally {
      await srv.close();
      other.dispose();
    }
  });
});
