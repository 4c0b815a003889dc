import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidenceAddResultSchema, EvidenceListResultSchema, type EvidenceListResult, type ResolverError } from '../../../src/contracts';
import { genesisHash, recordHash, type EvidenceRecord } from '../../../src/domain/incident/evidence';
import { defaultResolverDeps } from '../../../src/forge/resolvers/default-deps';
import { createResolverHandler } from '../../../src/forge/resolvers/resolver';
import { evidenceKey, evidencePrefix } from '../../../src/forge/storage/evidence-store';
import { startBackend, type TestBackend } from '../../app/support/emulator-backend';
import { setUpEscalation } from '../../app/escalation/escalation-fixture';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;
let project: { id: string; key: string };

beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t);
  t.jira.seed.createSecurityScheme({
    name: 'Incident Desk security',
    projects: ['INC'],
    levels: [{ name: 'CSIRT only', description: 'CSIRT and the reporter', groups: ['csirt'], roles: [], reporter: true }],
  });
  t.runtime.useHandlers({ resolver: createResolverHandler(() => defaultResolverDeps(t.backend)) });
  const p = t.jira.store.projectByIdOrKey('INC');
  project = { id: p?.id ?? '10000', key: 'INC' };
});
afterEach(() => t.runtime.dispose());

type Answer = { ok: true; data: unknown } | { ok: false; error: ResolverError };

async function call(functionKey: string, payload: unknown, accountId: string, issue: { id: string; key: string }): Promise<Answer> {
  return (await t.runtime.invoke({ functionKey, payload, context: { moduleKey: 'sla-panel', accountId, project, issue } })) as Answer;
}
const errorOf = (r: Answer): ResolverError => {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.data).slice(0, 300)}`);
  return r.error;
};
async function list(issue: { id: string; key: string }, accountId = 'user-csirt'): Promise<EvidenceListResult> {
  const r = await call('evidence/list', {}, accountId, issue);
  if (!r.ok) throw new Error(`evidence/list failed: ${JSON.stringify(r.error)}`);
  return EvidenceListResultSchema.parse(r.data);
}
async function register(issue: { id: string; key: string }, accountId = 'user-csirt') {
  const l = await list(issue, accountId);
  if (l.state !== 'register') throw new Error(`not a register: ${JSON.stringify(l)}`);
  return l;
}
async function addText(issue: { id: string; key: string }, name: string, text: string, accountId = 'user-csirt') {
  const r = await call('evidence/add', { item: { kind: 'text', name, text, note: 'from the firewall' } }, accountId, issue);
  if (!r.ok) throw new Error(`evidence/add failed: ${JSON.stringify(r.error)}`);
  return EvidenceAddResultSchema.parse(r.data);
}
const storedRecords = (issueId: string): EvidenceRecord[] =>
  Object.entries(t.runtime.kvs.dump().kv)
    .filter(([k]) => k.startsWith(evidencePrefix(issueId)))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, v]) => (v as { record: EvidenceRecord }).record);
const bilingual = (e: ResolverError) => {
  expect(e.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
  expect(e.message.en).toMatch(/^[\x20-\x7e]+$/);
};

describe('evidence register of a security incident, through the resolvers on the emulator', () => {
  it('adds a text item (hashed by the backend) and a file item (hash from the browser) and lists them with who, when and a verified chain', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    t.runtime.setClockSilently('2026-03-02T01:00:00.000Z');
    const text = 'C2 beacon to 203.0.113.9:443\n';
    const added = await addText(issue, 'Firewall log excerpt', text);
    expect(added.item).toMatchObject({ itemId: 'ev-1', seq: 1, kind: 'text', sha256: sha256(text), addedBy: 'user-csirt', addedAt: Date.parse('2026-03-02T01:00:00.000Z'), note: 'from the firewall', text });

    t.runtime.setClockSilently('2026-03-02T01:05:00.000Z');
    const digest = 'AB'.repeat(32);
    const file = await call('evidence/add', { item: { kind: 'file', name: 'memory.dmp', size: 1_048_576, sha256: digest } }, 'user-csirt', issue);
    expect(file).toMatchObject({ ok: true, data: { item: { itemId: 'ev-2', seq: 2, kind: 'file', sha256: 'ab'.repeat(32), size: 1_048_576, text: null, note: null } } });

    const l = await register(issue);
    expect(l.items.map((i) => [i.itemId, i.name, i.sha256, i.addedBy, i.addedAt])).toEqual([
      ['ev-1', 'Firewall log excerpt', sha256(text), 'user-csirt', Date.parse('2026-03-02T01:00:00.000Z')],
      ['ev-2', 'memory.dmp', 'ab'.repeat(32), 'user-csirt', Date.parse('2026-03-02T01:05:00.000Z')],
    ]);
    // The look itself is in the custody log, once per quarter hour per person.
    expect(l.custody.map((c) => [c.seq, c.action, c.by, c.itemId])).toEqual([
      [1, 'added', 'user-csirt', 'ev-1'],
      [2, 'added', 'user-csirt', 'ev-2'],
      [3, 'viewed', 'user-csirt', null],
    ]);
    expect(l).toMatchObject({ chain: { status: 'verified', records: 3 }, locked: false, canAdd: true, addRefusal: null });
    expect((await register(issue)).custody).toHaveLength(3);
    t.runtime.setClockSilently('2026-03-02T01:30:00.000Z');
    expect((await register(issue)).custody.map((c) => c.action)).toEqual(['added', 'added', 'viewed', 'viewed']);

    // The chain is the domain's: genesis bound to the issue id, each record hashing what it says.
    const records = storedRecords(issue.id);
    expect(records[0]?.prevHash).toBe(genesisHash(issue.id, sha256));
    records.forEach((r, i) => {
      expect(r.hash).toBe(recordHash(r, sha256));
      if (i > 0) expect(r.prevHash).toBe(records[i - 1]?.hash);
    });
  });

  it('concurrent adds all land, with distinct consecutive sequence numbers and a chain that verifies', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    const n = 6;
    const answers = await Promise.all(Array.from({ length: n }, (_, i) => addText(issue, `item ${String(i)}`, `text ${String(i)}`)));
    expect(answers.map((a) => a.item.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(answers.map((a) => a.item.itemId)).size).toBe(n);
    const l = await register(issue);
    expect(l.chain).toMatchObject({ status: 'verified' });
    expect(l.items.map((i) => i.name).sort()).toEqual(Array.from({ length: n }, (_, i) => `item ${String(i)}`));
  });

  it('a record altered in the KVS makes verification report the chain broken at that record, and nothing more is added to it', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    for (const i of [1, 2, 3]) await addText(issue, `item ${String(i)}`, `evidence ${String(i)}`);
    const key = evidenceKey(issue.id, 2);
    const stored = t.runtime.kvs.dump().kv[key] as { record: EvidenceRecord & { item: { name: string } } };
    t.runtime.kvs.handle('/api/v1/set', { key, value: { ...stored, record: { ...stored.record, item: { ...stored.record.item, name: 'innocent.txt' } } } });

    const l = await register(issue);
    expect(l.chain.status).toBe('broken');
    if (l.chain.status !== 'broken') return;
    expect(l.chain.firstBrokenSeq).toBe(2);
    expect(l.chain.problems.map((p) => [p.seq, p.code])).toEqual([[2, 'hash-mismatch']]);
    // No custody entry is chained onto a broken register, and adding is refused.
    expect(storedRecords(issue.id)).toHaveLength(3);
    const e = errorOf(await call('evidence/add', { item: { kind: 'text', name: 'x', text: 'y' } }, 'user-csirt', issue));
    expect(e).toMatchObject({ code: 'conflict', meta: { reason: 'broken-chain' } });
    bilingual(e);
  });

  it('a stored text that no longer matches its hash, or a value that no longer parses, is reported at its record', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    for (const i of [1, 2, 3]) await addText(issue, `item ${String(i)}`, `evidence ${String(i)}`);
    const k1 = evidenceKey(issue.id, 1);
    const s1 = t.runtime.kvs.dump().kv[k1] as { content: { text: string } };
    t.runtime.kvs.handle('/api/v1/set', { key: k1, value: { ...s1, content: { ...s1.content, text: 'evidence 1 (edited)' } } });
    t.runtime.kvs.handle('/api/v1/set', { key: evidenceKey(issue.id, 3), value: { garbage: true } });
    const l = await register(issue);
    expect(l.chain.status === 'broken' && l.chain.problems.map((p) => [p.seq, p.code])).toEqual([
      [1, 'content-mismatch'],
      [3, 'unreadable'],
    ]);
  });

  it('after close, adds are refused in ja and en, the register is sealed with a lock record, and reads stay', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    await addText(issue, 'item', 'evidence');
    t.runtime.setClockSilently('2026-03-02T02:00:00.000Z');
    t.jira.seed.transition(issue.key, 'Resolved', { by: 'app' });

    const e = errorOf(await call('evidence/add', { item: { kind: 'text', name: 'late', text: 'too late' } }, 'user-csirt', issue));
    expect(e).toMatchObject({ code: 'conflict', meta: { reason: 'locked' } });
    expect(e.message.en).toContain('closed');
    expect(e.message.ja).toContain('クローズ済み');
    bilingual(e);

    const l = await register(issue);
    expect(l).toMatchObject({ locked: true, lockedAt: Date.parse('2026-03-02T02:00:00.000Z'), canAdd: false, chain: { status: 'verified' } });
    expect(l.addRefusal?.en).toContain('locked');
    expect(l.items.map((i) => i.name)).toEqual(['item']);
    expect(l.custody.map((c) => c.action)).toEqual(['added', 'locked', 'viewed']);

    // Reopening does not unseal: the chain's lock is final (the domain refuses items after it).
    t.jira.seed.transition(issue.key, 'Open', { by: 'app' });
    expect(errorOf(await call('evidence/add', { item: { kind: 'text', name: 'again', text: 'x' } }, 'user-csirt', issue))).toMatchObject({ code: 'conflict', meta: { reason: 'locked' } });
  });

  it('who cannot see the restricted incident cannot list or add (not-found); who can see it but is not CSIRT may read, not add', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    await addText(issue, 'item', 'evidence');
    for (const who of ['user-outsider', 'user-agent', 'user-admin']) {
      const e = errorOf(await call('evidence/list', {}, who, issue));
      expect(e.code).toBe('not-found');
      bilingual(e);
      expect(errorOf(await call('evidence/add', { item: { kind: 'text', name: 'x', text: 'y' } }, who, issue)).code).toBe('not-found');
    }
    // The reporter still sees the incident (the level lets the reporter in) but is not in the CSIRT group.
    const l = await register(issue, 'user-reporter');
    expect(l).toMatchObject({ canAdd: false, items: [{ name: 'item' }] });
    expect(l.addRefusal?.en).toContain('csirt');
    const e = errorOf(await call('evidence/add', { item: { kind: 'text', name: 'x', text: 'y' } }, 'user-reporter', issue));
    expect(e).toMatchObject({ code: 'forbidden', meta: { reason: 'forbidden' } });
    bilingual(e);
    expect(storedRecords(issue.id).map((r) => r.type)).toEqual(['item-added', 'custody']);
  });

  it('a project admin who can see the incident may add', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    // Without the group the admin cannot see the restricted issue at all; lift the level to test the admin rule alone.
    t.jira.seed.edit(issue.key, { security: null }, { by: 'app' });
    const added = await addText(issue, 'by admin', 'admin evidence', 'user-admin');
    expect(added.item.addedBy).toBe('user-admin');
    expect((await register(issue, 'user-agent')).canAdd).toBe(false);
  });

  it('other incidents have no register: list says not-applicable, add is refused', async () => {
    const issue = await fx.incident({ kind: 'Failure' });
    expect(await list(issue, 'user-agent')).toEqual({ state: 'not-applicable', reason: 'not-security' });
    const e = errorOf(await call('evidence/add', { item: { kind: 'text', name: 'x', text: 'y' } }, 'user-agent', issue));
    expect(e).toMatchObject({ code: 'forbidden', meta: { reason: 'not-security' } });
    bilingual(e);
  });

  it('an export returns the whole register, logged as exported, and verifies offline by the method it states', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    await addText(issue, 'one', 'first evidence');
    await addText(issue, 'two', 'second evidence');
    t.runtime.setClockSilently('2026-03-02T01:00:00.000Z');
    const r = await call('evidence/list', { purpose: 'export' }, 'user-reporter', issue);
    const l = EvidenceListResultSchema.parse(r.ok ? r.data : null);
    if (l.state !== 'register' || l.export === undefined) throw new Error('no export');
    expect(l.export.fileName).toBe(`evidence-${issue.key}-20260302T0100Z.json`);
    expect(l.export.logged).toBe(true);
    expect(l.custody.map((c) => [c.action, c.by])).toEqual([
      ['added', 'user-csirt'],
      ['added', 'user-csirt'],
      ['exported', 'user-reporter'],
    ]);
    // An independent check: canonical JSON written here, not the app's.
    const canonical = (v: unknown): string =>
      v === null || typeof v !== 'object'
        ? JSON.stringify(v)
        : Array.isArray(v)
          ? `[${v.map(canonical).join(',')}]`
          : `{${Object.keys(v)
              .sort()
              .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
              .join(',')}}`;
    const doc = JSON.parse(JSON.stringify(l.export.document)) as {
      registerId: string;
      verification: { genesisHash: string; head: string; status: string };
      records: { seq: number; record: Record<string, unknown> & { hash: string; prevHash: string; sha256?: string }; content: { text: string | null } | null }[];
    };
    expect(doc.verification.genesisHash).toBe(sha256(`incident-desk/evidence/v1\n${doc.registerId}`));
    let prev = doc.verification.genesisHash;
    for (const { record, content } of doc.records) {
      const { hash, ...rest } = record;
      expect(hash).toBe(sha256(canonical(rest)));
      expect(record.prevHash).toBe(prev);
      if (content?.text != null) expect(record.sha256).toBe(sha256(content.text));
      prev = hash;
    }
    expect(doc.records).toHaveLength(3);
    expect(doc.verification).toMatchObject({ status: 'verified', head: prev });
  });

  it('a bad payload names the field', async () => {
    const issue = await fx.incident({ kind: 'Security incident' });
    const e = errorOf(await call('evidence/add', { item: { kind: 'file', name: 'x', size: 1, sha256: 'nothex' } }, 'user-csirt', issue));
    expect(e.code).toBe('invalid-payload');
    expect(e.fieldErrors?.map((f) => f.path)).toEqual(['item.sha256']);
  });
});
