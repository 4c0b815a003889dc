import type { ChangelogEntry, Comment, IssueHistory, Status, StatusCategory } from './issue-history';

/**
 * Turns an issue history into one ordered list of events, each with the facts it carries, while
 * tracking the issue's current field values. Ordering is by (instant, source, id) with Jira's numeric
 * ids compared as numbers, and entries are deduplicated by id, so any shuffle or repetition of the
 * same changelog yields the same timeline.
 */

export interface StatusRef {
  readonly id: string | null;
  readonly name: string | null;
  readonly category: StatusCategory | null;
  /** Lower-cased id and name, computed once so condition matching does not allocate. */
  readonly idKey: string | null;
  readonly nameKey: string | null;
  /**
   * Per-evaluation memo of status-condition results by condition slot (1 = match, 2 = no match).
   * StatusRefs are created afresh for each evaluation, so the memo never crosses policies.
   */
  readonly memo: number[];
}

function makeStatusRef(id: string | null, name: string | null, category: StatusCategory | null): StatusRef {
  return { id, name, category, idKey: id === null ? null : id.toLowerCase(), nameKey: name === null ? null : name.toLowerCase(), memo: [] };
}

export type IssueFactType = 'issue-created' | 'status' | 'assignee' | 'comment' | 'resolution' | 'priority';

/**
 * One fact an event carries. Every fact has the same fields (unused ones null/false) on purpose: one
 * object shape keeps the matching loop's property reads monomorphic, which is most of its speed.
 * status: fromStatus/toStatus; assignee: from/to account ids; resolution: from/to (id or name) and
 * toName; priority: to (name); comment: isAgent/isPublic.
 */
export interface IssueFact {
  readonly type: IssueFactType;
  /** One bit per fact type (see FACT_BITS), so an event's fact types fold into one number. */
  readonly bit: number;
  readonly fromStatus: StatusRef | null;
  readonly toStatus: StatusRef | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly toName: string | null;
  readonly isAgent: boolean;
  readonly isPublic: boolean;
}

/** The bit of each fact type. */
export const FACT_BITS: Readonly<Record<IssueFactType, number>> = { 'issue-created': 1, status: 2, assignee: 4, comment: 8, resolution: 16, priority: 32 };

function fact(
  type: IssueFactType,
  fromStatus: StatusRef | null,
  toStatus: StatusRef | null,
  from: string | null,
  to: string | null,
  toName: string | null,
  isAgent: boolean,
  isPublic: boolean,
): IssueFact {
  return { type, bit: FACT_BITS[type], fromStatus, toStatus, from, to, toName, isAgent, isPublic };
}

export type OrderedEvent =
  | { readonly source: 'changelog'; readonly at: number; readonly id: string; readonly entry: ChangelogEntry }
  | { readonly source: 'comment'; readonly at: number; readonly id: string; readonly comment: Comment };

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== b.length && isDigits(a) && isDigits(b)) return a.length - b.length;
  return a < b ? -1 : 1;
}

function compareEvents(a: OrderedEvent, b: OrderedEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.source !== b.source) return a.source === 'changelog' ? -1 : 1;
  const byId = compareIds(a.id, b.id);
  if (byId !== 0) return byId;
  // Same id twice with different content: pick one by content, so input order never matters.
  const ja = JSON.stringify(a.source === 'changelog' ? a.entry : a.comment);
  const jb = JSON.stringify(b.source === 'changelog' ? b.entry : b.comment);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/**
 * Changelog entries and comments merged, sorted and deduplicated by id.
 *
 * @example
 * orderEvents({ ...history, changelog: [e2, e1, e2] }).map((e) => e.id) // ['1', '2']
 */
export function orderEvents(history: Pick<IssueHistory, 'changelog' | 'comments'>): OrderedEvent[] {
  // Jira returns both lists in order with unique ids: then a linear merge is enough.
  const fast = strictlyIncreasing(history.changelog) && strictlyIncreasing(history.comments);
  const all: OrderedEvent[] = [];
  const log = history.changelog;
  const comments = history.comments;
  let i = 0;
  let j = 0;
  while (i < log.length || j < comments.length) {
    const e = log[i];
    const c = comments[j];
    if (e !== undefined && (c === undefined || !fast || e.created <= c.created)) {
      all.push({ source: 'changelog', at: e.created, id: e.id, entry: e });
      i++;
    } else if (c !== undefined) {
      all.push({ source: 'comment', at: c.created, id: c.id, comment: c });
      j++;
    }
  }
  if (fast) return all;
  all.sort(compareEvents);
  const out: OrderedEvent[] = [];
  const seenChangelog = new Set<string>();
  const seenComments = new Set<string>();
  for (const e of all) {
    const seen = e.source === 'changelog' ? seenChangelog : seenComments;
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out;
}

/** Instants never decrease and ids strictly increase (as Jira issues them), hence no duplicates at all. */
function strictlyIncreasing(items: readonly { readonly created: number; readonly id: string }[]): boolean {
  for (let k = 1; k < items.length; k++) {
    const a = items[k - 1];
    const b = items[k];
    if (a === undefined || b === undefined || a.created > b.created || compareIds(a.id, b.id) >= 0) return false;
  }
  return true;
}

/** The issue's field values as the timeline advances (mutable, owned by one evaluation). */
export interface IssueState {
  status: StatusRef;
  priorityId: string | null;
  priorityName: string | null;
  /** Lower-cased priority id and name, for goal matching. */
  priorityKeys: readonly string[];
  /** Bumped whenever a field goals select on (priority, kind, other fields) changes. */
  goalVersion: number;
  kind: string | null;
  assignee: string | null;
  resolution: string | null;
  readonly fields: Map<string, string | null>;
}

function priorityKeys(id: string | null, name: string | null): string[] {
  const keys: string[] = [];
  if (id !== null) keys.push(id.toLowerCase());
  if (name !== null) keys.push(name.toLowerCase());
  return keys;
}

export function initialState(history: IssueHistory): IssueState {
  const i = history.initial;
  return {
    status: makeStatusRef(i.status.id, i.status.name, i.status.category),
    priorityId: i.priority?.id ?? null,
    priorityName: i.priority?.name ?? null,
    priorityKeys: priorityKeys(i.priority?.id ?? null, i.priority?.name ?? null),
    goalVersion: 0,
    kind: i.kind,
    assignee: i.assignee,
    resolution: i.resolution,
    fields: new Map(Object.entries(i.fields)),
  };
}

/** Facts of the creation event: created, plus the initial status entered, assignee and resolution set. */
export function creationFacts(state: IssueState): IssueFact[] {
  const facts: IssueFact[] = [fact('issue-created', null, null, null, null, null, false, false), fact('status', null, state.status, null, null, null, false, false)];
  if (state.assignee !== null) facts.push(fact('assignee', null, null, null, state.assignee, null, false, false));
  if (state.resolution !== null) facts.push(fact('resolution', null, null, null, state.resolution, state.resolution, false, false));
  return facts;
}

/** Known statuses by id, already as StatusRefs so replaying a long changelog allocates none. */
export type StatusLookup = ReadonlyMap<string, StatusRef>;

export function statusLookup(history: IssueHistory): StatusLookup {
  const map = new Map<string, StatusRef>();
  const add = (s: Status): void => {
    map.set(s.id, makeStatusRef(s.id, s.name, s.category));
  };
  add(history.initial.status);
  for (const s of history.statuses) add(s);
  return map;
}

function statusRef(id: string | null, name: string | null, lookup: StatusLookup): StatusRef | null {
  if (id === null && name === null) return null;
  const known = id === null ? undefined : lookup.get(id);
  if (known !== undefined && (name === null || name === known.name)) return known;
  return makeStatusRef(id, name ?? known?.name ?? null, known?.category ?? null);
}

/** Jira's system field ids are lower case; only odd inputs pay for lower-casing. */
function standardField(key: string): string {
  switch (key) {
    case 'status':
    case 'assignee':
    case 'resolution':
    case 'priority':
      return key;
    default:
      return key.toLowerCase();
  }
}

/** Item key as Jira identifies the field: fieldId when present (custom fields), else the field name. */
function fieldKey(field: string, fieldId: string | undefined): string {
  return fieldId ?? field;
}

/**
 * Applies one event to the state and returns the facts it carries.
 *
 * @example
 * applyEvent(state, { source: 'comment', at, id: '9', comment: { ..., isAgent: true, isPublic: true } }, lookup, null)
 * // [{ type: 'comment', isAgent: true, isPublic: true, from: null, ... }]
 */
export function applyEvent(
  state: IssueState,
  event: OrderedEvent,
  lookup: StatusLookup,
  kindField: string | null,
): IssueFact[] {
  if (event.source === 'comment') return [fact('comment', null, null, null, null, null, event.comment.isAgent, event.comment.isPublic)];
  const facts: IssueFact[] = [];
  for (const item of event.entry.items) {
    const key = fieldKey(item.field, item.fieldId);
    switch (standardField(key)) {
      case 'status': {
        const from = statusRef(item.from, item.fromString, lookup);
        const to = statusRef(item.to, item.toString, lookup);
        if (to !== null) state.status = to;
        facts.push(fact('status', from, to, null, null, null, false, false));
        break;
      }
      case 'assignee': {
        state.assignee = item.to;
        facts.push(fact('assignee', null, null, item.from, item.to, null, false, false));
        break;
      }
      case 'resolution': {
        state.resolution = item.to ?? item.toString;
        facts.push(fact('resolution', null, null, item.from ?? item.fromString, item.to ?? item.toString, item.toString, false, false));
        break;
      }
      case 'priority': {
        state.priorityId = item.to;
        state.priorityName = item.toString;
        state.priorityKeys = priorityKeys(item.to, item.toString);
        state.goalVersion++;
        facts.push(fact('priority', null, null, null, item.toString ?? item.to, null, false, false));
        break;
      }
      default:
        if (kindField !== null && (key === kindField || item.field === kindField)) state.kind = item.toString ?? item.to;
        else state.fields.set(key, item.toString ?? item.to);
        state.goalVersion++;
        break;
    }
  }
  return facts;
}
