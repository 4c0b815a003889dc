import { canBrowseIssue } from '../permissions';
import type { Actor } from '../site-contract';
import { NAVIGABLE_FIELDS, SYSTEM_FIELDS } from '../state/defaults';
import type { IssueLinkRecord, IssueRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import { changelogJson, commentJson } from './changelog';
import {
  issueTypeJson,
  linkTypeJson,
  priorityJson,
  projectRefJson,
  resolutionJson,
  securityLevelJson,
  statusJson,
  userRefJson,
} from './resources';
import { jiraTime } from './time';

/** Which fields to render: Jira's `fields` parameter (`*all`, `*navigable`, names, `-name` exclusions). */
export interface FieldSelection {
  base: 'all' | 'navigable' | 'none';
  include: Set<string>;
  exclude: Set<string>;
}

export function parseFieldSelection(raw: readonly string[] | undefined, fallback: FieldSelection['base']): FieldSelection {
  const sel: FieldSelection = { base: 'none', include: new Set(), exclude: new Set() };
  const parts = (raw ?? []).flatMap((r) => r.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0) return { ...sel, base: fallback };
  for (const p of parts) {
    if (p === '*all') sel.base = 'all';
    else if (p === '*navigable') sel.base = sel.base === 'all' ? 'all' : 'navigable';
    else if (p.startsWith('-')) sel.exclude.add(p.slice(1));
    else sel.include.add(p);
  }
  return sel;
}

/** True when the selection asks for more than ids/keys (search caps pages at 100 then). */
export function selectsFields(sel: FieldSelection): boolean {
  if (sel.base !== 'none') return true;
  for (const f of sel.include) if (f !== 'id' && f !== 'key') return true;
  return false;
}

function wants(store: JiraStore, sel: FieldSelection, fieldId: string): boolean {
  if (sel.exclude.has(fieldId)) return false;
  if (sel.include.has(fieldId)) return true;
  if (sel.base === 'all') return true;
  if (sel.base === 'navigable') return NAVIGABLE_FIELDS.has(fieldId) || store.customFields.has(fieldId);
  return false;
}

export function linkedIssueJson(store: JiraStore, issue: IssueRecord) {
  const status = store.statuses.get(issue.statusId);
  const priority = store.priorities.get(issue.priorityId);
  const type = store.issueTypes.get(issue.issueTypeId);
  return {
    id: issue.id,
    key: issue.key,
    self: `${store.baseUrl}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      ...(status ? { status: statusJson(store, status) } : {}),
      ...(priority ? { priority: priorityJson(store, priority) } : {}),
      ...(type ? { issuetype: issueTypeJson(store, type) } : {}),
    },
  };
}

/** One entry of `fields.issuelinks` as seen from `issue`: only the other side is present (as real Jira does). */
function issueLinkFromSide(store: JiraStore, actor: Actor, issue: IssueRecord, link: IssueLinkRecord) {
  const type = store.linkTypes.get(link.typeId);
  const otherId = link.inwardIssueId === issue.id ? link.outwardIssueId : link.inwardIssueId;
  const other = store.issues.get(otherId);
  if (!type || !other || !canBrowseIssue(store, actor, other)) return [];
  const side = link.inwardIssueId === issue.id ? 'outwardIssue' : 'inwardIssue';
  return [{ id: link.id, self: `${store.baseUrl}/rest/api/3/issueLink/${link.id}`, type: linkTypeJson(store, type), [side]: linkedIssueJson(store, other) }];
}

function systemFieldValue(store: JiraStore, actor: Actor, issue: IssueRecord, fieldId: string): unknown {
  switch (fieldId) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description;
    case 'issuetype': {
      const t = store.issueTypes.get(issue.issueTypeId);
      return t ? issueTypeJson(store, t) : null;
    }
    case 'project': {
      const p = store.projects.get(issue.projectId);
      return p ? projectRefJson(store, p) : null;
    }
    case 'status': {
      const s = store.statuses.get(issue.statusId);
      return s ? statusJson(store, s) : null;
    }
    case 'priority': {
      const p = store.priorities.get(issue.priorityId);
      return p ? priorityJson(store, p) : null;
    }
    case 'assignee':
      return userRefJson(store, issue.assigneeId);
    case 'reporter':
      return userRefJson(store, issue.reporterId);
    case 'creator':
      return userRefJson(store, issue.creatorId);
    case 'labels':
      return [...issue.labels];
    case 'resolution': {
      const r = issue.resolutionId === null ? undefined : store.resolutions.get(issue.resolutionId);
      return r ? resolutionJson(store, r) : null;
    }
    case 'resolutiondate':
      return issue.resolutionDate === null ? null : jiraTime(issue.resolutionDate);
    case 'created':
      return jiraTime(issue.created);
    case 'updated':
      return jiraTime(issue.updated);
    case 'statuscategorychangedate':
      return jiraTime(issue.statusCategoryChangeDate);
    case 'duedate':
      return issue.duedate;
    case 'security': {
      const l = issue.securityLevelId === null ? undefined : store.securityLevels.get(issue.securityLevelId);
      return l ? securityLevelJson(store, l) : null;
    }
    case 'issuelinks':
      return [...issue.linkIds].flatMap((id) => {
        const link = store.links.get(id);
        return link ? issueLinkFromSide(store, actor, issue, link) : [];
      });
    case 'comment': {
      const comments = issue.commentIds.flatMap((id) => {
        const c = store.comments.get(id);
        return c ? [commentJson(store, issue.id, c)] : [];
      });
      return { comments, self: `${store.baseUrl}/rest/api/3/issue/${issue.id}/comment`, maxResults: comments.length, total: comments.length, startAt: 0 };
    }
    default:
      return undefined;
  }
}

export function issueFieldsJson(store: JiraStore, actor: Actor, issue: IssueRecord, sel: FieldSelection): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const f of SYSTEM_FIELDS) {
    if (f.id === 'statusCategory') continue;
    if (wants(store, sel, f.id)) fields[f.id] = systemFieldValue(store, actor, issue, f.id);
  }
  for (const cf of store.customFields.values()) {
    if (wants(store, sel, cf.id)) fields[cf.id] = issue.custom.get(cf.id) ?? null;
  }
  return fields;
}

export interface IssueRenderOptions {
  fields: FieldSelection;
  expand: Set<string>;
  /** Property keys to include, or '*all'. */
  properties: string[];
}

export function issueJson(store: JiraStore, actor: Actor, issue: IssueRecord, opts: IssueRenderOptions) {
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${store.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  const fields = issueFieldsJson(store, actor, issue, opts.fields);
  out.fields = fields;
  if (opts.expand.has('names')) {
    const names: Record<string, string> = {};
    for (const id of Object.keys(fields)) {
      names[id] = SYSTEM_FIELDS.find((f) => f.id === id)?.name ?? store.customFields.get(id)?.name ?? id;
    }
    out.names = names;
  }
  if (opts.expand.has('changelog')) {
    const total = issue.changelog.length;
    const startAt = Math.max(0, total - 100);
    out.changelog = { startAt, maxResults: total - startAt, total, histories: issue.changelog.slice(startAt).map((c) => changelogJson(store, c)) };
  }
  if (opts.properties.length > 0) {
    const props: Record<string, unknown> = {};
    const all = opts.properties.includes('*all');
    for (const [k, v] of issue.properties) if (all || opts.properties.includes(k)) props[k] = v;
    out.properties = props;
  }
  return out;
}
