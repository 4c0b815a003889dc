/**
 * REST calls and CPU time per issue event, against the emulated Jira (real @forge/api and @forge/kvs).
 * Run: npx tsx bench/issue-event.bench.ts [incidents=200]
 */
import '../emulator/runtime/node-interop';
import { ForgeRuntime } from '../emulator/runtime/forge-runtime';
import type { EmulatedJira } from '../emulator/jira/index';
import type { ForgeProductEvent } from '../emulator/jira/site-contract';

const N = Number(process.argv[2] ?? 200);

async function main(): Promise<void> {
  // Loaded after node-interop, so @forge packages get the bundler's default-import semantics.
  const { handleIssueEvent } = await import('../src/app/issue-events/handle-issue-event');
  const { createBackend, issueEventDeps, setupService } = await import('../src/forge/wiring');
  const runtime = await ForgeRuntime.create({ start: '2026-03-02T00:00:00.000Z', handlers: {} });
  const jira = runtime.site as EmulatedJira;
  jira.seed.createProject({ key: 'INC', name: 'Incidents' });
  const calls: { method: string; path: string }[] = [];
  const backend = createBackend({ onJiraCall: (r) => calls.push({ method: r.method, path: r.path }) });
  const setup = await setupService(backend).run({ projectKey: 'INC', accountId: null });
  const f = setup.catalog.fields;
  const deps = issueEventDeps(backend);

  const impacts = ['全部門', '特定部門', '特定個人'];
  const urgencies = ['基幹業務停止', '一部業務に支障', '代替手段あり'];
  const stats = new Map<string, { events: number; calls: number; maxCalls: number; cpuUs: number; wallMs: number; kvs: number }>();
  const measure = async (kind: string, event: ForgeProductEvent | undefined): Promise<void> => {
    calls.length = 0;
    const kvsBefore = runtime.kvs.log.length;
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await handleIssueEvent(deps, event);
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const s = stats.get(kind) ?? { events: 0, calls: 0, maxCalls: 0, cpuUs: 0, wallMs: 0, kvs: 0 };
    s.events += 1;
    s.calls += calls.length;
    s.maxCalls = Math.max(s.maxCalls, calls.length);
    s.cpuUs += used.user + used.system;
    s.wallMs += wall;
    s.kvs += runtime.kvs.log.length - kvsBefore;
    stats.set(kind, s);
  };
  const last = (): ForgeProductEvent | undefined => runtime.emitted.at(-1)?.event;

  for (let i = 0; i < N; i++) {
    runtime.setClockSilently(Date.parse('2026-03-02T00:00:00.000Z') + i * 60_000);
    const issue = jira.seed.createIssue({
      project: 'INC',
      summary: `Incident ${String(i)}`,
      issueType: 'Incident',
      reporter: 'user-reporter',
      by: 'user-reporter',
      // Every third incident is created with the right priority already (no priority write needed).
      ...(i % 3 === 0 ? { priority: 'Medium' } : {}),
      fields: { [f.impact ?? '']: jira.seed.optionValue(f.impact ?? '', impacts[i % 3] ?? ''), [f.urgency ?? '']: jira.seed.optionValue(f.urgency ?? '', urgencies[(i + 1) % 3] ?? '') },
    });
    await measure('created', last());
    jira.seed.edit(issue.key, { labels: ['bench'] }, { by: 'user-agent' });
    await measure('updated, nothing SLA-relevant', last());
    jira.seed.comment(issue.key, 'Looking into it', { by: 'user-agent' });
    await measure('agent comment (first response met)', last());
    jira.seed.transition(issue.key, 'In Progress', { by: 'user-agent' });
    await measure('status change', last());
    if (i % 10 === 0) {
      jira.seed.edit(issue.key, { priority: { name: 'Highest' } }, { by: 'user-agent' });
      await measure('manual priority change (put back)', last());
    }
  }
  // A long-lived incident: 250 changelog entries (the issue GET carries 100; older pages are fetched).
  const long = jira.seed.createIssue({ project: 'INC', summary: 'Long', issueType: 'Incident', priority: 'Medium', by: 'user-reporter', reporter: 'user-reporter', fields: { [f.impact ?? '']: jira.seed.optionValue(f.impact ?? '', '全部門'), [f.urgency ?? '']: jira.seed.optionValue(f.urgency ?? '', '代替手段あり') } });
  for (let k = 0; k < 250; k++) jira.seed.edit(long.key, { labels: [`l${String(k)}`] }, { by: 'user-agent' });
  await measure('update of an issue with 250 history entries', last());

  console.log(`Issue events against the emulated Jira (${String(N)} incidents, default config, setup done)\n`);
  console.log('event kind                                     | events | REST calls avg | max | KVS ops avg | CPU ms avg | wall ms avg');
  console.log('-----------------------------------------------|--------|----------------|-----|-------------|------------|------------');
  for (const [kind, s] of stats) {
    console.log(
      `${kind.padEnd(46)} | ${String(s.events).padStart(6)} | ${(s.calls / s.events).toFixed(2).padStart(14)} | ${String(s.maxCalls).padStart(3)} | ${(s.kvs / s.events).toFixed(1).padStart(11)} | ${(s.cpuUs / s.events / 1000).toFixed(2).padStart(10)} | ${(s.wallMs / s.events).toFixed(2).padStart(11)}`,
    );
  }
  runtime.dispose();
}

await main();
