import { nowOf, writeChangelog, type SiteCore } from '../core';
import { failField, failFields, fail } from '../errors';
import { issueCreatedEvent, issueDeletedEvent, issueUpdatedEvent } from '../events';
import { actorAccountId, canBrowseProject, hasProjectPermission, projectOf } from '../permissions';
import type { Actor } from '../site-contract';
import type { ChangeItem, IssueRecord, ProjectRecord } from '../state/model';
import { assigneeChange, NOT_SETTABLE, parseFieldChanges, type FieldChange } from './field-values';

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function resolveProject(core: SiteCore, actor: Actor, v: unknown): ProjectRecord {
  const r = asRecord(v);
  const idOrKey = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : typeof r.key === 'string' ? r.key : undefined;
  const project = idOrKey === undefined ? undefined : core.store.projectByIdOrKey(idOrKey);
  if (!project || !canBrowseProject(core.store, actor, project)) failField(400, 'project', 'Specify a valid project ID or key');
  return project;
}

export function isAssignable(core: SiteCore, project: ProjectRecord, accountId: string | null): boolean {
  if (accountId === null) return true;
  const u = core.store.users.get(accountId);
  if (!u?.active) return false;
  if (u.accountType === 'app') return true;
  return hasProjectPermission(core.store, { kind: 'user', accountId }, project, 'ASSIGNABLE_USER');
}

/** Apply validated changes and collect their changelog items (a no-op change yields no item). */
function applyChanges(issue: IssueRecord, changes: readonly FieldChange[]): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const c of changes) {
    const item = c.apply(issue);
    if (item) items.push(item);
  }
  return items;
}

/** After a change set: emit updated (and assigned when the assignee moved), with the changelog. */
export function emitUpdate(core: SiteCore, issue: IssueRecord, by: string, entry: { id: string; items: ChangeItem[] }): void {
  core.bus.emit(issueUpdatedEvent(core.store, issue, by, entry));
  if (entry.items.some((i) => i.field === 'assignee')) core.bus.emit(issueUpdatedEvent(core.store, issue, by, entry, 'avi:jira:assigned:issue'));
}

export function createIssue(core: SiteCore, actor: Actor, body: unknown): IssueRecord {
  const { store } = core;
  const b = asRecord(body);
  const fields = asRecord(b.fields);
  const update = asRecord(b.update);
  if (b.fields === undefined) fail(400, 'Issue must have fields');
  const project = resolveProject(core, actor, fields.project);
  if (!hasProjectPermission(store, actor, project, 'CREATE_ISSUES')) failField(400, 'project', 'You do not have permission to create issues in this project.');

  const errors: Record<string, string> = {};
  const typeRef = asRecord(fields.issuetype);
  const issueType =
    typeof typeRef.id === 'string' ? store.issueTypes.get(typeRef.id) : typeof typeRef.name === 'string' ? store.issueTypeByName(typeRef.name) : undefined;
  if (fields.issuetype === undefined) errors.issuetype = 'Specify an issue type';
  else if (!issueType || !project.issueTypeIds.includes(issueType.id)) errors.issuetype = 'Specify a valid issue type';
  if (fields.summary === undefined) errors.summary = 'You must specify a summary of the issue.';
  const by = actorAccountId(actor);
  let reporterId = by;
  if (fields.reporter !== undefined) {
    const id = asRecord(fields.reporter).accountId;
    if (typeof id !== 'string' || !store.users.has(id)) errors.reporter = 'Specified reporter is not a user.';
    else reporterId = id;
  }
  const assigneeId = fields.assignee === undefined ? undefined : (asRecord(fields.assignee).accountId ?? null);
  if (assigneeId !== undefined && assigneeId !== null && (typeof assigneeId !== 'string' || !isAssignable(core, project, assigneeId))) {
    errors.assignee = `User '${JSON.stringify(assigneeId)}' cannot be assigned issues.`;
  }
  if (fields.security !== undefined && !hasProjectPermission(store, actor, project, 'SET_ISSUE_SECURITY')) errors.security = NOT_SETTABLE('security');
  let changes: FieldChange[] = [];
  try {
    changes = parseFieldChanges({ store, project, isApp: actor.kind === 'app', overrideScreen: false, creating: true }, fields, update);
  } catch (err) {
    const more = (err as { body?: { errors?: Record<string, string> } }).body?.errors;
    if (!more) throw err;
    Object.assign(errors, more);
  }
  if (Object.keys(errors).length > 0 || !issueType) failFields(400, errors);

  const at = nowOf(core);
  const id = store.nextId('issue');
  const key = `${project.key}-${String(project.nextNumber++)}`;
  const issue: IssueRecord = {
    id,
    key,
    projectId: project.id,
    issueTypeId: issueType.id,
    summary: '',
    description: null,
    statusId: '1',
    statusCategoryChangeDate: at,
    priorityId: store.defaultPriority().id,
    assigneeId: null,
    reporterId,
    creatorId: by,
    labels: [],
    resolutionId: null,
    resolutionDate: null,
    created: at,
    updated: at,
    securityLevelId: null,
    duedate: null,
    custom: new Map(),
    properties: new Map(),
    changelog: [],
    commentIds: [],
    linkIds: new Set(),
  };
  applyChanges(issue, changes); // creation writes no changelog, as in Jira
  store.issues.set(id, issue);
  store.issuesByKey.set(key, issue);
  let list = store.issuesByProject.get(project.id);
  if (!list) store.issuesByProject.set(project.id, (list = []));
  list.push(id);
  if (Array.isArray(b.properties)) {
    for (const p of b.properties) {
      const rec = asRecord(p);
      if (typeof rec.key === 'string') issue.properties.set(rec.key, rec.value);
    }
  }
  store.touch();
  core.bus.emit(issueCreatedEvent(store, issue, by));
  return issue;
}

export interface EditOptions {
  overrideScreenSecurity: boolean;
}

export function editIssue(core: SiteCore, actor: Actor, issue: IssueRecord, body: unknown, opts: EditOptions): void {
  const { store } = core;
  const b = asRecord(body);
  const fields = asRecord(b.fields);
  const update = asRecord(b.update);
  const project = projectOf(store, issue);
  const named = [...Object.keys(fields), ...Object.keys(update)];
  if (!hasProjectPermission(store, actor, project, 'EDIT_ISSUES')) {
    // Without Edit Issues the edit screen is empty, so Jira rejects every field this way.
    failFields(400, Object.fromEntries(named.map((f) => [f, NOT_SETTABLE(f)])));
  }
  const denied: Record<string, string> = {};
  if (named.includes('assignee') && !hasProjectPermission(store, actor, project, 'ASSIGN_ISSUES')) denied.assignee = NOT_SETTABLE('assignee');
  if (named.includes('security') && !hasProjectPermission(store, actor, project, 'SET_ISSUE_SECURITY')) denied.security = NOT_SETTABLE('security');
  for (const f of ['status', 'resolution', 'resolutiondate', 'created', 'updated', 'creator', 'project', 'reporter']) {
    if (named.includes(f)) denied[f] = NOT_SETTABLE(f);
  }
  if (Object.keys(denied).length > 0) failFields(400, denied);
  const assignee = asRecord(fields.assignee).accountId;
  if (typeof assignee === 'string' && !isAssignable(core, project, assignee)) failField(400, 'assignee', `User '${assignee}' cannot be assigned issues.`);
  const changes = parseFieldChanges(
    { store, project, isApp: actor.kind === 'app', overrideScreen: opts.overrideScreenSecurity, creating: false },
    fields,
    update,
  );
  const properties = Array.isArray(b.properties) ? b.properties.map(asRecord) : [];
  for (const p of properties) if (typeof p.key !== 'string' || p.key === '' || p.key.length > 255) fail(400, 'The property key must be a string of 1 to 255 characters.');
  commitChanges(core, actor, issue, changes);
  // IssueUpdateDetails `properties`: set with the edit, no history and no event of their own (as property writes).
  for (const p of properties) issue.properties.set(String(p.key), p.value);
  if (properties.length > 0) store.touch();
}

/** Apply changes as one history entry and emit the update; returns the entry, or null when nothing changed. */
export function commitChanges(core: SiteCore, actor: Actor, issue: IssueRecord, changes: readonly FieldChange[]) {
  const items = applyChanges(issue, changes);
  if (items.length === 0) return null;
  const by = actorAccountId(actor);
  const entry = writeChangelog(core, issue, by, items, nowOf(core));
  emitUpdate(core, issue, by, entry);
  return entry;
}

export function assignIssue(core: SiteCore, actor: Actor, issue: IssueRecord, body: unknown): void {
  const project = projectOf(core.store, issue);
  if (!hasProjectPermission(core.store, actor, project, 'ASSIGN_ISSUES')) fail(403, 'You do not have permission to assign issues.');
  const b = asRecord(body);
  if (!('accountId' in b)) fail(400, 'accountId is required (null to unassign).');
  let accountId = b.accountId === null || b.accountId === '-1' ? null : b.accountId;
  if (accountId !== null && typeof accountId !== 'string') fail(400, 'accountId must be a string or null.');
  if (accountId === '-1') accountId = null;
  if (accountId !== null && !core.store.users.has(accountId)) failField(400, 'assignee', `User '${accountId}' does not exist.`);
  if (!isAssignable(core, project, accountId)) failField(400, 'assignee', `User '${String(accountId)}' cannot be assigned issues.`);
  commitChanges(core, actor, issue, [assigneeChange(core.store, accountId)]);
}

export function deleteIssue(core: SiteCore, actor: Actor, issue: IssueRecord): void {
  const { store } = core;
  if (!hasProjectPermission(store, actor, projectOf(store, issue), 'DELETE_ISSUES')) fail(403, 'You do not have permission to delete issues in this project.');
  for (const linkId of issue.linkIds) {
    const link = store.links.get(linkId);
    if (!link) continue;
    store.links.delete(linkId);
    const otherId = link.inwardIssueId === issue.id ? link.outwardIssueId : link.inwardIssueId;
    store.issues.get(otherId)?.linkIds.delete(linkId);
  }
  for (const c of issue.commentIds) store.comments.delete(c);
  store.issues.delete(issue.id);
  store.issuesByKey.delete(issue.key);
  const list = store.issuesByProject.get(issue.projectId);
  if (list) {
    const i = list.indexOf(issue.id);
    if (i >= 0) list.splice(i, 1);
  }
  store.touch();
  core.bus.emit(issueDeletedEvent(store, issue, actorAccountId(actor)));
}
