import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../static/shared/bridge/envelope';
import { EnvelopeSchema, type ResolverError } from '../../../src/contracts';
import { defaultConfig } from '../../../src/config';
import { defaultResolverDeps } from '../../../src/forge/resolvers/default-deps';
import { createResolverHandler } from '../../../src/forge/resolvers/resolver';
import { startBackend, type TestBackend } from '../../app/support/emulator-backend';
import { setUpEscalation } from '../../app/escalation/escalation-fixture';

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;
let project: { id: string; key: string };

beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t);
  t.runtime.useHandlers({ resolver: createResolverHandler(() => defaultResolverDeps(t.backend)) });
  const p = t.jira.store.projectByIdOrKey('INC');
  project = { id: p?.id ?? '10000', key: 'INC' };
});
afterEach(() => t.runtime.dispose());

/** Invokes a resolver key from the settings page as `accountId`, through the real @forge/resolver definitions. */
async function call(functionKey: string, payload: unknown, accountId: string, where: { moduleKey?: string; issue?: { id: string; key: string } } = {}) {
  const raw = await t.runtime.invoke({
    functionKey,
    payload,
    context: { moduleKey: where.moduleKey ?? 'settings', accountId, project, ...(where.issue ? { issue: where.issue } : {}) },
  });
  // The one envelope type: the backend's contract, and the UI's parser, both accept every answer.
  expect(EnvelopeSchema.safeParse(raw).success).toBe(true);
  expect(parseEnvelope(functionKey, raw).ok).toBe((raw as { ok: boolean }).ok);
  return raw as { ok: true; data: Record<string, unknown> } | { ok: false; error: ResolverError };
}

const errorOf = (r: Awaited<ReturnType<typeof call>>): ResolverError => {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.data).slice(0, 200)}`);
  return r.error;
};
const dataOf = (r: Awaited<ReturnType<typeof call>>): Record<string, unknown> => {
  if (!r.ok) throw new Error(`expected data, got ${JSON.stringify(r.error)}`);
  return r.data;
};
const bilingual = (e: ResolverError) => {
  expect(e.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
  expect(e.message.en).toMatch(/[A-Za-z]/);
  for (const f of e.fieldErrors ?? []) {
    expect(f.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
    expect(f.message.en).toMatch(/[A-Za-z]/);
  }
};
const storedVersion = async () => {
  const loaded = await t.backend.configs.load('INC');
  return loaded.kind === 'ok' ? loaded.meta.version : 0;
};

describe('resolvers through @forge/resolver on the emulator', () => {
  it('app/ping answers for the UI foundation', async () => {
    expect(await call('app/ping', {}, 'user-agent')).toEqual({ ok: true, data: { app: 'incident-desk' } });
  });

  it('config/get: admins may edit, agents may read, outsiders see nothing', async () => {
    const admin = dataOf(await call('config/get', {}, 'user-admin'));
    expect(admin).toMatchObject({ projectKey: 'INC', state: 'ok', version: await storedVersion(), canEdit: true, errors: [] });
    expect(dataOf(await call('config/get', {}, 'user-agent'))).toMatchObject({ canEdit: false });
    expect(errorOf(await call('config/get', {}, 'user-outsider')).code).toBe('not-found');
  });

  it('config/save: a non-admin is refused (checked as the user) and nothing is written', async () => {
    const before = await storedVersion();
    const e = errorOf(await call('config/save', { expectedVersion: before, config: defaultConfig() }, 'user-agent'));
    expect(e.code).toBe('forbidden');
    bilingual(e);
    expect(await storedVersion()).toBe(before);
  });

  it('config/save: a stale version is a conflict and the newer save is kept; the editor can retry on top of it', async () => {
    const v = await storedVersion();
    const mine = { ...defaultConfig(), matrix: [['P1', 'P1', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] };
    const theirs = { ...defaultConfig(), matrix: [['P1', 'P2', 'P2'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] };
    expect(dataOf(await call('config/save', { expectedVersion: v, config: theirs, note: 'theirs' }, 'user-admin'))).toMatchObject({ meta: { version: v + 1, savedBy: 'user-admin', note: 'theirs' } });
    const e = errorOf(await call('config/save', { expectedVersion: v, config: mine }, 'user-admin'));
    expect(e).toMatchObject({ code: 'conflict', meta: { expectedVersion: v, currentVersion: v + 1 } });
    bilingual(e);
    const stored = await t.backend.configs.load('INC');
    expect(stored.kind === 'ok' && stored.config.matrix).toEqual(theirs.matrix);
    expect(dataOf(await call('config/save', { expectedVersion: v + 1, config: mine }, 'user-admin'))).toMatchObject({ meta: { version: v + 2 } });
    const history = dataOf(await call('config/history', {}, 'user-admin'));
    expect((history['versions'] as { version: number }[]).map((x) => x.version).slice(0, 2)).toEqual([v + 2, v + 1]);
  });

  it('config/save: an invalid config gets field-named errors in ja and en', async () => {
    const bad = { ...defaultConfig(), matrix: [['P1', 'P2', 'P3'], ['P2', 'P3', 'P9'], ['P3', 'P4', 'P5']] };
    const e = errorOf(await call('config/save', { expectedVersion: await storedVersion(), config: bad }, 'user-admin'));
    expect(e.code).toBe('invalid-config');
    expect(e.fieldErrors?.map((f) => f.path)).toEqual(['config.matrix[1][2]']);
    bilingual(e);
  });

  it('a payload that breaks its contract is invalid-payload with the field named', async () => {
    const e = errorOf(await call('config/save', { expectedVersion: -1, config: {}, colour: 'red' }, 'user-admin'));
    expect(e.code).toBe('invalid-payload');
    expect(e.fieldErrors?.map((f) => f.path).sort()).toEqual(['colour', 'expectedVersion']);
    bilingual(e);
  });

  it('a payload cannot reach another project than the page', async () => {
    t.jira.seed.createProject({ key: 'OPS', name: 'Ops' });
    expect(errorOf(await call('config/get', { projectKey: 'OPS' }, 'user-admin')).code).toBe('forbidden');
  });

  it('config/export then config/import: preview diffs and writes nothing, apply saves; a bad document is refused by field', async () => {
    const exported = dataOf(await call('config/export', {}, 'user-admin'));
    const document = exported['document'] as { config: Record<string, unknown> };
    expect(exported['fileName']).toMatch(/^incident-desk-INC-v\d+-2026-03-02\.json$/);
    const v = await storedVersion();
    expect(dataOf(await call('config/import', { mode: 'preview', expectedVersion: v, document }, 'user-admin'))).toMatchObject({ changes: [], meta: null });

    const edited = { ...document, config: { ...document.config, matrix: [['P1', 'P1', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] } };
    const preview = dataOf(await call('config/import', { mode: 'preview', expectedVersion: v, document: edited }, 'user-admin'));
    expect(preview['changes']).toEqual([{ path: 'matrix[0][1]', kind: 'changed', before: 'P2', after: 'P1' }]);
    expect(await storedVersion()).toBe(v);
    expect(dataOf(await call('config/import', { mode: 'apply', expectedVersion: v, document: edited }, 'user-admin'))).toMatchObject({ meta: { version: v + 1, note: 'import' } });

    const broken = { ...document, config: { ...document.config, escalationLadders: [{ id: 'x', labels: { ja: 'x', en: 'x' }, levels: [] }] } };
    const e = errorOf(await call('config/import', { mode: 'preview', expectedVersion: v + 1, document: broken }, 'user-admin'));
    expect(e.code).toBe('invalid-config');
    expect(e.fieldErrors?.map((f) => f.path)).toEqual(['document.escalationLadders[0].levels']);
    bilingual(e);
    expect(errorOf(await call('config/import', { mode: 'apply', expectedVersion: v + 1, document: edited }, 'user-agent')).code).toBe('forbidden');
  });

  it('config/restore brings a past version back as a new one', async () => {
    const v = await storedVersion();
    const changed = { ...defaultConfig(), matrix: [['P1', 'P1', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] };
    await call('config/save', { expectedVersion: v, config: changed }, 'user-admin');
    expect(dataOf(await call('config/restore', { version: v, expectedVersion: v + 1 }, 'user-admin'))).toMatchObject({ restoredFrom: v, meta: { version: v + 2, note: `restore of version ${String(v)}` } });
    expect(errorOf(await call('config/restore', { version: 99, expectedVersion: v + 2 }, 'user-admin')).code).toBe('not-found');
  });

  it('sla/get reads the issue as the user: the SLA for the agent, not-found for an outsider on a restricted issue', async () => {
    const { id, key } = await fx.incident();
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    await fx.sweep();
    const where = { moduleKey: 'sla-panel', issue: { id, key } };
    const sla = dataOf(await call('sla/get', {}, 'user-agent', where));
    expect(sla).toMatchObject({ issueKey: key, policy: { id: 'standard', version: 1 } });
    const metrics = sla['metrics'] as { metricId: string; cycles: { state: string; goalMs: number }[] }[];
    expect(metrics.map((m) => [m.metricId, m.cycles.at(-1)?.state, m.cycles.at(-1)?.goalMs])).toEqual([
      ['first-response', 'running', 30 * 60_000],
      ['resolution', 'running', 8 * 3_600_000],
    ]);
    expect((sla['escalations'] as { levelId: string }[]).map((x) => x.levelId)).toEqual(['half']);

    const levels = t.jira.seed.createSecurityScheme({ name: 'Sec', projects: ['INC'], levels: [{ name: 'CSIRT only', description: 'x', groups: ['csirt'], roles: [], reporter: false }] });
    t.jira.seed.edit(key, { security: { id: levels['CSIRT only'] } }, { by: 'user-admin' });
    const e = errorOf(await call('sla/get', {}, 'user-outsider', where));
    expect(e.code).toBe('not-found');
    bilingual(e);
    expect(dataOf(await call('sla/get', { issueKey: key }, 'user-csirt', where))).toMatchObject({ issueKey: key });
  });

  it('priority/preview explains impact x urgency with the project labels', async () => {
    expect(dataOf(await call('priority/preview', { impact: 2, urgency: 1 }, 'user-agent', { moduleKey: 'priority-matrix' }))).toMatchObject({
      level: 'P2',
      jiraPriorityName: 'High',
      text: { ja: '影響度: 特定部門 (2) × 緊急度: 基幹業務停止 (1) → P2 (高)', en: 'Impact: One department (2) x Urgency: Core business stopped (1) -> P2 (High)' },
    });
    const e = errorOf(await call('priority/preview', { impact: 4, urgency: 1 }, 'user-agent'));
    expect(e).toMatchObject({ code: 'invalid-payload', fieldErrors: [{ path: 'impact' }] });
    bilingual(e);
  });

  it('report/get refuses a payload without a period (field error in ja/en); setup/status is for admins', async () => {
    const e = errorOf(await call('report/get', {}, 'user-admin'));
    expect(e.code).toBe('invalid-payload');
    expect(e.fieldErrors?.some((f) => f.path.startsWith('period'))).toBe(true);
    bilingual(e);
    expect(dataOf(await call('setup/status', {}, 'user-admin'))).toMatchObject({ projectKey: 'INC' });
    expect(errorOf(await call('setup/run', {}, 'user-agent')).code).toBe('forbidden');
  });
});
