import { bridgeCalls, setBridgeHandler } from '../support/bridge-shim';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_CHANGED_EVENT, JIRA_ISSUE_CHANGED, notifyAppChanged, subscribeRefresh } from '../../../static/shared/bridge';
import type { RefreshReason } from '../../../static/shared/bridge';

interface FakeHost {
  readonly listeners: Map<string, ((payload?: unknown) => unknown)[]>;
  readonly unsubscribed: string[];
  fire(event: string, payload?: unknown): void;
}

/** A host that implements events.on/emit like Jira: subscriptions resolve asynchronously. */
function fakeEventHost(options: { refuse?: boolean } = {}): FakeHost {
  const listeners = new Map<string, ((payload?: unknown) => unknown)[]>();
  const unsubscribed: string[] = [];
  setBridgeHandler((name, args) => {
    const { event, callback, payload } = args as { event: string; callback?: (p?: unknown) => unknown; payload?: unknown };
    if (name === 'on') {
      if (options.refuse) throw new Error('events are not available here');
      listeners.set(event, [...(listeners.get(event) ?? []), callback ?? (() => undefined)]);
      return { unsubscribe: () => unsubscribed.push(event) };
    }
    if (name === 'emit') {
      for (const cb of listeners.get(event) ?? []) cb(payload);
      return undefined;
    }
    throw new Error(`unexpected ${name}`);
  });
  return { listeners, unsubscribed, fire: (event, payload) => (listeners.get(event) ?? []).forEach((cb) => cb(payload)) };
}

/** Lets the bridge's promise chains settle under fake timers. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe('subscribeRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every minute and refreshes on issue change and app change events', async () => {
    const host = fakeEventHost();
    const reasons: RefreshReason[] = [];
    const stop = subscribeRefresh((r) => reasons.push(r));
    await settle();
    expect([...host.listeners.keys()]).toEqual([JIRA_ISSUE_CHANGED, APP_CHANGED_EVENT]);

    vi.advanceTimersByTime(59_999);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reasons).toEqual(['tick']);
    host.fire(JIRA_ISSUE_CHANGED, { issueId: '10001', changes: [{ changeType: 'updated' }] });
    expect(reasons).toEqual(['tick', 'event']);
    vi.advanceTimersByTime(120_000);
    expect(reasons).toEqual(['tick', 'event', 'tick', 'tick']);

    stop();
    expect(host.unsubscribed).toEqual([JIRA_ISSUE_CHANGED, APP_CHANGED_EVENT]);
    host.fire(JIRA_ISSUE_CHANGED);
    vi.advanceTimersByTime(600_000);
    expect(reasons).toHaveLength(4);
  });

  it('undoes a subscription that resolves after stop', async () => {
    const host = fakeEventHost();
    const reasons: RefreshReason[] = [];
    const stop = subscribeRefresh((r) => reasons.push(r), { tickMs: 0, eventNames: ['x'] });
    stop();
    await settle();
    expect(host.unsubscribed).toEqual(['x']);
    host.fire('x');
    expect(reasons).toEqual([]);
  });

  it('keeps ticking where the host offers no events', async () => {
    fakeEventHost({ refuse: true });
    const reasons: RefreshReason[] = [];
    const stop = subscribeRefresh((r) => reasons.push(r), { tickMs: 1_000 });
    await settle();
    vi.advanceTimersByTime(3_000);
    expect(reasons).toEqual(['tick', 'tick', 'tick']);
    stop();
  });

  it('notifyAppChanged reaches the other modules listening for app changes', async () => {
    fakeEventHost();
    const reasons: RefreshReason[] = [];
    const stop = subscribeRefresh((r) => reasons.push(r), { tickMs: 0 });
    await settle();
    await notifyAppChanged({ issueKey: 'INC-7' });
    expect(reasons).toEqual(['event']);
    expect(bridgeCalls.filter((c) => c.name === 'emit')).toEqual([{ name: 'emit', args: { event: APP_CHANGED_EVENT, payload: { issueKey: 'INC-7' } } }]);
    stop();
  });
});
