import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addEvidence, evaluateChain, type EvidenceDeps } from '../../../src/app/evidence';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { kvsEvidenceStore, sha256Hex } from '../../../src/forge/storage/evidence-store';
import { KvsSetupStore } from '../../../src/forge/storage/setup-store';
import { issueEventDeps } from '../../../src/forge/wiring';
import { startBackend, writeCalls, type TestBackend } from '../support/emulator-backend';
import { setUpEscalation } from '../escalation/escalation-fixture';

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;
beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t);
});
afterEach(() => t.runtime.dispose());

function deps(): EvidenceDeps {
  const setup = new KvsSetupStore();
  return { store: kvsEvidenceStore, gateways: t.backend.gateways, configs: t.backend.configs, catalogOf: async (k) => (await setup.load(k))?.catalog ?? null, clock: t.backend.clock, sha256: sha256Hex };
}
const add = (issueKey: string) =>
  t.runtime.runAs({ accountId: 'user-csirt' }, () => addEvidence(deps(), { issueKey, accountId: 'user-csirt', item: { kind: 'text', name: 'log', text: 'x' } }));
const records = async (issueId: string) => evaluateChain(issueId, await kvsEvidenceStore.load(issueId), sha256Hex).register.records;
const lastEvent = (issueId: string) => fx.eventsFor(issueId).at(-1);

describe('the issue-event path seals the evidence register when a security incident closes', () => {
  it('writes the lock record once, by the app, at the event time; a repeated event writes nothing more', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    expect((await add(issue.key)).ok).toBe(true);
    t.runtime.setClockSilently('2026-03-02T03:00:00.000Z');
    t.jira.seed.transition(issue.key, 'Resolved', { by: 'app' });
    const event = lastEvent(issue.id);
    await handleIssueEvent(issueEventDeps(t.backend), event);
    const sealed = await records(issue.id);
    expect(sealed.map((r) => r.type)).toEqual(['item-added', 'locked']);
    expect(sealed[1]).toMatchObject({ by: 'app-incident-desk', at: Date.parse('2026-03-02T03:00:00.000Z'), reason: 'resolution: Done' });
    const before = writeCalls(t.calls).length;
    await handleIssueEvent(issueEventDeps(t.backend), event);
    expect(await records(issue.id)).toHaveLength(2);
    // The hook itself costs no REST call; the repeated event's other steps are already in sync.
    expect(writeCalls(t.calls).length).toBe(before);
  });

  it('leaves empty registers and open incidents alone', async () => {
    const empty = await fx.incident({ kind: 'Security incident' });
    t.jira.seed.transition(empty.key, 'Resolved', { by: 'app' });
    await handleIssueEvent(issueEventDeps(t.backend), lastEvent(empty.id));
    expect(await kvsEvidenceStore.load(empty.id)).toEqual([]);

    const open = await fx.incident({ kind: 'Security incident' });
    await add(open.key);
    t.jira.seed.transition(open.key, 'In Progress', { by: 'app' });
    await handleIssueEvent(issueEventDeps(t.backend), lastEvent(open.id));
    expect((await records(open.id)).map((r) => r.type)).toEqual(['item-added']);
  });
});
