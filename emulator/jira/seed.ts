import type { SiteCore } from './core';
import { adfParagraph } from './format/adf';
import { createSecurityScheme, type NewSecurityLevel } from './mutations/admin';
import { createIssueTypeScheme } from './mutations/issue-type-schemes';
import type { Actor, SiteRequest, SiteResponse } from './site-contract';
import { APP_ACCOUNT_ID } from './state/defaults';
import type { UserRecord } from './state/model';

/** When and as whom a seeded change happens. `by: 'app'` acts as the app; default is the admin user. */
export interface SeedOptions {
  by?: string;
  at?: number | string | Date;
}

export interface SeedIssue extends SeedOptions {
  project: string;
  summary: string;
  /** Issue type name or id. Default: the project's first issue type. */
  issueType?: string;
  /** Plain text (wrapped as ADF) or an ADF document. */
  description?: string | object;
  /** Priority name or id. */
  priority?: string;
  labels?: string[];
  assignee?: string | null;
  reporter?: string;
  /** Security level id. */
  security?: string;
  /** Extra fields, e.g. `{ customfield_10050: 3 }` (must be settable: on the screen). */
  fields?: Record<string, unknown>;
  /** Issue properties set at creation. */
  properties?: Record<string, unknown>;
}

export class SeedError extends Error {
  constructor(
    readonly request: SiteRequest,
    readonly response: SiteResponse,
  ) {
    super(`seed ${request.method} ${request.path} failed with ${String(response.status)}: ${JSON.stringify(response.body)}`);
    this.name = 'SeedError';
  }
}

export type Seeder = ReturnType<typeof createSeeder>;

function toMillis(at: SeedOptions['at']): number | null {
  if (at === undefined) return null;
  if (typeof at === 'number') return at;
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new Error(`seed: invalid instant ${String(at)}`);
  return ms;
}

/**
 * Typed seeding helpers. Each goes through the same REST handlers as real calls (so changelog, permissions and
 * events behave identically), optionally pinned to an instant with `at`.
 */
export function createSeeder(core: SiteCore, handle: (req: SiteRequest) => SiteResponse) {
  const { store } = core;

  const actorOf = (by: SeedOptions['by']): Actor => (by === 'app' || by === APP_ACCOUNT_ID ? { kind: 'app' } : { kind: 'user', accountId: by ?? 'user-admin' });

  function call(method: SiteRequest['method'], path: string, body: unknown, opts: SeedOptions = {}): SiteResponse {
    const req: SiteRequest = { method, path, actor: actorOf(opts.by), ...(body === undefined ? {} : { body }) };
    const previous = core.at;
    core.at = toMillis(opts.at) ?? previous;
    try {
      const res = handle(req);
      if (res.status >= 400) throw new SeedError(req, res);
      return res;
    } finally {
      core.at = previous;
    }
  }

  const issueKey = (idOrKey: string) => {
    const issue = store.issueByIdOrKey(idOrKey);
    if (!issue) throw new Error(`seed: no issue ${idOrKey}`);
    return issue;
  };

  return {
    /** The raw REST call, as a given user and instant; throws SeedError on 4xx/5xx. */
    call,

    createUser(u: { accountId: string; displayName: string; emailAddress?: string; groups?: string[]; timeZone?: string; locale?: string; active?: boolean; accountType?: UserRecord['accountType'] }): UserRecord {
      if (store.users.has(u.accountId)) throw new Error(`seed: user ${u.accountId} exists`);
      const user: UserRecord = {
        accountId: u.accountId,
        displayName: u.displayName,
        emailAddress: u.emailAddress ?? '',
        accountType: u.accountType ?? 'atlassian',
        active: u.active ?? true,
        timeZone: u.timeZone ?? 'UTC',
        locale: u.locale ?? 'en_US',
      };
      store.users.set(user.accountId, user);
      for (const g of u.groups ?? []) this.addGroupMember(g, user.accountId);
      store.touch();
      return user;
    },

    createGroup(name: string, groupId?: string): void {
      if (store.groups.has(name)) return;
      const id = groupId ?? `00000000-0000-4000-8000-${store.nextId('group', 100).padStart(12, '0')}`;
      store.groups.set(name, { name, groupId: id, members: new Set() });
      store.touch();
    },

    /** Adds the user to the group, creating the group if needed. */
    addGroupMember(group: string, accountId: string): void {
      if (!store.users.has(accountId)) throw new Error(`seed: no user ${accountId}`);
      this.createGroup(group);
      store.groups.get(group)?.members.add(accountId);
      store.touch();
    },

    removeGroupMember(group: string, accountId: string): void {
      store.groups.get(group)?.members.delete(accountId);
      store.touch();
    },

    createProject(p: { key: string; name: string; leadAccountId?: string; projectTypeKey?: string }): { id: string; key: string } {
      const res = call('POST', '/rest/api/3/project', { key: p.key, name: p.name, leadAccountId: p.leadAccountId ?? 'user-admin', projectTypeKey: p.projectTypeKey ?? 'service_desk' }, { by: 'app' });
      const body = res.body as { id: number; key: string };
      return { id: String(body.id), key: body.key };
    },

    /** Add users and/or groups to a project role (by role name or id). */
    setProjectRole(projectKey: string, role: string | number, actors: { users?: string[]; groups?: string[] }): void {
      const r = typeof role === 'number' ? store.roles.get(role) : [...store.roles.values()].find((x) => x.name.toLowerCase() === role.toLowerCase());
      if (!r) throw new Error(`seed: no role ${String(role)}`);
      call('POST', `/rest/api/3/project/${projectKey}/role/${String(r.id)}`, { user: actors.users ?? [], group: actors.groups ?? [] }, { by: 'app' });
    },

    /** Remove a user or group from a project role. */
    removeFromProjectRole(projectKey: string, role: string | number, actor: { user?: string; group?: string }): void {
      const r = typeof role === 'number' ? store.roles.get(role) : [...store.roles.values()].find((x) => x.name.toLowerCase() === role.toLowerCase());
      if (!r) throw new Error(`seed: no role ${String(role)}`);
      const q = actor.user !== undefined ? `user=${encodeURIComponent(actor.user)}` : `group=${encodeURIComponent(actor.group ?? '')}`;
      call('DELETE', `/rest/api/3/project/${projectKey}/role/${String(r.id)}?${q}`, undefined, { by: 'app' });
    },

    createIssueType(t: { name: string; description?: string }): { id: string } {
      return call('POST', '/rest/api/3/issuetype', t, { by: 'app' }).body as { id: string };
    },

    /** A plain custom field (type key like `com.atlassian.jira.plugin.system.customfieldtypes:float`), put on the default screen. */
    createCustomField(f: { name: string; type: string; searcherKey?: string; description?: string }): { id: string } {
      const body = call('POST', '/rest/api/3/field', f, { by: 'app' }).body as { id: string };
      call('POST', `/rest/api/3/screens/addToDefault/${body.id}`, undefined, { by: 'app' });
      return body;
    },

    /** An issue type scheme of the projects' own (by key) with the given types (names or ids): new types no longer join them by themselves. */
    createIssueTypeScheme(s: { name: string; projects: string[]; issueTypes: string[] }): { id: string } {
      const projectIds = s.projects.map((k) => {
        const p = store.projectByIdOrKey(k);
        if (!p) throw new Error(`seed: no project ${k}`);
        return p.id;
      });
      const issueTypeIds = s.issueTypes.map((t) => store.issueTypes.get(t)?.id ?? store.issueTypeByName(t)?.id ?? t);
      return { id: createIssueTypeScheme(core, { name: s.name, issueTypeIds, projectIds }).id };
    },

    /** A select field's options (added to its global context). Returns option ids by value. */
    addFieldOptions(fieldId: string, values: string[]): Record<string, string> {
      const contexts = store.fieldContexts.get(fieldId) ?? [];
      const context = contexts.find((c) => c.projectIds.length === 0) ?? contexts[0];
      if (!context) throw new Error(`seed: field ${fieldId} has no context`);
      const res = call('POST', `/rest/api/3/field/${fieldId}/context/${context.id}/option`, { options: values.map((value) => ({ value })) }, { by: 'app' });
      return Object.fromEntries((res.body as { options: { id: string; value: string }[] }).options.map((o) => [o.value, o.id]));
    },

    /**
     * A select value for `createIssue`/`edit`: the option of the field's global context whose value is `text`
     * or has `text` as one of its " / "-separated labels (setup's options read "ja / en"), case-insensitive.
     */
    optionValue(fieldId: string, text: string): { value: string } {
      const loose = (v: string) => v.trim().toLowerCase();
      const contexts = store.fieldContexts.get(fieldId) ?? [];
      const context = contexts.find((c) => c.projectIds.length === 0) ?? contexts[0];
      const option = context?.options.find((o) => loose(o.value) === loose(text) || o.value.split(' / ').some((part) => loose(part) === loose(text)));
      if (option === undefined) throw new Error(`seed: field ${fieldId} has no option "${text}"`);
      return { value: option.value };
    },

    /** A scheme with levels, attached to projects (by key). Returns level ids by name. */
    createSecurityScheme(s: { name: string; projects: string[]; levels: NewSecurityLevel[] }): Record<string, string> {
      const projectIds = s.projects.map((k) => {
        const p = store.projectByIdOrKey(k);
        if (!p) throw new Error(`seed: no project ${k}`);
        return p.id;
      });
      const scheme = createSecurityScheme(core, { name: s.name, levels: s.levels, projectIds });
      const out: Record<string, string> = {};
      for (const id of scheme?.levelIds ?? []) {
        const l = store.securityLevels.get(id);
        if (l) out[l.name] = l.id;
      }
      return out;
    },

    createIssue(i: SeedIssue): { id: string; key: string } {
      const project = store.projectByIdOrKey(i.project);
      if (!project) throw new Error(`seed: no project ${i.project}`);
      const typeRef = i.issueType ?? project.issueTypeIds[0] ?? '';
      const type = store.issueTypes.get(typeRef) ?? store.issueTypeByName(typeRef);
      const fields: Record<string, unknown> = {
        project: { id: project.id },
        issuetype: { id: type?.id ?? typeRef },
        summary: i.summary,
        ...(i.description === undefined ? {} : { description: typeof i.description === 'string' ? adfParagraph(i.description) : i.description }),
        ...(i.priority === undefined ? {} : { priority: store.priorities.has(i.priority) ? { id: i.priority } : { name: i.priority } }),
        ...(i.labels === undefined ? {} : { labels: i.labels }),
        ...(i.assignee === undefined ? {} : { assignee: i.assignee === null ? null : { accountId: i.assignee } }),
        ...(i.reporter === undefined ? {} : { reporter: { accountId: i.reporter } }),
        ...(i.security === undefined ? {} : { security: { id: i.security } }),
        ...i.fields,
      };
      const properties = Object.entries(i.properties ?? {}).map(([key, value]) => ({ key, value }));
      const body = call('POST', '/rest/api/3/issue', { fields, ...(properties.length > 0 ? { properties } : {}) }, i).body as { id: string; key: string };
      return { id: body.id, key: body.key };
    },

    edit(issue: string, fields: Record<string, unknown>, opts: SeedOptions = {}): void {
      call('PUT', `/rest/api/3/issue/${issueKey(issue).key}`, { fields }, opts);
    },

    /** Move to a status (by name or id) using the transition that leads there, e.g. `transition('INC-1', 'Resolved')`. */
    transition(issue: string, toStatus: string, opts: SeedOptions & { resolution?: string } = {}): void {
      const rec = issueKey(issue);
      const target = store.statuses.get(toStatus) ?? store.statusByName(toStatus);
      if (!target) throw new Error(`seed: no status ${toStatus}`);
      const t = store.transitions.find((x) => x.to === target.id && (x.from.length === 0 || x.from.includes(rec.statusId)));
      if (!t) throw new Error(`seed: no transition from ${rec.statusId} to ${target.name}`);
      call('POST', `/rest/api/3/issue/${rec.key}/transitions`, { transition: { id: t.id }, ...(opts.resolution === undefined ? {} : { fields: { resolution: { name: opts.resolution } } }) }, opts);
    },

    assign(issue: string, accountId: string | null, opts: SeedOptions = {}): void {
      call('PUT', `/rest/api/3/issue/${issueKey(issue).key}/assignee`, { accountId }, opts);
    },

    comment(issue: string, text: string, opts: SeedOptions = {}): { id: string } {
      return call('POST', `/rest/api/3/issue/${issueKey(issue).key}/comment`, { body: adfParagraph(text) }, opts).body as { id: string };
    },

    /** `link('Blocks', 'INC-1', 'INC-2')`: INC-1 blocks INC-2 (inwardIssue INC-1, outwardIssue INC-2 in the request). */
    link(type: string, inwardIssue: string, outwardIssue: string, opts: SeedOptions = {}): { id: string } {
      call('POST', '/rest/api/3/issueLink', { type: { name: type }, inwardIssue: { key: issueKey(inwardIssue).key }, outwardIssue: { key: issueKey(outwardIssue).key } }, opts);
      const a = issueKey(inwardIssue);
      const b = issueKey(outwardIssue);
      const link = [...a.linkIds].map((id) => store.links.get(id)).find((l) => l?.inwardIssueId === a.id && l.outwardIssueId === b.id);
      return { id: link?.id ?? '' };
    },

    setProperty(issue: string, propertyKey: string, value: unknown, opts: SeedOptions = {}): void {
      call('PUT', `/rest/api/3/issue/${issueKey(issue).key}/properties/${encodeURIComponent(propertyKey)}`, value, { by: 'app', ...opts });
    },

    /** Set an app-owned (Forge) custom field, as the app does through /app/field/value. */
    setAppFieldValue(fieldIdOrKey: string, issue: string, value: unknown, opts: Omit<SeedOptions, 'by'> = {}): void {
      const field = store.customFieldByIdOrKey(fieldIdOrKey);
      call('POST', '/rest/api/3/app/field/value', { updates: [{ customField: field?.id ?? fieldIdOrKey, issueIds: [Number(issueKey(issue).id)], value }] }, { ...opts, by: 'app' });
    },
  };
}
