import { fail } from '../errors';
import { statusJson } from '../format/resources';
import { availableTransitions, transitionIssue } from '../mutations/workflow';
import { visibleIssue } from '../permissions';
import { objectBody } from './params';
import { json, noContent, type Route } from './router';

export const workflowRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: ({ core, actor, params, query }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const only = query.get('transitionId');
      const list = availableTransitions(core, actor, issue).filter((t) => only === null || t.id === only);
      return json(200, {
        expand: 'transitions',
        transitions: list.map((t) => {
          const to = core.store.statuses.get(t.to);
          return {
            id: t.id,
            name: t.name,
            ...(to ? { to: statusJson(core.store, to) } : {}),
            hasScreen: false,
            isGlobal: t.from.length === 0,
            isInitial: false,
            isAvailable: true,
            isConditional: false,
            isLooped: false,
          };
        }),
      });
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: ({ core, actor, params, body }) => {
      transitionIssue(core, actor, visibleIssue(core.store, actor, params.issueIdOrKey ?? ''), objectBody(body));
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/status',
    handler: ({ core }) => json(200, [...core.store.statuses.values()].map((s) => statusJson(core.store, s))),
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/status/{idOrName}',
    handler: ({ core, params }) => {
      const key = params.idOrName ?? '';
      const s = core.store.statuses.get(key) ?? core.store.statusByName(key);
      if (!s) fail(404, `The status with id or name '${key}' does not exist.`);
      return json(200, statusJson(core.store, s));
    },
  },
];
