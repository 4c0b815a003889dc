import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellsForPriority,
  levelsInMatrix,
  lookupPriority,
  MATRIX_MAX_SIZE,
  validateMatrix,
  type PriorityMatrix,
} from '../../../src/domain/priority';

const levelId = fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7');

/** A rectangular N x M matrix, 1 <= N, M <= 10, with its size. */
const matrixArb = fc
  .record({ rows: fc.integer({ min: 1, max: MATRIX_MAX_SIZE }), cols: fc.integer({ min: 1, max: MATRIX_MAX_SIZE }) })
  .chain(({ rows, cols }) =>
    fc
      .array(fc.array(levelId, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
      .map((matrix): { matrix: PriorityMatrix; rows: number; cols: number } => ({ matrix, rows, cols })),
  );

const key = (impact: number, urgency: number): string => `${String(impact)}x${String(urgency)}`;

describe('priority matrix properties', () => {
  it('every cell is found by the reverse lookup of its own level', () => {
    fc.assert(
      fc.property(matrixArb, ({ matrix, rows, cols }) => {
        for (let impact = 1; impact <= rows; impact++) {
          for (let urgency = 1; urgency <= cols; urgency++) {
            const found = lookupPriority(matrix, impact, urgency);
            if (!found.ok) return false;
            const back = cellsForPriority(matrix, found.level);
            if (!back.some((c) => c.impact === impact && c.urgency === urgency)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('reverse lookups of the distinct levels partition the matrix', () => {
    fc.assert(
      fc.property(matrixArb, ({ matrix, rows, cols }) => {
        const seen = new Map<string, string>();
        for (const level of levelsInMatrix(matrix)) {
          for (const c of cellsForPriority(matrix, level)) {
            expect(seen.has(key(c.impact, c.urgency))).toBe(false);
            seen.set(key(c.impact, c.urgency), level);
            expect(lookupPriority(matrix, c.impact, c.urgency)).toEqual({ ok: true, level });
          }
        }
        expect(seen.size).toBe(rows * cols);
      }),
    );
  });

  it('a level the matrix does not use has no cells', () => {
    fc.assert(
      fc.property(matrixArb, fc.string(), ({ matrix }, level) => {
        fc.pre(!matrix.some((r) => r.includes(level)));
        expect(cellsForPriority(matrix, level)).toEqual([]);
      }),
    );
  });

  it('lookups outside 1..N x 1..M are refused on the right axis', () => {
    const outside = (size: number) =>
      fc.oneof(
        fc.integer({ min: -1000, max: 0 }),
        fc.integer({ min: size + 1, max: size + 1000 }),
        fc.double({ min: 0, max: size + 1, noNaN: true }).filter((x) => !Number.isInteger(x)),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      );
    fc.assert(
      fc.property(
        matrixArb.chain((m) => fc.tuple(fc.constant(m), outside(m.rows), fc.integer({ min: 1, max: m.cols }), outside(m.cols), fc.integer({ min: 1, max: m.rows }))),
        ([{ matrix, rows, cols }, badImpact, goodUrgency, badUrgency, goodImpact]) => {
          const a = lookupPriority(matrix, badImpact, goodUrgency);
          expect(a.ok ? undefined : a.error).toMatchObject({ kind: 'index-out-of-range', axis: 'impact', size: rows });
          const b = lookupPriority(matrix, goodImpact, badUrgency);
          expect(b.ok ? undefined : b.error).toMatchObject({ kind: 'index-out-of-range', axis: 'urgency', size: cols });
        },
      ),
    );
  });

  it('random rectangular matrices validate clean against their own levels and size', () => {
    fc.assert(
      fc.property(matrixArb, ({ matrix, rows, cols }) => {
        const expectations = { levels: levelsInMatrix(matrix), size: { impact: rows, urgency: cols } };
        expect(validateMatrix(matrix, expectations)).toEqual([]);
      }),
    );
  });

  it('shortening one row of a matrix is reported at that row', () => {
    fc.assert(
      fc.property(
        matrixArb.filter((m) => m.cols >= 2 && m.rows >= 3).chain((m) => fc.tuple(fc.constant(m), fc.integer({ min: 0, max: m.rows - 1 }))),
        ([{ matrix, rows, cols }, victim]) => {
          const ragged = matrix.map((r, i) => (i === victim ? r.slice(0, -1) : r));
          expect(validateMatrix(ragged, { size: { impact: rows, urgency: cols } })).toEqual([
            { kind: 'non-rectangular', path: [victim], expected: cols, actual: cols - 1 },
          ]);
          // Without the scales the majority width still identifies the short row.
          expect(validateMatrix(ragged)).toEqual([{ kind: 'non-rectangular', path: [victim], expected: cols, actual: cols - 1 }]);
        },
      ),
    );
  });
});
