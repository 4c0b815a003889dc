import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kvsEscalationLedger, kvsSweepCursorStore } from '../../../src/forge/storage/escalation-ledger-store';
import { startBackend, writeCalls, type TestBackend } from '../support/emulator-backend';
import { crashOnce, setUpEscalation } from './escalation-fixture';

// Created Mon 2026-03-02 09:00 Tokyo (00:00Z); P2 resolution goal 8 business hours: 50 % at 13:00 Tokyo, breach at 17:00.
const BREACH = '2026-03-02T08:00:00.000Z';
const ref = (key: string) => `(Incident Desk ref ${key})`;

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;

beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t);
});
afterEach(() => t.runtime.dispose());

/** How many comments of the issue carry each marker. */
async function markerCounts(issueKey: string, markers: readonly string[]): Promise<number[]> {
  const comments = await fx.comments(issueKey);
  return markers.map((m) => comments.filter((c) => c.text.includes(ref(m))).length);
}

describe('the five-minute sweep (through the emulator, real @forge/api and @forge/kvs)', () => {
  it('fires due levels only, each once; a re-run fires nothing and costs no REST call', async () => {
    const { id, key } = await fx.incident();
    // The first-response breach (00:30Z) is a wake-up too; that metric has no ladder here, so nothing fires
    // and its timer is dropped (1 REST read).
    t.runtime.setClockSilently('2026-03-02T00:35:00.000Z');
    t.calls.length = 0;
    expect(await fx.sweep()).toMatchObject({ issues: 1, fired: 0 });
    expect(t.calls.map((c) => c.method)).toEqual(['GET']);
    expect(await t.backend.timers.get(id, 'first-response')).toBeNull();
    t.runtime.setClockSilently('2026-03-02T03:55:00.000Z');
    t.calls.length = 0;
    expect(await fx.sweep()).toMatchObject({ issues: 0, fired: 0 });
    expect(t.calls).toEqual([]);

    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    const first = await fx.sweep();
    expect(first).toMatchObject({ issues: 1, fired: 1, resumed: 0, actions: { done: 2, skipped: 0, failed: 0 }, deferred: 0, cursorLeft: false });
    expect(fx.notifications(key).map((n) => [n.subject, n.recipients])).toEqual([['[' + key + '] エスカレーション / Escalation: 50% / 50%', ['user-agent', 'user-agent2']]]);
    const k = `${id}:resolution:0:test:half`;
    expect(await markerCounts(key, [`${k}#1`, `${k}#history`])).toEqual([1, 1]);
    expect(fx.fired(key).map((f) => [f.key, f.actions.map((a) => [a.type, a.state])])).toEqual([[k, [['notify', 'done'], ['add-comment', 'done']]]]);
    expect((await kvsEscalationLedger.get(k))?.state).toBe('done');
    // The timer moved on to the breach: an immediate re-run finds nothing due.
    expect((await t.backend.timers.get(id, 'resolution'))?.dueAt).toBe(Date.parse(BREACH));

    t.calls.length = 0;
    t.runtime.setClockSilently('2026-03-02T04:10:00.000Z');
    expect(await fx.sweep()).toMatchObject({ issues: 0, fired: 0 });
    expect(t.calls).toEqual([]);
    expect(fx.notifications(key)).toHaveLength(1);

    t.runtime.setClockSilently('2026-03-02T08:05:00.000Z');
    expect(await fx.sweep()).toMatchObject({ issues: 1, fired: 1, actions: { done: 3 } });
    const issue = t.jira.store.issueByIdOrKey(key);
    expect(issue?.labels).toContain('escalated');
    expect(issue?.assigneeId).toBe('user-agent');
    expect(fx.notifications(key).map((n) => n.recipients)).toEqual([['user-agent', 'user-agent2'], ['user-manager']]);
    expect(fx.fired(key).map((f) => f.levelId)).toEqual(['half', 'breach']);
    // Nothing left to wait for on resolution: its timer is gone, and later sweeps do nothing.
    expect(await t.backend.timers.get(id, 'resolution')).toBeNull();
    t.runtime.setClockSilently('2026-03-03T08:05:00.000Z');
    expect(await fx.sweep()).toMatchObject({ fired: 0 });
  });

  it('a sweep that missed several levels fires them all at once, in threshold order, with one property write', async () => {
    const { key } = await fx.incident();
    t.runtime.setClockSilently('2026-03-02T09:00:00.000Z');
    t.calls.length = 0;
    expect(await fx.sweep()).toMatchObject({ issues: 1, fired: 2 });
    expect(fx.fired(key).map((f) => f.levelId)).toEqual(['half', 'breach']);
    expect(writeCalls(t.calls).filter((c) => c.path.includes('/properties/'))).toHaveLength(1);
  });

  it('round-robin continues after the last pick and never picks the current assignee', async () => {
    const a = await fx.incident({ summary: 'A' });
    const b = await fx.incident({ summary: 'B' });
    t.jira.seed.edit(b.key, { assignee: { accountId: 'user-agent2' } }, { by: 'user-admin' });
    t.runtime.setClockSilently('2026-03-02T08:05:00.000Z');
    await fx.sweep();
    const assignees = [a.key, b.key].map((k) => t.jira.store.issueByIdOrKey(k)?.assigneeId);
    // A gets user-agent (first in rotation); B already has user-agent2 and the rotation moves on past it.
    expect(assignees).toEqual(['user-agent', 'user-agent']);
  });

  it('Jira answering 429 mid-sweep: deferred work resumes on the next run; no action twice, none lost', async () => {
    const issues = [];
    for (let i = 0; i < 5; i++) issues.push(await fx.incident({ summary: `load ${String(i)}` }));
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    // Comment POSTs are rate limited for 15 attempts: with the client's 5 attempts per call, three issues in a row
    // are deferred after their notification went out, and the sweep stops with a cursor.
    const rule = t.runtime.faults.add({ path: '/rest/api/3/issue/*/comment', method: 'POST', target: 'jira', effect: { kind: 'rateLimit', retryAfterSeconds: 1 }, times: 15 });
    const hit = await fx.sweep();
    expect(hit.deferred).toBe(3);
    expect(hit.cursorLeft).toBe(true);
    expect(rule.fired).toBe(15);
    expect(t.jira.store.notifications).toHaveLength(3);
    t.runtime.faults.clear();
    const rest = await fx.sweep();
    expect(rest.resumedFromCursor).toBe(true);
    await fx.sweep();
    for (const { id, key } of issues) {
      const k = `${id}:resolution:0:test:half`;
      expect(fx.notifications(key)).toHaveLength(1);
      expect(await markerCounts(key, [`${k}#1`, `${k}#history`])).toEqual([1, 1]);
      expect(fx.fired(key).map((f) => f.key)).toEqual([k]);
      expect((await kvsEscalationLedger.get(k))?.state).toBe('done');
    }
    expect(await kvsSweepCursorStore.load()).toBeNull();
  });

  it('a crash between the ledger write and the side effect: the next run performs it, once', async () => {
    const { id, key } = await fx.incident();
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    await expect(fx.sweep({ gateway: crashOnce('notify', 'before') })).rejects.toThrow('simulated crash before');
    const k = `${id}:resolution:0:test:half`;
    const pending = await kvsEscalationLedger.get(k);
    expect(pending?.state).toBe('pending');
    expect(pending?.actions.map((a) => a.state)).toEqual(['pending', 'pending']);
    expect(fx.notifications(key)).toHaveLength(0);

    // The notification's attempt was recorded before the crash: a run at once leaves it (it may be in flight).
    expect(await fx.sweep()).toMatchObject({ deferred: 1 });
    expect(fx.notifications(key)).toHaveLength(0);
    // The next five-minute sweep sends it, marked as a possible duplicate (nobody can tell whether Jira had it).
    t.runtime.setClockSilently('2026-03-02T04:10:00.000Z');
    expect(await fx.sweep()).toMatchObject({ resumed: 1, fired: 0 });
    expect(fx.notifications(key)).toHaveLength(1);
    expect(fx.notifications(key)[0]?.subject).toMatch(/^\[再送 \/ Resent\] /);
    expect(await markerCounts(key, [`${k}#1`, `${k}#history`])).toEqual([1, 1]);
    expect((await kvsEscalationLedger.get(k))?.attempts).toBe(3);
    await fx.sweep();
    expect(fx.notifications(key)).toHaveLength(1);
  });

  it('a crash after Jira took a comment but before the ledger knew: the retry sees the ref marker and does not post again', async () => {
    const { id, key } = await fx.incident();
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    await expect(fx.sweep({ gateway: crashOnce('addComment', 'after') })).rejects.toThrow('simulated crash after');
    const k = `${id}:resolution:0:test:half`;
    expect((await kvsEscalationLedger.get(k))?.actions.map((a) => a.state)).toEqual(['done', 'pending']);
    await fx.sweep();
    expect(await markerCounts(key, [`${k}#1`, `${k}#history`])).toEqual([1, 1]);
    expect(fx.notifications(key)).toHaveLength(1);
    expect((await kvsEscalationLedger.get(k))?.state).toBe('done');
  });

  it('a sweep out of time leaves a cursor; the next run resumes from it and finishes the rest, each once', async () => {
    const issues = [];
    for (let i = 0; i < 4; i++) issues.push(await fx.incident({ summary: `budget ${String(i)}` }));
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    let checks = 0;
    const first = await fx.sweep({ outOfTime: () => ++checks > 3, pageSize: 2 });
    expect(first.cursorLeft).toBe(true);
    expect(first.issues).toBeLessThan(4);
    expect(await kvsSweepCursorStore.load()).not.toBeNull();
    const second = await fx.sweep({ pageSize: 2 });
    expect(second.resumedFromCursor).toBe(true);
    expect(first.fired + second.fired).toBe(4);
    for (const { key } of issues) expect(fx.notifications(key)).toHaveLength(1);
    expect(await kvsSweepCursorStore.load()).toBeNull();
  });
});
