import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOX, niceCeiling, tickValues, trendGeometry } from '../../../static/reports/src/model/trend-geometry';

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [40, 50],
    [51, 100],
    [250, 500],
  ])('%d -> %d', (v, expected) => expect(niceCeiling(v)).toBe(expected));
});

describe('tickValues', () => {
  it.each([
    [1, [0, 1]],
    [2, [0, 1, 2]],
    [5, [0, 1, 2, 3, 4, 5]],
    [10, [0, 5, 10]],
    [20, [0, 10, 20]],
    [50, [0, 10, 20, 30, 40, 50]],
    [500, [0, 100, 200, 300, 400, 500]],
  ])('%d -> %j', (max, ticks) => expect(tickValues(max)).toEqual(ticks));

  it('every nice maximum gets whole ticks that end at it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const max = niceCeiling(n);
        const ticks = tickValues(max);
        expect(ticks.at(-1)).toBe(max);
        expect(ticks.every(Number.isInteger)).toBe(true);
        expect(ticks.length).toBeLessThanOrEqual(6);
      }),
    );
  });
});

const points = (s: string): [number, number][] => (s === '' ? [] : s.split(' ').map((p) => p.split(',').map(Number) as [number, number]));

describe('trendGeometry', () => {
  it('lays out two days exactly in the default box', () => {
    const g = trendGeometry([
      { day: '2026-03-01', opened: 2, closed: 0 },
      { day: '2026-03-02', opened: 0, closed: 1 },
    ]);
    // Plot: x 40..708, y 192 (zero) .. 12 (yMax 2).
    expect(g.yMax).toBe(2);
    expect(g.opened).toBe('40,12 708,192');
    expect(g.closed).toBe('40,192 708,102');
    expect(g.yTicks).toEqual([
      { value: 0, y: 192 },
      { value: 1, y: 102 },
      { value: 2, y: 12 },
    ]);
    expect(g.xLabels.map((l) => l.day)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('puts a single day in the middle and an all-zero period on the baseline', () => {
    const g = trendGeometry([{ day: '2026-03-01', opened: 0, closed: 0 }]);
    expect(g.opened).toBe('374,192');
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 1]);
    expect(trendGeometry([]).opened).toBe('');
  });

  it('keeps every point inside the plot, one per day, in day order; labels the first and last day (property)', () => {
    const row = fc.record({ opened: fc.nat(500), closed: fc.nat(500) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 400 }), (counts) => {
        const rows = counts.map((c, i) => ({ day: `d${String(i).padStart(4, '0')}`, ...c }));
        const g = trendGeometry(rows);
        for (const series of [g.opened, g.closed]) {
          const pts = points(series);
          expect(pts).toHaveLength(rows.length);
          pts.forEach(([x, y], i) => {
            expect(x).toBeGreaterThanOrEqual(DEFAULT_BOX.left);
            expect(x).toBeLessThanOrEqual(DEFAULT_BOX.width - DEFAULT_BOX.right);
            expect(y).toBeGreaterThanOrEqual(DEFAULT_BOX.top);
            expect(y).toBeLessThanOrEqual(DEFAULT_BOX.height - DEFAULT_BOX.bottom);
            if (i > 0) expect(x).toBeGreaterThan(pts[i - 1]![0]);
          });
        }
        expect(g.xLabels[0]?.day).toBe(rows[0]?.day);
        expect(g.xLabels.at(-1)?.day).toBe(rows.at(-1)?.day);
        expect(g.xLabels.length).toBeLessThanOrEqual(7);
        // The highest count reaches at most the top tick.
        expect(g.yMax).toBeGreaterThanOrEqual(Math.max(...counts.map((c) => Math.max(c.opened, c.closed))));
      }),
    );
  });
});
