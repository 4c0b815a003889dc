import { formatPath } from '../../config';

/** One difference between two configs, at a field path. */
export interface ConfigDiffEntry {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(before: unknown, after: unknown, path: PropertyKey[], out: ConfigDiffEntry[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      if (i >= before.length) out.push({ path: formatPath([...path, i]), kind: 'added', after: after[i] as unknown });
      else if (i >= after.length) out.push({ path: formatPath([...path, i]), kind: 'removed', before: before[i] as unknown });
      else walk(before[i], after[i], [...path, i], out);
    }
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) {
      if (!(k in after)) out.push({ path: formatPath([...path, k]), kind: 'removed', before: before[k] });
      else if (!(k in before)) out.push({ path: formatPath([...path, k]), kind: 'added', after: after[k] });
      else walk(before[k], after[k], [...path, k], out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: formatPath(path), kind: 'changed', before, after });
}

/**
 * The differences between two JSON values, field by field (list items by position), in the order the
 * fields appear, so an import preview can show exactly what would change.
 *
 * @example
 * diffConfig({ matrix: [['P1', 'P2']] }, { matrix: [['P1', 'P3']] })
 * // [{ path: 'matrix[0][1]', kind: 'changed', before: 'P2', after: 'P3' }]
 */
export function diffConfig(before: unknown, after: unknown): ConfigDiffEntry[] {
  const out: ConfigDiffEntry[] = [];
  walk(before, after, [], out);
  return out;
}
