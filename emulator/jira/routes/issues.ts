import { nowOf } from '../core';
import { fail } from '../errors';
import { changelogJson } from '../format/changelog';
import { issueJson, parseFieldSelection, type IssueRenderOptions } from '../format/issue';
import { assignIssue, createIssue, deleteIssue, editIssue } from '../mutations/issues';
import { actorAccountId, canBrowseIssue, visibleIssue } from '../permissions';
import type { IssueRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import { asRecord, boolParam, intParam, listParam, objectBody, pageBean } from './params';
import { json, noContent, type Route } from './router';

export function renderOptionsFromQuery(q: URLSearchParams, fallback: 'all' | 'navigable' | 'none'): IssueRenderOptions {
  const fields = listParam(q, 'fields');
  return {
    fields: parseFieldSelection(fields.length > 0 ? fields : undefined, fallback),
    expand: new Set(listParam(q, 'expand')),
    properties: listParam(q, 'properties'),
  };
}

function recipients(store: JiraStore, issue: IssueRecord, to: Record<string, unknown>): string[] {
  const out = new Set<string>();
  if (to.reporter === true) out.add(issue.reporterId);
  if (to.assignee === true && issue.assigneeId !== null) out.add(issue.assigneeId);
  for (const u of Array.isArray(to.users) ? to.users : []) {
    const id = asRecord(u).accountId;
    if (typeof id === 'string') out.add(id);
  }
  for (const g of Array.isArray(to.groups) ? to.groups : []) {
    const name = asRecord(g).name;
    const group = typeof name === 'string' ? store.groups.get(name) : undefined;
    for (const m of group?.members ?? []) out.add(m);
  }
  for (const gid of Array.isArray(to.groupIds) ? to.groupIds : []) {
    for (const m of (typeof gid === 'string' ? store.groupById(gid) : undefined)?.members ?? []) out.add(m);
  }
  return [...out];
}

export const issueRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/rest/api/3/issue',
    handler: ({ core, actor, body }) => {
      const issue = createIssue(core, actor, objectBody(body));
      return json(201, { id: issue.id, key: issue.key, self: `${core.store.baseUrl}/rest/api/3/issue/${issue.id}` });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issue/{issueIdOrKey}',
    handler: ({ core, actor, params, query }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      return json(200, issueJson(core.store, actor, issue, renderOptionsFromQuery(query, 'all')));
    },
  },
  {
    method: 'PUT',
    pattern: '/rest/api/3/issue/{issueIdOrKey}',
    handler: ({ core, actor, params, query, body }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      editIssue(core, actor, issue, objectBody(body), { overrideScreenSecurity: boolParam(query, 'overrideScreenSecurity', false) });
      if (boolParam(query, 'returnIssue', false)) return json(200, issueJson(core.store, actor, issue, renderOptionsFromQuery(new URLSearchParams(), 'all')));
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: '/rest/api/3/issue/{issueIdOrKey}',
    handler: ({ core, actor, params }) => {
      deleteIssue(core, actor, visibleIssue(core.store, actor, params.issueIdOrKey ?? ''));
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/changelog',
    handler: ({ core, actor, params, query }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const startAt = intParam(query, 'startAt', 0, { min: 0 });
      const maxResults = intParam(query, 'maxResults', 100, { min: 0, max: 100 });
      const all = issue.changelog.map((c) => changelogJson(core.store, c));
      return json(200, pageBean(`${core.store.baseUrl}/rest/api/3/issue/${issue.key}/changelog?maxResults=${String(maxResults)}&startAt=${String(startAt)}`, all, startAt, maxResults));
    },
  },
  {
    method: 'PUT',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/assignee',
    handler: ({ core, actor, params, body }) => {
      assignIssue(core, actor, visibleIssue(core.store, actor, params.issueIdOrKey ?? ''), objectBody(body));
      return noContent();
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/notify',
    handler: ({ core, actor, params, body }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const b = objectBody(body);
      const to = asRecord(b.to);
      const list = recipients(core.store, issue, to);
      if (b.to !== undefined && list.length === 0 && Object.keys(to).length === 0) fail(400, 'No recipients were defined for notification.');
      const str = (v: unknown) => (typeof v === 'string' ? v : null);
      core.store.notifications.push({
        issueId: issue.id,
        issueKey: issue.key,
        by: actorAccountId(actor),
        at: nowOf(core),
        subject: str(b.subject),
        textBody: str(b.textBody),
        htmlBody: str(b.htmlBody),
        to: b.to ?? null,
        recipients: list.filter((id) => canBrowseIssue(core.store, { kind: 'user', accountId: id }, issue)),
      });
      return noContent();
    },
  },
];
