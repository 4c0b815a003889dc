/** Priority matrix: lookup, reverse lookup, explanation and validation. Pure; indices are 1-based (see matrix.ts). */
export {
  MATRIX_MAX_SIZE,
  MATRIX_MIN_SIZE,
  type LocalizedText,
  type MatrixAxis,
  type MatrixCell,
  type PriorityLevelId,
  type PriorityMatrix,
} from './matrix';
export { cellsForPriority, levelsInMatrix, lookupPriority, type PriorityLookupError, type PriorityLookupResult } from './lookup';
export {
  explainPriority,
  type AxisExplanation,
  type PriorityExplanation,
  type PriorityExplanationResult,
  type PriorityLabels,
} from './explain';
export { validateMatrix, type MatrixExpectations, type MatrixIssue, type MatrixPath } from './validate-matrix';
