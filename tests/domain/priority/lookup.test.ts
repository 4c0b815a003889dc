import { describe, expect, it } from 'vitest';
import { cellsForPriority, levelsInMatrix, lookupPriority, type PriorityMatrix } from '../../../src/domain/priority';

// The seed matrix from issue 2: rows impact (all departments, one department, one person),
// columns urgency (core business stopped, part of the work impaired, workaround exists).
const seed: PriorityMatrix = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P5'],
];

describe('lookupPriority over the seed matrix', () => {
  it.each([
    [1, 1, 'P1'],
    [1, 2, 'P2'],
    [1, 3, 'P3'],
    [2, 1, 'P2'],
    [2, 2, 'P3'],
    [2, 3, 'P4'],
    [3, 1, 'P3'],
    [3, 2, 'P4'],
    [3, 3, 'P5'],
  ])('impact %i x urgency %i -> %s', (impact, urgency, level) => {
    expect(lookupPriority(seed, impact, urgency)).toEqual({ ok: true, level });
  });

  it.each([
    ['impact', 0, 1, 3],
    ['impact', 4, 1, 3],
    ['impact', -1, 1, 3],
    ['impact', 1.5, 1, 3],
    ['impact', Number.NaN, 1, 3],
    ['urgency', 1, 0, 3],
    ['urgency', 1, 4, 3],
    ['urgency', 2, 2.5, 3],
    ['urgency', 3, Number.POSITIVE_INFINITY, 3],
  ] as const)('refuses %s out of range (impact %d, urgency %d)', (axis, impact, urgency, size) => {
    const result = lookupPriority(seed, impact, urgency);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'index-out-of-range', axis, size });
    expect(Object.is(result.error.index, axis === 'impact' ? impact : urgency)).toBe(true);
    expect(result.error.message.en).toContain(`from 1 to ${String(size)}`);
    expect(result.error.message.ja).toContain(axis === 'impact' ? '影響度' : '緊急度');
  });

  it('uses the length of the chosen row for urgency on a ragged matrix', () => {
    const ragged: PriorityMatrix = [['P1', 'P2'], ['P2']];
    expect(lookupPriority(ragged, 1, 2)).toEqual({ ok: true, level: 'P2' });
    const miss = lookupPriority(ragged, 2, 2);
    expect(miss.ok ? undefined : miss.error).toMatchObject({ axis: 'urgency', index: 2, size: 1 });
  });

  it('refuses any index on an empty matrix', () => {
    const miss = lookupPriority([], 1, 1);
    expect(miss.ok ? undefined : miss.error).toMatchObject({ axis: 'impact', size: 0 });
  });
});

describe('cellsForPriority over the seed matrix', () => {
  it.each([
    ['P1', [[1, 1]]],
    ['P2', [[1, 2], [2, 1]]],
    ['P3', [[1, 3], [2, 2], [3, 1]]],
    ['P4', [[2, 3], [3, 2]]],
    ['P5', [[3, 3]]],
    ['P6', []],
    ['', []],
  ] as const)('%s comes from %j', (level, cells) => {
    expect(cellsForPriority(seed, level)).toEqual(cells.map(([impact, urgency]) => ({ impact, urgency })));
  });

  it('lists the distinct levels in reading order', () => {
    expect(levelsInMatrix(seed)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(levelsInMatrix([['B', 'A'], ['A', 'C']])).toEqual(['B', 'A', 'C']);
  });
});
