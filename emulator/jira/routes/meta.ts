import { fail } from '../errors';
import { issueTypeJson, priorityJson, resolutionJson, securityLevelJson, statusCategoryJson } from '../format/resources';
import { createIssueType } from '../mutations/admin';
import { canBrowseProject, requireAdmin } from '../permissions';
import { intParam, listParam, objectBody, pageBean } from './params';
import { json, type Route } from './router';

export const metaRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/issuetype',
    handler: ({ core, actor }) => {
      const visible = new Set<string>();
      for (const p of core.store.projects.values()) if (canBrowseProject(core.store, actor, p)) for (const id of p.issueTypeIds) visible.add(id);
      const all = actor.kind === 'app' ? [...core.store.issueTypes.values()] : [...core.store.issueTypes.values()].filter((t) => visible.has(t.id));
      return json(200, all.map((t) => issueTypeJson(core.store, t)));
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/issuetype',
    handler: ({ core, actor, body }) => {
      requireAdmin(core.store, actor);
      const b = objectBody(body);
      if (typeof b.name !== 'string') fail(400, 'The issue type name must be specified.');
      const t = createIssueType(core, {
        name: b.name,
        ...(typeof b.description === 'string' ? { description: b.description } : {}),
        ...(typeof b.hierarchyLevel === 'number' ? { hierarchyLevel: b.hierarchyLevel } : {}),
        ...(typeof b.type === 'string' ? { type: b.type } : {}),
      });
      return json(201, issueTypeJson(core.store, t));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issuetype/project',
    handler: ({ core, actor, query }) => {
      const pid = query.get('projectId');
      if (pid === null || !/^\d+$/.test(pid)) fail(400, "The 'projectId' parameter must be a project id.");
      const p = core.store.projects.get(pid);
      if (!p || !canBrowseProject(core.store, actor, p)) fail(404, `No project could be found with id '${pid}'.`);
      const level = query.get('level');
      return json(
        200,
        p.issueTypeIds.flatMap((id) => {
          const t = core.store.issueTypes.get(id);
          if (!t || (level !== null && String(t.hierarchyLevel) !== level)) return [];
          return [{ ...issueTypeJson(core.store, t), scope: { type: 'PROJECT', project: { id: p.id } } }];
        }),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issuetype/{id}',
    handler: ({ core, params }) => {
      const t = core.store.issueTypes.get(params.id ?? '');
      if (!t) fail(404, 'The issue type ID is invalid or the issue type does not exist.');
      return json(200, issueTypeJson(core.store, t));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/priority',
    handler: ({ core }) => json(200, [...core.store.priorities.values()].map((p) => priorityJson(core.store, p))),
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/priority/search',
    handler: ({ core, query }) => {
      const startAt = intParam(query, 'startAt', 0, { min: 0 });
      const maxResults = intParam(query, 'maxResults', 50, { min: 0 });
      const ids = new Set(listParam(query, 'id'));
      const name = (query.get('priorityName') ?? '').toLowerCase();
      const onlyDefault = query.get('onlyDefault') === 'true';
      const all = [...core.store.priorities.values()]
        .filter((p) => (ids.size === 0 || ids.has(p.id)) && (name === '' || p.name.toLowerCase().includes(name)) && (!onlyDefault || p.isDefault))
        .map((p) => priorityJson(core.store, p));
      return json(200, pageBean(`${core.store.baseUrl}/rest/api/3/priority/search`, all, startAt, maxResults));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/priority/{id}',
    handler: ({ core, params }) => {
      const p = core.store.priorities.get(params.id ?? '');
      if (!p) fail(404, `The priority with ID ${params.id ?? ''} does not exist.`);
      return json(200, priorityJson(core.store, p));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/resolution',
    handler: ({ core }) => json(200, [...core.store.resolutions.values()].map((r) => resolutionJson(core.store, r))),
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/statuscategory',
    handler: ({ core }) => json(200, (['new', 'indeterminate', 'done'] as const).map((k) => statusCategoryJson(core.store, k))),
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issuesecurityschemes',
    handler: ({ core, actor }) => {
      requireAdmin(core.store, actor);
      return json(200, {
        issueSecuritySchemes: [...core.store.securitySchemes.values()].map((s) => {
          const def = s.levelIds.map((id) => core.store.securityLevels.get(id)).find((l) => l?.isDefault);
          return {
            self: `${core.store.baseUrl}/rest/api/3/issuesecurityschemes/${String(s.id)}`,
            id: s.id,
            name: s.name,
            description: s.description,
            ...(def ? { defaultSecurityLevelId: Number(def.id) } : {}),
          };
        }),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issuesecurityschemes/{id}',
    handler: ({ core, actor, params }) => {
      requireAdmin(core.store, actor);
      const s = core.store.securitySchemes.get(Number(params.id));
      if (!s) fail(404, `The issue security scheme with id '${params.id ?? ''}' does not exist.`);
      const levels = s.levelIds.flatMap((id) => {
        const l = core.store.securityLevels.get(id);
        return l ? [securityLevelJson(core.store, l)] : [];
      });
      return json(200, { self: `${core.store.baseUrl}/rest/api/3/issuesecurityschemes/${String(s.id)}`, id: s.id, name: s.name, description: s.description, levels });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/securitylevel/{id}',
    handler: ({ core, params }) => {
      const l = core.store.securityLevels.get(params.id ?? '');
      if (!l) fail(404, `The security level with id '${params.id ?? ''}' does not exist.`);
      return json(200, securityLevelJson(core.store, l));
    },
  },
];
