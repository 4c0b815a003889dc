/**
 * Evidence register: what reading and verifying costs as a register grows.
 * 1. Pure: evaluateChain (domain verification + text content checks) for 1,000 and 10,000 records.
 * 2. On the emulated site: ONE evidence/list resolver call (as the CSIRT) on a security incident whose
 *    register holds 100 / 1,000 records, printing ms and Jira REST calls; and a burst of 10 concurrent
 *    evidence/add calls, printing ms and the sequence numbers they got.
 * Run: npx tsx bench/evidence-register.bench.ts
 */
import { createHash } from 'node:crypto';
import '../emulator/runtime/node-interop';
import type { EmulatedJira } from '../emulator/jira/index';
import type { StoredEvidence } from '../src/app/evidence';
import { genesisHash, recordHash, type EvidenceRecord } from '../src/domain/incident/evidence';

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A valid register of n records, chained directly (appendEvidence re-verifies the whole register per call: O(n^2) to build). */
function build(registerId: string, n: number): { stored: StoredEvidence[] } {
  const stored: StoredEvidence[] = [];
  let prevHash = genesisHash(registerId, sha256Hex);
  let items = 0;
  for (let i = 0; i < n; i++) {
    const seq = i + 1;
    const at = 1_772_400_000_000 + i * 1000;
    const text = `evidence line ${String(i)}`;
    const base = { seq, at, by: 'user-csirt', prevHash, hash: '' };
    const record: EvidenceRecord =
      i % 3 === 2
        ? { type: 'custody', ...base, action: 'viewed', itemId: null, to: null, note: null }
        : { type: 'item-added', ...base, itemId: `ev-${String((items += 1))}`, item: { name: `item ${String(i)}`, kind: 'text', description: null }, sha256: sha256Hex(text) };
    const sealed = { ...record, hash: recordHash(record, sha256Hex) };
    prevHash = sealed.hash;
    stored.push({ seq, record: sealed, content: record.type === 'item-added' ? { text, size: null } : null });
  }
  return { stored };
}

async function pure(): Promise<void> {
  const { evaluateChain } = await import('../src/app/evidence');
  for (const n of [1_000, 10_000]) {
    const { stored } = build('10001', n);
    const t0 = performance.now();
    const chain = evaluateChain('10001', stored, sha256Hex);
    const ms = performance.now() - t0;
    console.log(`evaluateChain ${String(n).padStart(6)} records: ${ms.toFixed(1)} ms (${chain.problems.length} problems)`);
  }
}

async function onSite(): Promise<void> {
  // Loaded after node-interop registered its hooks (the @forge packages are CommonJS).
  const { ForgeRuntime } = await import('../emulator/runtime/forge-runtime');
  const { handleIssueEvent } = await import('../src/app/issue-events/handle-issue-event');
  const { defaultResolverDeps } = await import('../src/forge/resolvers/default-deps');
  const { createResolverHandler } = await import('../src/forge/resolvers/resolver');
  const { kvsEvidenceStore } = await import('../src/forge/storage/evidence-store');
  const { createBackend, issueEventDeps, setupService } = await import('../src/forge/wiring');
  const runtime = await ForgeRuntime.create({ start: '2026-03-02T00:00:00.000Z', handlers: {}, scheduled: 'off' });
  try {
    const jira = runtime.site as EmulatedJira;
    jira.seed.createProject({ key: 'INC', name: 'Incidents' });
    jira.seed.createUser({ accountId: 'user-csirt', displayName: 'Ken CSIRT', groups: ['jira-users', 'csirt'] });
    const backend = createBackend();
    const status = await setupService(backend).run({ projectKey: 'INC', accountId: 'user-admin' });
    const kindField = status.catalog.fields.incidentKind;
    if (kindField === null) throw new Error('no incident kind field');
    runtime.useHandlers({ resolver: createResolverHandler(() => defaultResolverDeps(backend)) });
    const project = { id: jira.store.projectByIdOrKey('INC')?.id ?? '', key: 'INC' };
    const incident = async () => {
      const created = jira.seed.createIssue({ project: 'INC', summary: 'Breach', issueType: 'Incident', reporter: 'user-reporter', by: 'user-reporter', fields: { [kindField]: { value: 'セキュリティインシデント / Security incident' } } });
      const event = runtime.emitted.filter((e) => (e.event['issue'] as { id?: string } | undefined)?.id === created.id).at(-1)?.event;
      await handleIssueEvent(issueEventDeps(backend), event);
      return created;
    };
    const invoke = (functionKey: string, payload: unknown, issue: { id: string; key: string }) =>
      runtime.invoke({ functionKey, payload, context: { moduleKey: 'sla-panel', accountId: 'user-csirt', project, issue } });

    for (const n of [100, 1_000]) {
      const issue = await incident();
      for (const s of build(issue.id, n).stored) if (s.record !== null) await kvsEvidenceStore.create(issue.id, s.record, s.content);
      const calls = runtime.jiraCalls.length;
      const t0 = performance.now();
      const res = (await invoke('evidence/list', {}, issue)) as { ok: boolean; data?: { chain?: { status: string } } };
      const ms = performance.now() - t0;
      console.log(`evidence/list ${String(n).padStart(5)} records: ${ms.toFixed(1)} ms, ${String(runtime.jiraCalls.length - calls)} Jira REST calls, chain ${res.data?.chain?.status ?? 'error'}`);
    }

    const issue = await incident();
    const t0 = performance.now();
    const added = (await Promise.all(Array.from({ length: 10 }, (_, i) => invoke('evidence/add', { item: { kind: 'text', name: `n${String(i)}`, text: `t${String(i)}` } }, issue)))) as { ok: boolean; data?: { item: { seq: number } } }[];
    const ms = performance.now() - t0;
    const seqs = added.map((a) => a.data?.item.seq ?? 0).sort((a, b) => a - b);
    console.log(`10 concurrent evidence/add: ${ms.toFixed(1)} ms, seqs ${seqs.join(',')} (all ok: ${String(added.every((a) => a.ok))})`);
  } finally {
    runtime.dispose();
  }
}

await pure();
await onSite();
