import { bridgeCalls, setBridgeHandler } from '../support/bridge-shim';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { handler as resolverHandler } from '../../../src/forge/resolvers/resolver';
import { PING_KEY, PingResultSchema, invokeResolver } from '../../../static/shared/bridge';

/** The host side of `invoke`: what Forge does with callBridge('invoke', ...) — run the app's resolver. */
function hostWithRealResolvers(): void {
  setBridgeHandler((name, args) => {
    if (name !== 'invoke') throw new Error(`unexpected bridge call ${name}`);
    const { functionKey, payload } = args as { functionKey: string; payload: Record<string, unknown> };
    return resolverHandler({ call: { functionKey, payload }, context: {} }, undefined);
  });
}

describe('invokeResolver through the real @forge/bridge', () => {
  it('calls app/ping on the real resolver and returns typed data', async () => {
    hostWithRealResolvers();
    const result = await invokeResolver(PING_KEY, {}, PingResultSchema);
    expect(result).toEqual({ ok: true, data: { app: 'incident-desk' } });
    expect(bridgeCalls).toEqual([{ name: 'invoke', args: { functionKey: 'app/ping', payload: {}, metadata: undefined } }]);
  });

  it('passes the payload through unchanged', async () => {
    setBridgeHandler((_name, args) => ({ ok: true, data: (args as { payload: unknown }).payload }));
    const result = await invokeResolver('echo', { issueKey: 'INC-7', n: 2 }, z.object({ issueKey: z.string(), n: z.number() }));
    expect(result).toEqual({ ok: true, data: { issueKey: 'INC-7', n: 2 } });
  });

  it('a host that rejects the call becomes TRANSPORT_FAILED with ja/en text', async () => {
    setBridgeHandler(() => {
      throw new Error('resolver crashed');
    });
    const result = await invokeResolver('sla/get', { issueKey: 'INC-1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('TRANSPORT_FAILED');
    expect(result.error.message.en).toBe('Could not reach the Incident Desk server. Please try again in a moment.');
    expect(result.error.detail).toMatch(/^sla\/get: /);
  });

  it('a refusal of the real resolver arrives as its typed error (sla/get without a user: forbidden)', async () => {
    hostWithRealResolvers();
    const result = await invokeResolver('sla/get', { issueKey: 'INC-1' });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } } });
  });

  it('an unknown resolver key is a transport failure naming the key', async () => {
    hostWithRealResolvers();
    const result = await invokeResolver('no/such', {});
    expect(result.ok ? '' : result.error.detail).toBe("no/such: Resolver has no definition for 'no/such'.");
  });

  it('a payload with a function is refused by the bridge and reported, not thrown', async () => {
    hostWithRealResolvers();
    const result = await invokeResolver('app/ping', { callback: () => 1 });
    expect(result.ok ? '' : result.error.detail).toBe('app/ping: Passing functions as part of the payload is not supported!');
    expect(bridgeCalls).toEqual([]);
  });

  it('a resolver answer that is not an envelope is BAD_RESPONSE', async () => {
    setBridgeHandler(() => 'hello');
    const result = await invokeResolver('legacy', {});
    expect(result.ok ? '' : result.error.code).toBe('BAD_RESPONSE');
  });
});
