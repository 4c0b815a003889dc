import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTIFY_IN_FLIGHT_MS } from '../../../src/app/escalation/execute-firing';
import { refMarker } from '../../../src/app/escalation';
import type { IssueGateway } from '../../../src/app/ports/issue-gateway';
import { kvsEscalationLedger } from '../../../src/forge/storage/escalation-ledger-store';
import { startBackend, type TestBackend } from '../support/emulator-backend';
import { setUpEscalation } from './escalation-fixture';

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;
beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t);
});
afterEach(() => t.runtime.dispose());

/** After Jira took the first notification, the KVS fails (emulator fault): the ledger cannot record it. */
const kvsFailsAfterNotify =
  (runtime: TestBackend['runtime']) =>
  (g: IssueGateway): IssueGateway => {
    let once = false;
    return new Proxy(g, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== 'notify' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const out: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (!once) {
            once = true;
            runtime.faults.add({ path: '/api/v1/set', method: 'POST', target: 'kvs', effect: { kind: 'serverError', status: 500 }, times: 5 });
          }
          return out;
        };
      },
    });
  };

describe('a crash after Jira accepted a notification, before the ledger recorded it', () => {
  it('is deferred while it may be in flight, then re-sent once marked as a possible duplicate; the comment action stays exactly once', async () => {
    const { id, key } = await fx.incident();
    const k = `${id}:resolution:0:test:half`;
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    await expect(fx.sweep({ gateway: kvsFailsAfterNotify(t.runtime) })).rejects.toThrow();
    t.runtime.faults.clear();
    expect(fx.notifications(key)).toHaveLength(1);
    const stuck = await kvsEscalationLedger.get(k);
    expect(stuck?.actions[0]).toMatchObject({ state: 'pending', attemptedAt: Date.parse('2026-03-02T04:05:00.000Z') });

    // A run within the call timeout cannot tell a dead attempt from a slow one: it sends nothing.
    t.runtime.setClockSilently(Date.parse('2026-03-02T04:05:00.000Z') + NOTIFY_IN_FLIGHT_MS - 1000);
    expect(await fx.sweep()).toMatchObject({ deferred: 1, fired: 0 });
    expect(fx.notifications(key)).toHaveLength(1);

    // Past it: at least once — sent again, saying it may be a duplicate; the history says so too.
    t.runtime.setClockSilently('2026-03-02T04:10:00.000Z');
    expect(await fx.sweep()).toMatchObject({ resumed: 1, deferred: 0 });
    const mails = fx.notifications(key);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe(`[再送 / Resent] ${mails[0]?.subject ?? ''}`);
    expect(mails[1]?.textBody).toContain('this is a duplicate');
    expect(mails[1]?.recipients).toEqual(mails[0]?.recipients);
    const record = await kvsEscalationLedger.get(k);
    expect(record).toMatchObject({ state: 'done' });
    expect(record?.actions[0]).toMatchObject({ state: 'done', uncertain: true, detail: 'resent: the attempt at 2026-03-02T04:05:00.000Z was not confirmed' });
    expect(fx.fired(key)[0]?.actions[0]).toMatchObject({ type: 'notify', state: 'done', uncertain: true });
    const comments = await fx.comments(key);
    expect(comments.filter((c) => c.text.includes(refMarker(`${k}#1`)))).toHaveLength(1);
    const history = comments.filter((c) => c.text.includes(refMarker(`${k}#history`)));
    expect(history).toHaveLength(1);
    expect(history[0]?.text).toContain('may have arrived twice');
    expect(history[0]?.text).toContain('重複して届いた可能性');

    // Nothing further on later sweeps.
    t.runtime.setClockSilently('2026-03-02T04:20:00.000Z');
    await fx.sweep();
    expect(fx.notifications(key)).toHaveLength(2);
  });

  it('a notification Jira refused with 429/503 is retried later without the duplicate mark', async () => {
    const { key } = await fx.incident();
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    t.runtime.faults.add({ path: '/rest/api/3/issue/*/notify', method: 'POST', target: 'jira', effect: { kind: 'serverError', status: 503 }, times: 5 });
    expect(await fx.sweep()).toMatchObject({ deferred: 1 });
    expect(fx.notifications(key)).toHaveLength(0);
    t.runtime.setClockSilently('2026-03-02T04:06:00.000Z');
    expect(await fx.sweep()).toMatchObject({ resumed: 1, deferred: 0 });
    expect(fx.notifications(key).map((n) => n.subject)).toEqual([`[${key}] エスカレーション / Escalation: 50% / 50%`]);
  });
});
