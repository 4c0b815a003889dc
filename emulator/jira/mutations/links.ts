import { nowOf, writeChangelog, type SiteCore } from '../core';
import { fail, ISSUE_NOT_FOUND } from '../errors';
import { issueLinkEvent } from '../events';
import { actorAccountId, canBrowseIssue, hasProjectPermission, projectOf } from '../permissions';
import type { Actor } from '../site-contract';
import type { IssueLinkRecord, IssueRecord, LinkTypeRecord } from '../state/model';
import { addComment } from './comments';

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function issueRef(core: SiteCore, actor: Actor, v: unknown): IssueRecord {
  const r = asRecord(v);
  const idOrKey = typeof r.key === 'string' ? r.key : typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : undefined;
  const issue = idOrKey === undefined ? undefined : core.store.issueByIdOrKey(idOrKey);
  if (!issue || !canBrowseIssue(core.store, actor, issue)) fail(404, ISSUE_NOT_FOUND);
  return issue;
}

export function linkTypeRef(core: SiteCore, v: unknown): LinkTypeRecord {
  const r = asRecord(v);
  if (typeof r.id === 'string') {
    const t = core.store.linkTypes.get(r.id);
    if (!t) fail(404, `No issue link type with id '${r.id}' found.`);
    return t;
  }
  if (typeof r.name === 'string') {
    const name = r.name.toLowerCase();
    const t = [...core.store.linkTypes.values()].find((x) => x.name.toLowerCase() === name);
    if (!t) fail(404, `No issue link type with name '${r.name}' found.`);
    return t;
  }
  fail(400, 'Issue link type must be specified by id or name.');
}

/** Jira records a link in both issues' history, under the field "Link". */
function linkHistory(core: SiteCore, by: string, issue: IssueRecord, other: IssueRecord, phrase: string, removed: boolean): void {
  const text = `This issue ${phrase} ${other.key}`;
  writeChangelog(core, issue, by, [
    removed
      ? { field: 'Link', fieldtype: 'jira', from: other.key, fromString: text, to: null, toString: null }
      : { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: other.key, toString: text },
  ], nowOf(core));
}

export function createLink(core: SiteCore, actor: Actor, body: unknown): IssueLinkRecord {
  const { store } = core;
  const b = asRecord(body);
  const type = linkTypeRef(core, b.type);
  const inward = issueRef(core, actor, b.inwardIssue);
  const outward = issueRef(core, actor, b.outwardIssue);
  if (!hasProjectPermission(store, actor, projectOf(store, inward), 'LINK_ISSUES')) fail(403, 'You do not have the permission to link issues.');
  for (const id of inward.linkIds) {
    const l = store.links.get(id);
    if (l && l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id) return l; // Jira answers 201 for a duplicate
  }
  const link: IssueLinkRecord = { id: store.nextId('link'), typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id };
  store.links.set(link.id, link);
  inward.linkIds.add(link.id);
  outward.linkIds.add(link.id);
  const by = actorAccountId(actor);
  linkHistory(core, by, inward, outward, type.outward, false);
  linkHistory(core, by, outward, inward, type.inward, false);
  core.bus.emit(issueLinkEvent(store, link, by, 'avi:jira:created:issuelink'));
  if (b.comment !== undefined) addComment(core, actor, inward, b.comment);
  return link;
}

export function visibleLink(core: SiteCore, actor: Actor, linkId: string): IssueLinkRecord {
  const link = core.store.links.get(linkId);
  const a = link && core.store.issues.get(link.inwardIssueId);
  const b = link && core.store.issues.get(link.outwardIssueId);
  if (!link || !a || !b || !canBrowseIssue(core.store, actor, a) || !canBrowseIssue(core.store, actor, b)) {
    fail(404, `No issue link with id '${linkId}' exists.`);
  }
  return link;
}

export function deleteLink(core: SiteCore, actor: Actor, linkId: string): void {
  const { store } = core;
  const link = visibleLink(core, actor, linkId);
  const inward = store.issues.get(link.inwardIssueId);
  const outward = store.issues.get(link.outwardIssueId);
  if (!inward || !outward) fail(404, `No issue link with id '${linkId}' exists.`);
  if (!hasProjectPermission(store, actor, projectOf(store, inward), 'LINK_ISSUES')) fail(403, 'You do not have the permission to delete links.');
  const type = store.linkTypes.get(link.typeId);
  store.links.delete(link.id);
  inward.linkIds.delete(link.id);
  outward.linkIds.delete(link.id);
  const by = actorAccountId(actor);
  linkHistory(core, by, inward, outward, type?.outward ?? '', true);
  linkHistory(core, by, outward, inward, type?.inward ?? '', true);
  core.bus.emit(issueLinkEvent(store, link, by, 'avi:jira:deleted:issuelink'));
}
