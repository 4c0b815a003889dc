import type { LocalizedText, MatrixAxis, MatrixCell, PriorityLevelId, PriorityMatrix } from './matrix';

/**
 * Why a lookup could not answer: an index outside the matrix (or not a whole number).
 * `size` is how many levels that axis has at that point (for urgency: the length of the chosen row).
 *
 * @example
 * const error: PriorityLookupError = {
 *   kind: 'index-out-of-range', axis: 'urgency', index: 4, size: 3,
 *   message: { ja: '緊急度の指定 4 は範囲外です。…', en: 'Urgency 4 is out of range: it must be a whole number from 1 to 3.' },
 * };
 */
export interface PriorityLookupError {
  readonly kind: 'index-out-of-range';
  readonly axis: MatrixAxis;
  readonly index: number;
  readonly size: number;
  readonly message: LocalizedText;
}

/**
 * Result of {@link lookupPriority}: impact and urgency come from issue fields, so a miss is data, not a bug.
 *
 * @example
 * const r: PriorityLookupResult = lookupPriority([['P1']], 1, 1);
 * const level = r.ok ? r.level : undefined; // 'P1'
 */
export type PriorityLookupResult =
  | { readonly ok: true; readonly level: PriorityLevelId }
  | { readonly ok: false; readonly error: PriorityLookupError };

const axisName = { impact: { ja: '影響度', en: 'Impact' }, urgency: { ja: '緊急度', en: 'Urgency' } } as const;

function outOfRange(axis: MatrixAxis, index: number, size: number): PriorityLookupError {
  const name = axisName[axis];
  return {
    kind: 'index-out-of-range',
    axis,
    index,
    size,
    message: {
      ja: `${name.ja}の指定 ${String(index)} は範囲外です。1 から ${String(size)} までの整数を指定してください。`,
      en: `${name.en} ${String(index)} is out of range: it must be a whole number from 1 to ${String(size)}.`,
    },
  };
}

function isIndexIn(index: number, size: number): boolean {
  return Number.isInteger(index) && index >= 1 && index <= size;
}

/**
 * The priority level at impact x urgency. Indices are 1-based; 1 is the highest impact / urgency.
 *
 * @example
 * const matrix = [['P1', 'P2', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']];
 * lookupPriority(matrix, 2, 1); // { ok: true, level: 'P2' }
 * lookupPriority(matrix, 4, 1); // { ok: false, error: { kind: 'index-out-of-range', axis: 'impact', index: 4, size: 3, ... } }
 */
export function lookupPriority(matrix: PriorityMatrix, impactIndex: number, urgencyIndex: number): PriorityLookupResult {
  const row = isIndexIn(impactIndex, matrix.length) ? matrix[impactIndex - 1] : undefined;
  if (row === undefined) return { ok: false, error: outOfRange('impact', impactIndex, matrix.length) };
  const level = isIndexIn(urgencyIndex, row.length) ? row[urgencyIndex - 1] : undefined;
  if (level === undefined) return { ok: false, error: outOfRange('urgency', urgencyIndex, row.length) };
  return { ok: true, level };
}

/**
 * Every cell that gives `level`, row by row (impact 1 first), then by urgency. Empty when nothing maps to it.
 *
 * @example
 * const matrix = [['P1', 'P2', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']];
 * cellsForPriority(matrix, 'P2'); // [{ impact: 1, urgency: 2 }, { impact: 2, urgency: 1 }]
 * cellsForPriority(matrix, 'P9'); // []
 */
export function cellsForPriority(matrix: PriorityMatrix, level: PriorityLevelId): readonly MatrixCell[] {
  const cells: MatrixCell[] = [];
  matrix.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === level) cells.push({ impact: r + 1, urgency: c + 1 });
    });
  });
  return cells;
}

/**
 * The distinct levels the matrix uses, in the order they first appear reading row by row.
 *
 * @example
 * levelsInMatrix([['P1', 'P2'], ['P2', 'P3']]); // ['P1', 'P2', 'P3']
 */
export function levelsInMatrix(matrix: PriorityMatrix): readonly PriorityLevelId[] {
  return [...new Set(matrix.flat())];
}
