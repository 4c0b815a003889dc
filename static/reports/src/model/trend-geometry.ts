/**
 * Geometry of the opened/closed trend chart, kept apart from React so it can be tested exactly: scales,
 * the two polylines, y ticks and which days get an x label.
 */

export interface TrendRow {
  readonly day: string;
  readonly opened: number;
  readonly closed: number;
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the y labels on the left and the x labels at the bottom. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 720, height: 220, left: 40, right: 12, top: 12, bottom: 28 };

export interface TrendGeometry {
  readonly yMax: number;
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly xLabels: readonly { readonly day: string; readonly x: number }[];
  /** SVG `points` of each series. */
  readonly opened: string;
  readonly closed: string;
  readonly plot: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number };
}

/**
 * The smallest 1, 2 or 5 x 10^k at or above a value (at least 1), so the top tick is a round number.
 *
 * @example niceCeiling(0) // 1; niceCeiling(7) // 10; niceCeiling(12) // 20; niceCeiling(40) // 50
 */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * Whole-number ticks from 0 to a nice maximum: 1 -> 0,1; 2 -> 0,1,2; 5 -> 0..5; 10 -> 0,5,10; 50 -> 0,10..50.
 *
 * @example tickValues(5) // [0, 1, 2, 3, 4, 5]
 */
export function tickValues(yMax: number): number[] {
  const step = yMax <= 2 ? 1 : String(yMax).startsWith('5') ? yMax / 5 : yMax / 2;
  const out: number[] = [];
  for (let v = 0; v <= yMax; v += step) out.push(v);
  return out;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * Lays out a trend: day i at x = x0 + i * (x1 - x0) / (days - 1) (a single day sits in the middle), counts
 * from the baseline y0 up to y1 at `yMax`. At most about six x labels, always the first and the last day.
 *
 * @example trendGeometry([{ day: '2026-03-01', opened: 2, closed: 0 }, { day: '2026-03-02', opened: 0, closed: 1 }]).opened
 *   // '40,12 708,192' in the default box (yMax 2)
 */
export function trendGeometry(rows: readonly TrendRow[], box: ChartBox = DEFAULT_BOX): TrendGeometry {
  const x0 = box.left;
  const x1 = box.width - box.right;
  const y0 = box.height - box.bottom;
  const y1 = box.top;
  const max = rows.reduce((m, r) => Math.max(m, r.opened, r.closed), 0);
  const yMax = niceCeiling(max);
  const xAt = (i: number): number => round(rows.length <= 1 ? (x0 + x1) / 2 : x0 + (i * (x1 - x0)) / (rows.length - 1));
  const yAt = (v: number): number => round(y0 - (v / yMax) * (y0 - y1));
  const points = (pick: (r: TrendRow) => number): string => rows.map((r, i) => `${String(xAt(i))},${String(yAt(pick(r)))}`).join(' ');
  const yTicks = tickValues(yMax).map((value) => ({ value, y: yAt(value) }));
  const step = Math.max(1, Math.ceil((rows.length - 1) / 5));
  const xLabels: { day: string; x: number }[] = [];
  rows.forEach((r, i) => {
    const last = i === rows.length - 1;
    // Skip a regular label that would crowd the last one.
    if ((i % step === 0 && (last || rows.length - 1 - i >= step / 2)) || last) xLabels.push({ day: r.day, x: xAt(i) });
  });
  return { yMax, yTicks, xLabels, opened: points((r) => r.opened), closed: points((r) => r.closed), plot: { x0, x1, y0, y1 } };
}
