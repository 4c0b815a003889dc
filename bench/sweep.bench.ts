/**
 * REST calls, KVS operations and CPU time of ONE escalation sweep against the emulated Jira (real
 * @forge/api and @forge/kvs), with N open incidents of which 25 are due. The goal: calls proportional to
 * the due work, not to the open incidents.
 *
 * Run: npx tsx bench/sweep.bench.ts [open=10000] [due=25]
 *
 * Every incident is a real issue on the emulated site. The due ones (and a sample of the others) get
 * their SLA timers from the real issue-event use case; the remaining not-due timers are copies of a
 * sample's record with their own issue id and key (writing 10,000 timers through the event path would
 * only make the set-up slow; the sweep cannot tell the difference).
 */
import '../emulator/runtime/node-interop';
import { ForgeRuntime } from '../emulator/runtime/forge-runtime';
import type { EmulatedJira } from '../emulator/jira/index';

const OPEN = Number(process.argv[2] ?? 10_000);
const DUE = Number(process.argv[3] ?? 25);
const T0 = Date.parse('2026-03-02T00:00:00.000Z'); // Monday 09:00 Tokyo

async function main(): Promise<void> {
  const { handleIssueEvent } = await import('../src/app/issue-events/handle-issue-event');
  const { runEscalations } = await import('../src/app/escalation/run-escalations');
  const { createBackend, escalationSweepDeps, issueEventDeps, setupService } = await import('../src/forge/wiring');
  const runtime = await ForgeRuntime.create({ start: T0, handlers: {} });
  const jira = runtime.site as EmulatedJira;
  jira.seed.createProject({ key: 'INC', name: 'Incidents' });
  const calls: { method: string; path: string }[] = [];
  const backend = createBackend({ onJiraCall: (r) => calls.push({ method: r.method, path: r.path }) });
  const setup = await setupService(backend).run({ projectKey: 'INC', accountId: null });
  const f = setup.catalog.fields;
  const events = issueEventDeps(backend);
  const fields = { [f.impact ?? '']: jira.seed.optionValue(f.impact ?? '', '特定部門'), [f.urgency ?? '']: jira.seed.optionValue(f.urgency ?? '', '基幹業務停止') }; // P2

  const setupStarted = performance.now();
  const create = async (i: number, at: number, handle: boolean) => {
    runtime.setClockSilently(at);
    const issue = jira.seed.createIssue({ project: 'INC', summary: `Incident ${String(i)}`, issueType: 'Incident', reporter: 'user-reporter', by: 'user-reporter', fields });
    if (handle) await handleIssueEvent(events, runtime.emitted.at(-1)?.event);
    return issue;
  };
  // Due: created at 09:00; the seed ladder warns at 75 % of the 30-minute first response (09:22:30).
  for (let i = 0; i < DUE; i++) await create(i, T0, true);
  // Not due: created at 10:00, so nothing of theirs is due at the sweep (09:25).
  const sample = await create(DUE, T0 + 3_600_000, true);
  const templates = await backend.timers.listForIssue(sample.id);
  for (let i = DUE + 1; i < OPEN; i++) {
    const issue = await create(i, T0 + 3_600_000, false);
    for (const timer of templates) await backend.timers.put({ ...timer, issueId: issue.id, issueKey: issue.key });
  }
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const sweep = async (label: string) => {
    calls.length = 0;
    const kvsBefore = runtime.kvs.log.length;
    const deps = await escalationSweepDeps(backend, { outOfTime: () => false });
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const result = await runEscalations(deps);
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const byKind = new Map<string, number>();
    for (const c of calls) {
      const kind = `${c.method} ${c.path.split('?')[0]?.replace(/\/issue\/[^/]+/, '/issue/{id}').replace(/properties\/[^/]+$/, 'properties/{key}') ?? ''}`;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    console.log(`\n${label}`);
    console.log(`  issues looked at ${String(result.issues)}, levels fired ${String(result.fired)}, actions done ${String(result.actions.done)}`);
    console.log(`  REST calls ${String(calls.length)} (${(calls.length / Math.max(1, result.issues)).toFixed(1)} per due issue), KVS ops ${String(runtime.kvs.log.length - kvsBefore)}`);
    console.log(`  CPU ${((used.user + used.system) / 1000).toFixed(1)} ms, wall ${wall.toFixed(1)} ms`);
    for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(4)}  ${kind}`);
  };

  console.log(`Escalation sweep against the emulated Jira: ${String(OPEN)} open incidents, ${String(DUE)} due (set-up ${setupSeconds.toFixed(1)} s)`);
  runtime.setClockSilently(T0 + 25 * 60_000);
  await sweep('First sweep at 09:25 (the 25 due incidents: 75 % first-response warning)');
  await sweep('Re-run at the same instant (nothing new may fire)');
  runtime.setClockSilently(T0 + 35 * 60_000);
  await sweep('Sweep at 09:35 (the 25 breach their first response: label, comment, notify)');
  runtime.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
