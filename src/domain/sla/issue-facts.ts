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

/** FACT_BITS as a switch: constant compares, where a lookup by a variable key is a hash probe. */
function factBit(type: IssueFactType): number {
  switch (type) {
    case 'issue-created':
      return 1;
    case 'status':
      return 2;
    case 'assignee':
      return 4;
    case 'comment':
      return 8;
    case 'resolution':
      return 16;
    case 'priority':
      return 32;
  }
}

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
  return { type, bit: factBit(type), fromStatus, toStatus, from, to, toName, isAgent, isPublic };
}

type MutableFact = { -readonly [K in keyof IssueFact]: IssueFact[K] };

/**
 * The facts of one event, written into fact objects reused from event to event, so replaying a long
 * history allocates none. Owned by one evaluation; read `facts[0 .. length)` before the next event.
 */
export class FactBuffer {
  readonly facts: readonly IssueFact[] = [];
  length = 0;
  /** The event's fact types folded into one number (see FACT_BITS). */
  mask = 0;

  clear(): void {
    this.length = 0;
    this.mask = 0;
  }

  push(
    type: IssueFactType,
    fromStatus: StatusRef | null,
    toStatus: StatusRef | null,
    from: string | null,
    to: string | null,
    toName: string | null,
    isAgent: boolean,
    isPublic: boolean,
  ): void {
    const facts = this.facts as MutableFact[];
    const bit = factBit(type);
    const f = facts[this.length];
    if (f === undefined) facts.push(fact(type, fromStatus, toStatus, from, to, toName, isAgent, isPublic));
    else {
      f.type = type;
      f.bit = bit;
      f.fromStatus = fromStatus;
      f.toStatus = toStatus;
      f.from = from;
      f.to = to;
      f.toName = toName;
      f.isAgent = isAgent;
      f.isPublic = isPublic;
    }
    this.length++;
    this.mask |= bit;
  }

  /** A copy of the current facts (fresh objects), for callers that keep them. */
  toArray(): IssueFact[] {
    const out: IssueFact[] = [];
    for (let k = 0; k < this.length; k++) {
      const f = this.facts[k];
      if (f !== undefined) out.push({ ...f });
    }
    return out;
  }
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

/** compareIds(a, b) < 0 with one string comparison instead of two (it runs for every event). */
function idBefore(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la !== lb && isDigits(a) && isDigits(b)) return la < lb;
  return a < b;
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
  const fast = isJiraOrdered(history);
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

/**
 * Whether both lists are already in timeline order without duplicates (as Jira returns them). Then the
 * timeline is the merge of the two lists, changelog first on equal instants, and needs no sorting.
 *
 * @example isJiraOrdered({ changelog: [e1, e2], comments: [] }) === true; isJiraOrdered({ changelog: [e2, e1], comments: [] }) === false
 */
export function isJiraOrdered(history: Pick<IssueHistory, 'changelog' | 'comments'>): boolean {
  return strictlyIncreasing(history.changelog) && strictlyIncreasing(history.comments);
}

/** Instants never decrease and ids strictly increase (as Jira issues them), hence no duplicates at all. */
function strictlyIncreasing(items: readonly { readonly created: number; readonly id: string }[]): boolean {
  for (let k = 1; k < items.length; k++) {
    const a = items[k - 1];
    const b = items[k];
    if (a === undefined || b === undefined || a.created > b.created || !idBefore(a.id, b.id)) return false;
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
  const out = new FactBuffer();
  writeCreationFacts(state, out);
  return out.toArray();
}

/** {@link creationFacts} into a reused buffer. */
export function writeCreationFacts(state: IssueState, out: FactBuffer): void {
  out.clear();
  out.push('issue-created', null, null, null, null, null, false, false);
  out.push('status', null, state.status, null, null, null, false, false);
  if (state.assignee !== null) out.push('assignee', null, null, null, state.assignee, null, false, false);
  if (state.resolution !== null) out.push('resolution', null, null, null, state.resolution, state.resolution, false, false);
}

/**
 * Known statuses by id, already as StatusRefs so replaying a long changelog allocates none. Owned by one
 * evaluation (the refs carry its condition memo).
 */
export class StatusLookup {
  private readonly byId = new Map<string, StatusRef>();
  // The last resolution: a status item's "from" is nearly always the previous item's "to".
  private lastId: string | null = null;
  private lastName: string | null = null;
  private lastRef: StatusRef | null = null;

  add(s: Status): void {
    this.byId.set(s.id, makeStatusRef(s.id, s.name, s.category));
  }

  get(id: string): StatusRef | undefined {
    return this.byId.get(id);
  }

  /** The status a changelog item names (null when it names none); a known status when id and name agree. */
  resolve(id: string | null, name: string | null): StatusRef | null {
    if (id === null && name === null) return null;
    const last = this.lastRef;
    if (last !== null && id === this.lastId && name === this.lastName) return last;
    const known = id === null ? undefined : this.byId.get(id);
    const ref = known !== undefined && (name === null || name === known.name) ? known : makeStatusRef(id, name ?? known?.name ?? null, known?.category ?? null);
    this.lastId = id;
    this.lastName = name;
    this.lastRef = ref;
    return ref;
  }
}

export function statusLookup(history: IssueHistory): StatusLookup {
  const lookup = new StatusLookup();
  lookup.add(history.initial.status);
  for (const s of history.statuses) lookup.add(s);
  return lookup;
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
  const out = new FactBuffer();
  if (event.source === 'comment') writeCommentFacts(event.comment, out);
  else applyChangelogEntry(state, event.entry, lookup, kindField, out);
  return out.toArray();
}

/** The facts of a comment (comments change no field) into a reused buffer. */
export function writeCommentFacts(comment: Comment, out: FactBuffer): void {
  out.clear();
  out.push('comment', null, null, null, null, null, comment.isAgent, comment.isPublic);
}

/** Applies one changelog entry to the state, writing its facts into a reused buffer (see applyEvent). */
export function applyChangelogEntry(state: IssueState, entry: ChangelogEntry, lookup: StatusLookup, kindField: string | null, out: FactBuffer): void {
  out.clear();
  for (const item of entry.items) {
    const key = fieldKey(item.field, item.fieldId);
    switch (standardField(key)) {
      case 'status': {
        const from = lookup.resolve(item.from, item.fromString);
        const to = lookup.resolve(item.to, item.toString);
        if (to !== null) state.status = to;
        out.push('status', from, to, null, null, null, false, false);
        break;
      }
      case 'assignee': {
        state.assignee = item.to;
        out.push('assignee', null, null, item.from, item.to, null, false, false);
        break;
      }
      case 'resolution': {
        state.resolution = item.to ?? item.toString;
        out.push('resolution', null, null, item.from ?? item.fromString, item.to ?? item.toString, item.toString, false, false);
        break;
      }
      case 'priority': {
        state.priorityId = item.to;
        state.priorityName = item.toString;
        state.priorityKeys = priorityKeys(item.to, item.toString);
        state.goalVersion++;
        out.push('priority', null, null, null, item.toString ?? item.to, null, false, false);
        break;
      }
      default:
        if (kindField !== null && (key === kindField || item.field === kindField)) state.kind = item.toString ?? item.to;
        else state.fields.set(key, item.toString ?? item.to);
        state.goalVersion++;
        break;
    }
  }
}
