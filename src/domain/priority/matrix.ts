/**
 * The priority matrix and the vocabulary shared by lookup, explanation and validation.
 *
 * Index convention (decided once, used everywhere in this module):
 * - `impact` and `urgency` indices are **1-based**, and 1 is the **highest** impact / urgency, as ITIL
 *   tables read ("impact 1 x urgency 1 -> P1"). P1 is the highest priority.
 * - The matrix itself is a plain array of rows: `matrix[impact - 1][urgency - 1]` is the level id.
 *   Rows are impact levels, columns are urgency levels.
 * - Issue `path`s (see {@link validateMatrix}) are JSON-style array positions and therefore 0-based,
 *   like every other config path (`matrix[1][2]` is impact 2 x urgency 3).
 */

/** Id of a priority level, e.g. `"P1"`. The matrix does not care what the ids look like. */
export type PriorityLevelId = string;

/**
 * An N x M priority matrix, 1 <= N, M <= {@link MATRIX_MAX_SIZE}: rows are impact levels (row 0 is
 * impact 1, the highest), columns are urgency levels (column 0 is urgency 1), cells are level ids.
 *
 * @example
 * const matrix: PriorityMatrix = [
 *   ['P1', 'P2', 'P3'],
 *   ['P2', 'P3', 'P4'],
 *   ['P3', 'P4', 'P5'],
 * ];
 * // impact 2 x urgency 1 is matrix[1][0] === 'P2'
 */
export type PriorityMatrix = readonly (readonly PriorityLevelId[])[];

/**
 * One cell, addressed with 1-based indices.
 *
 * @example
 * const cell: MatrixCell = { impact: 2, urgency: 1 }; // second row, first column
 */
export interface MatrixCell {
  readonly impact: number;
  readonly urgency: number;
}

/** Which axis of the matrix: rows are impact, columns are urgency. */
export type MatrixAxis = 'impact' | 'urgency';

/**
 * A text the user sees, in both UI languages.
 *
 * @example
 * const label: LocalizedText = { ja: '特定部門', en: 'One department' };
 */
export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

/**
 * Smallest number of levels on either axis.
 *
 * @example
 * MATRIX_MIN_SIZE; // 1: a 1 x 1 matrix (one priority for everything) is allowed
 */
export const MATRIX_MIN_SIZE = 1;

/**
 * Largest number of levels on either axis; bigger tables stop being usable by people.
 *
 * @example
 * MATRIX_MAX_SIZE; // 10: up to 10 impact levels x 10 urgency levels
 */
export const MATRIX_MAX_SIZE = 10;
