/**
 * Emulator runtime throughput through the real SDKs: requestJira GET/search, KVS set/get, entity query
 * pages, and the demo seed. Prints figures; not a test.   npx tsx bench/emulator-runtime.bench.ts
 */
import '../emulator/runtime/node-interop';
import { asApp, route } from '@forge/api';
import { kvs, WhereConditions } from '@forge/kvs';
import type { EmulatedJira } from '../emulator/jira/index';
import { ForgeRuntime } from '../emulator/runtime/forge-runtime';
import { parseRuntimeManifest } from '../emulator/runtime/manifest';
import { seedDemo } from '../emulator/runtime/seed/demo-seed';

async function timed(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${String(n).padStart(6)} ops  ${(ms / n).toFixed(3).padStart(8)} ms/op  ${Math.round((n * 1000) / ms).toString().padStart(7)} ops/s`);
}

const manifest = parseRuntimeManifest(`
app:
  storage:
    entities:
      - name: timer
        attributes: { projectKey: { type: string }, dueAt: { type: integer } }
        indexes: [{ name: by-due, range: [dueAt], partition: [projectKey] }]
`);

const rt = await ForgeRuntime.create({ start: '2026-03-02T00:00:00Z', manifest });
const jira = rt.site as EmulatedJira;
jira.seed.createProject({ key: 'INC', name: 'Bench' });
for (let i = 0; i < 500; i++) jira.seed.createIssue({ project: 'INC', summary: `Issue ${i}`, by: 'user-reporter' });
await rt.settle();

await timed('requestJira GET /issue/{key} (asApp)', 2000, (i) => asApp().requestJira(route`/rest/api/3/issue/INC-${String((i % 500) + 1)}`).then((r) => r.json()));
await timed('requestJira POST /search/jql 100 w/ fields', 200, () =>
  asApp()
    .requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jql: 'project = INC ORDER BY created DESC', maxResults: 100, fields: ['summary', 'status'] }) })
    .then((r) => r.json()),
);
await timed('kvs.set', 5000, (i) => kvs.set(`k:${i}`, { i, text: 'x'.repeat(200) }));
await timed('kvs.get', 5000, (i) => kvs.get(`k:${i}`));
await timed('kvs.query beginsWith, page of 20', 500, () => kvs.query().where('key', WhereConditions.beginsWith('k:1')).limit(20).getMany());
await timed('entity set', 5000, (i) => kvs.entity('timer').set(`t${i}`, { projectKey: i % 2 ? 'INC' : 'OPS', dueAt: i }));
await timed('entity query by-due, partition, page of 20', 500, () =>
  kvs.entity('timer').query().index('by-due', { partition: ['INC'] }).where(WhereConditions.greaterThan(2500)).limit(20).getMany(),
);
rt.dispose();

const demo = await ForgeRuntime.create({ start: '2026-03-31T00:00:00Z' });
const t0 = performance.now();
const summary = await seedDemo(demo);
console.log(`demo seed: ${summary.incidents.length} incidents + ${summary.problems.length} problems, ${demo.emitted.length} events, ${Math.round(performance.now() - t0)} ms`);
demo.dispose();
