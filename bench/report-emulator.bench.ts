/**
 * report/get on the emulated site for 5,000 and 50,000 seeded incidents over a year (Asia/Tokyo).
 *
 * 1. Seeds the incidents through the emulator's REST seeding (created; ~70 % get an agent comment, ~85 %
 *    are resolved), with the app's triggers off.
 * 2. Builds the stored rollups FROM FACTS (labelled "facts build"): each seeded issue is read in-process
 *    with a synchronous GET on the emulated site (no SDK transport, no concurrency limit), mapped by the
 *    app's own snapshot mapping, evaluated by the SLA engine and turned into facts by incidentFactsOf;
 *    then rollupFromScratch (rollupsOfFacts) and the real KvsReportRollupStore.replace store them. The
 *    production path (rebuildRollups: JQL pages + one SDK GET per incident) takes minutes at 50,000, so
 *    it runs only for counts up to REAL_REBUILD_MAX as a cross-check: its rollups and facts must be
 *    identical to the facts build's, and it is what the report then reads.
 * 3. Times ONE report/get resolver call for a month, a quarter and the year: ms, Jira REST calls and KVS
 *    operations per report, plus the stored size (records, largest value).
 * Run: npx tsx bench/report-emulator.bench.ts [counts...]   (default: 5000 50000)
 */
import { isDeepStrictEqual } from 'node:util';
import '../emulator/runtime/node-interop';
import { ForgeRuntime } from '../emulator/runtime/forge-runtime';
import type { EmulatedJira } from '../emulator/jira/index';
import type { SiteCatalog } from '../src/app/ports/setup-store';
import { incidentFactsOf, REPORT_PROPERTY_KEYS, reportFieldIds, reportTimeZoneOf } from '../src/app/report/incident-facts-of';
import { rebuildRollups, rollupsOfFacts, type ComputedRollups } from '../src/app/report/rebuild-rollups';
import { evaluateIssueSla } from '../src/app/sla/evaluate-issue-sla';
import { SLA_PROPERTY_KEY } from '../src/app/sla/sla-summary';
import { defaultConfig, type Config } from '../src/config';
import type { IncidentFacts } from '../src/domain/report';
import { createBackend, setupService } from '../src/forge/wiring';
import { KvsReportRollupStore } from '../src/forge/storage/report-rollup-store';
import { BASE_FIELDS, changelogEntryOf, commentOf, snapshotOf } from '../src/jira/issue-mapping';
import { JiraCommentPageSchema, JiraIssueSchema } from '../src/jira/schemas';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const REAL_REBUILD_MAX = 5000;
const H = 3_600_000;
const YEAR_START = Date.UTC(2025, 0, 1, 0, 0); // 09:00 JST 1 Jan 2025

let seed = 0x5eed;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** The facts of every seeded issue, read in-process (see step 2 above). */
function factsFromSeededIssues(jira: EmulatedJira, ids: readonly string[], config: Config, catalog: SiteCatalog, now: number): Map<string, IncidentFacts> {
  // The same field list the gateway asks for in a rebuild.
  const fields = [...new Set([...BASE_FIELDS, ...reportFieldIds(catalog), ...[catalog.fields.impact, catalog.fields.urgency, catalog.fields.incidentKind].filter((f): f is string => typeof f === 'string'), 'comment'])];
  const query = new URLSearchParams({ fields: fields.join(','), expand: 'changelog', properties: [SLA_PROPERTY_KEY, ...REPORT_PROPERTY_KEYS].join(',') });
  const out = new Map<string, IncidentFacts>();
  for (const id of ids) {
    const res = jira.handle({ method: 'GET', path: `/rest/api/3/issue/${id}?${query.toString()}`, actor: { kind: 'app' } });
    if (res.status !== 200) throw new Error(`GET ${id}: ${String(res.status)}`);
    const raw = JiraIssueSchema.parse(res.body);
    const histories = raw.changelog?.histories ?? [];
    const comments = JiraCommentPageSchema.safeParse(raw.fields['comment']);
    // Seeded issues have a few changes and at most one comment: the first pages hold everything.
    if ((raw.changelog?.total ?? histories.length) > histories.length || (comments.success && (comments.data.total ?? 0) > comments.data.comments.length)) throw new Error(`${id}: more than one page`);
    const issue = snapshotOf(raw, { changelog: histories.map(changelogEntryOf), comments: comments.success ? comments.data.comments.map(commentOf) : [] });
    const view = evaluateIssueSla(issue, config, catalog, now);
    out.set(issue.id, incidentFactsOf({ issue, evaluation: view?.evaluation ?? null, config, catalog }));
  }
  return out;
}

function storedSize(c: ComputedRollups): { records: number; bytes: number; largest: string } {
  const sizes: [string, number][] = [
    ['head', Buffer.byteLength(JSON.stringify(c.head))],
    ...Object.entries(c.rollup.days).map(([d, v]): [string, number] => [`day ${d}`, Buffer.byteLength(JSON.stringify(v))]),
    ...[...c.facts].map(([id, f]): [string, number] => [`facts ${id}`, Buffer.byteLength(JSON.stringify(f))]),
  ];
  const largest = sizes.reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0] as [string, number]);
  return { records: sizes.length, bytes: sizes.reduce((a, [, b]) => a + b, 0), largest: `${largest[0]} ${kib(largest[1])}` };
}

async function run(n: number): Promise<void> {
  const handlers = (await import('../src/index')) as unknown as Record<string, unknown>;
  const runtime = await ForgeRuntime.create({ start: new Date(YEAR_START - 24 * H).toISOString(), handlers, scheduled: 'off' });
  try {
    const jira = runtime.site as EmulatedJira;
    jira.seed.createProject({ key: 'INC', name: 'Incidents' });
    const backend = createBackend();
    const status = await setupService(backend).run({ projectKey: 'INC', accountId: 'user-admin' });
    const f = status.catalog.fields;
    // Events off while seeding: the bench measures the build and the report, not 100k trigger runs.
    runtime.useHandlers({});
    const t0 = performance.now();
    const services = ['決済API', 'メール', '認証', '在庫', '配送', 'ポータル', 'DB'];
    const kinds = ['障害 / Failure', '問い合わせ / Inquiry'];
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const at = YEAR_START + Math.floor((i / n) * 365 * 24 * H);
      runtime.setClockSilently(at);
      const { id, key } = jira.seed.createIssue({
        project: 'INC',
        summary: `Incident ${String(i)}`,
        issueType: 'Incident',
        priority: pick(['Highest', 'High', 'Medium', 'Low']),
        reporter: 'user-reporter',
        by: 'user-reporter',
        labels: [`category-${pick(['db', 'network', 'app', 'hardware'])}`, `team-${pick(['ops', 'dev', 'helpdesk'])}`],
        fields: { ...(f.affectedService === null ? {} : { [f.affectedService]: pick(services) }), ...(f.incidentKind === null ? {} : { [f.incidentKind]: { value: pick(kinds) } }) },
        at,
      });
      ids.push(id);
      if (rand() < 0.7) jira.seed.comment(key, 'On it', { by: 'user-agent', at: at + Math.floor(rand() * 2 * H) });
      if (rand() < 0.85) jira.seed.transition(key, 'Resolved', { by: 'user-agent', resolution: 'Done', at: at + 2 * H + Math.floor(rand() * 40 * H) });
    }
    const seeded = performance.now() - t0;
    const end = YEAR_START + 366 * 24 * H;
    runtime.setClockSilently(end);
    const config = defaultConfig();
    const store = new KvsReportRollupStore();
    console.log(`\n${String(n)} incidents: seeded in ${(seeded / 1000).toFixed(1)} s`);

    const t1 = performance.now();
    const facts = factsFromSeededIssues(jira, ids, config, status.catalog, end);
    const t2 = performance.now();
    const built = rollupsOfFacts(facts, reportTimeZoneOf(config), end);
    const t3 = performance.now();
    await store.replace({ projectKey: 'INC', head: built.head, days: built.rollup.days, facts: built.facts });
    const t4 = performance.now();
    console.log(
      `  facts build (in-process GET + snapshot mapping + SLA + incidentFactsOf, then rollupFromScratch + KvsReportRollupStore.replace): ${((t4 - t1) / 1000).toFixed(1)} s` +
        ` (facts ${((t2 - t1) / 1000).toFixed(1)} s, rollupFromScratch ${((t3 - t2) / 1000).toFixed(2)} s, store ${((t4 - t3) / 1000).toFixed(1)} s)`,
    );
    const size = storedSize(built);
    console.log(`  stored: ${String(size.records)} records (${String(Object.keys(built.rollup.days).length)} days + head + ${String(built.facts.size)} facts), ${kib(size.bytes)} in all; largest value: ${size.largest}`);

    if (n <= REAL_REBUILD_MAX) {
      const t5 = performance.now();
      const real = await rebuildRollups({ gateway: backend.gateways.asApp, store, concurrency: 8 }, { projectKey: 'INC', config, catalog: status.catalog, now: end });
      const rebuilt = performance.now() - t5;
      const same = isDeepStrictEqual(real.rollup, built.rollup) && isDeepStrictEqual(real.facts, built.facts) && isDeepStrictEqual({ ...real.head, updatedAt: 0 }, { ...built.head, updatedAt: 0 });
      console.log(`  cross-check: real rebuildRollups (JQL + one SDK GET per incident, concurrency 8) in ${(rebuilt / 1000).toFixed(1)} s -> ${same ? 'identical rollups and facts' : 'DIFFERENT from the facts build'}`);
      if (!same) process.exitCode = 1;
    }

    runtime.useHandlers(handlers);
    // Time spent inside the emulated Jira (its JQL engine scans every issue), to tell it from the app's own work.
    let siteMs = 0;
    const request = jira.request.bind(jira);
    jira.request = async (req) => {
      const s0 = performance.now();
      try {
        return await request(req);
      } finally {
        siteMs += performance.now() - s0;
      }
    };
    for (const [label, period] of [
      ['month', { from: '2025-06-01', to: '2025-06-30' }],
      ['quarter', { from: '2025-04-01', to: '2025-06-30' }],
      ['year', { from: '2025-01-01', to: '2025-12-31' }],
    ] as const) {
      // Both logs are bounded, so they are emptied rather than compared by length.
      runtime.jiraCalls.length = 0;
      runtime.kvs.log.length = 0;
      siteMs = 0;
      const t6 = performance.now();
      const r = (await runtime.invoke({ functionKey: 'report/get', payload: { period }, context: { moduleKey: 'reports', accountId: 'user-agent', project: { id: '10000', key: 'INC' } } })) as {
        ok: boolean;
        data?: { totals: { opened: number; closed: number }; sla: { metricId: string; breached: number }[] };
      };
      const ms = performance.now() - t6;
      const breached = r.data?.sla.reduce((a, s) => a + s.breached, 0);
      console.log(
        `  report/get ${label.padEnd(7)}: ${ms.toFixed(0).padStart(5)} ms (${siteMs.toFixed(0)} ms of it inside the emulated Jira), ${String(runtime.jiraCalls.length)} Jira calls, ${String(runtime.kvs.log.length)} KVS ops, ok=${String(r.ok)}, opened=${String(r.data?.totals.opened)}, closed=${String(r.data?.totals.closed)}, breached=${String(breached)}`,
      );
    }
    // Where the year's time goes outside Jira: reading and parsing the day records through the real store.
    const days = Object.keys(built.rollup.days);
    const t7 = performance.now();
    const loaded = await store.loadDays('INC', days);
    const loadMs = performance.now() - t7;
    const bytes = [...loaded.values()].reduce((a, r) => a + Buffer.byteLength(JSON.stringify(r.value)), 0);
    console.log(`  of which: loading + parsing all ${String(days.length)} day records (${kib(bytes)}) through KvsReportRollupStore.loadDays: ${loadMs.toFixed(0)} ms`);
  } finally {
    runtime.dispose();
  }
}

for (const n of counts.length > 0 ? counts : [5000, 50000]) await run(n);
