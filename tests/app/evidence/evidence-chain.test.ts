import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateChain, registerView, type StoredEvidence } from '../../../src/app/evidence';
import { appendEvidence, emptyEvidenceRegister, type EvidenceAppendRequest, type EvidenceRegister } from '../../../src/domain/incident/evidence';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const ID = '10042';

/** A valid register from a list of texts (items) and views, as the use cases would append them. */
function build(steps: readonly { kind: 'item' | 'view'; text: string }[]): { register: EvidenceRegister; stored: StoredEvidence[] } {
  let register = emptyEvidenceRegister(ID);
  const stored: StoredEvidence[] = [];
  steps.forEach((step, i) => {
    const at = 1_700_000_000_000 + i * 60_000;
    const request: EvidenceAppendRequest =
      step.kind === 'item'
        ? { type: 'add-item', at, by: 'u-csirt', item: { name: `item ${String(i)}`, kind: 'text', description: null }, sha256: sha256(step.text) }
        : { type: 'custody', at, by: 'u-viewer', action: 'viewed', itemId: null, to: null, note: null };
    const next = appendEvidence(register, request, sha256);
    if (!next.ok) throw new Error(JSON.stringify(next.errors));
    register = next.value;
    const record = register.records.at(-1);
    if (record === undefined) throw new Error('no record');
    stored.push({ seq: record.seq, record, content: step.kind === 'item' ? { text: step.text, size: null } : null });
  });
  return { register, stored };
}

const steps = fc.array(fc.record({ kind: fc.constantFrom('item' as const, 'view' as const), text: fc.string({ minLength: 1, maxLength: 40 }) }), { minLength: 1, maxLength: 12 });

describe('evaluateChain', () => {
  it('a register built by appends verifies, and its view lists every record in order', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const { stored } = build(s);
        const chain = evaluateChain(ID, stored, sha256);
        expect(chain.problems).toEqual([]);
        expect(chain.head).toBe(stored.at(-1)?.record?.hash);
        const view = registerView(chain);
        expect(view.custody.map((c) => c.seq)).toEqual(stored.map((x) => x.seq));
        expect(view.items).toHaveLength(s.filter((x) => x.kind === 'item').length);
      }),
    );
  });

  it('changing any one field of any one record is reported, first at that record', () => {
    const fields = ['at', 'by', 'prevHash', 'hash', 'name'] as const;
    fc.assert(
      fc.property(steps, fc.nat(), fc.constantFrom(...fields), (s, pick, field) => {
        const { stored } = build(s);
        const target = stored[pick % stored.length];
        if (target?.record == null) throw new Error('fixture');
        const r = target.record;
        const changed =
          field === 'at'
            ? { ...r, at: r.at + 1 }
            : field === 'by'
              ? { ...r, by: `${r.by}x` }
              : field === 'prevHash'
                ? { ...r, prevHash: sha256(r.prevHash) }
                : field === 'hash'
                  ? { ...r, hash: sha256(r.hash) }
                  : r.type === 'item-added'
                    ? { ...r, item: { ...r.item, name: `${r.item.name}!` } }
                    : { ...r, note: 'forged' };
        const tampered = stored.map((x) => (x === target ? { ...x, record: changed } : x));
        const chain = evaluateChain(ID, tampered, sha256);
        expect(chain.problems.length).toBeGreaterThan(0);
        expect(chain.problems[0]?.seq).toBe(target.seq);
      }),
    );
  });

  it('a removed record in the middle shows as a gap at the next one; an unreadable one at itself', () => {
    const { stored } = build([
      { kind: 'item', text: 'a' },
      { kind: 'item', text: 'b' },
      { kind: 'view', text: '' },
    ]);
    const gap = evaluateChain(ID, [stored[0], stored[2]].filter((x): x is StoredEvidence => x !== undefined), sha256);
    expect(gap.problems.map((p) => [p.seq, p.code])).toEqual([
      [3, 'bad-sequence'],
      [3, 'broken-link'],
    ]);
    const unreadable = evaluateChain(ID, stored.map((x) => (x.seq === 2 ? { ...x, record: null } : x)), sha256);
    expect(unreadable.problems[0]).toMatchObject({ seq: 2, code: 'unreadable' });
    expect(unreadable.problems[0]?.message.ja).toContain('#2');
  });
});
