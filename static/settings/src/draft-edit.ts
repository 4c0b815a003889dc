/** A path into a JSON value: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/**
 * A copy of `root` with the value at `path` replaced; every object and array on the way is copied,
 * nothing else is (React sees exactly what changed).
 *
 * @example setAt({ a: [{ b: 1 }, { b: 2 }] }, ['a', 1, 'b'], 3) // { a: [{ b: 1 }, { b: 3 }] }
 */
export function setAt<T>(root: T, path: JsonPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) {
    const copy = [...(root as unknown[])];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy as T;
  }
  const obj = (root ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], rest, value) } as T;
}

/**
 * The same path as the config parser writes it, so an input can find its errors.
 *
 * @example pathText(['impact', 'levels', 0, 'labels', 'ja']) // 'impact.levels[0].labels.ja'
 */
export function pathText(path: JsonPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${String(part)}]` : out === '' ? part : `.${part}`;
  return out;
}

/** A copy of the array without the item at `index`. */
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/**
 * Resizes a matrix to rows x cols, keeping what fits and filling new cells with `fill`.
 *
 * @example resizeMatrix([['P1']], 2, 2, 'P3') // [['P1', 'P3'], ['P3', 'P3']]
 */
export function resizeMatrix(matrix: readonly (readonly string[])[], rows: number, cols: number, fill: string): string[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => matrix[r]?.[c] ?? fill));
}
