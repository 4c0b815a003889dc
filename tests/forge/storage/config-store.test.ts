import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { ForgeRuntime as Runtime } from '../../../emulator/runtime/forge-runtime';
import { defaultConfig } from '../../../src/config';
import { KvsConfigStore } from '../../../src/forge/storage/config-store';

let runtime: ForgeRuntime;
let store: KvsConfigStore;
const now = () => runtime.clock.now();

beforeEach(async () => {
  runtime = await Runtime.create({ start: '2026-03-02T00:00:00.000Z', handlers: {} });
  store = new KvsConfigStore({ now });
});
afterEach(() => runtime.dispose());

describe('KVS config store', () => {
  it('starts missing, saves version 1, refuses a stale save and keeps the history with author and time', async () => {
    expect(await store.load('INC')).toEqual({ kind: 'missing', projectKey: 'INC' });
    const config = defaultConfig();
    const first = await store.save({ projectKey: 'INC', config, expectedVersion: 0, savedBy: 'user-admin' });
    expect(first).toEqual({ ok: true, meta: { projectKey: 'INC', version: 1, schemaVersion: 4, savedAt: now(), savedBy: 'user-admin', note: null } });

    // Someone else still editing version 0 loses, and nothing is written.
    const stale = await store.save({ projectKey: 'INC', config: { ...config, matrix: [['P1', 'P1', 'P1'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] }, expectedVersion: 0, savedBy: 'user-agent' });
    expect(stale).toEqual({ ok: false, reason: 'conflict', expectedVersion: 0, currentVersion: 1 });

    await runtime.advanceMinutes(5);
    const edited = { ...config, matrix: [['P1', 'P1', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] };
    const second = await store.save({ projectKey: 'INC', config: edited, expectedVersion: 1, savedBy: 'user-admin', note: 'P1 for wide outages' });
    expect(second.ok && second.meta.version).toBe(2);

    const loaded = await store.load('INC');
    expect(loaded.kind === 'ok' && loaded.config.matrix[0]).toEqual(['P1', 'P1', 'P3']);
    const history = await store.history('INC');
    expect(history.versions.map((v) => [v.version, v.savedBy, new Date(v.savedAt).toISOString(), v.note])).toEqual([
      [2, 'user-admin', '2026-03-02T00:05:00.000Z', 'P1 for wide outages'],
      [1, 'user-admin', '2026-03-02T00:00:00.000Z', null],
    ]);
    const v1 = await store.getVersion('INC', 1);
    expect(v1?.kind === 'ok' && v1.config.matrix[0]).toEqual(['P1', 'P2', 'P3']);
    expect(await store.getVersion('INC', 3)).toBeNull();
    expect(await store.listProjects()).toEqual(['INC']);
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    await store.save({ projectKey: 'INC', config: defaultConfig(), expectedVersion: 0, savedBy: 'a' });
    const results = await Promise.all([
      store.save({ projectKey: 'INC', config: defaultConfig(), expectedVersion: 1, savedBy: 'a' }),
      store.save({ projectKey: 'INC', config: defaultConfig(), expectedVersion: 1, savedBy: 'b' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict', expectedVersion: 1, currentVersion: 2 }]);
    expect((await store.history('INC')).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('keeps and reports a stored config that no longer parses, and migrates an old one on read', async () => {
    const broken = { ...defaultConfig(), matrix: [['P1', 'P9']] };
    await kvs.entity('config-head').set('OPS', {
      projectKey: 'OPS',
      version: 4,
      schemaVersion: 2,
      record: { schemaVersion: 1, meta: { projectKey: 'OPS', version: 4, schemaVersion: 2, savedAt: 1, savedBy: 'x', note: null }, config: broken },
    });
    const loaded = await store.load('OPS');
    expect(loaded.kind).toBe('invalid');
    if (loaded.kind !== 'invalid') return;
    expect(loaded.raw).toEqual(broken);
    expect(loaded.meta.version).toBe(4);
    expect(loaded.errors.length).toBeGreaterThan(0);
    expect(loaded.errors[0]?.message.ja.length).toBeGreaterThan(0);
    // Still there, untouched.
    expect(((await kvs.entity('config-head').get('OPS')) as { record: { config: unknown } }).record.config).toEqual(broken);

    const { calendars: _c, slaPolicies: _s, securityIncident: _i, escalationLadders: _e, priorityOverride: _p, problemManagement: _m, ...v1 } = { ...defaultConfig(), schemaVersion: 1 as const };
    await kvs.entity('config-head').set('OLD', {
      projectKey: 'OLD',
      version: 1,
      schemaVersion: 1,
      record: { schemaVersion: 1, meta: { projectKey: 'OLD', version: 1, schemaVersion: 1, savedAt: 1, savedBy: null, note: null }, config: v1 },
    });
    const old = await store.load('OLD');
    expect(old.kind === 'ok' && old.migratedFrom).toBe(1);
    expect(old.kind === 'ok' && old.config.schemaVersion).toBe(4);
  });
});
