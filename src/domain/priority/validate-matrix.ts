import {
  MATRIX_MAX_SIZE,
  MATRIX_MIN_SIZE,
  type MatrixAxis,
  type MatrixCell,
  type PriorityLevelId,
  type PriorityMatrix,
} from './matrix';

/**
 * Position inside the matrix as JSON array positions (0-based): `[]` the matrix, `[1]` a row, `[1, 2]` a cell.
 *
 * @example
 * const path: MatrixPath = [1, 2]; // matrix[1][2]: impact 2 x urgency 3
 */
export type MatrixPath = readonly number[];

/**
 * A structural problem of a matrix. Tagged by `kind`; texts for users are made by the caller (config
 * has the ja/en messages), so this stays pure data.
 *
 * @example
 * const issue: MatrixIssue = { kind: 'unknown-level', path: [1, 2], cell: { impact: 2, urgency: 3 }, level: 'P9' };
 */
export type MatrixIssue =
  /** The matrix has fewer than 1 or more than 10 rows (`path: []`) or a row has fewer than 1 or more than 10 cells (`path: [row]`). */
  | { readonly kind: 'size-out-of-range'; readonly path: MatrixPath; readonly axis: MatrixAxis; readonly size: number; readonly min: number; readonly max: number }
  /** The matrix is rectangular but its size differs from the scales it should match (`path: []`). */
  | { readonly kind: 'size-mismatch'; readonly path: MatrixPath; readonly axis: MatrixAxis; readonly expected: number; readonly actual: number }
  /** A row whose length differs from the others (or from the urgency scale when a size is given). */
  | { readonly kind: 'non-rectangular'; readonly path: MatrixPath; readonly expected: number; readonly actual: number }
  /** A cell naming a level that is not among the known levels. */
  | { readonly kind: 'unknown-level'; readonly path: MatrixPath; readonly cell: MatrixCell; readonly level: string }
  /** A known level that no cell gives: it could never be chosen. */
  | { readonly kind: 'unmapped-level'; readonly path: MatrixPath; readonly level: PriorityLevelId };

/**
 * What the matrix is checked against; each check runs only when its option is given.
 *
 * @example
 * const expect: MatrixExpectations = { levels: ['P1', 'P2', 'P3'], size: { impact: 3, urgency: 3 } };
 */
export interface MatrixExpectations {
  /** The level ids that exist: enables `unknown-level` and `unmapped-level`. */
  readonly levels?: readonly PriorityLevelId[];
  /** The scale sizes: `impact` rows and `urgency` columns. Enables `size-mismatch`. */
  readonly size?: { readonly impact: number; readonly urgency: number };
}

const inRange = (n: number): boolean => n >= MATRIX_MIN_SIZE && n <= MATRIX_MAX_SIZE;

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

function shapeIssues(matrix: PriorityMatrix, size: MatrixExpectations['size']): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  const range = { min: MATRIX_MIN_SIZE, max: MATRIX_MAX_SIZE };
  if (!inRange(matrix.length)) {
    issues.push({ kind: 'size-out-of-range', path: [], axis: 'impact', size: matrix.length, ...range });
  } else if (size !== undefined && matrix.length !== size.impact) {
    issues.push({ kind: 'size-mismatch', path: [], axis: 'impact', expected: size.impact, actual: matrix.length });
  }
  const rowsInRange: { row: number; length: number }[] = [];
  matrix.forEach((r, row) => {
    if (inRange(r.length)) rowsInRange.push({ row, length: r.length });
    else issues.push({ kind: 'size-out-of-range', path: [row], axis: 'urgency', size: r.length, ...range });
  });
  // Without scales to match, the width most rows agree on is the intended one: the odd rows get flagged.
  const width = size?.urgency ?? mostCommon(rowsInRange.map((r) => r.length));
  const off = rowsInRange.filter((r) => r.length !== width);
  if (width === undefined || off.length === 0) return issues;
  const actualWidth = off[0]?.length ?? width;
  if (off.length === rowsInRange.length && off.every((r) => r.length === actualWidth)) {
    // Every row agrees with every other row, just not with the scale: one finding, not one per row.
    issues.push({ kind: 'size-mismatch', path: [], axis: 'urgency', expected: width, actual: actualWidth });
  } else {
    for (const r of off) issues.push({ kind: 'non-rectangular', path: [r.row], expected: width, actual: r.length });
  }
  return issues;
}

function levelIssues(matrix: PriorityMatrix, levels: readonly PriorityLevelId[]): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  const known = new Set(levels);
  const used = new Set<string>();
  matrix.forEach((r, row) => {
    r.forEach((level, col) => {
      used.add(level);
      if (!known.has(level)) {
        issues.push({ kind: 'unknown-level', path: [row, col], cell: { impact: row + 1, urgency: col + 1 }, level });
      }
    });
  });
  for (const level of new Set(levels)) if (!used.has(level)) issues.push({ kind: 'unmapped-level', path: [], level });
  return issues;
}

/**
 * Reports every structural problem of a matrix; an empty list means it is usable with
 * {@link lookupPriority}. Issues are ordered: shape first, then cells row by row, then unmapped levels.
 *
 * @example
 * validateMatrix([['P1', 'P2'], ['P2']], { levels: ['P1', 'P2', 'P3'] });
 * // [
 * //   { kind: 'non-rectangular', path: [1], expected: 2, actual: 1 },
 * //   { kind: 'unmapped-level', path: [], level: 'P3' },
 * // ]
 * validateMatrix([['P1', 'PX']], { levels: ['P1'], size: { impact: 1, urgency: 2 } });
 * // [{ kind: 'unknown-level', path: [0, 1], cell: { impact: 1, urgency: 2 }, level: 'PX' }]
 */
export function validateMatrix(matrix: PriorityMatrix, expect: MatrixExpectations = {}): readonly MatrixIssue[] {
  const shape = shapeIssues(matrix, expect.size);
  return expect.levels === undefined ? shape : [...shape, ...levelIssues(matrix, expect.levels)];
}
