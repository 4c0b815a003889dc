import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EvidenceAppendRequestSchema,
  EvidenceRegisterSchema,
  appendEvidence,
  canonicalJson,
  emptyEvidenceRegister,
  evidenceView,
  genesisHash,
  recordHash,
  validateEvidenceAppend,
  verifyEvidenceRegister,
  type EvidenceAppendRequestInput,
  type EvidenceRegister,
} from '../../../src/domain/incident/evidence';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const T0 = Date.UTC(2025, 0, 6, 0, 0);
const DIGEST = sha256('firewall log contents');

function append(reg: EvidenceRegister, raw: EvidenceAppendRequestInput): EvidenceRegister {
  const r = appendEvidence(reg, EvidenceAppendRequestSchema.parse(raw), sha256);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message.en).join('; '));
  return r.value;
}

function codes(reg: EvidenceRegister, raw: EvidenceAppendRequestInput): string[] {
  const r = appendEvidence(reg, EvidenceAppendRequestSchema.parse(raw), sha256);
  return r.ok ? [] : r.errors.map((e) => e.code);
}

/** Two items, custody events, then the lock at close. */
function sampleRegister(): EvidenceRegister {
  let reg = emptyEvidenceRegister('SEC-7');
  reg = append(reg, { type: 'add-item', at: T0, by: 'u-sato', item: { name: 'fw.log', kind: 'file' }, sha256: DIGEST.toUpperCase() });
  reg = append(reg, { type: 'add-item', at: T0 + 60_000, by: 'u-sato', item: { name: 'チャット記録', kind: 'text', description: '攻撃者とのやり取り' }, sha256: sha256('チャット') });
  reg = append(reg, { type: 'custody', at: T0 + 120_000, by: 'u-tanaka', action: 'viewed', itemId: 'ev-1' });
  reg = append(reg, { type: 'custody', at: T0 + 180_000, by: 'u-tanaka', action: 'transferred', itemId: 'ev-1', to: '警察 サイバー犯罪対策課' });
  reg = append(reg, { type: 'lock', at: T0 + 240_000, by: 'system', reason: 'incident closed' });
  return reg;
}

describe('appendEvidence', () => {
  it('chains records from the genesis hash with exact ids, links and hashes', () => {
    const reg = sampleRegister();
    expect(reg.records.map((r) => [r.seq, r.type])).toEqual([
      [1, 'item-added'],
      [2, 'item-added'],
      [3, 'custody'],
      [4, 'custody'],
      [5, 'locked'],
    ]);
    const first = reg.records[0];
    expect(first).toMatchObject({ itemId: 'ev-1', sha256: DIGEST, prevHash: genesisHash('SEC-7', sha256) });
    expect(genesisHash('SEC-7', sha256)).toBe(sha256('incident-desk/evidence/v1\nSEC-7'));
    // the hash is sha256 of the canonical JSON of the record without `hash`
    if (first === undefined) throw new Error('no record');
    const { hash, ...rest } = first;
    expect(hash).toBe(sha256(canonicalJson(rest)));
    expect(recordHash(first, sha256)).toBe(hash);
    reg.records.slice(1).forEach((r, i) => expect(r.prevHash).toBe(reg.records[i]?.hash));
    expect(verifyEvidenceRegister(reg, sha256)).toEqual({
      ok: true,
      value: { head: reg.records[4]?.hash, itemCount: 2, custodyCount: 2, lockedAt: T0 + 240_000 },
    });
    // the stored register survives a storage round trip through its schema
    expect(EvidenceRegisterSchema.parse(JSON.parse(JSON.stringify(reg)))).toEqual(reg);
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[2,{"y":"x","z":null}]},"b":1}');
  });

  it.each<[string, EvidenceAppendRequestInput, string[]]>([
    ['an item after the lock', { type: 'add-item', at: T0 + 300_000, by: 'u', item: { name: 'late.pcap', kind: 'file' }, sha256: DIGEST }, ['locked']],
    ['a second lock', { type: 'lock', at: T0 + 300_000, by: 'u' }, ['already-locked']],
    ['a time before the last record', { type: 'custody', at: T0, by: 'u', action: 'viewed', itemId: 'ev-2' }, ['time-went-backwards']],
    ['custody of an unknown item', { type: 'custody', at: T0 + 300_000, by: 'u', action: 'exported', itemId: 'ev-9' }, ['unknown-item']],
    ['a transfer without recipient', { type: 'custody', at: T0 + 300_000, by: 'u', action: 'transferred', itemId: 'ev-2', to: '  ' }, ['transfer-needs-recipient']],
  ])('refuses %s', (_name, request, expected) => {
    expect(codes(sampleRegister(), request)).toEqual(expected);
  });

  it('allows custody events after the lock (viewing closed evidence is itself recorded)', () => {
    const reg = append(sampleRegister(), { type: 'custody', at: T0 + 300_000, by: 'auditor', action: 'exported', itemId: null, note: 'audit' });
    expect(reg.records).toHaveLength(6);
    expect(verifyEvidenceRegister(reg, sha256).ok).toBe(true);
    expect(evidenceView(reg)).toMatchObject({
      lockedAt: T0 + 240_000,
      registerCustody: [{ action: 'exported', by: 'auditor', note: 'audit' }],
      items: [
        { itemId: 'ev-1', sha256: DIGEST, addedBy: 'u-sato', custody: [{ action: 'viewed' }, { action: 'transferred', to: '警察 サイバー犯罪対策課' }] },
        { itemId: 'ev-2', item: { name: 'チャット記録', description: '攻撃者とのやり取り' }, custody: [] },
      ],
    });
  });

  it.each(['', 'abc', 'g'.repeat(64), `${DIGEST}0`, DIGEST.slice(1), `sha256:${DIGEST}`])('refuses the malformed digest %j with ja/en messages', (digest) => {
    const r = appendEvidence(emptyEvidenceRegister('SEC-7'), EvidenceAppendRequestSchema.parse({ type: 'add-item', at: T0, by: 'u', item: { name: 'x', kind: 'text' }, sha256: digest }), sha256);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ seq: 1, code: 'malformed-hash', message: { ja: expect.stringContaining('64 桁') as string, en: expect.stringContaining('64 hexadecimal') as string } }]);
  });

  it('never builds on a broken chain', () => {
    const reg = sampleRegister();
    const tampered = { ...reg, records: reg.records.map((r) => (r.seq === 2 && r.type === 'item-added' ? { ...r, sha256: DIGEST } : r)) };
    expect(codes(tampered, { type: 'custody', at: T0 + 300_000, by: 'u', action: 'viewed', itemId: 'ev-1' })).toEqual(['hash-mismatch']);
  });
});

describe('verifyEvidenceRegister', () => {
  const reg = sampleRegister();

  it.each<[string, (r: EvidenceRegister) => EvidenceRegister, [number, string][]]>([
    ['an edited digest', (r) => ({ ...r, records: r.records.map((x) => (x.seq === 1 && x.type === 'item-added' ? { ...x, sha256: sha256('other') } : x)) }), [[1, 'hash-mismatch']]],
    ['an edited actor with its hash recomputed', (r) => ({ ...r, records: r.records.map((x) => (x.seq === 3 ? { ...x, by: 'someone-else', hash: recordHash({ ...x, by: 'someone-else' }, sha256) } : x)) }), [[4, 'broken-link']]],
    ['a removed record', (r) => ({ ...r, records: r.records.filter((x) => x.seq !== 3) }), [[4, 'bad-sequence'], [4, 'broken-link'], [5, 'bad-sequence']]],
    ['a register moved to another incident', (r) => ({ ...r, incidentKey: 'SEC-8' }), [[1, 'broken-link']]],
    ['records swapped', (r) => ({ ...r, records: [r.records[1], r.records[0], ...r.records.slice(2)].filter((x) => x !== undefined) }), [[2, 'bad-sequence'], [2, 'broken-link'], [1, 'bad-sequence'], [1, 'broken-link'], [1, 'time-went-backwards'], [3, 'broken-link']]],
  ])('detects %s', (_name, tamper, expected) => {
    const r = verifyEvidenceRegister(tamper(reg), sha256);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.seq, e.code])).toEqual(expected);
  });

  it('detects a record appended after the lock by someone who recomputed the chain', () => {
    const last = reg.records[reg.records.length - 1];
    if (last === undefined) throw new Error('empty');
    const forged = { type: 'item-added' as const, seq: 6, at: T0 + 999_999, by: 'intruder', prevHash: last.hash, hash: '', itemId: 'ev-3', item: { name: 'x', kind: 'file' as const, description: null }, sha256: DIGEST };
    const sealed = { ...forged, hash: recordHash(forged, sha256) };
    const r = verifyEvidenceRegister({ ...reg, records: [...reg.records, sealed] }, sha256);
    expect(r.ok ? [] : r.errors.map((e) => [e.seq, e.code])).toEqual([[6, 'locked']]);
  });

  it('an empty register verifies with the genesis hash as head', () => {
    expect(verifyEvidenceRegister(emptyEvidenceRegister('SEC-1'), sha256)).toEqual({
      ok: true,
      value: { head: genesisHash('SEC-1', sha256), itemCount: 0, custodyCount: 0, lockedAt: null },
    });
  });

  it('any single-field change to any record is detected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reg.records.length - 1 }), fc.constantFrom('at', 'by', 'seq', 'prevHash', 'hash'), (index, field) => {
        const records = reg.records.map((r, i) => {
          if (i !== index) return r;
          switch (field) {
            case 'at':
              return { ...r, at: r.at + 1 };
            case 'by':
              return { ...r, by: `${r.by}x` };
            case 'seq':
              return { ...r, seq: r.seq + 10 };
            case 'prevHash':
            case 'hash':
              return { ...r, [field]: sha256(r[field]) };
          }
        });
        expect(verifyEvidenceRegister({ ...reg, records }, sha256).ok).toBe(false);
      }),
    );
  });
});

describe('validateEvidenceAppend', () => {
  const stored = sampleRegister();

  it('accepts the stored register plus valid new records', () => {
    const proposed = append(stored, { type: 'custody', at: T0 + 300_000, by: 'u', action: 'viewed', itemId: 'ev-2' });
    const r = validateEvidenceAppend(stored, proposed, sha256);
    expect(r).toEqual({ ok: true, value: { head: proposed.records[5]?.hash, itemCount: 2, custodyCount: 3, lockedAt: T0 + 240_000 } });
  });

  it.each<[string, (r: EvidenceRegister) => EvidenceRegister, [number, string][]]>([
    ['a truncated history', (r) => ({ ...r, records: r.records.slice(0, 3) }), [[4, 'history-rewritten'], [5, 'history-rewritten']]],
    ['an edited old record, even with a valid chain', () => {
      let fresh = emptyEvidenceRegister('SEC-7');
      fresh = append(fresh, { type: 'add-item', at: T0, by: 'u-sato', item: { name: 'fw.log (edited)', kind: 'file' }, sha256: DIGEST });
      return fresh;
    }, [[1, 'history-rewritten'], [2, 'history-rewritten'], [3, 'history-rewritten'], [4, 'history-rewritten'], [5, 'history-rewritten']]],
    ['another incident', (r) => ({ ...r, incidentKey: 'SEC-9' }), [[0, 'wrong-incident']]],
  ])('refuses %s', (_name, make, expected) => {
    const r = validateEvidenceAppend(stored, make(stored), sha256);
    expect(r.ok ? [] : r.errors.map((e) => [e.seq, e.code])).toEqual(expected);
  });

  it('refuses an appended record that breaks the rules', () => {
    const last = stored.records[4];
    if (last === undefined) throw new Error('empty');
    const forged = { type: 'locked' as const, seq: 6, at: T0 + 500_000, by: 'u', prevHash: last.hash, hash: '', reason: null };
    const proposed = { ...stored, records: [...stored.records, { ...forged, hash: recordHash(forged, sha256) }] };
    const r = validateEvidenceAppend(stored, proposed, sha256);
    expect(r.ok ? [] : r.errors.map((e) => [e.seq, e.code])).toEqual([[6, 'already-locked']]);
  });
});
