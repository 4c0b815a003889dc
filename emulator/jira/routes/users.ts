import { fail } from '../errors';
import { userJson } from '../format/resources';
import { actorAccountId, canBrowseIssue, hasGlobalPermission, hasProjectPermission, passesSecurityLevel } from '../permissions';
import type { Actor } from '../site-contract';
import { GLOBAL_PERMISSION_KEYS, PROJECT_PERMISSION_KEYS, type GlobalPermissionKey, type ProjectPermissionKey } from '../state/defaults';
import type { GroupRecord, UserRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import { boolParam, intParam, listParam, pageBean } from './params';
import { json, type Route } from './router';

function requireBrowseUsers(store: JiraStore, actor: Actor): void {
  if (!hasGlobalPermission(store, actor, 'USER_PICKER')) fail(403, 'You do not have the permission to browse users and groups.');
}

function userOr404(store: JiraStore, accountId: string | null): UserRecord {
  if (accountId === null || accountId === '') fail(400, 'The accountId query parameter needs to be provided.');
  const u = store.users.get(accountId);
  if (!u) fail(404, `Specified user does not exist or you do not have required permissions`);
  return u;
}

function groupRef(store: JiraStore, g: GroupRecord) {
  return { name: g.name, groupId: g.groupId, self: `${store.baseUrl}/rest/api/3/group?groupId=${g.groupId}` };
}

function matchesUser(u: UserRecord, q: string): boolean {
  if (q === '') return true;
  const lower = q.toLowerCase();
  return u.displayName.toLowerCase().split(/\s+/).some((w) => w.startsWith(lower)) || u.displayName.toLowerCase().startsWith(lower) || u.emailAddress.toLowerCase().startsWith(lower) || u.accountId === q;
}

const PERMISSION_NAMES: Record<string, string> = {
  BROWSE_PROJECTS: 'Browse Projects',
  CREATE_ISSUES: 'Create Issues',
  EDIT_ISSUES: 'Edit Issues',
  TRANSITION_ISSUES: 'Transition Issues',
  ASSIGN_ISSUES: 'Assign Issues',
  ASSIGNABLE_USER: 'Assignable User',
  RESOLVE_ISSUES: 'Resolve Issues',
  CLOSE_ISSUES: 'Close Issues',
  LINK_ISSUES: 'Link Issues',
  ADD_COMMENTS: 'Add Comments',
  SCHEDULE_ISSUES: 'Schedule Issues',
  SET_ISSUE_SECURITY: 'Set Issue Security',
  ADMINISTER_PROJECTS: 'Administer Projects',
  DELETE_ISSUES: 'Delete Issues',
  ADMINISTER: 'Administer Jira',
  USER_PICKER: 'Browse users and groups',
  CREATE_SHARED_OBJECTS: 'Share dashboards and filters',
};

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/myself',
    handler: ({ core, actor, query }) => {
      const u = userOr404(core.store, actorAccountId(actor));
      const groups = listParam(query, 'expand').includes('groups') ? { groups: { size: core.store.groupsOf(u.accountId).length, items: core.store.groupsOf(u.accountId).map((n) => ({ name: n })) } } : {};
      return json(200, { ...userJson(core.store, u), locale: u.locale, ...groups });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/user',
    handler: ({ core, actor, query }) => {
      requireBrowseUsers(core.store, actor);
      const u = userOr404(core.store, query.get('accountId'));
      const names = core.store.groupsOf(u.accountId);
      const groups = listParam(query, 'expand').includes('groups') ? { groups: { size: names.length, items: names.map((name) => groupRef(core.store, core.store.groups.get(name) as GroupRecord)) } } : {};
      return json(200, { ...userJson(core.store, u), locale: u.locale, ...groups });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/user/bulk',
    handler: ({ core, actor, query }) => {
      requireBrowseUsers(core.store, actor);
      const ids = listParam(query, 'accountId');
      if (ids.length === 0) fail(400, 'The accountId query parameter needs to be provided.');
      const users = ids.flatMap((id) => {
        const u = core.store.users.get(id);
        return u ? [userJson(core.store, u)] : [];
      });
      return json(200, pageBean(`${core.store.baseUrl}/rest/api/3/user/bulk`, users, intParam(query, 'startAt', 0, { min: 0 }), intParam(query, 'maxResults', 10, { min: 0 })));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/user/search',
    handler: ({ core, actor, query }) => {
      requireBrowseUsers(core.store, actor);
      const q = query.get('query') ?? '';
      const accountId = query.get('accountId');
      if (q === '' && accountId === null) fail(400, 'One of the query or accountId query parameters needs to be provided.');
      const all = [...core.store.users.values()].filter((u) => u.accountType !== 'app' && (accountId === null ? matchesUser(u, q) : u.accountId === accountId));
      const startAt = intParam(query, 'startAt', 0, { min: 0 });
      const maxResults = intParam(query, 'maxResults', 50, { min: 0, max: 1000 });
      return json(200, all.slice(startAt, startAt + maxResults).map((u) => userJson(core.store, u)));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/user/assignable/search',
    handler: ({ core, actor, query }) => {
      const issueKey = query.get('issueKey') ?? query.get('issueId');
      const projectKey = query.get('project');
      const issue = issueKey === null ? undefined : core.store.issueByIdOrKey(issueKey);
      if (issueKey !== null && (!issue || !canBrowseIssue(core.store, actor, issue))) fail(404, 'Issue does not exist or you do not have permission to see it.');
      const project = issue ? core.store.projects.get(issue.projectId) : projectKey === null ? undefined : core.store.projectByIdOrKey(projectKey);
      if (!project) fail(400, 'A project or issue must be specified.');
      const q = query.get('query') ?? '';
      const all = [...core.store.users.values()].filter(
        (u) => u.accountType !== 'app' && matchesUser(u, q) && hasProjectPermission(core.store, { kind: 'user', accountId: u.accountId }, project, 'ASSIGNABLE_USER'),
      );
      return json(200, all.map((u) => userJson(core.store, u)));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/user/groups',
    handler: ({ core, actor, query }) => {
      requireBrowseUsers(core.store, actor);
      const u = userOr404(core.store, query.get('accountId'));
      return json(200, core.store.groupsOf(u.accountId).map((n) => groupRef(core.store, core.store.groups.get(n) as GroupRecord)));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/group/member',
    handler: ({ core, actor, query }) => {
      requireBrowseUsers(core.store, actor);
      const name = query.get('groupname');
      const id = query.get('groupId');
      if (name === null && id === null) fail(400, 'You must specify a group name or group ID.');
      const g = id !== null ? core.store.groupById(id) : core.store.groups.get(name ?? '');
      if (!g) fail(404, `Group with name '${name ?? id ?? ''}' does not exist.`);
      const includeInactive = boolParam(query, 'includeInactiveUsers', false);
      const members = [...g.members]
        .flatMap((m) => {
          const u = core.store.users.get(m);
          return u && (includeInactive || u.active) ? [u] : [];
        })
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((u) => userJson(core.store, u));
      const startAt = intParam(query, 'startAt', 0, { min: 0 });
      const maxResults = intParam(query, 'maxResults', 50, { min: 0, max: 50 });
      return json(200, pageBean(`${core.store.baseUrl}/rest/api/3/group/member?groupId=${g.groupId}`, members, startAt, maxResults));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/groups/picker',
    handler: ({ core, actor, query }) => {
      requireBrowseUsers(core.store, actor);
      const q = (query.get('query') ?? '').toLowerCase();
      const exclude = new Set(listParam(query, 'exclude'));
      const max = intParam(query, 'maxResults', 20, { min: 0 });
      const all = [...core.store.groups.values()].filter((g) => g.name.toLowerCase().includes(q) && !exclude.has(g.name));
      const shown = all.slice(0, max);
      return json(200, {
        header: `Showing ${String(shown.length)} of ${String(all.length)} matching groups`,
        total: all.length,
        groups: shown.map((g) => ({ name: g.name, html: g.name, groupId: g.groupId, labels: [] })),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/mypermissions',
    handler: ({ core, actor, query }) => {
      const { store } = core;
      const wanted = listParam(query, 'permissions');
      if (wanted.length === 0) fail(400, 'The permissions parameter is required.');
      const known = new Set<string>([...PROJECT_PERMISSION_KEYS, ...GLOBAL_PERMISSION_KEYS]);
      for (const k of wanted) if (!known.has(k)) fail(400, `Permission '${k}' is not a valid permission key.`);
      const issueRef = query.get('issueKey') ?? query.get('issueId');
      const projectRef = query.get('projectKey') ?? query.get('projectId');
      const issue = issueRef === null ? undefined : store.issueByIdOrKey(issueRef);
      if (issueRef !== null && (!issue || !canBrowseIssue(store, actor, issue))) fail(404, 'Issue does not exist or you do not have permission to see it.');
      const project = issue ? store.projects.get(issue.projectId) : projectRef === null ? undefined : store.projectByIdOrKey(projectRef);
      if (projectRef !== null && !project) fail(404, `No project could be found with key '${projectRef}'.`);
      const permissions: Record<string, unknown> = {};
      for (const key of wanted) {
        let have: boolean;
        const isGlobal = (GLOBAL_PERMISSION_KEYS as readonly string[]).includes(key);
        if (isGlobal) have = hasGlobalPermission(store, actor, key as GlobalPermissionKey);
        else if (project) {
          have = hasProjectPermission(store, actor, project, key as ProjectPermissionKey);
          if (have && issue && key === 'BROWSE_PROJECTS' && actor.kind === 'user') have = passesSecurityLevel(store, actor.accountId, issue, project);
        } else have = [...store.projects.values()].some((p) => hasProjectPermission(store, actor, p, key as ProjectPermissionKey));
        permissions[key] = { id: key, key, name: PERMISSION_NAMES[key] ?? key, type: isGlobal ? 'GLOBAL' : 'PROJECT', description: PERMISSION_NAMES[key] ?? key, havePermission: have };
      }
      return json(200, { permissions });
    },
  },
];
