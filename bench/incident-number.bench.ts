/**
 * 管理番号 under contention, on the emulator (real @forge/kvs transactions): N incidents created the same
 * local day, each created event delivered `copies` times, all numbering runs started at once. Prints wall
 * time, claim attempts (a conflict means another run advanced the counter first), KVS operations and the
 * property PUTs, and checks the numbers are exactly 001..N.
 *
 * Run: npx tsx bench/incident-number.bench.ts [N=20] [copies=3] [backoff: jitter|none = jitter]
 */
import '../emulator/runtime/node-interop';
import { ForgeRuntime } from '../emulator/runtime/forge-runtime';
import type { EmulatedJira } from '../emulator/jira/index';
import { assignIncidentNumber, INCIDENT_NUMBER_PROPERTY_KEY, jitteredBackoff, type IncidentCounterStore } from '../src/app/incident';
import { createBackend, setupService } from '../src/forge/wiring';
import { kvsIncidentCounterStore } from '../src/forge/storage/incident-counter-store';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 20);
  const copies = Number(process.argv[3] ?? 3);
  const jitter = (process.argv[4] ?? 'jitter') === 'jitter';
  const runtime = await ForgeRuntime.create({ start: '2026-03-02T00:00:00.000Z', handlers: {} });
  const jira = runtime.site as EmulatedJira;
  jira.seed.createProject({ key: 'INC', name: 'Incidents' });
  let puts = 0;
  const backend = createBackend({
    onJiraCall: (r) => {
      if (r.method === 'PUT' && r.path.includes(INCIDENT_NUMBER_PROPERTY_KEY)) puts += 1;
    },
  });
  await setupService(backend).run({ projectKey: 'INC', accountId: 'user-admin' });
  const ids = Array.from({ length: n }, (_, i) => jira.seed.createIssue({ project: 'INC', summary: `Outage ${String(i)}`, issueType: 'Incident', reporter: 'user-reporter' }).id);
  const snapshots = await Promise.all(ids.map((id) => backend.gateways.asApp.getIssue(id, { properties: [INCIDENT_NUMBER_PROPERTY_KEY] })));

  const counts = { claims: 0, conflicts: 0, reads: 0 };
  const counters: IncidentCounterStore = {
    assignmentOf: (issueId) => ((counts.reads += 1), kvsIncidentCounterStore.assignmentOf(issueId)),
    lastSequence: (p, d) => ((counts.reads += 1), kvsIncidentCounterStore.lastSequence(p, d)),
    claim: async (a, last) => {
      counts.claims += 1;
      const r = await kvsIncidentCounterStore.claim(a, last);
      if (r === 'conflict') counts.conflicts += 1;
      return r;
    },
  };
  const started = performance.now();
  const outcomes = await Promise.all(
    snapshots.flatMap((issue) => Array.from({ length: copies }, () => (issue === null ? Promise.reject(new Error('missing')) : assignIncidentNumber({ gateway: backend.gateways.asApp, counters, ...(jitter ? { backoff: jitteredBackoff(Math.random, (ms) => new Promise((r) => setTimeout(r, ms))) } : {}) }, { issue, timeZone: 'Asia/Tokyo', now: 0 })))),
  );
  const ms = performance.now() - started;
  const numbers = [...new Set(outcomes.map((o) => ('number' in o ? o.number : '?')))].sort();
  const expected = Array.from({ length: n }, (_, i) => `INC-20260302-${String(i + 1).padStart(3, '0')}`);
  const ok = JSON.stringify(numbers) === JSON.stringify(expected);
  console.log(`incidents ${String(n)} x ${String(copies)} deliveries, all concurrent, backoff ${jitter ? 'jittered' : 'none'}`);
  console.log(`  wall time          ${ms.toFixed(0)} ms`);
  console.log(`  claim transactions ${String(counts.claims)} (${String(counts.conflicts)} conflicts, ${(counts.claims / n).toFixed(1)} per incident)`);
  console.log(`  KVS reads          ${String(counts.reads)}`);
  console.log(`  number PUTs        ${String(puts)} (incidents: ${String(n)})`);
  console.log(`  numbers 001..${String(n).padStart(3, '0')} exactly: ${ok ? 'yes' : 'NO'}`);
  runtime.dispose();
  if (!ok) process.exitCode = 1;
}

void main();
