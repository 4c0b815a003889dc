import { JastBuilder, JQLSyntaxError, type Clause, type Field, type Operand } from '@atlaskit/jql-ast';
import { fail } from '../errors';
import type { JqlClause, JqlField, JqlOperand, JqlQuery } from './ast';

function convertField(f: Field): JqlField {
  const prop = f.properties?.[0];
  if (prop) {
    const path = (prop.path ?? []).map((p) => p.value.replace(/^\./, '')).join('.');
    return { name: f.value, property: { key: prop.key?.value ?? '', path } };
  }
  return { name: f.value };
}

function convertOperand(o: Operand): JqlOperand {
  switch (o.operandType) {
    case 'value':
      return { kind: 'value', value: o.value };
    case 'keyword':
      return { kind: 'empty' };
    case 'function':
      return { kind: 'function', name: o.function.value, args: o.arguments.map((a) => a.value) };
    case 'list':
      return { kind: 'list', items: o.values.map(convertOperand) };
  }
}

function convertClause(c: Clause): JqlClause {
  switch (c.clauseType) {
    case 'compound': {
      const clauses = c.clauses.map(convertClause);
      return c.operator.value === 'and' ? { kind: 'and', clauses } : { kind: 'or', clauses };
    }
    case 'not':
      return { kind: 'not', clause: convertClause(c.clause) };
    case 'terminal': {
      if (c.predicates.length > 0) fail(400, `Error in the JQL Query: history predicates (${c.predicates.map((p) => p.operator.value).join(', ')}) are not supported by this emulator.`);
      return {
        kind: 'term',
        field: convertField(c.field),
        operator: c.operator?.value.toLowerCase() ?? '',
        operand: c.operand ? convertOperand(c.operand) : null,
      };
    }
  }
}

/**
 * Parse JQL with Atlassian's grammar. A fresh JastBuilder per call: a reused builder drops the WHERE clause.
 * Syntax errors become Jira's 400 `Error in the JQL Query: ...`.
 */
export function parseJql(text: string): JqlQuery {
  const jast = new JastBuilder().build(text);
  const err = jast.errors[0];
  if (err) {
    const where = err instanceof JQLSyntaxError ? ` (line ${String(err.line)}, character ${String(err.charPositionInLine + 1)})` : '';
    fail(400, `Error in the JQL Query: ${err.description}${where}`);
  }
  const q = jast.query;
  if (!q) return { where: null, orderBy: [] };
  return {
    where: q.where ? convertClause(q.where) : null,
    orderBy: (q.orderBy?.fields ?? []).map((f) => ({
      field: convertField(f.field),
      direction: f.direction ? (f.direction.value.toLowerCase() === 'desc' ? 'desc' : 'asc') : null,
    })),
  };
}
