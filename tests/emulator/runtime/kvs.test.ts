import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kvs, Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { parseRuntimeManifest } from '../../../emulator/runtime/manifest';
import { emptySite, startRuntime } from './support/runtime';

const MANIFEST = `
app:
  storage:
    entities:
      - name: sla-timer
        attributes:
          issueKey: { type: string }
          projectKey: { type: string }
          dueAt: { type: integer }
          state: { type: string }
          level: { type: integer }
        indexes:
          - dueAt
          - name: by-project-due
            range: [dueAt]
            partition: [projectKey]
`;

interface Timer {
  issueKey: string;
  projectKey: string;
  dueAt: number;
  state: string;
  level?: number;
}

let runtime: ForgeRuntime;

beforeEach(async () => {
  runtime = await startRuntime({ site: emptySite, manifest: parseRuntimeManifest(MANIFEST) });
});

afterEach(() => runtime.dispose());

describe('key-value store through the real @forge/kvs', () => {
  it('sets, gets, overwrites and deletes values; a missing key reads as undefined', async () => {
    await kvs.set('config:INC', { schemaVersion: 1, goals: [30, 240] });
    expect(await kvs.get('config:INC')).toEqual({ schemaVersion: 1, goals: [30, 240] });
    await kvs.set('config:INC', { schemaVersion: 2 });
    expect(await kvs.get('config:INC')).toEqual({ schemaVersion: 2 });
    await kvs.delete('config:INC');
    expect(await kvs.get('config:INC')).toBeUndefined();
    expect(await kvs.get('never-written')).toBeUndefined();
  });

  it('stores a copy: mutating the object after set does not change what is stored', async () => {
    const value = { n: 1 };
    await kvs.set('copy', value);
    value.n = 2;
    expect(await kvs.get('copy')).toEqual({ n: 1 });
  });

  it('refuses keys outside the documented pattern with the store error code', async () => {
    await expect(kvs.set('bad/key', 1)).rejects.toMatchObject({ code: 'INVALID_KEY', responseDetails: { status: 400 } });
  });

  it('FAIL_IF_EXISTS refuses to overwrite; returnValue PREVIOUS returns the old value', async () => {
    await kvs.set('lock', 'a', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.set('lock', 'b', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({ code: 'KEY_ALREADY_EXISTS' });
    const previous = await kvs.set('lock', 'c', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'lock', value: 'a' });
    expect(await kvs.get('lock')).toBe('c');
  });

  it('expires values by TTL on the emulator clock', async () => {
    await kvs.set('sweep-lock', 'held', { ttl: { value: 4, unit: 'MINUTES' } });
    await runtime.advanceMinutes(3);
    expect(await kvs.get('sweep-lock')).toBe('held');
    await runtime.advanceMinutes(1);
    expect(await kvs.get('sweep-lock')).toBeUndefined();
  });

  it('queries by key prefix in key order and pages with the cursor', async () => {
    for (let i = 25; i >= 1; i--) await kvs.set(`esc:INC-${String(i).padStart(2, '0')}`, i);
    await kvs.set('other', 0);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('esc:')).limit(10);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<number>();
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `esc:INC-${String(i + 1).padStart(2, '0')}`));
  });
});

describe('custom entities through the real @forge/kvs', () => {
  const timers = (): Timer[] =>
    Array.from({ length: 23 }, (_, i) => ({
      issueKey: `INC-${i + 1}`,
      projectKey: i % 2 === 0 ? 'INC' : 'OPS',
      dueAt: 1_000 + ((i * 7) % 23) * 10,
      state: i % 3 === 0 ? 'breached' : 'running',
    }));

  beforeEach(async () => {
    for (const t of timers()) await kvs.entity<Timer>('sla-timer').set(t.issueKey, t);
  });

  it('queries a partitioned index in range order and pages through every match exactly once', async () => {
    const expected = timers()
      .filter((t) => t.projectKey === 'INC' && t.dueAt >= 1_050)
      .sort((a, b) => a.dueAt - b.dueAt)
      .map((t) => t.issueKey);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs
        .entity<Timer>('sla-timer')
        .query()
        .index('by-project-due', { partition: ['INC'] })
        .where(WhereConditions.greaterThanEqualTo(1_050))
        .limit(4);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      seen.push(...page.results.map((r) => r.value.issueKey));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(expected.length).toBeGreaterThan(4);
    expect(seen).toEqual(expected);
  });

  it('sorts descending and applies filters', async () => {
    const page = await kvs
      .entity<Timer>('sla-timer')
      .query()
      .index('dueAt')
      .filters(new Filter<Timer>().and('state', FilterConditions.equalTo('breached')))
      .sort(Sort.DESC)
      .limit(20)
      .getMany();
    const expected = timers()
      .filter((t) => t.state === 'breached')
      .sort((a, b) => b.dueAt - a.dueAt)
      .map((t) => t.issueKey);
    expect(page.results.map((r) => r.value.issueKey)).toEqual(expected);
    expect(page.nextCursor).toBeUndefined();
  });

  it('refuses undeclared entities, unknown indexes, missing partitions and mistyped attributes', async () => {
    await expect(kvs.entity('nope').set('x', {})).rejects.toMatchObject({ code: 'ENTITY_NOT_FOUND' });
    await expect(kvs.entity<Timer>('sla-timer').query().index('by-state').getMany()).rejects.toMatchObject({ code: 'INDEX_NOT_FOUND' });
    await expect(kvs.entity<Timer>('sla-timer').query().index('by-project-due').getMany()).rejects.toMatchObject({ code: 'INVALID_PARTITION' });
    await expect(kvs.entity('sla-timer').set('x', { dueAt: 'soon' })).rejects.toMatchObject({ code: 'INVALID_ENTITY_VALUE' });
  });

  it('a transaction with a failing condition writes nothing; a passing one writes everything', async () => {
    const tx = () =>
      kvs
        .transact()
        .set('INC-1', { issueKey: 'INC-1', projectKey: 'INC', dueAt: 5, state: 'fired', level: 1 }, {
          entityName: 'sla-timer',
          conditions: new Filter<Timer>().and('state', FilterConditions.equalTo('breached')),
        })
        .set('marker', 'written');
    await kvs.entity<Timer>('sla-timer').set('INC-1', { issueKey: 'INC-1', projectKey: 'INC', dueAt: 5, state: 'running' });
    await expect(tx().execute()).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED' });
    expect(await kvs.get('marker')).toBeUndefined();
    await kvs.entity<Timer>('sla-timer').set('INC-1', { issueKey: 'INC-1', projectKey: 'INC', dueAt: 5, state: 'breached' });
    await tx().execute();
    expect(await kvs.get('marker')).toBe('written');
    expect(await kvs.entity<Timer>('sla-timer').get('INC-1')).toMatchObject({ state: 'fired', level: 1 });
  });
});

describe('fault switch on the KVS', () => {
  it('a 429 reaches the SDK as a ForgeKvsAPIError with RATE_LIMIT_EXCEEDED, once', async () => {
    runtime.faults.add({ target: 'kvs', path: '/api/v1/get', effect: { kind: 'rateLimit', retryAfterSeconds: 2 }, times: 1 });
    await kvs.set('k', 1);
    await expect(kvs.get('k')).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } });
    expect(await kvs.get('k')).toBe(1);
  });
});
