import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickAssignee, raisedPriority } from '../../../src/domain/escalation';

describe('pickAssignee', () => {
  it.each([
    [['c', 'a', 'b'], null, null, 'a'],
    [['c', 'a', 'b'], 'a', null, 'b'],
    [['c', 'a', 'b'], 'c', null, 'a'],
    // The last pick left the pool: continue after where it would sort.
    [['a', 'c', 'd'], 'b', null, 'c'],
    [['a', 'b'], 'a', 'b', 'a'],
    [['a'], null, 'a', null],
    [[], null, null, null],
  ])('round-robin %o after %s excluding %s -> %s', (members, lastPicked, exclude, expected) => {
    expect(pickAssignee({ members, strategy: 'round-robin', rotation: { lastPicked }, exclude })).toBe(expected);
  });

  it.each([
    [new Map([['a', 3], ['b', 1], ['c', 1]]), null, 'b'],
    [new Map([['a', 3], ['b', 1], ['c', 1]]), 'b', 'c'],
    [new Map([['a', 2]]), null, 'b'],
  ])('least-loaded %o after %s -> %s', (loads, lastPicked, expected) => {
    expect(pickAssignee({ members: ['a', 'b', 'c'], strategy: 'least-loaded', rotation: { lastPicked }, loads })).toBe(expected);
  });

  it('round-robin visits every member once per round, whatever the input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 8 }), (members) => {
        let last: string | null = null;
        const seen: string[] = [];
        for (let i = 0; i < members.length; i++) {
          const pick = pickAssignee({ members: [...members].reverse(), strategy: 'round-robin', rotation: { lastPicked: last } });
          expect(pick).not.toBeNull();
          seen.push(pick ?? '');
          last = pick;
        }
        expect([...seen].sort()).toEqual([...members].sort());
      }),
    );
  });
});

describe('raisedPriority', () => {
  const levels = ['P1', 'P2', 'P3', 'P4', 'P5'];
  it.each([
    ['P4', 1, 'P3'],
    ['P4', 2, 'P2'],
    ['P2', 3, 'P1'],
    ['P1', 1, null],
    ['P9', 1, null],
    [null, 1, null],
  ])('%s raised by %d -> %s', (current, steps, expected) => {
    expect(raisedPriority(levels, current, steps)).toBe(expected);
  });
});
