/** Evaluation of the KVS condition clauses (`WhereConditions`, `FilterConditions`) on stored values. */

export type ConditionName =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'NOT_CONTAINS'
  | 'EQUAL_TO'
  | 'NOT_EQUAL_TO'
  | 'EXISTS'
  | 'NOT_EXISTS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO';

export const CONDITION_NAMES: readonly ConditionName[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

export const RANGE_CONDITIONS: readonly ConditionName[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

export interface Clause {
  condition: ConditionName;
  values: unknown[];
}

/** Total order used by indexes: numbers before strings before booleans; within a kind, natural order. */
export function compareIndexValues(a: unknown, b: unknown): number {
  const rank = (v: unknown): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

/** Does `value` (undefined when the attribute is absent) satisfy the clause? */
export function matchesClause(value: unknown, clause: Clause): boolean {
  const [first, second] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return value !== undefined;
    case 'NOT_EXISTS':
      return value === undefined;
    case 'EQUAL_TO':
      return value !== undefined && value === first;
    case 'NOT_EQUAL_TO':
      return value !== first;
    case 'BEGINS_WITH':
      return (typeof value === 'string' || typeof value === 'number') && String(value).startsWith(String(first));
    case 'CONTAINS':
      return Array.isArray(value) ? value.includes(first) : typeof value === 'string' && value.includes(String(first));
    case 'NOT_CONTAINS':
      return Array.isArray(value) ? !value.includes(first) : !(typeof value === 'string' && value.includes(String(first)));
    case 'GREATER_THAN':
      return comparable(value, first) && compareIndexValues(value, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(value, first) && compareIndexValues(value, first) >= 0;
    case 'LESS_THAN':
      return comparable(value, first) && compareIndexValues(value, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(value, first) && compareIndexValues(value, first) <= 0;
    case 'BETWEEN':
      return (
        comparable(value, first) &&
        comparable(value, second) &&
        compareIndexValues(value, first) >= 0 &&
        compareIndexValues(value, second) <= 0
      );
  }
}
