import { route } from '@forge/api';
import type { z } from 'zod';
import type {
  AppFieldValueUpdate,
  CommentBody,
  CommentVisibility,
  CreateIssueInput,
  CreatedIssue,
  EditIssueInput,
  GetIssueOptions,
  IssueComment,
  IssueGateway,
  IssueRef,
  IssueSnapshot,
  LinkIssuesInput,
  NotifyInput,
  PageOfAccountIds,
  PermissionMap,
  SearchOptions,
  SearchPage,
  Transition,
} from '../app/ports/issue-gateway';
import { JiraApiError } from '../app/ports/jira-error';
import type { ChangelogEntry } from '../domain/sla';
import { commentBodyToAdf } from './adf';
import { BASE_FIELDS, changelogEntryOf, commentOf, snapshotOf, statusOf } from './issue-mapping';
import type { JiraClient } from './jira-client';
import {
  JiraChangelogPageSchema,
  JiraCommentPageSchema,
  JiraCreatedIssueSchema,
  JiraCreatedSchema,
  JiraGroupMembersSchema,
  JiraIssueSchema,
  JiraMyPermissionsSchema,
  JiraPermissionsCheckSchema,
  JiraProjectSchema,
  JiraPropertySchema,
  JiraRoleMapSchema,
  JiraRoleSchema,
  JiraSearchPageSchema,
  JiraSecurityLevelsSchema,
  JiraTransitionsSchema,
  JiraUserGroupsSchema,
} from './schemas';

/** Jira pages changelogs and comments at 100; the issue GET carries the newest 100 histories. */
const PAGE = 100;

function fieldList(extra: readonly string[] | undefined, comments: boolean): string {
  return [...new Set([...BASE_FIELDS, ...(extra ?? []), ...(comments ? ['comment'] : [])])].join(',');
}

/** IssueGateway over one JiraClient (which is bound to asApp or asUser). */
export class JiraIssueGateway implements IssueGateway {
  constructor(private readonly client: JiraClient) {}

  async getIssue(issueIdOrKey: string, options: GetIssueOptions = {}): Promise<IssueSnapshot | null> {
    const query = new URLSearchParams({ fields: fieldList(options.fields, options.comments === true) });
    if (options.changelog === true) query.set('expand', 'changelog');
    if (options.properties !== undefined && options.properties.length > 0) query.set('properties', options.properties.join(','));
    const raw = await this.client.get(route`/rest/api/3/issue/${issueIdOrKey}?${query}`, JiraIssueSchema, { nullOn: [404] });
    if (raw === null) return null;
    const changelog = options.changelog === true ? await this.fullChangelog(raw.id, raw.changelog) : null;
    const comments = options.comments === true ? await this.allComments(raw.id, raw.fields['comment']) : null;
    return snapshotOf(raw, { changelog, comments });
  }

  /** The histories the issue GET returned plus any older pages it left out. */
  private async fullChangelog(issueId: string, page: z.infer<typeof JiraChangelogPageSchema> | undefined): Promise<ChangelogEntry[]> {
    const inline = (page?.histories ?? []).map(changelogEntryOf);
    const total = page?.total ?? inline.length;
    const inlineStart = page?.startAt ?? 0;
    if (inlineStart === 0 && inline.length >= total) return inline;
    const older: ChangelogEntry[] = [];
    for (let startAt = 0; startAt < inlineStart; startAt += PAGE) {
      const q = new URLSearchParams({ startAt: String(startAt), maxResults: String(Math.min(PAGE, inlineStart - startAt)) });
      const p = await this.client.get(route`/rest/api/3/issue/${issueId}/changelog?${q}`, JiraChangelogPageSchema);
      const values = p.values ?? p.histories ?? [];
      older.push(...values.map(changelogEntryOf));
      if (values.length === 0) break;
    }
    return [...older, ...inline];
  }

  private async allComments(issueId: string, field: unknown): Promise<IssueComment[]> {
    const first = JiraCommentPageSchema.safeParse(field);
    const comments = first.success ? first.data.comments.map(commentOf) : [];
    const total = first.success ? (first.data.total ?? comments.length) : 0;
    for (let startAt = comments.length; startAt < total; ) {
      const q = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE), orderBy: 'created' });
      const p = await this.client.get(route`/rest/api/3/issue/${issueId}/comment?${q}`, JiraCommentPageSchema);
      if (p.comments.length === 0) break;
      comments.push(...p.comments.map(commentOf));
      startAt += p.comments.length;
    }
    return comments;
  }

  async searchJql(options: SearchOptions): Promise<SearchPage> {
    const body = {
      jql: options.jql,
      fields: [...new Set([...BASE_FIELDS, ...(options.fields ?? [])])],
      maxResults: Math.max(1, Math.min(100, options.maxResults ?? 50)),
      ...(options.properties !== undefined && options.properties.length > 0 ? { properties: [...options.properties] } : {}),
      ...(options.nextPageToken === undefined ? {} : { nextPageToken: options.nextPageToken }),
    };
    const page = await this.client.send('POST', route`/rest/api/3/search/jql`, { body, schema: JiraSearchPageSchema, idempotent: true });
    if (page === null || page === undefined) throw unexpected('POST', '/rest/api/3/search/jql');
    return {
      issues: page.issues.map((raw) => snapshotOf(raw, { changelog: null, comments: null })),
      nextPageToken: page.isLast === true ? null : (page.nextPageToken ?? null),
    };
  }

  async editIssue(issueIdOrKey: string, input: EditIssueInput): Promise<void> {
    const body = {
      ...(input.fields === undefined ? {} : { fields: input.fields }),
      ...(input.update === undefined ? {} : { update: input.update }),
      ...(input.properties === undefined || input.properties.length === 0 ? {} : { properties: input.properties.map((p) => ({ key: p.key, value: p.value })) }),
    };
    const r =
      input.notifyUsers === false
        ? route`/rest/api/3/issue/${issueIdOrKey}?${new URLSearchParams({ notifyUsers: 'false' })}`
        : route`/rest/api/3/issue/${issueIdOrKey}`;
    await this.client.send('PUT', r, { body });
  }

  async getProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown> {
    const p = await this.client.get(route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, JiraPropertySchema, { nullOn: [404] });
    return p === null ? null : p.value;
  }

  async setProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    await this.client.send('PUT', route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, { body: value });
  }

  async deleteProperty(issueIdOrKey: string, propertyKey: string): Promise<void> {
    await this.client.send('DELETE', route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, { nullOn: [404] });
  }

  async addComment(issueIdOrKey: string, body: CommentBody, visibility?: CommentVisibility): Promise<{ readonly id: string }> {
    const payload = { body: commentBodyToAdf(body), ...(visibility === undefined ? {} : { visibility: { type: visibility.type, value: visibility.value } }) };
    const created = await this.client.send('POST', route`/rest/api/3/issue/${issueIdOrKey}/comment`, { body: payload, schema: JiraCreatedSchema });
    if (created === null || created === undefined) throw unexpected('POST', `/rest/api/3/issue/${issueIdOrKey}/comment`);
    return { id: created.id };
  }

  async notify(issueIdOrKey: string, input: NotifyInput): Promise<void> {
    const to = {
      ...(input.to.reporter === undefined ? {} : { reporter: input.to.reporter }),
      ...(input.to.assignee === undefined ? {} : { assignee: input.to.assignee }),
      ...(input.to.watchers === undefined ? {} : { watchers: input.to.watchers }),
      ...(input.to.users === undefined ? {} : { users: input.to.users.map((accountId) => ({ accountId })) }),
      ...(input.to.groups === undefined ? {} : { groups: input.to.groups.map((name) => ({ name })) }),
    };
    const body = { subject: input.subject, textBody: input.textBody, ...(input.htmlBody === undefined ? {} : { htmlBody: input.htmlBody }), to };
    await this.client.send('POST', route`/rest/api/3/issue/${issueIdOrKey}/notify`, { body });
  }

  async assign(issueIdOrKey: string, accountId: string | null): Promise<void> {
    await this.client.send('PUT', route`/rest/api/3/issue/${issueIdOrKey}/assignee`, { body: { accountId } });
  }

  async getTransitions(issueIdOrKey: string): Promise<readonly Transition[]> {
    const r = await this.client.get(route`/rest/api/3/issue/${issueIdOrKey}/transitions`, JiraTransitionsSchema);
    return r.transitions.map((t) => ({ id: t.id, name: t.name, to: statusOf(t.to) }));
  }

  async transition(issueIdOrKey: string, transitionId: string, fields?: Readonly<Record<string, unknown>>): Promise<void> {
    const body = { transition: { id: transitionId }, ...(fields === undefined ? {} : { fields }) };
    await this.client.send('POST', route`/rest/api/3/issue/${issueIdOrKey}/transitions`, { body });
  }

  async linkIssues(input: LinkIssuesInput): Promise<void> {
    const body = { type: { name: input.typeName }, inwardIssue: { key: input.inwardIssueKey }, outwardIssue: { key: input.outwardIssueKey } };
    await this.client.send('POST', route`/rest/api/3/issueLink`, { body });
  }

  async createIssue(input: CreateIssueInput): Promise<CreatedIssue> {
    const created = await this.client.send('POST', route`/rest/api/3/issue`, { body: { fields: input.fields }, schema: JiraCreatedIssueSchema });
    if (created === null || created === undefined) throw unexpected('POST', '/rest/api/3/issue');
    return { id: created.id, key: created.key };
  }

  async setAppFieldValues(updates: readonly AppFieldValueUpdate[], options: { readonly generateChangelog?: boolean } = {}): Promise<void> {
    const body = { updates: updates.map((u) => ({ customField: u.field, issueIds: u.issueIds.map(Number), value: u.value })) };
    const q = new URLSearchParams({ generateChangelog: String(options.generateChangelog ?? true) });
    await this.client.send('POST', route`/rest/api/3/app/field/value?${q}`, { body, idempotent: true });
  }

  async groupMembers(groupName: string, page: { readonly startAt?: number; readonly maxResults?: number } = {}): Promise<PageOfAccountIds> {
    const q = new URLSearchParams({
      groupname: groupName,
      startAt: String(page.startAt ?? 0),
      maxResults: String(page.maxResults ?? 50),
      includeInactiveUsers: 'false',
    });
    const r = await this.client.get(route`/rest/api/3/group/member?${q}`, JiraGroupMembersSchema);
    return { accountIds: r.values.filter((v) => v.active !== false).map((v) => v.accountId), isLast: r.isLast ?? true };
  }

  async projectRoleActors(projectIdOrKey: string, roleName: string): Promise<{ readonly users: readonly string[]; readonly groups: readonly string[] } | null> {
    const roles = await this.client.get(route`/rest/api/3/project/${projectIdOrKey}/role`, JiraRoleMapSchema);
    const wanted = roleName.toLowerCase();
    const url = Object.entries(roles).find(([name]) => name.toLowerCase() === wanted)?.[1];
    const roleId = url === undefined ? undefined : /\/(\d+)\/?$/.exec(url)?.[1];
    if (roleId === undefined) return null;
    const role = await this.client.get(route`/rest/api/3/project/${projectIdOrKey}/role/${roleId}`, JiraRoleSchema);
    return {
      users: role.actors.flatMap((a) => (a.actorUser === undefined ? [] : [a.actorUser.accountId])),
      groups: role.actors.flatMap((a) => (a.actorGroup?.name === undefined ? [] : [a.actorGroup.name])),
    };
  }

  async projectRoleMembers(projectIdOrKey: string, roleName: string): Promise<readonly string[]> {
    const actors = await this.projectRoleActors(projectIdOrKey, roleName);
    if (actors === null) return [];
    const members = new Set(actors.users);
    for (const group of actors.groups) {
      for (let startAt = 0; ; ) {
        const page = await this.groupMembers(group, { startAt, maxResults: 50 });
        for (const id of page.accountIds) members.add(id);
        if (page.isLast || page.accountIds.length === 0) break;
        startAt += page.accountIds.length;
      }
    }
    return [...members];
  }

  async userGroups(accountId: string): Promise<readonly string[]> {
    const groups = await this.client.get(route`/rest/api/3/user/groups?${new URLSearchParams({ accountId })}`, JiraUserGroupsSchema);
    return groups.map((g) => g.name);
  }

  async myPermissions(scope: { readonly projectKey?: string; readonly issueKey?: string }, permissions: readonly string[]): Promise<PermissionMap> {
    const q = new URLSearchParams({ permissions: permissions.join(',') });
    if (scope.projectKey !== undefined) q.set('projectKey', scope.projectKey);
    if (scope.issueKey !== undefined) q.set('issueKey', scope.issueKey);
    const r = await this.client.get(route`/rest/api/3/mypermissions?${q}`, JiraMyPermissionsSchema);
    return Object.fromEntries(permissions.map((p) => [p, r.permissions[p]?.havePermission === true]));
  }

  async userPermissions(accountId: string, projectIdOrKey: string, permissions: readonly string[]): Promise<PermissionMap> {
    const projectId = /^\d+$/.test(projectIdOrKey) ? projectIdOrKey : (await this.client.get(route`/rest/api/3/project/${projectIdOrKey}`, JiraProjectSchema)).id;
    const body = { accountId, projectPermissions: [{ permissions: [...permissions], projects: [Number(projectId)] }] };
    const r = await this.client.send('POST', route`/rest/api/3/permissions/check`, { body, schema: JiraPermissionsCheckSchema, idempotent: true });
    const granted = new Set((r?.projectPermissions ?? []).filter((p) => p.projects.includes(Number(projectId))).map((p) => p.permission));
    return Object.fromEntries(permissions.map((p) => [p, granted.has(p)]));
  }

  async securityLevels(projectIdOrKey: string): Promise<readonly IssueRef[]> {
    const r = await this.client.get(route`/rest/api/3/project/${projectIdOrKey}/securitylevel`, JiraSecurityLevelsSchema);
    return r.levels.map((l) => ({ id: l.id, name: l.name }));
  }
}

function unexpected(method: string, path: string): JiraApiError {
  return new JiraApiError({ method, path, status: 200, errorMessages: ['Empty response'], errors: {}, attempts: 1 }, 'unexpected-response');
}
