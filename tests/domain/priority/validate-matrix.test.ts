import { describe, expect, it } from 'vitest';
import { validateMatrix, type MatrixExpectations, type MatrixIssue, type PriorityMatrix } from '../../../src/domain/priority';

const levels = ['P1', 'P2', 'P3', 'P4', 'P5'];
const seed: PriorityMatrix = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P5'],
];
const row = (n: number, level = 'P1'): string[] => Array.from({ length: n }, () => level);

const cases: { name: string; matrix: PriorityMatrix; expect?: MatrixExpectations; issues: MatrixIssue[] }[] = [
  { name: 'the seed matrix is clean', matrix: seed, expect: { levels, size: { impact: 3, urgency: 3 } }, issues: [] },
  { name: 'shape-only checks ignore level names', matrix: [['x', 'y']], issues: [] },
  {
    name: 'no rows',
    matrix: [],
    issues: [{ kind: 'size-out-of-range', path: [], axis: 'impact', size: 0, min: 1, max: 10 }],
  },
  {
    name: 'eleven rows',
    matrix: Array.from({ length: 11 }, () => ['P1']),
    issues: [{ kind: 'size-out-of-range', path: [], axis: 'impact', size: 11, min: 1, max: 10 }],
  },
  {
    name: 'an empty row and an eleven-cell row',
    matrix: [['P1'], [], row(11)],
    issues: [
      { kind: 'size-out-of-range', path: [1], axis: 'urgency', size: 0, min: 1, max: 10 },
      { kind: 'size-out-of-range', path: [2], axis: 'urgency', size: 11, min: 1, max: 10 },
    ],
  },
  {
    name: 'a short row among full ones',
    matrix: [['P1', 'P2', 'P3'], ['P2', 'P3'], ['P3', 'P4', 'P5']],
    issues: [{ kind: 'non-rectangular', path: [1], expected: 3, actual: 2 }],
  },
  {
    name: 'the odd first row is the one flagged when most rows agree',
    matrix: [['P1'], ['P1', 'P2'], ['P2', 'P3']],
    issues: [{ kind: 'non-rectangular', path: [0], expected: 2, actual: 1 }],
  },
  {
    name: 'rows are compared with the urgency scale when given',
    matrix: [['P1', 'P2'], ['P2', 'P3', 'P4'], ['P3', 'P4']],
    expect: { size: { impact: 3, urgency: 3 } },
    issues: [
      { kind: 'non-rectangular', path: [0], expected: 3, actual: 2 },
      { kind: 'non-rectangular', path: [2], expected: 3, actual: 2 },
    ],
  },
  {
    name: 'a rectangular matrix of the wrong size',
    matrix: [['P1', 'P2'], ['P2', 'P3']],
    expect: { size: { impact: 3, urgency: 3 } },
    issues: [
      { kind: 'size-mismatch', path: [], axis: 'impact', expected: 3, actual: 2 },
      { kind: 'size-mismatch', path: [], axis: 'urgency', expected: 3, actual: 2 },
    ],
  },
  {
    name: 'unknown levels in cells',
    matrix: [['P1', 'P2', 'P3'], ['P2', 'P9', 'P4'], ['P3', 'P4', 'p5']],
    expect: { levels },
    issues: [
      { kind: 'unknown-level', path: [1, 1], cell: { impact: 2, urgency: 2 }, level: 'P9' },
      { kind: 'unknown-level', path: [2, 2], cell: { impact: 3, urgency: 3 }, level: 'p5' },
      { kind: 'unmapped-level', path: [], level: 'P5' },
    ],
  },
  {
    name: 'a level nothing maps to',
    matrix: seed,
    expect: { levels: [...levels, 'P6'] },
    issues: [{ kind: 'unmapped-level', path: [], level: 'P6' }],
  },
];

describe('validateMatrix', () => {
  it.each(cases)('$name', ({ matrix, expect: expectations, issues }) => {
    expect(validateMatrix(matrix, expectations)).toEqual(issues);
  });
});
