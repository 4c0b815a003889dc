import { commentJson } from '../format/changelog';
import { addComment } from '../mutations/comments';
import { visibleIssue } from '../permissions';
import { fail } from '../errors';
import { intParam, objectBody } from './params';
import { json, type Route } from './router';

export const commentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/comment',
    handler: ({ core, actor, params, query }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const startAt = intParam(query, 'startAt', 0, { min: 0 });
      const maxResults = intParam(query, 'maxResults', 100, { min: 0, max: 100 });
      let all = issue.commentIds.flatMap((id) => {
        const c = core.store.comments.get(id);
        return c ? [c] : [];
      });
      const order = query.get('orderBy');
      if (order === '-created' || order === '-+created') all = [...all].reverse();
      const comments = all.slice(startAt, startAt + maxResults).map((c) => commentJson(core.store, issue.id, c));
      return json(200, { startAt, maxResults, total: all.length, comments });
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/comment',
    handler: ({ core, actor, params, body }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const c = addComment(core, actor, issue, objectBody(body));
      return json(201, commentJson(core.store, issue.id, c));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    handler: ({ core, actor, params }) => {
      const issue = visibleIssue(core.store, actor, params.issueIdOrKey ?? '');
      const c = core.store.comments.get(params.id ?? '');
      if (!c || c.issueId !== issue.id) fail(404, `Can not find a comment for the id: ${params.id ?? ''}.`);
      return json(200, commentJson(core.store, issue.id, c));
    },
  },
];
