import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import type { SlaTimer } from '../../../src/app/ports/sla-timer-store';
import { KvsSlaTimerStore } from '../../../src/forge/storage/sla-timer-store';

let runtime: ForgeRuntime;
const store = new KvsSlaTimerStore();

beforeEach(async () => {
  runtime = await ForgeRuntime.create({ start: '2026-03-02T00:00:00.000Z', handlers: {} });
});
afterEach(() => runtime.dispose());

const timer = (issueId: string, metricId: string, dueAt: number, projectKey = 'INC'): SlaTimer => ({
  schemaVersion: 1,
  projectKey,
  issueId,
  issueKey: `${projectKey}-${issueId}`,
  metricId,
  metricKind: metricId === 'first-response' ? 'time-to-first-response' : 'time-to-resolution',
  cycle: 0,
  policyId: 'standard',
  policyVersion: 1,
  state: 'running',
  priority: null,
  startedAt: 0,
  goalMs: 3_600_000,
  elapsedMs: 0,
  breachAt: dueAt,
  calendarId: 'jp-business-hours',
  evaluatedAt: 0,
  dueAt,
});

async function allDue(before: number, projectKey?: string): Promise<SlaTimer[]> {
  const out: SlaTimer[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.queryDue({ before, limit: 100, ...(projectKey === undefined ? {} : { projectKey }), ...(cursor === undefined ? {} : { cursor }) });
    out.push(...page.timers);
    cursor = page.cursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}

describe('KVS SLA timer store', () => {
  it('returns only due timers, oldest first, across pages and per project', async () => {
    for (let i = 0; i < 60; i++) await store.put(timer(String(10000 + i), 'resolution', 1000 * (60 - i), i % 2 === 0 ? 'INC' : 'OPS'));
    const due = await allDue(25_000);
    expect(due.map((t) => t.dueAt)).toEqual(Array.from({ length: 25 }, (_, i) => 1000 * (i + 1)));
    const opsDue = await allDue(25_000, 'OPS');
    expect(opsDue.every((t) => t.projectKey === 'OPS')).toBe(true);
    expect(opsDue.map((t) => t.dueAt)).toEqual(due.filter((t) => t.projectKey === 'OPS').map((t) => t.dueAt));
  });

  it('replaces per (issue, metric), lists an issue\'s timers and deletes (twice is fine)', async () => {
    await store.put(timer('1', 'first-response', 500));
    await store.put(timer('1', 'resolution', 900));
    await store.put({ ...timer('1', 'resolution', 700), cycle: 1 });
    expect((await store.listForIssue('1')).map((t) => [t.metricId, t.dueAt, t.cycle]).sort()).toEqual([
      ['first-response', 500, 0],
      ['resolution', 700, 1],
    ]);
    expect(await store.get('1', 'resolution')).toMatchObject({ dueAt: 700 });
    await store.delete('1', 'first-response');
    await store.delete('1', 'first-response');
    expect(await store.get('1', 'first-response')).toBeNull();
    expect((await allDue(10_000)).map((t) => t.metricId)).toEqual(['resolution']);
  });

  it('refuses a malformed timer before writing it', async () => {
    await expect(store.put({ ...timer('1', 'resolution', 1), dueAt: 1.5 })).rejects.toThrow();
    expect(await store.listForIssue('1')).toEqual([]);
  });
});
