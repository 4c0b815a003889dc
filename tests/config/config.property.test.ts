import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, type Config } from '../../src/config';
import { levelsInMatrix } from '../../src/domain/priority';

/** A consistent config of random size: N impact x M urgency levels, 1..10 each, with the levels the matrix uses. */
const configArb = fc
  .record({ rows: fc.integer({ min: 1, max: 10 }), cols: fc.integer({ min: 1, max: 10 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
  .map((matrix): Config => {
    const scale = (prefix: string, n: number) => ({
      levels: Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i + 1)}`, labels: { ja: `${prefix}の${String(i + 1)}`, en: `${prefix} ${String(i + 1)}` } })),
    });
    const used = levelsInMatrix(matrix);
    return {
      ...defaultConfig(),
      impact: scale('impact', matrix.length),
      urgency: scale('urgency', matrix[0]?.length ?? 0),
      priorityLevels: used.map((id) => ({ id, labels: { ja: `優先度${id}`, en: `Priority ${id}` }, jiraPriorityName: id })),
      matrix,
    };
  });

describe('config properties', () => {
  it('every consistent N x M config parses to itself', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        expect(parseConfig(JSON.parse(JSON.stringify(config)))).toEqual({ ok: true, config });
      }),
    );
  });

  it('a cell changed to an undefined level is reported at exactly that cell', () => {
    fc.assert(
      fc.property(
        configArb.chain((c) => fc.tuple(fc.constant(c), fc.nat(c.matrix.length - 1), fc.nat((c.matrix[0]?.length ?? 1) - 1))),
        ([config, r, col]) => {
          const matrix = config.matrix.map((row, i) => (i === r ? row.map((cell, j) => (j === col ? 'PX' : cell)) : row));
          const result = parseConfig({ ...config, matrix });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const cellErrors = result.errors.filter((e) => e.code === 'unknown-priority');
          expect(cellErrors.map((e) => e.path)).toEqual([`matrix[${String(r)}][${String(col)}]`]);
          // Anything else is the level that cell alone gave, now unreachable.
          for (const e of result.errors.filter((x) => x.code !== 'unknown-priority')) expect(e.code).toBe('unreferenced-priority');
        },
      ),
    );
  });
});
