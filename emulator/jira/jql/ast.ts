/** The emulator's own JQL tree, converted from @atlaskit/jql-ast's Jast. */

export type JqlOperand =
  | { kind: 'value'; value: string }
  | { kind: 'empty' }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'list'; items: JqlOperand[] };

export interface JqlField {
  /** As written, e.g. `status`, `cf[10050]`, `issue.property`. */
  name: string;
  /** For `issue.property[key].path`. */
  property?: { key: string; path: string };
}

export type JqlClause =
  | { kind: 'and'; clauses: JqlClause[] }
  | { kind: 'or'; clauses: JqlClause[] }
  | { kind: 'not'; clause: JqlClause }
  | { kind: 'term'; field: JqlField; operator: string; operand: JqlOperand | null };

export interface JqlOrderTerm {
  field: JqlField;
  direction: 'asc' | 'desc' | null;
}

export interface JqlQuery {
  where: JqlClause | null;
  orderBy: JqlOrderTerm[];
}
