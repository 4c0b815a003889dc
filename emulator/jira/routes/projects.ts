import { fail } from '../errors';
import { issueTypeJson, projectJson, securityLevelJson, statusJson } from '../format/resources';
import { createProject } from '../mutations/admin';
import { canBrowseProject, hasProjectPermission, requireAdmin } from '../permissions';
import type { Actor } from '../site-contract';
import type { ProjectRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import { intParam, listParam, objectBody, pageBean, stringList } from './params';
import { json, noContent, type Route } from './router';

function visibleProject(store: JiraStore, actor: Actor, idOrKey: string): ProjectRecord {
  const p = store.projectByIdOrKey(idOrKey);
  if (!p || !canBrowseProject(store, actor, p)) fail(404, `No project could be found with key '${idOrKey}'.`);
  return p;
}

function roleJson(store: JiraStore, p: ProjectRecord, roleId: number) {
  const role = store.roles.get(roleId);
  if (!role) fail(404, `No project role with id '${String(roleId)}' exists.`);
  const actors = p.roleActors.get(roleId) ?? { users: new Set<string>(), groups: new Set<string>() };
  let n = 1;
  return {
    self: `${store.baseUrl}/rest/api/3/project/${p.id}/role/${String(roleId)}`,
    name: role.name,
    id: role.id,
    description: role.description,
    actors: [
      ...[...actors.groups].map((g) => ({
        id: n++,
        displayName: g,
        type: 'atlassian-group-role-actor',
        name: g,
        actorGroup: { name: g, displayName: g, groupId: store.groups.get(g)?.groupId ?? '' },
      })),
      ...[...actors.users].map((u) => ({
        id: n++,
        displayName: store.users.get(u)?.displayName ?? u,
        type: 'atlassian-user-role-actor',
        actorUser: { accountId: u },
      })),
    ],
    scope: { type: 'PROJECT', project: { id: p.id } },
  };
}

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/project',
    handler: ({ core, actor }) => json(200, [...core.store.projects.values()].filter((p) => canBrowseProject(core.store, actor, p)).map((p) => projectJson(core.store, p))),
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/project',
    handler: ({ core, actor, body }) => {
      requireAdmin(core.store, actor);
      const b = objectBody(body);
      const p = createProject(core, {
        key: typeof b.key === 'string' ? b.key : '',
        name: typeof b.name === 'string' ? b.name : '',
        ...(typeof b.projectTypeKey === 'string' ? { projectTypeKey: b.projectTypeKey } : {}),
        ...(typeof b.leadAccountId === 'string' ? { leadAccountId: b.leadAccountId } : {}),
      });
      return json(201, { self: `${core.store.baseUrl}/rest/api/3/project/${p.id}`, id: Number(p.id), key: p.key });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/project/search',
    handler: ({ core, actor, query }) => {
      const startAt = intParam(query, 'startAt', 0, { min: 0 });
      const maxResults = intParam(query, 'maxResults', 50, { min: 0, max: 100 });
      const keys = new Set(listParam(query, 'keys').map((k) => k.toUpperCase()));
      const ids = new Set(listParam(query, 'id'));
      const text = (query.get('query') ?? '').toLowerCase();
      const all = [...core.store.projects.values()]
        .filter((p) => canBrowseProject(core.store, actor, p))
        .filter((p) => (keys.size === 0 || keys.has(p.key)) && (ids.size === 0 || ids.has(p.id)))
        .filter((p) => text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((p) => projectJson(core.store, p));
      return json(200, pageBean(`${core.store.baseUrl}/rest/api/3/project/search`, all, startAt, maxResults));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/project/{projectIdOrKey}',
    handler: ({ core, actor, params }) => json(200, projectJson(core.store, visibleProject(core.store, actor, params.projectIdOrKey ?? ''))),
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/project/{projectIdOrKey}/statuses',
    handler: ({ core, actor, params }) => {
      const p = visibleProject(core.store, actor, params.projectIdOrKey ?? '');
      const statuses = [...core.store.statuses.values()].map((s) => statusJson(core.store, s));
      return json(
        200,
        p.issueTypeIds.flatMap((id) => {
          const t = core.store.issueTypes.get(id);
          return t ? [{ self: issueTypeJson(core.store, t).self, id: t.id, name: t.name, subtask: t.subtask, statuses }] : [];
        }),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/project/{projectIdOrKey}/role',
    handler: ({ core, actor, params }) => {
      const p = visibleProject(core.store, actor, params.projectIdOrKey ?? '');
      return json(200, Object.fromEntries([...core.store.roles.values()].map((r) => [r.name, `${core.store.baseUrl}/rest/api/3/project/${p.id}/role/${String(r.id)}`])));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    handler: ({ core, actor, params }) => json(200, roleJson(core.store, visibleProject(core.store, actor, params.projectIdOrKey ?? ''), Number(params.id))),
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    handler: ({ core, actor, params, body }) => {
      const p = visibleProject(core.store, actor, params.projectIdOrKey ?? '');
      if (!hasProjectPermission(core.store, actor, p, 'ADMINISTER_PROJECTS')) fail(403, 'You cannot edit the configuration of this project.');
      const roleId = Number(params.id);
      roleJson(core.store, p, roleId); // 404 for an unknown role
      const b = objectBody(body);
      const actors = p.roleActors.get(roleId) ?? { users: new Set<string>(), groups: new Set<string>() };
      for (const u of stringList(b.user) ?? []) {
        if (!core.store.users.has(u)) fail(400, `The user '${u}' does not exist.`);
        actors.users.add(u);
      }
      for (const g of stringList(b.group) ?? []) {
        if (!core.store.groups.has(g)) fail(400, `The group '${g}' does not exist.`);
        actors.groups.add(g);
      }
      for (const gid of stringList(b.groupId) ?? []) {
        const g = core.store.groupById(gid);
        if (!g) fail(400, `The group with id '${gid}' does not exist.`);
        actors.groups.add(g.name);
      }
      p.roleActors.set(roleId, actors);
      core.store.touch();
      return json(200, roleJson(core.store, p, roleId));
    },
  },
  {
    method: 'DELETE',
    pattern: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    handler: ({ core, actor, params, query }) => {
      const p = visibleProject(core.store, actor, params.projectIdOrKey ?? '');
      if (!hasProjectPermission(core.store, actor, p, 'ADMINISTER_PROJECTS')) fail(403, 'You cannot edit the configuration of this project.');
      const actors = p.roleActors.get(Number(params.id));
      if (!actors) fail(404, `No project role with id '${params.id ?? ''}' exists.`);
      const user = query.get('user');
      const group = query.get('group');
      if (user !== null) actors.users.delete(user);
      if (group !== null) actors.groups.delete(group);
      core.store.touch();
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/project/{projectKeyOrId}/securitylevel',
    handler: ({ core, actor, params }) => {
      const p = visibleProject(core.store, actor, params.projectKeyOrId ?? '');
      const scheme = p.issueSecuritySchemeId === null ? undefined : core.store.securitySchemes.get(p.issueSecuritySchemeId);
      const levels = (scheme?.levelIds ?? []).flatMap((id) => {
        const l = core.store.securityLevels.get(id);
        return l ? [securityLevelJson(core.store, l)] : [];
      });
      return json(200, { levels });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/role',
    handler: ({ core, actor }) => {
      requireAdmin(core.store, actor);
      return json(200, [...core.store.roles.values()].map((r) => ({ self: `${core.store.baseUrl}/rest/api/3/role/${String(r.id)}`, name: r.name, id: r.id, description: r.description })));
    },
  },
];
