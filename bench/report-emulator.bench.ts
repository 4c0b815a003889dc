/**
 * report/get on the emulated site for 5,000 and 50,000 seeded incidents over a year (Asia/Tokyo):
 * seeds the incidents through the emulator's REST seeding (created, some resolved), builds the rollups
 * from scratch (rebuild: JQL pages + one GET per incident, then the KVS records), then times ONE
 * report/get resolver call for a month, a quarter and the year, printing ms, Jira REST calls per report,
 * KVS operations per report and the stored rollup size (total and largest day record).
 * Run: npx tsx bench/report-emulator.bench.ts [counts...]   (default: 5000 50000)
 */
import '../emulator/runtime/node-interop';
import { ForgeRuntime } from '../emulator/runtime/forge-runtime';
import type { EmulatedJira } from '../emulator/jira/index';
import { rebuildRollups } from '../src/app/report/rebuild-rollups';
import { defaultConfig } from '../src/config';
import { createBackend, setupService } from '../src/forge/wiring';
import { KvsReportRollupStore } from '../src/forge/storage/report-rollup-store';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
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

async function run(n: number): Promise<void> {
  const handlers = (await import('../src/index')) as unknown as Record<string, unknown>;
  const runtime = await ForgeRuntime.create({ start: new Date(YEAR_START - 24 * H).toISOString(), handlers, scheduled: 'off' });
  try {
    const jira = runtime.site as EmulatedJira;
    jira.seed.createProject({ key: 'INC', name: 'Incidents' });
    const backend = createBackend();
    const status = await setupService(backend).run({ projectKey: 'INC', accountId: 'user-admin' });
    const f = status.catalog.fields;
    // Events off while seeding: the bench measures the rebuild and the report, not 100k trigger runs.
    runtime.useHandlers({});
    const t0 = performance.now();
    const services = ['決済API', 'メール', '認証', '在庫', '配送', 'ポータル', 'DB'];
    const kinds = ['障害 / Failure', '問い合わせ / Inquiry'];
    for (let i = 0; i < n; i++) {
      const at = YEAR_START + Math.floor((i / n) * 365 * 24 * H);
      runtime.setClockSilently(at);
      const { key } = jira.seed.createIssue({
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
      if (rand() < 0.7) jira.seed.comment(key, 'On it', { by: 'user-agent', at: at + Math.floor(rand() * 2 * H) });
      if (rand() < 0.85) jira.seed.transition(key, 'Resolved', { by: 'user-agent', resolution: 'Done', at: at + 2 * H + Math.floor(rand() * 40 * H) });
    }
    const seeded = performance.now() - t0;
    const end = YEAR_START + 366 * 24 * H;
    runtime.setClockSilently(end);
    const store = new KvsReportRollupStore();
    const t1 = performance.now();
    const computed = await rebuildRollups({ gateway: backend.gateways.asApp, store, concurrency: 8 }, { projectKey: 'INC', config: defaultConfig(), catalog: status.catalog, now: end });
    const rebuilt = performance.now() - t1;
    const daySizes = Object.values(computed.rollup.days).map((d) => Buffer.byteLength(JSON.stringify(d)));
    const total = daySizes.reduce((a, b) => a + b, 0) + Buffer.byteLength(JSON.stringify(computed.head));
    const factsBytes = [...computed.facts.values()].reduce((a, x) => a + Buffer.byteLength(JSON.stringify(x)), 0);
    runtime.useHandlers(handlers);
    console.log(`\n${String(n)} incidents: seeded in ${(seeded / 1000).toFixed(1)} s, rollups rebuilt from scratch in ${(rebuilt / 1000).toFixed(1)} s`);
    console.log(`  stored rollups: ${(total / 1024).toFixed(1)} KiB in ${String(daySizes.length)} day records + head (largest day ${(Math.max(...daySizes) / 1024).toFixed(1)} KiB, head ${(Buffer.byteLength(JSON.stringify(computed.head)) / 1024).toFixed(1)} KiB); facts ${(factsBytes / 1024 / 1024).toFixed(1)} MiB in ${String(computed.facts.size)} records`);
    for (const [label, period] of [
      ['month', { from: '2025-06-01', to: '2025-06-30' }],
      ['quarter', { from: '2025-04-01', to: '2025-06-30' }],
      ['year', { from: '2025-01-01', to: '2025-12-31' }],
    ] as const) {
      // Both logs are bounded, so they are emptied rather than compared by length.
      runtime.jiraCalls.length = 0;
      runtime.kvs.log.length = 0;
      const t2 = performance.now();
      const r = (await runtime.invoke({ functionKey: 'report/get', payload: { period }, context: { moduleKey: 'reports', accountId: 'user-agent', project: { id: '10000', key: 'INC' } } })) as { ok: boolean; data?: { totals: { opened: number } } };
      const ms = performance.now() - t2;
      console.log(`  report/get ${label.padEnd(7)}: ${ms.toFixed(0).padStart(5)} ms, ${String(runtime.jiraCalls.length)} Jira calls, ${String(runtime.kvs.log.length)} KVS ops, ok=${String(r.ok)}, opened=${String(r.data?.totals.opened)}`);
    }
  } finally {
    runtime.dispose();
  }
}

for (const n of counts.length > 0 ? counts : [5000, 50000]) await run(n);
