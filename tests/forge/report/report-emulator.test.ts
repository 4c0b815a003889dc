import { afterEach, describe, expect, it } from 'vitest';
import { kvs } from '@forge/kvs';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { computeRollupsFromJira } from '../../../src/app/report/rebuild-rollups';
import { issueEventDeps } from '../../../src/forge/wiring';
import { KvsReportRollupStore } from '../../../src/forge/storage/report-rollup-store';
import { defaultConfig } from '../../../src/config';
import { ReportGetResultSchema, type ReportGetResult } from '../../../src/contracts';
import { startBackend, type TestBackend } from '../../app/support/emulator-backend';
import { setUpIncidents } from '../../app/support/incident-fixture';

/**
 * The report backend end to end on the emulated site: real triggers keep the rollups, the real resolver
 * answers report/get, and the answer is checked against a recomputation written here from the incidents
 * the test itself created (not from the app's code). Every incident lives within one business day
 * (created 10:00 JST on a weekday, everything done before 18:00), so business time equals wall time and
 * SLA outcomes follow from the goals of the default policy: first response P1 15 / P2 30 / P3 120 min,
 * resolution P1 240 / P2 480 / P3 1620 min.
 */

const runtimes: ForgeRuntime[] = [];
afterEach(() => {
  for (const r of runtimes.splice(0)) r.dispose();
});

const MIN = 60_000;
const JST_10 = (day: number): number => Date.UTC(2026, 2, day, 1, 0); // 10:00 JST on 2026-03-<day>
const PRIORITIES = { Highest: { level: 'P1', response: 15, resolution: 240 }, High: { level: 'P2', response: 30, resolution: 480 }, Medium: { level: 'P3', response: 120, resolution: 1620 } } as const;
type PriorityName = keyof typeof PRIORITIES;

interface Spec {
  readonly n: number;
  readonly createdAt: number;
  readonly priority: PriorityName;
  readonly kind: 'inquiry' | 'failure';
  readonly service: string;
  readonly category: string;
  readonly team: string;
  /** Minutes after creation of the first agent comment; null = none. */
  readonly respondAfter: number | null;
  /** Minutes after creation of the resolution; null = stays open. */
  readonly resolveAfter: number | null;
  /** Moves to Waiting for customer (resolution clock paused) instead of resolving. */
  readonly waits?: boolean;
  readonly restricted?: boolean;
}

// Weekdays of March 2026 before the 20th (a holiday): 2-6, 9-13, 16-19.
const DAYS = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19];
const SERVICES = ['決済API', 'メール', '認証'];
const CATEGORIES = ['db', 'network', 'app'];
const TEAMS = ['ops', 'dev'];

function specs(): Spec[] {
  const out: Spec[] = [];
  const names: PriorityName[] = ['Highest', 'High', 'Medium'];
  for (let n = 0; n < 28; n++) {
    // The last four stay open: created on the 18th/19th with Medium goals, so none of them breaches by
    // the end of the scenario (scheduled triggers are off here; a breach by the clock alone reaches the
    // rollups through the escalation sweep, see report-rollup-lifecycle.test.ts).
    const open = n >= 24;
    const day = open ? (n < 26 ? 18 : 19) : (DAYS[n % DAYS.length] ?? 2);
    const priority = open ? 'Medium' : (names[n % 3] ?? 'Medium');
    const goal = PRIORITIES[priority];
    // Every fourth responds late, every fifth resolves late; one open incident gets no response at all.
    const respondAfter = n === 27 ? null : n % 4 === 0 ? goal.response + 10 + n : Math.max(1, goal.response - 5 - (n % 5));
    const resolveAfter = open ? null : Math.min(470, n % 5 === 0 ? goal.resolution + 20 : 30 + n * 7);
    const createdAt = n === 27 ? JST_10(19) + 390 * MIN : JST_10(day) + (n % 2) * 7 * MIN + Math.floor(n / DAYS.length) * 3 * MIN;
    out.push({
      n,
      createdAt,
      priority,
      kind: n % 3 === 1 ? 'inquiry' : 'failure',
      service: SERVICES[n % SERVICES.length] ?? 'x',
      category: CATEGORIES[(n >> 1) % CATEGORIES.length] ?? 'x',
      team: TEAMS[n % 2] ?? 'x',
      respondAfter,
      resolveAfter,
      ...(n === 26 ? { waits: true } : {}),
      ...(n === 5 || n === 17 ? { restricted: true } : {}),
    });
  }
  return out;
}

interface Scenario {
  readonly t: TestBackend;
  readonly specs: readonly Spec[];
  readonly keys: Map<number, string>;
  readonly incidentTypeId: string;
}

async function runScenario(delivery: { delayMinutes?: number; duplicate?: boolean; shuffle?: boolean; seed?: number } = {}): Promise<Scenario> {
  const handlers = (await import('../../../src/index')) as unknown as Record<string, unknown>;
  const t = await startBackend({ handlers, runtime: { scheduled: 'off' } });
  runtimes.push(t.runtime);
  const fx = await setUpIncidents(t);
  const seed = t.jira.seed;
  seed.createUser({ accountId: 'user-csirt', displayName: 'Ken CSIRT', groups: ['jira-users', 'incident-agents', 'csirt'] });
  const levels = seed.createSecurityScheme({ name: 'Incident Desk security', projects: ['INC'], levels: [{ name: 'CSIRT only', groups: ['csirt'] }] });
  const csirtLevel = levels['CSIRT only'] ?? '';
  t.runtime.configureDelivery(delivery);
  const cfg = defaultConfig();
  const kindText = (id: string): string => {
    const k = cfg.incidentKinds.find((x) => x.id === id);
    return k === undefined ? id : `${k.labels.ja} / ${k.labels.en}`;
  };
  const list = specs();
  const keys = new Map<number, string>();
  const steps: { at: number; act: () => void }[] = [];
  for (const s of list) {
    const agent = s.restricted === true ? 'user-csirt' : 'user-agent';
    steps.push({
      at: s.createdAt,
      act: () => {
        const created = seed.createIssue({
          project: 'INC',
          summary: `Incident ${String(s.n)}`,
          issueType: 'Incident',
          priority: s.priority,
          reporter: 'user-reporter',
          by: s.restricted === true ? 'user-csirt' : 'user-reporter',
          labels: [`category-${s.category}`, `team-${s.team}`],
          ...(s.restricted === true ? { security: csirtLevel } : {}),
          fields: { [fx.field('incidentKind')]: { value: kindText(s.kind) }, [fx.field('affectedService')]: s.service },
        });
        keys.set(s.n, created.key);
      },
    });
    if (s.respondAfter !== null) steps.push({ at: s.createdAt + s.respondAfter * MIN, act: () => void seed.comment(keys.get(s.n) ?? '', 'Looking into it', { by: agent }) });
    if (s.resolveAfter !== null) steps.push({ at: s.createdAt + s.resolveAfter * MIN, act: () => seed.transition(keys.get(s.n) ?? '', 'Resolved', { by: agent, resolution: 'Done' }) });
    if (s.waits === true) steps.push({ at: s.createdAt + (s.respondAfter ?? 1) * MIN + MIN, act: () => seed.transition(keys.get(s.n) ?? '', 'Waiting for customer', { by: agent }) });
  }
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    await t.runtime.advanceTo(new Date(step.at).toISOString());
    step.act();
    await t.runtime.settle();
  }
  await t.runtime.advanceTo(new Date(Date.UTC(2026, 2, 19, 8, 59)).toISOString()); // 17:59 JST
  await t.runtime.settle();
  const errors = t.runtime.deliveries.filter((d) => d.outcome === 'error');
  expect(errors.map((d) => JSON.stringify(d.error))).toEqual([]);
  return { t, specs: list, keys, incidentTypeId: fx.status.catalog.issueTypes.incident ?? '' };
}

/** Everything the rollups store, without the last-update instant. */
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

/** Minutes to the first response: the agent's comment, or the resolution when that comes first. */
function firstResponse(s: Spec): number | null {
  const xs = [s.respondAfter, s.resolveAfter].filter((x): x is number => x !== null);
  return xs.length === 0 ? null : Math.min(...xs);
}

const jstDay = (t: number): string => new Date(t + 9 * 60 * MIN).toISOString().slice(0, 10);

/** The report a viewer should get, computed from the specs alone. */
function expected(list: readonly Spec[], from: string, to: string, seesRestricted: boolean) {
  const visible = list.filter((s) => seesRestricted || s.restricted !== true);
  const inPeriod = (t: number): boolean => jstDay(t) >= from && jstDay(t) <= to;
  const opened = visible.filter((s) => inPeriod(s.createdAt));
  const closed = visible.filter((s) => s.resolveAfter !== null && inPeriod(s.createdAt + s.resolveAfter * MIN));
  const openAtEnd = visible.filter((s) => jstDay(s.createdAt) <= to && (s.resolveAfter === null || jstDay(s.createdAt + s.resolveAfter * MIN) > to)).length;
  const sla = { 'first-response': { met: 0, breached: 0, running: 0, paused: 0 }, resolution: { met: 0, breached: 0, running: 0, paused: 0 } };
  for (const s of visible) {
    const goal = PRIORITIES[s.priority];
    // First response stops on the agent's comment or on resolution, whichever comes first.
    const response = firstResponse(s);
    if (response !== null) {
      if (inPeriod(s.createdAt + response * MIN)) sla['first-response'][response <= goal.response ? 'met' : 'breached'] += 1;
    } else if (inPeriod(s.createdAt)) sla['first-response'].running += 1;
    if (s.resolveAfter !== null) {
      if (inPeriod(s.createdAt + s.resolveAfter * MIN)) sla.resolution[s.resolveAfter <= goal.resolution ? 'met' : 'breached'] += 1;
    } else if (inPeriod(s.createdAt)) sla.resolution[s.waits === true ? 'paused' : 'running'] += 1;
  }
  const mean = (xs: number[]): number | null => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100);
  const acked = visible.flatMap((s) => {
    const r = firstResponse(s);
    return r !== null && inPeriod(s.createdAt + r * MIN) ? [r] : [];
  });
  const resolved = closed.map((s) => s.resolveAfter ?? 0);
  const freq = (pick: (s: Spec) => string) => {
    const m = new Map<string, number>();
    for (const s of opened) m.set(pick(s), (m.get(pick(s)) ?? 0) + 1);
    return Object.fromEntries(m);
  };
  return {
    totals: { opened: opened.length, closed: closed.length, openAtEnd },
    sla,
    compliance: {
      'first-response': sla['first-response'].met / (sla['first-response'].met + sla['first-response'].breached),
      resolution: sla.resolution.met / (sla.resolution.met + sla.resolution.breached),
    },
    mttaMinutes: mean(acked),
    mttrMinutes: mean(resolved),
    byService: freq((s) => s.service),
    byCategory: freq((s) => s.category),
    byTeam: freq((s) => s.team),
    byPriority: freq((s) => PRIORITIES[s.priority].level),
    byKind: freq((s) => s.kind),
    breachedKeys: visible.filter((s) => (s.resolveAfter !== null && s.resolveAfter > PRIORITIES[s.priority].resolution) || (firstResponse(s) ?? 0) > PRIORITIES[s.priority].response),
  };
}

async function report(t: TestBackend, accountId: string, period: { from: string; to: string }): Promise<{ result: ReportGetResult; jiraCalls: number }> {
  const before = t.runtime.jiraCalls.length;
  const envelope = (await t.runtime.invoke({ functionKey: 'report/get', payload: { period }, context: { moduleKey: 'reports', accountId, project: { id: '10000', key: 'INC' } } })) as { ok: boolean; data?: unknown; error?: unknown };
  expect(envelope.error).toBeUndefined();
  return { result: ReportGetResultSchema.parse(envelope.data), jiraCalls: t.runtime.jiraCalls.length - before };
}

const asMap = (rows: readonly { value: string | null; count: number }[]): Record<string, number> => Object.fromEntries(rows.map((r) => [r.value ?? 'null', r.count]));

describe('report/get over rollups kept by the triggers', () => {
  it('matches an independent recomputation for each viewer, with at most 3 Jira calls; events replayed give identical rollups', async () => {
    const s = await runScenario();
    const rollups = await storedRollups();
    expect(Object.keys(rollups).filter((k) => k.startsWith('report-facts/'))).toHaveLength(28);

    for (const [viewer, sees] of [
      ['user-csirt', true],
      ['user-agent', false],
    ] as const) {
      for (const period of [
        { from: '2026-03-01', to: '2026-03-31' },
        { from: '2026-03-09', to: '2026-03-13' },
      ]) {
        const { result, jiraCalls } = await report(s.t, viewer, period);
        const want = expected(s.specs, period.from, period.to, sees);
        expect(jiraCalls).toBeLessThanOrEqual(3);
        expect(result.restrictedIncluded).toBe(sees);
        expect(result.timeZone).toBe('Asia/Tokyo');
        expect(result.totals).toMatchObject(want.totals);
        const sla = Object.fromEntries(result.sla.map((m) => [m.metricId, { met: m.met, breached: m.breached, running: m.running, paused: m.paused }]));
        expect(sla).toEqual(want.sla);
        for (const m of result.sla) expect(m.compliance).toBeCloseTo(want.compliance[m.metricId as 'resolution'], 10);
        expect(result.sla.find((m) => m.metricId === 'resolution')?.label?.en).toBe('Time to resolution');
        expect(result.mtta.wallMinutes).toBe(want.mttaMinutes);
        expect(result.mttr.wallMinutes).toBe(want.mttrMinutes);
        // Same business day throughout: business time is wall time.
        expect(result.mttr.businessMinutes).toBe(want.mttrMinutes);
        expect(asMap(result.frequency.byService)).toEqual(want.byService);
        expect(asMap(result.frequency.byCategory)).toEqual(want.byCategory);
        expect(asMap(result.frequency.byTeam)).toEqual(want.byTeam);
        expect(asMap(result.frequency.byPriority)).toEqual(want.byPriority);
        expect(asMap(result.frequency.byKind)).toEqual(want.byKind);
        expect(result.trend).toHaveLength(result.period.days);
        // Breached incidents: current breaches the viewer can see, with their assignee (unassigned here).
        const wantKeys = want.breachedKeys.filter((x) => jstDay(x.createdAt) >= period.from && jstDay(x.createdAt) <= period.to).map((x) => s.keys.get(x.n));
        expect(result.breachedIncidents.map((b) => b.key).sort()).toEqual([...wantKeys].sort());
        if (!sees) expect(result.breachedIncidents.some((b) => b.key === s.keys.get(5) || b.key === s.keys.get(17))).toBe(false);
        expect(result.drilldown.opened).toContain('created >= "' + period.from + '"');
        if (!sees) expect(result.drilldown.opened).toContain('level IS EMPTY');
      }
    }

    // The incremental rollups equal a recomputation from scratch (the rebuild path).
    const catalog = (await s.t.backend.setup.load('INC'))?.catalog;
    if (catalog === undefined) throw new Error('no catalog');
    const scratch = await computeRollupsFromJira({ gateway: s.t.backend.gateways.asApp }, { projectKey: 'INC', config: defaultConfig(), catalog, now: Date.now() });
    const store = new KvsReportRollupStore();
    const head = (await store.loadHead('INC')).value;
    expect(head?.open).toEqual(scratch.head.open);
    expect(head?.restricted).toBe(2);
    const days = await store.loadDays('INC', Object.keys(scratch.rollup.days));
    expect(Object.fromEntries([...days].map(([d, r]) => [d, r.value]))).toEqual(scratch.rollup.days);

    // Every product event delivered again, newest first: nothing changes.
    const deps = issueEventDeps(s.t.backend);
    for (const e of [...s.t.runtime.emitted].reverse()) {
      if (e.event.atlassianId === 'app-incident-desk') continue;
      await handleIssueEvent(deps, e.event);
    }
    expect(await storedRollups()).toEqual(rollups);
  }, 240_000);

  it('late, duplicated and shuffled delivery ends in the same rollups as in-order delivery', async () => {
    await runScenario();
    const inOrder = await storedRollups();
    for (const r of runtimes.splice(0)) r.dispose();
    await runScenario({ delayMinutes: 9, duplicate: true, shuffle: true, seed: 7 });
    expect(await storedRollups()).toEqual(inOrder);
  }, 240_000);
});
