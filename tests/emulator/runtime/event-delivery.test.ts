import { afterEach, describe, expect, it } from 'vitest';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { parseRuntimeManifest } from '../../../emulator/runtime/manifest';
import { shuffleDifferently } from '../../../emulator/runtime/event-delivery';
import { emittingSite, START, startRuntime } from './support/runtime';
import fc from 'fast-check';

const MANIFEST = parseRuntimeManifest(`
modules:
  trigger:
    - key: issue-events
      function: on-issue
      events: [avi:jira:created:issue, avi:jira:updated:issue]
      filter: { ignoreSelf: true }
    - key: lifecycle
      function: on-lifecycle
      events: [avi:forge:installed:app, avi:forge:upgraded:app]
  scheduledTrigger:
    - key: sweep-schedule
      function: sweep
      interval: fiveMinute
  function:
    - { key: on-issue, handler: index.onIssue }
    - { key: on-lifecycle, handler: index.onLifecycle }
    - { key: sweep, handler: index.sweep }
`);

interface Seen {
  key: string;
  at: string;
  moduleKey: unknown;
}

function recordingHandlers() {
  const issues: Seen[] = [];
  const sweeps: string[] = [];
  const lifecycle: unknown[] = [];
  return {
    issues,
    sweeps,
    lifecycle,
    module: {
      onIssue: (event: { issue: { key: string }; context: { moduleKey: unknown } }) => {
        issues.push({ key: event.issue.key, at: new Date().toISOString(), moduleKey: event.context.moduleKey });
        return Promise.resolve();
      },
      onLifecycle: (event: unknown) => {
        lifecycle.push(event);
        return Promise.reject(new Error('setup is not implemented yet'));
      },
      sweep: () => {
        sweeps.push(new Date().toISOString());
        return Promise.resolve({ statusCode: 200 });
      },
    },
  };
}

const issueEvent = (key: string, by = 'user-agent') => ({ eventType: 'avi:jira:updated:issue', issue: { id: key, key }, atlassianId: by });

let runtime: ForgeRuntime | undefined;
afterEach(() => runtime?.dispose());

async function setup(delivery = {}) {
  const h = recordingHandlers();
  const s = emittingSite();
  runtime = await startRuntime({ site: s.site, manifest: MANIFEST, handlers: h.module, delivery });
  return { h, s, rt: runtime };
}

describe('product event delivery', () => {
  it('delivers immediately, after the emitting call returns, in order, with the trigger context', async () => {
    const { h, s, rt } = await setup();
    s.emit(issueEvent('INC-1'));
    s.emit(issueEvent('INC-2'));
    expect(h.issues).toEqual([]); // not synchronously inside the REST call
    await rt.settle();
    expect(h.issues.map((i) => i.key)).toEqual(['INC-1', 'INC-2']);
    expect(h.issues[0]).toMatchObject({ at: START, moduleKey: 'issue-events' });
    expect(rt.deliveries.map((d) => d.outcome)).toEqual(['ok', 'ok']);
  });

  it('ignoreSelf skips events authored by the app account and records the skip', async () => {
    const { h, s, rt } = await setup();
    s.emit(issueEvent('INC-1', rt.app.appAccountId));
    await rt.settle();
    expect(h.issues).toEqual([]);
    expect(rt.deliveries).toMatchObject([{ outcome: 'skipped-self', eventType: 'avi:jira:updated:issue' }]);
  });

  it('duplicate delivers every event twice', async () => {
    const { h, s, rt } = await setup({ duplicate: true });
    s.emit(issueEvent('INC-1'));
    s.emit(issueEvent('INC-2'));
    await rt.settle();
    expect(h.issues.map((i) => i.key)).toEqual(['INC-1', 'INC-1', 'INC-2', 'INC-2']);
    expect(rt.deliveries.map((d) => d.copy)).toEqual([1, 2, 1, 2]);
  });

  it('late delivery holds events until the clock passes their due time, and runs them at that instant', async () => {
    const { h, s, rt } = await setup({ delayMinutes: 7 });
    s.emit(issueEvent('INC-1'));
    await rt.settle();
    await rt.advanceMinutes(6);
    expect(h.issues).toEqual([]);
    expect(rt.events.pending()).toHaveLength(1);
    await rt.advanceMinutes(10);
    expect(h.issues).toEqual([{ key: 'INC-1', at: '2026-03-02T00:07:00.000Z', moduleKey: 'issue-events' }]);
  });

  it('shuffle delivers a held batch in an order different from emission', async () => {
    const { h, s, rt } = await setup({ shuffle: true, seed: 42 });
    const keys = ['INC-1', 'INC-2', 'INC-3', 'INC-4', 'INC-5'];
    for (const k of keys) s.emit(issueEvent(k));
    await rt.settle();
    expect([...h.issues.map((i) => i.key)].sort()).toEqual(keys);
    expect(h.issues.map((i) => i.key)).not.toEqual(keys);
  });

  it('a throwing handler is recorded, not fatal', async () => {
    const { s, rt } = await setup();
    rt.useHandlers({ onIssue: () => Promise.reject(new TypeError('boom')) });
    s.emit(issueEvent('INC-1'));
    await rt.settle();
    expect(rt.deliveries).toMatchObject([{ outcome: 'error', error: { name: 'TypeError', message: 'boom' } }]);
  });
});

describe('scheduled and lifecycle triggers', () => {
  it('advancing the clock fires the five-minute trigger at every mark crossed, at the mark', async () => {
    const { h, rt } = await setup();
    await rt.advanceMinutes(3);
    expect(h.sweeps).toEqual([]);
    await rt.advanceMinutes(9); // 00:03 -> 00:12 crosses 00:05 and 00:10
    expect(h.sweeps).toEqual(['2026-03-02T00:05:00.000Z', '2026-03-02T00:10:00.000Z']);
    expect(new Date().toISOString()).toBe('2026-03-02T00:12:00.000Z');
  });

  it('tick runs the sweep now; lifecycle delivers installed and records the handler error', async () => {
    const { h, rt } = await setup();
    const ticks = await rt.tick();
    expect(ticks).toMatchObject([{ outcome: 'ok', result: { statusCode: 200 }, moduleKey: 'sweep-schedule' }]);
    expect(h.sweeps).toEqual([START]);
    const installed = await rt.lifecycle('installed');
    expect(installed).toMatchObject([{ outcome: 'error', error: { message: 'setup is not implemented yet' } }]);
    expect(h.lifecycle).toMatchObject([{ eventType: 'avi:forge:installed:app', installerAccountId: 'user-admin' }]);
  });
});

describe('shuffleDifferently', () => {
  it('is a permutation that differs from the input whenever there are at least two distinct items', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 30 }), fc.integer(), (items, seed) => {
        const out = shuffleDifferently(items, seed);
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(out).not.toEqual(items);
      }),
    );
  });
});
