import type { IssueRecord } from '../state/model';
import type { JqlOrderTerm } from './ast';
import { resolveField, type JqlEnv, type Scalar } from './fields';

function compareScalar(a: Scalar | null, b: Scalar | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // EMPTY sorts last ascending, first descending
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export type Sorter = (issues: IssueRecord[]) => IssueRecord[];

/**
 * ORDER BY terms (ascending unless DESC); without any, newest first (created DESC). Ties: newest id first.
 * Sort keys are computed once per issue, not per comparison (searches run over tens of thousands of issues).
 */
export function compileOrder(env: JqlEnv, terms: readonly JqlOrderTerm[]): Sorter {
  const keys =
    terms.length === 0
      ? [{ get: (i: IssueRecord): Scalar | null => i.created, desc: true }]
      : terms.map((t) => {
          const acc = resolveField(env, t.field);
          return { get: (i: IssueRecord) => acc.sort(i), desc: t.direction === 'desc' };
        });
  return (issues) => {
    const rows = issues.map((issue) => ({ issue, id: Number(issue.id), k: keys.map((k) => k.get(issue)) }));
    rows.sort((a, b) => {
      for (let n = 0; n < keys.length; n++) {
        const c = compareScalar(a.k[n] ?? null, b.k[n] ?? null);
        if (c !== 0) return keys[n]?.desc ? -c : c;
      }
      return b.id - a.id;
    });
    return rows.map((r) => r.issue);
  };
}
