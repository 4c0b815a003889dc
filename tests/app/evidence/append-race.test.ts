import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addEvidence, appendToRegister, APPEND_ATTEMPTS, evaluateChain, listEvidence, type EvidenceDeps, type EvidenceStore } from '../../../src/app/evidence';
import { kvsEvidenceStore } from '../../../src/forge/storage/evidence-store';
import { KvsSetupStore } from '../../../src/forge/storage/setup-store';
import { startBackend, type TestBackend } from '../support/emulator-backend';
import { setUpEscalation } from '../escalation/escalation-fixture';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;
beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t);
});
afterEach(() => t.runtime.dispose());

/** The real KVS store, counting the creates refused because another writer took the number first. */
function countingStore(): { store: EvidenceStore; taken: () => number } {
  let taken = 0;
  return {
    store: {
      load: (id) => kvsEvidenceStore.load(id),
      async create(id, record, content) {
        const created = await kvsEvidenceStore.create(id, record, content);
        if (!created) taken += 1;
        return created;
      },
    },
    taken: () => taken,
  };
}

function deps(store: EvidenceStore): EvidenceDeps {
  const setup = new KvsSetupStore();
  return { store, gateways: t.backend.gateways, configs: t.backend.configs, catalogOf: async (k) => (await setup.load(k))?.catalog ?? null, clock: t.backend.clock, sha256 };
}

describe('evidence appends racing on the emulator KVS', () => {
  it('writers that lose a sequence number re-read and chain onto the winner: every add lands once', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    const counting = countingStore();
    const d = deps(counting.store);
    const outs = await t.runtime.runAs({ accountId: 'user-csirt' }, () =>
      Promise.all(Array.from({ length: 8 }, (_, i) => addEvidence(d, { issueKey: issue.key, accountId: 'user-csirt', item: { kind: 'text', name: `n${String(i)}`, text: `t${String(i)}` } }))),
    );
    expect(outs.every((o) => o.ok)).toBe(true);
    // The race really happened (the retry path ran), and still no number was used twice.
    expect(counting.taken()).toBeGreaterThan(0);
    const chain = evaluateChain(issue.id, await kvsEvidenceStore.load(issue.id), sha256);
    expect(chain.problems).toEqual([]);
    expect(chain.register.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const listed = await t.runtime.runAs({ accountId: 'user-csirt' }, () => listEvidence(d, { issueKey: issue.key, accountId: 'user-csirt' }));
    expect(listed.ok && listed.value.state === 'register' && listed.value.items.map((i) => i.sha256).sort()).toEqual(Array.from({ length: 8 }, (_, i) => sha256(`t${String(i)}`)).sort());
  });

  it('a writer that keeps losing gives up with a clear "try again" after a bounded number of attempts, writing nothing', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    let attempts = 0;
    const alwaysTaken: EvidenceStore = { load: (id) => kvsEvidenceStore.load(id), create: () => Promise.resolve(((attempts += 1), false)) };
    const out = await appendToRegister({ store: alwaysTaken, sha256 }, issue.id, () => ({
      kind: 'append',
      request: { type: 'add-item', at: 1, by: 'u', item: { name: 'x', kind: 'text', description: null }, sha256: 'ab'.repeat(32) },
      content: null,
    }));
    expect(out).toMatchObject({ kind: 'refused', code: 'busy', message: { en: expect.stringContaining('try again') as unknown } });
    expect(attempts).toBe(APPEND_ATTEMPTS);
    expect(await kvsEvidenceStore.load(issue.id)).toEqual([]);
  });
});
