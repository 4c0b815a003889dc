import { fail } from '../errors';
import type { IssueRecord } from '../state/model';
import type { JqlClause, JqlOperand } from './ast';
import { resolveField, type Accessor, type JqlEnv, type Scalar } from './fields';

export type Predicate = (issue: IssueRecord) => boolean;

const OPERATORS_BY_KIND: Record<Accessor['kind'], ReadonlySet<string>> = {
  set: new Set(['=', '!=', 'in', 'not in', 'is', 'is not']),
  number: new Set(['=', '!=', 'in', 'not in', 'is', 'is not', '<', '<=', '>', '>=']),
  date: new Set(['=', '!=', 'in', 'not in', 'is', 'is not', '<', '<=', '>', '>=']),
  text: new Set(['~', '!~', 'is', 'is not']),
};

function operandValues(acc: Accessor, operand: JqlOperand): (Scalar | null)[] {
  switch (operand.kind) {
    case 'value':
      return [acc.value(operand.value)];
    case 'empty':
      return [null];
    case 'function':
      return [acc.value({ fn: operand.name, args: operand.args })];
    case 'list':
      return operand.items.flatMap((o) => operandValues(acc, o));
  }
}

const WORD = /[\p{L}\p{N}_]+/gu;

/** Jira-like `~`: every term must occur as a word (`term*` as a prefix; `"a b"` as a phrase; CJK as a substring). */
export function textMatches(haystack: string, query: string): boolean {
  const text = haystack.toLowerCase();
  const q = query.trim().toLowerCase();
  if (q.length >= 2 && q.startsWith('"') && q.endsWith('"')) {
    const phrase = (q.slice(1, -1).match(WORD) ?? []).join(' ');
    return (text.match(WORD) ?? []).join(' ').includes(phrase);
  }
  const words = new Set(text.match(WORD) ?? []);
  const terms = q.split(/\s+/).filter((t) => t.length > 0);
  if (terms.length === 0) return false;
  return terms.every((raw) => {
    const prefix = raw.endsWith('*');
    const term = (raw.replace(/\*+$/, '').match(WORD) ?? []).join('');
    if (term === '') return false;
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(term)) return text.includes(term);
    if (prefix) {
      for (const w of words) if (w.startsWith(term)) return true;
      return false;
    }
    return words.has(term);
  });
}

function compileTerm(env: JqlEnv, clause: Extract<JqlClause, { kind: 'term' }>): Predicate {
  const acc = resolveField(env, clause.field);
  const op = clause.operator;
  if (!OPERATORS_BY_KIND[acc.kind].has(op)) {
    if (['was', 'was in', 'was not', 'was not in', 'changed'].includes(op)) fail(400, `The operator '${op.toUpperCase()}' is not supported by this emulator (history search).`);
    fail(400, `The operator '${op}' is not supported by the '${acc.name}' field.`);
  }
  if (!clause.operand) fail(400, `Error in the JQL Query: Expecting a value for the field '${acc.name}'.`);
  if (op === 'is' || op === 'is not') {
    if (clause.operand.kind !== 'empty') fail(400, `The operator '${op}' only supports EMPTY or NULL values for the field '${acc.name}'.`);
    return op === 'is' ? (i) => acc.get(i).length === 0 : (i) => acc.get(i).length > 0;
  }
  if (op === '~' || op === '!~') {
    if (clause.operand.kind !== 'value') fail(400, `The operator '${op}' needs a text value for the field '${acc.name}'.`);
    const q = clause.operand.value;
    const match: Predicate = (i) => acc.get(i).some((t) => textMatches(String(t), q));
    return op === '~' ? match : (i) => acc.get(i).length > 0 && !match(i);
  }
  const targets = operandValues(acc, clause.operand);
  const wantsEmpty = targets.includes(null);
  const set = new Set(targets.filter((t): t is Scalar => t !== null));
  switch (op) {
    case '=':
    case 'in':
      return (i) => {
        const vs = acc.get(i);
        return vs.length === 0 ? wantsEmpty : vs.some((v) => set.has(v));
      };
    case '!=':
    case 'not in':
      // Jira's negative operators never match an EMPTY field (unless EMPTY itself is excluded).
      return (i) => {
        const vs = acc.get(i);
        return vs.length > 0 && !vs.some((v) => set.has(v));
      };
    default: {
      const t = targets[0];
      if (t === null || t === undefined || targets.length !== 1) fail(400, `The operator '${op}' needs a single value for the field '${acc.name}'.`);
      const cmp = (v: Scalar): boolean => {
        switch (op) {
          case '<':
            return v < t;
          case '<=':
            return v <= t;
          case '>':
            return v > t;
          default:
            return v >= t;
        }
      };
      return (i) => acc.get(i).some(cmp);
    }
  }
}

/** Compile a clause to a predicate, resolving every field and value first (so bad JQL fails before any issue is read). */
export function compileClause(env: JqlEnv, clause: JqlClause): Predicate {
  switch (clause.kind) {
    case 'and': {
      const ps = clause.clauses.map((c) => compileClause(env, c));
      return (i) => ps.every((p) => p(i));
    }
    case 'or': {
      const ps = clause.clauses.map((c) => compileClause(env, c));
      return (i) => ps.some((p) => p(i));
    }
    case 'not': {
      const p = compileClause(env, clause.clause);
      return (i) => !p(i);
    }
    case 'term':
      return compileTerm(env, clause);
  }
}

/** Project ids the query is confined to (from `project =/in` reachable through ANDs), or null for all. */
export function projectHint(env: JqlEnv, clause: JqlClause): Set<string> | null {
  switch (clause.kind) {
    case 'term': {
      if (clause.field.property || clause.field.name.toLowerCase() !== 'project' || !clause.operand) return null;
      if (clause.operator !== '=' && clause.operator !== 'in') return null;
      const acc = resolveField(env, clause.field);
      const values = operandValues(acc, clause.operand);
      if (values.includes(null)) return null;
      return new Set(values.map(String));
    }
    case 'and': {
      for (const c of clause.clauses) {
        const h = projectHint(env, c);
        if (h) return h;
      }
      return null;
    }
    case 'or': {
      const out = new Set<string>();
      for (const c of clause.clauses) {
        const h = projectHint(env, c);
        if (!h) return null;
        for (const p of h) out.add(p);
      }
      return out;
    }
    case 'not':
      return null;
  }
}
