import { fail } from '../errors';
import { deleteIssueProperty, setIssueProperty } from '../mutations/properties';
import { visibleIssue } from '../permissions';
import { json, noContent, type Route } from './router';

export const propertyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/properties',
    handler: ({ core, actor, params }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      return json(200, {
        keys: [...issue.properties.keys()].map((key) => ({ key, self: `${core.store.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}` })),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: ({ core, actor, params }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const key = params.propertyKey ?? '';
      if (!issue.properties.has(key)) fail(404, `The property with key '${key}' does not exist.`);
      return json(200, { key, value: issue.properties.get(key) });
    },
  },
  {
    method: 'PUT',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: ({ core, actor, params, body }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const created = setIssueProperty(core, actor, issue, params.propertyKey ?? '', body);
      return { status: created ? 201 : 200 };
    },
  },
  {
    method: 'DELETE',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: ({ core, actor, params }) => {
      deleteIssueProperty(core, actor, visibleIssue(core.store, actor, params.issueIdOrKey ?? ''), params.propertyKey ?? '');
      return noContent();
    },
  },
];
