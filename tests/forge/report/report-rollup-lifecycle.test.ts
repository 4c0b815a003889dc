import { afterEach, describe, expect, it } from 'vitest';
import { kvs } from '@forge/kvs';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { computeRollupsFromJira, rebuildRollups, rebuildRollupsSlice, RebuildCursorSchema, type RebuildCursor } from '../../../src/app/report/rebuild-rollups';
import type { SiteCatalog } from '../../../src/app/ports/setup-store';
import { issueEventDeps } from '../../../src/forge/wiring';
import { KvsReportRollupStore } from '../../../src/forge/storage/report-rollup-store';
import { defaultConfig, type Config } from '../../../src/config';
import { ReportGetResultSchema, type ReportGetResult } from '../../../src/contracts';
import { startBackend, type TestBackend } from '../../app/support/emulator-backend';
import { setUpIncidents } from '../../app/support/incident-fixture';

/**
 * What keeps the rollups right besides ordinary issue events: the escalation sweep (a breach that only
 * the clock causes), deleted and retyped incidents, and the rebuild run in slices of any time budget.
 * Each case ends comparing the stored rollups with a recomputation from Jira.
 */

const runtimes: ForgeRuntime[] = [];
afterEach(() => {
  for (const r of runtimes.splice(0)) r.dispose();
});

const MIN = 60_000;
const JST = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 2, day, hour - 9, minute);
const store = new KvsReportRollupStore();

async function start(config?: Config): Promise<{ t: TestBackend; catalog: SiteCatalog; fx: Awaited<ReturnType<typeof setUpIncidents>> }> {
  const handlers = (await import('../../../src/index')) as unknown as Record<string, unknown>;
  const t = await startBackend({ handlers, runtime: { scheduled: 'off' } });
  runtimes.push(t.runtime);
  const fx = await setUpIncidents(t);
  if (config !== undefined) {
    const saved = await t.backend.configs.save({ projectKey: 'INC', config, expectedVersion: 0, savedBy: null });
    expect(saved.ok).toBe(true);
  }
  return { t, catalog: fx.status.catalog, fx };
}

function incident(t: TestBackend, n: number, at: number, priority = 'Medium'): { id: string; key: string } {
  return t.jira.seed.createIssue({ project: 'INC', summary: `Incident ${String(n)}`, issueType: 'Incident', priority, reporter: 'user-reporter', by: 'user-reporter', labels: [`team-${n % 2 === 0 ? 'ops' : 'dev'}`], at });
}

/** Everything the rollups store for INC, without the last-update instant. */
async function storedRollups(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const entity of ['report-rollup', 'report-facts']) {
    let cursor: string | undefined;
    do {
      let q = kvs.entity<{ record: Record<string, unknown> }>(entity).query().index('by-project', { partition: ['INC'] }).limit(20);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await q.getMany();
      for (const r of page.results) out[`${entity}/${r.key}`] = r.key.endsWith(':head') ? { ...r.value.record, updatedAt: null } : r.value.record;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  return out;
}

/**
 * The stored rollups equal a recomputation from Jira now (days, backlog, counters, facts per incident),
 * once the sweep has run (it brings in breaches the clock caused since the last event).
 */
async function expectRollupsEqualRebuild(t: TestBackend, catalog: SiteCatalog, config: Config = defaultConfig()): Promise<void> {
  await t.runtime.tick();
  const scratch = await computeRollupsFromJira({ gateway: t.backend.gateways.asApp }, { projectKey: 'INC', config, catalog, now: Date.now() });
  const head = (await store.loadHead('INC')).value;
  expect(head?.open ?? {}).toEqual(scratch.head.open);
  expect(head?.incidents ?? 0).toBe(scratch.head.incidents);
  const stored = await storedRollups();
  const dayKeys = Object.keys(stored).filter((k) => k.startsWith('report-rollup/INC:d:'));
  expect(dayKeys.map((k) => k.slice('report-rollup/INC:d:'.length)).sort()).toEqual(Object.keys(scratch.rollup.days).sort());
  for (const [day, cells] of Object.entries(scratch.rollup.days)) expect(stored[`report-rollup/INC:d:${day}`]).toEqual(cells);
  const factKeys = Object.keys(stored).filter((k) => k.startsWith('report-facts/'));
  expect(factKeys.sort()).toEqual([...scratch.facts.keys()].map((id) => `report-facts/INC:${id}`).sort());
  for (const [id, f] of scratch.facts) expect(stored[`report-facts/INC:${id}`]).toEqual(f);
}

async function report(t: TestBackend, period: { from: string; to: string }): Promise<ReportGetResult> {
  const envelope = (await t.runtime.invoke({ functionKey: 'report/get', payload: { period }, context: { moduleKey: 'reports', accountId: 'user-agent', project: { id: '10000', key: 'INC' } } })) as { data?: unknown; error?: unknown };
  expect(envelope.error).toBeUndefined();
  return ReportGetResultSchema.parse(envelope.data);
}

const slaOf = (r: ReportGetResult, metricId: string) => {
  const m = r.sla.find((x) => x.metricId === metricId);
  return { met: m?.met ?? 0, breached: m?.breached ?? 0, running: m?.running ?? 0, paused: m?.paused ?? 0 };
};

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('rollups follow breaches caused by the clock alone (escalation sweep)', () => {
  it('an open incident with no event after creation is counted breached once the sweep passes its breach instant, with no REST call beyond the sweep GET', async () => {
    // No escalation ladder at all: the breach instant alone must still wake the sweep.
    const { t, catalog } = await start({ ...defaultConfig(), escalationLadders: [] });
    const config = { ...defaultConfig(), escalationLadders: [] };
    await t.runtime.advanceTo(new Date(JST(2, 10)).toISOString());
    const created = incident(t, 1, JST(2, 10)); // P3: first response 120 min, resolution 1620 business min
    await t.runtime.settle();

    const timers = await t.backend.timers.listForIssue(created.id);
    const response = timers.find((x) => x.metricId === 'first-response');
    expect(response?.breachAt).toBe(JST(2, 12));
    expect(response?.dueAt).toBe(JST(2, 12));
    expect(slaOf(await report(t, MARCH), 'first-response')).toEqual({ met: 0, breached: 0, running: 1, paused: 0 });

    // A sweep before the breach changes nothing.
    await t.runtime.advanceTo(new Date(JST(2, 11, 55)).toISOString());
    await t.runtime.tick();
    expect(slaOf(await report(t, MARCH), 'first-response')).toEqual({ met: 0, breached: 0, running: 1, paused: 0 });

    await t.runtime.advanceTo(new Date(JST(2, 12, 5)).toISOString());
    t.runtime.jiraCalls.length = 0;
    const [run] = await t.runtime.tick();
    expect(run?.outcome).toBe('ok');
    // The sweep's one GET carried what the facts need; the rollups cost no REST call.
    expect(t.runtime.jiraCalls.map((c) => `${c.method} ${c.path.split('?')[0] ?? ''}`)).toEqual([`GET /rest/api/3/issue/${created.id}`]);
    const get = t.runtime.jiraCalls[0]?.path ?? '';
    for (const needed of ['resolutiondate', 'components', 'incident-desk-recurrence', 'incident-desk-problem']) expect(decodeURIComponent(get)).toContain(needed);

    const after = await report(t, MARCH);
    expect(slaOf(after, 'first-response')).toEqual({ met: 0, breached: 1, running: 0, paused: 0 });
    expect(slaOf(after, 'resolution')).toEqual({ met: 0, breached: 0, running: 1, paused: 0 });
    await expectRollupsEqualRebuild(t, catalog, config);

    // The breach is counted on the day it happened; a later sweep with nothing due writes nothing.
    const before = await storedRollups();
    await t.runtime.advanceTo(new Date(JST(2, 12, 30)).toISOString());
    await t.runtime.tick();
    expect(await storedRollups()).toEqual(before);
  }, 120_000);
});

describe('rollups drop incidents that are deleted or stop being incidents', () => {
  it('a deleted incident and a retyped one leave the rollups (0 REST calls on their events); a stale incident event after a retype removes it too', async () => {
    const { t, catalog, fx } = await start();
    const taskType = [...t.jira.store.issueTypes.values()].find((x) => x.name === 'Task')?.id ?? '';
    expect(taskType).not.toBe('');
    const made: { id: string; key: string }[] = [];
    for (let n = 0; n < 4; n++) {
      await t.runtime.advanceTo(new Date(JST(3, 10, n * 10)).toISOString());
      made.push(incident(t, n, JST(3, 10, n * 10), n % 2 === 0 ? 'High' : 'Medium'));
      await t.runtime.settle();
    }
    const [a, b, c] = made;
    if (a === undefined || b === undefined || c === undefined) throw new Error('incidents not created');
    await t.runtime.advanceTo(new Date(JST(3, 11)).toISOString());
    t.jira.seed.comment(a.key, 'Looking into it', { by: 'user-agent' });
    t.jira.seed.transition(a.key, 'Resolved', { by: 'user-agent', resolution: 'Done' });
    await t.runtime.settle();
    expect((await report(t, MARCH)).totals).toMatchObject({ opened: 4, closed: 1 });

    // Deleted: the deleted event needs no fetch.
    t.runtime.jiraCalls.length = 0;
    const res = t.jira.handle({ method: 'DELETE', path: `/rest/api/3/issue/${a.key}`, actor: { kind: 'user', accountId: 'user-admin' } });
    expect(res.status).toBe(204);
    await t.runtime.settle();
    expect(t.runtime.jiraCalls).toEqual([]);
    expect((await store.loadFacts('INC', a.id)).value).toBeNull();
    expect(await t.backend.timers.listForIssue(a.id)).toEqual([]);
    expect((await report(t, MARCH)).totals).toMatchObject({ opened: 3, closed: 0, openAtEnd: 3 });
    await expectRollupsEqualRebuild(t, catalog);

    // Retyped to Task: the event carries the new type and the change; no fetch either.
    t.runtime.jiraCalls.length = 0;
    t.jira.seed.edit(b.key, { issuetype: { id: taskType } }, { by: 'user-admin' });
    await t.runtime.settle();
    expect(t.runtime.jiraCalls).toEqual([]);
    expect((await store.loadFacts('INC', b.id)).value).toBeNull();
    expect((await report(t, MARCH)).totals).toMatchObject({ opened: 2 });
    await expectRollupsEqualRebuild(t, catalog);

    // Retyped while the app heard nothing, then an old incident event arrives: Jira's answer removes it.
    t.runtime.useHandlers({});
    t.jira.seed.edit(c.key, { issuetype: { id: taskType } }, { by: 'user-admin' });
    await t.runtime.settle();
    t.runtime.useHandlers((await import('../../../src/index')));
    expect((await store.loadFacts('INC', c.id)).value).not.toBeNull();
    const stale = fx.eventsFor(c.id)[0];
    expect(await handleIssueEvent(issueEventDeps(t.backend), stale)).toEqual({ kind: 'ignored', reason: 'not-an-incident' });
    expect((await store.loadFacts('INC', c.id)).value).toBeNull();
    expect((await report(t, MARCH)).totals).toMatchObject({ opened: 1 });
    await expectRollupsEqualRebuild(t, catalog);

    // Events of other non-incident issues do not touch the rollups.
    const before = await storedRollups();
    t.jira.seed.createIssue({ project: 'INC', summary: 'A task', issueType: 'Task', by: 'user-reporter' });
    await t.runtime.settle();
    expect(await storedRollups()).toEqual(before);
  }, 120_000);
});

describe('rebuildRollupsSlice', () => {
  it('run with a tiny budget again and again until done, ends in exactly the rollups of one rebuild (stale records removed, paging resumed)', async () => {
    const { t, catalog } = await start();
    const keys: string[] = [];
    for (let n = 0; n < 9; n++) {
      const at = JST(4 + (n % 3), 10, n);
      await t.runtime.advanceTo(new Date(at).toISOString());
      const { key } = incident(t, n, at, ['Highest', 'High', 'Medium'][n % 3]);
      keys.push(key);
      await t.runtime.settle();
      if (n % 2 === 0) {
        await t.runtime.advanceTo(new Date(at + (20 + n) * MIN).toISOString());
        t.jira.seed.comment(key, 'On it', { by: 'user-agent' });
        await t.runtime.settle();
      }
      if (n % 3 !== 2) {
        await t.runtime.advanceTo(new Date(at + (60 + 40 * n) * MIN).toISOString());
        t.jira.seed.transition(key, 'Resolved', { by: 'user-agent', resolution: 'Done' });
        await t.runtime.settle();
      }
    }
    await t.runtime.advanceTo(new Date(JST(9, 17)).toISOString());
    await t.runtime.settle();
    // Something no incident explains: the rebuild must drop it.
    await kvs.entity('report-rollup').set('INC:d:2026-01-01', { projectKey: 'INC', version: 1, schemaVersion: 1, record: { bogus: { opened: 5 } } });

    const input = { projectKey: 'INC', config: defaultConfig(), catalog, now: Date.now() };
    let cursor: RebuildCursor | null = null;
    let slices = 0;
    let commentedDuringReset = false;
    let createdDuringScan = false;
    const phases = new Set<string>();
    const tokens = new Set<string>();
    for (;;) {
      slices += 1;
      expect(slices).toBeLessThan(200);
      let steps = 0;
      // Budget: two checks per slice, i.e. at most one reset page or one chunk of GETs.
      const outcome = await rebuildRollupsSlice({ gateway: t.backend.gateways.asApp, store, concurrency: 2, scanPage: 4, resetPage: 3, outOfTime: () => ++steps > 2 }, input, cursor);
      if (outcome.kind === 'done') {
        // The one created during the scan is counted by its trigger, or by the scan when it reaches it.
        expect(outcome.applied).toBeGreaterThanOrEqual(9);
        expect(outcome.tooManyDays).toEqual([]);
        break;
      }
      phases.add(outcome.cursor.phase);
      // Events keep coming while the rebuild runs: one while it resets (skipped: the scan reads Jira
      // afterwards), one incident created while it scans (applied by the trigger through the versioned commit).
      if (outcome.cursor.phase === 'reset' && !commentedDuringReset) {
        commentedDuringReset = true;
        t.jira.seed.comment(keys[2] ?? '', 'Update during the reset', { by: 'user-agent' });
        await t.runtime.settle();
        expect((await store.loadHead('INC')).value?.resetting).toBe(true);
      }
      if (outcome.cursor.phase === 'scan' && !createdDuringScan) {
        createdDuringScan = true;
        incident(t, 99, Date.now(), 'Medium');
        await t.runtime.settle();
      }
      if (outcome.cursor.pageToken !== null) tokens.add(outcome.cursor.pageToken);
      // The cursor is plain JSON the caller can store.
      cursor = RebuildCursorSchema.parse(JSON.parse(JSON.stringify(outcome.cursor)));
    }
    expect(phases).toEqual(new Set(['reset', 'scan']));
    expect([commentedDuringReset, createdDuringScan]).toEqual([true, true]);
    expect((await store.loadHead('INC')).value?.incidents).toBe(10);
    // 3 reset pages at least (9 facts + days + head, 3 a step) and 9 incidents 2 at a time over 3 JQL pages.
    expect(slices).toBeGreaterThanOrEqual(8);
    expect(tokens.size).toBeGreaterThanOrEqual(2);
    const sliced = await storedRollups();
    expect(sliced['report-rollup/INC:d:2026-01-01']).toBeUndefined();

    await rebuildRollups({ gateway: t.backend.gateways.asApp, store }, input);
    expect(await storedRollups()).toEqual(sliced);
    await expectRollupsEqualRebuild(t, catalog);
  }, 180_000);
});
