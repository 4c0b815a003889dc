import { afterEach, describe, expect, it } from 'vitest';
import Resolver from '@forge/resolver';
import { getAppContext } from '@forge/api';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { emptySite, startRuntime } from './support/runtime';

let runtime: ForgeRuntime | undefined;
afterEach(() => runtime?.dispose());

const issuePanel = {
  moduleKey: 'sla-panel',
  accountId: 'user-agent',
  locale: 'ja-JP',
  project: { id: '10000', key: 'INC' },
  issue: { id: '10001', key: 'INC-1', type: 'Incident' },
};

describe('resolver invocation through the real @forge/resolver', () => {
  it('calls the app resolver exported from src/index.ts (manifest: sla-panel -> function resolver)', async () => {
    runtime = await startRuntime({ site: emptySite });
    await expect(runtime.invoke({ functionKey: 'app/ping', context: issuePanel })).resolves.toEqual({ ok: true, data: { app: 'incident-desk' } });
  });

  it('passes what the resolver throws to the caller', async () => {
    runtime = await startRuntime({ site: emptySite });
    await expect(runtime.invoke({ functionKey: 'no/such-function', context: issuePanel })).rejects.toThrow(/no definition for 'no\/such-function'/);
  });

  it('gives the resolver the Forge request: payload, context with accountId, extension, locale; and getAppContext().moduleKey', async () => {
    const resolver = new Resolver();
    resolver.define('echo', (req) => ({ payload: req.payload as unknown, context: req.context, moduleKey: getAppContext().moduleKey }));
    runtime = await startRuntime({ site: emptySite, handlers: { resolver: resolver.getDefinitions() } });
    const result = (await runtime.invoke({ functionKey: 'echo', payload: { when: new Date('2026-01-01T00:00:00Z'), n: 1 }, context: issuePanel })) as {
      payload: unknown;
      context: Record<string, unknown>;
      moduleKey: string;
    };
    // Payloads cross the wire as JSON, as in Forge: a Date arrives as its ISO string.
    expect(result.payload).toEqual({ when: '2026-01-01T00:00:00.000Z', n: 1 });
    expect(result.moduleKey).toBe('sla-panel');
    expect(result.context).toMatchObject({
      accountId: 'user-agent',
      cloudId: runtime.app.cloudId,
      moduleKey: 'sla-panel',
      locale: 'ja-JP',
      timezone: 'Asia/Tokyo',
      installContext: `ari:cloud:jira::site/${runtime.app.cloudId}`,
      extension: { type: 'jira:issuePanel', project: { id: '10000', key: 'INC' }, issue: { id: '10001', key: 'INC-1', type: 'Incident' } },
    });
    expect(result.context.localId).toContain('/static/sla-panel');
  });

  it('resolves the module type from the manifest (settings page has no issue)', async () => {
    runtime = await startRuntime({ site: emptySite });
    const context = runtime.uiContext({ moduleKey: 'settings', accountId: 'user-admin', project: { id: '10000', key: 'INC' }, route: 'matrix' });
    expect(context.extension).toEqual({ type: 'jira:projectSettingsPage', project: { id: '10000', key: 'INC', type: 'software' }, location: 'matrix' });
  });
});
