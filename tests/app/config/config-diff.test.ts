import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffConfig } from '../../../src/app/config';

describe('diffConfig', () => {
  it.each([
    [{ a: 1 }, { a: 1 }, []],
    [{ matrix: [['P1', 'P2']] }, { matrix: [['P1', 'P3']] }, [{ path: 'matrix[0][1]', kind: 'changed', before: 'P2', after: 'P3' }]],
    [{ list: [1] }, { list: [1, 2] }, [{ path: 'list[1]', kind: 'added', after: 2 }]],
    [{ list: [1, 2] }, { list: [1] }, [{ path: 'list[1]', kind: 'removed', before: 2 }]],
    [{ a: { b: 1 } }, { a: {} }, [{ path: 'a.b', kind: 'removed', before: 1 }]],
    [{ a: 1 }, { a: 1, 'odd key': true }, [{ path: '["odd key"]', kind: 'added', after: true }]],
    [{ a: [1] }, { a: { 0: 1 } }, [{ path: 'a', kind: 'changed', before: [1], after: { 0: 1 } }]],
  ])('%j -> %j', (before, after, expected) => {
    expect(diffConfig(before, after)).toEqual(expected);
  });

  it('is empty exactly when the JSON is equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(diffConfig(a, a)).toEqual([]);
        if (same) expect(diffConfig(a, b)).toEqual([]);
        else expect(diffConfig(a, b).length).toBeGreaterThan(0);
      }),
    );
  });
});
