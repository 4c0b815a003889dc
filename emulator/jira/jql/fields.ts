import { adfText } from '../format/adf';
import { statusCategoryByName } from '../format/resources';
import { canBrowseProject } from '../permissions';
import { fail } from '../errors';
import type { Actor } from '../site-contract';
import type { IndexValueType, IssueRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import type { JqlField } from './ast';
import { dateFunction, dateValue } from './dates';

export interface JqlEnv {
  store: JiraStore;
  actor: Actor;
  accountId: string;
  now: number;
}

export type Scalar = string | number;

/** How one JQL field reads an issue and interprets operands. */
export interface Accessor {
  /** The field as written, for messages. */
  name: string;
  kind: 'set' | 'number' | 'date' | 'text';
  /** The issue's values; an empty array is EMPTY. */
  get(issue: IssueRecord): Scalar[];
  /** An operand (a value or function) as a comparable value; null means EMPTY (e.g. `resolution = Unresolved`). */
  value(text: string | { fn: string; args: string[] }): Scalar | null;
  /** Sort key for ORDER BY (null sorts as EMPTY). */
  sort(issue: IssueRecord): Scalar | null;
}

const noValue = (field: string, v: string): never => fail(400, `The value '${v}' does not exist for the field '${field}'.`);
const noFunction = (fn: string): never => fail(400, `Unable to find JQL function '${fn}()'.`);

function setField(
  name: string,
  get: (i: IssueRecord) => Scalar[],
  lookup: (v: string) => Scalar | null | undefined,
  sort?: (i: IssueRecord) => Scalar | null,
): Accessor {
  return {
    name,
    kind: 'set',
    get,
    value(t) {
      if (typeof t !== 'string') return noFunction(t.fn);
      const r = lookup(t);
      return r === undefined ? noValue(name, t) : r;
    },
    sort: sort ?? ((i) => get(i)[0] ?? null),
  };
}

function dateField(env: JqlEnv, name: string, get: (i: IssueRecord) => number | null): Accessor {
  return {
    name,
    kind: 'date',
    get: (i) => {
      const v = get(i);
      return v === null ? [] : [v];
    },
    value(t) {
      if (typeof t === 'string') return dateValue(t, name, env.now);
      return dateFunction(t.fn, t.args, env.now) ?? noFunction(t.fn);
    },
    sort: get,
  };
}

function textField(name: string, text: (i: IssueRecord) => string): Accessor {
  return {
    name,
    kind: 'text',
    get: (i) => {
      const t = text(i);
      return t === '' ? [] : [t];
    },
    value: (t) => (typeof t === 'string' ? t : noFunction(t.fn)),
    sort: (i) => text(i).toLowerCase(),
  };
}

function userField(env: JqlEnv, name: string, get: (i: IssueRecord) => string | null): Accessor {
  const { store } = env;
  return {
    name,
    kind: 'set',
    get: (i) => {
      const v = get(i);
      return v === null ? [] : [v];
    },
    value(t) {
      if (typeof t !== 'string') {
        if (t.fn.toLowerCase() === 'currentuser') return env.accountId;
        return noFunction(t.fn);
      }
      if (store.users.has(t)) return t;
      const lower = t.toLowerCase();
      for (const u of store.users.values()) if (u.displayName.toLowerCase() === lower || (u.emailAddress !== '' && u.emailAddress.toLowerCase() === lower)) return u.accountId;
      return noValue(name, t);
    },
    sort: (i) => {
      const v = get(i);
      return v === null ? null : (store.users.get(v)?.displayName.toLowerCase() ?? v);
    },
  };
}

/** A reader for one dotted path, split once (searches call it for every issue). A final array is flattened, as Jira indexes each element. */
export function pathReader(path: string): (root: unknown) => unknown[] {
  const parts = path.split('.').filter((p) => p.length > 0);
  return (root) => {
    let current: unknown = root;
    for (const part of parts) {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return [];
      current = (current as Record<string, unknown>)[part];
    }
    if (current === null || current === undefined) return [];
    return Array.isArray(current) ? (current as unknown[]).filter((v) => v !== null && v !== undefined) : [current];
  };
}

/** An indexed JSON value (issue property or object custom field) of a declared type. */
function indexedField(env: JqlEnv, name: string, type: IndexValueType, read: (i: IssueRecord) => unknown[]): Accessor {
  switch (type) {
    case 'number':
      return {
        name,
        kind: 'number',
        get: (i) => read(i).flatMap((v) => (typeof v === 'number' ? [v] : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? [Number(v)] : [])),
        value(t) {
          if (typeof t !== 'string') return noFunction(t.fn);
          const n = Number(t);
          if (t.trim() === '' || Number.isNaN(n)) fail(400, `The value '${t}' is not a valid number for the field '${name}'.`);
          return n;
        },
        sort: (i) => {
          const v = read(i)[0];
          return typeof v === 'number' ? v : typeof v === 'string' && !Number.isNaN(Number(v)) ? Number(v) : null;
        },
      };
    case 'date':
      return dateField(env, name, (i) => {
        for (const v of read(i)) {
          const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
          if (!Number.isNaN(ms)) return ms;
        }
        return null;
      });
    case 'text':
      return textField(name, (i) => read(i).map(String).join(' '));
    case 'user':
      return userField(env, name, (i) => {
        const v = read(i)[0];
        return typeof v === 'string' ? v : null;
      });
    case 'string':
      return {
        name,
        kind: 'set',
        get: (i) => read(i).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
        value: (t) => (typeof t === 'string' ? t : noFunction(t.fn)),
        sort: (i) => {
          const v = read(i)[0];
          return v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
        },
      };
  }
}

/** JQL names of system fields; an alias with one of these names is shadowed by the system field. */
export const SYSTEM_JQL_NAMES: ReadonlySet<string> = new Set([
  'project', 'issuetype', 'type', 'status', 'statuscategory', 'priority', 'resolution', 'assignee', 'reporter', 'creator',
  'key', 'issuekey', 'id', 'issue', 'labels', 'level', 'summary', 'description', 'comment', 'text', 'created', 'createddate',
  'updated', 'updateddate', 'resolved', 'resolutiondate', 'statuscategorychangeddate', 'due', 'duedate',
]);

const DATE_FIELDS: Record<string, { id: string; get: (i: IssueRecord) => number | null }> = {
  created: { id: 'created', get: (i) => i.created },
  createddate: { id: 'created', get: (i) => i.created },
  updated: { id: 'updated', get: (i) => i.updated },
  updateddate: { id: 'updated', get: (i) => i.updated },
  resolved: { id: 'resolved', get: (i) => i.resolutionDate },
  resolutiondate: { id: 'resolutiondate', get: (i) => i.resolutionDate },
  statuscategorychangeddate: { id: 'statusCategoryChangedDate', get: (i) => i.statusCategoryChangeDate },
  due: { id: 'due', get: (i) => (i.duedate === null ? null : Date.parse(`${i.duedate}T00:00:00Z`)) },
  duedate: { id: 'duedate', get: (i) => (i.duedate === null ? null : Date.parse(`${i.duedate}T00:00:00Z`)) },
};

function commentText(store: JiraStore, i: IssueRecord): string {
  return i.commentIds.map((id) => adfText(store.comments.get(id)?.body)).join('\n');
}

function keyNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

/** Resolve a JQL field name to an accessor, or fail with Jira's 400 for fields this site does not know. */
export function resolveField(env: JqlEnv, field: JqlField): Accessor {
  const { store } = env;
  const lower = field.name.toLowerCase();

  if (field.property) {
    if (lower !== 'issue.property') fail(400, `Field '${field.name}' does not support properties in this emulator.`);
    const { key, path } = field.property;
    const entry = store.propertyIndex.find((e) => e.propertyKey === key && e.path === path);
    if (!entry) {
      fail(400, `Field 'issue.property[${key}].${path}' is not indexed: declare it in a jira:entityProperty module of the manifest.`);
    }
    const read = pathReader(path);
    return indexedField(env, `issue.property[${key}].${path}`, entry.type, (i) => read(i.properties.get(key)));
  }

  switch (lower) {
    case 'project':
      return setField(
        field.name,
        (i) => [i.projectId],
        (v) => {
          const p = store.projectByIdOrKey(v) ?? [...store.projects.values()].find((x) => x.name.toLowerCase() === v.toLowerCase());
          return p && canBrowseProject(store, env.actor, p) ? p.id : undefined;
        },
        (i) => store.projects.get(i.projectId)?.key ?? null,
      );
    case 'issuetype':
    case 'type':
      return setField(field.name, (i) => [i.issueTypeId], (v) => (store.issueTypes.get(v) ?? store.issueTypeByName(v))?.id, (i) => store.issueTypes.get(i.issueTypeId)?.name ?? null);
    case 'status':
      return setField(field.name, (i) => [i.statusId], (v) => (store.statuses.get(v) ?? store.statusByName(v))?.id, (i) => store.statuses.get(i.statusId)?.name ?? null);
    case 'statuscategory':
      return setField(field.name, (i) => [store.statuses.get(i.statusId)?.category ?? 'new'], (v) => statusCategoryByName(v));
    case 'priority': {
      const order = [...store.priorities.keys()];
      // Highest sorts last ascending, so `ORDER BY priority DESC` puts it first, as in Jira.
      return setField(field.name, (i) => [i.priorityId], (v) => (store.priorities.get(v) ?? store.priorityByName(v))?.id, (i) => order.length - order.indexOf(i.priorityId));
    }
    case 'resolution':
      return setField(
        field.name,
        (i) => (i.resolutionId === null ? [] : [i.resolutionId]),
        (v) => (v.toLowerCase() === 'unresolved' ? null : (store.resolutions.get(v) ?? [...store.resolutions.values()].find((r) => r.name.toLowerCase() === v.toLowerCase()))?.id),
        (i) => (i.resolutionId === null ? null : (store.resolutions.get(i.resolutionId)?.name ?? null)),
      );
    case 'assignee':
      return userField(env, field.name, (i) => i.assigneeId);
    case 'reporter':
      return userField(env, field.name, (i) => i.reporterId);
    case 'creator':
      return userField(env, field.name, (i) => i.creatorId);
    case 'key':
    case 'issuekey':
    case 'id':
    case 'issue':
      return setField(
        field.name,
        (i) => [i.key],
        (v) => store.issueByIdOrKey(v)?.key ?? fail(400, `An issue with key '${v}' does not exist for field '${field.name}'.`),
        (i) => {
          const p = store.projects.get(i.projectId)?.key ?? '';
          return `${p}-${String(keyNumber(i.key)).padStart(12, '0')}`;
        },
      );
    case 'labels':
      return setField(field.name, (i) => i.labels, (v) => v, (i) => i.labels[0] ?? null);
    case 'level':
      return setField(
        field.name,
        (i) => (i.securityLevelId === null ? [] : [i.securityLevelId]),
        (v) => (store.securityLevels.get(v) ?? [...store.securityLevels.values()].find((l) => l.name.toLowerCase() === v.toLowerCase()))?.id,
      );
    case 'summary':
      return textField(field.name, (i) => i.summary);
    case 'description':
      return textField(field.name, (i) => adfText(i.description));
    case 'comment':
      return textField(field.name, (i) => commentText(store, i));
    case 'text':
      return textField(field.name, (i) => {
        const custom = [...i.custom.entries()].filter(([id]) => store.customFields.get(id)?.kind === 'string').map(([, v]) => String(v));
        return [i.summary, adfText(i.description), commentText(store, i), ...custom].join('\n');
      });
  }

  const date = DATE_FIELDS[lower];
  if (date) return dateField(env, field.name, date.get);

  for (const e of store.propertyIndex) {
    if (e.searchAlias !== null && e.searchAlias.toLowerCase() === lower) {
      const read = pathReader(e.path);
      return indexedField(env, field.name, e.type, (i) => read(i.properties.get(e.propertyKey)));
    }
  }
  for (const cf of store.customFields.values()) {
    for (const [alias, a] of cf.aliases) {
      if (alias.toLowerCase() === lower) {
        const read = pathReader(a.property);
        return indexedField(env, field.name, a.type, (i) => read(i.custom.get(cf.id)));
      }
    }
  }

  const cfMatch = /^cf\[(\d+)\]$/.exec(lower);
  const cf = cfMatch ? store.customFields.get(`customfield_${cfMatch[1] ?? ''}`) : store.customFieldByName(field.name);
  if (cf) {
    const read = (i: IssueRecord): unknown[] => {
      const v = i.custom.get(cf.id);
      return v === undefined || v === null ? [] : Array.isArray(v) ? (v as unknown[]) : [v];
    };
    switch (cf.kind) {
      case 'number':
        return indexedField(env, field.name, 'number', read);
      case 'string':
        return indexedField(env, field.name, 'text', read);
      case 'datetime':
      case 'date':
        return indexedField(env, field.name, 'date', read);
      case 'array-string':
        return indexedField(env, field.name, 'string', read);
      case 'user':
        return indexedField(env, field.name, 'user', (i) => read(i).map((v) => (v as { accountId?: unknown }).accountId));
      case 'option':
        return indexedField(env, field.name, 'string', (i) => read(i).map((v) => (v as { value?: unknown }).value));
      case 'object':
      case 'any':
        fail(400, `Field '${field.name}' is an object field: search it through the searchAlias of one of its properties.`);
    }
  }
  return fail(400, `Field '${field.name}' does not exist or you do not have permission to view it.`);
}
