import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvidenceAddItemSchema } from '../../../src/contracts';
import { bulkUserPaths, custodyMessage, draftErrors, draftItem, sha256OfFile, shortHash, toHex } from '../../../static/issue-panel/src/evidence/evidence-model';

describe('evidence section model', () => {
  it('shortens a digest to its first 12 and last 4 digits', () => {
    const h = createHash('sha256').update('x').digest('hex');
    expect(shortHash(h)).toBe(`${h.slice(0, 12)}…${h.slice(60)}`);
    expect(shortHash('abc')).toBe('abc');
  });

  it('hashes a file in the browser exactly as sha256sum does (property over arbitrary bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const expected = createHash('sha256').update(bytes).digest('hex');
        expect(await sha256OfFile(new Blob([bytes]))).toBe(expected);
      }),
      { numRuns: 50 },
    );
    expect(toHex(new Uint8Array([0, 15, 255]).buffer)).toBe('000fff');
  });

  it('a draft names the missing field, and a valid one becomes an item the contract accepts', () => {
    expect(draftErrors({ kind: 'text', name: ' ', text: '', note: '' }).map((e) => [e.field, e.message])).toEqual([
      ['name', 'evidence.add.needName'],
      ['text', 'evidence.add.needText'],
    ]);
    expect(draftErrors({ kind: 'file', name: 'a.bin', file: null, note: '' }).map((e) => e.field)).toEqual(['file']);
    expect(draftItem({ kind: 'file', name: 'a.bin', file: null, note: '' })).toBeNull();

    const text = draftItem({ kind: 'text', name: ' log ', text: ' keep spaces\n', note: '  ' });
    expect(text).toEqual({ kind: 'text', name: 'log', text: ' keep spaces\n' });
    const file = draftItem({ kind: 'file', name: 'mem.dmp', file: { size: 10, sha256: 'ab'.repeat(32) }, note: 'from host A' });
    expect(file).toEqual({ kind: 'file', name: 'mem.dmp', size: 10, sha256: 'ab'.repeat(32), note: 'from host A' });
    expect(EvidenceAddItemSchema.safeParse(text).success).toBe(true);
    expect(EvidenceAddItemSchema.safeParse(file).success).toBe(true);
  });

  it('custody entries read with the item name, or as register-wide', () => {
    const name = (id: string) => (id === 'ev-1' ? 'fw.log' : id);
    expect(custodyMessage({ seq: 1, action: 'added', by: 'u', at: 0, itemId: 'ev-1' }, name)).toEqual({ key: 'evidence.custody.added', item: 'fw.log' });
    expect(custodyMessage({ seq: 2, action: 'viewed', by: 'u', at: 0, itemId: null }, name)).toEqual({ key: 'evidence.custody.viewed' });
    expect(custodyMessage({ seq: 3, action: 'viewed', by: 'u', at: 0, itemId: 'ev-1' }, name)).toEqual({ key: 'evidence.custody.viewedItem', item: 'fw.log' });
    expect(custodyMessage({ seq: 4, action: 'locked', by: 'app', at: 0, itemId: null }, name)).toEqual({ key: 'evidence.custody.locked' });
  });

  it('asks Jira for display names in bulk: unique ids, at most 50 per call, encoded', () => {
    expect(bulkUserPaths([])).toEqual([]);
    expect(bulkUserPaths(['b', 'a:1', 'b'])).toEqual(['/rest/api/3/user/bulk?maxResults=50&accountId=a%3A1&accountId=b']);
    const many = Array.from({ length: 120 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    const paths = bulkUserPaths(many);
    expect(paths.map((p) => p.split('accountId=').length - 1)).toEqual([50, 50, 20]);
  });
});
