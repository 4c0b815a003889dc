import { fail } from '../errors';
import { addIssueTypesToScheme } from '../mutations/issue-type-schemes';
import { requireAdmin } from '../permissions';
import type { IssueTypeSchemeRecord } from '../state/model';
import { intParam, listParam, objectBody, pageBean } from './params';
import { json, noContent, type Route } from './router';

/** Issue type schemes: which scheme a project uses, and adding issue types to a scheme (Administer Jira). */

const schemeJson = (s: IssueTypeSchemeRecord) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  isDefault: s.isDefault,
  ...(s.defaultIssueTypeId === null ? {} : { defaultIssueTypeId: s.defaultIssueTypeId }),
});

export const issueTypeSchemeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/issuetypescheme/project',
    handler: ({ core, actor, query }) => {
      requireAdmin(core.store, actor);
      const wanted = listParam(query, 'projectId');
      if (wanted.length === 0) fail(400, "The 'projectId' parameter must be specified.");
      for (const id of wanted) if (!/^\d+$/.test(id)) fail(400, `The 'projectId' parameter must be a project id: ${id}.`);
      const bySchemeId = new Map<string, string[]>();
      for (const id of wanted) {
        const p = core.store.projects.get(id);
        if (!p) continue; // Jira leaves unknown projects out of the page.
        bySchemeId.set(p.issueTypeSchemeId, [...(bySchemeId.get(p.issueTypeSchemeId) ?? []), p.id]);
      }
      const all = [...bySchemeId].flatMap(([schemeId, projectIds]) => {
        const s = core.store.issueTypeSchemes.get(schemeId);
        return s ? [{ issueTypeScheme: schemeJson(s), projectIds }] : [];
      });
      const self = `${core.store.baseUrl}/rest/api/3/issuetypescheme/project`;
      return json(200, pageBean(self, all, intParam(query, 'startAt', 0, { min: 0 }), intParam(query, 'maxResults', 50, { min: 1, max: 50 })));
    },
  },
  {
    method: 'PUT',
    pattern: '/rest/api/3/issuetypescheme/{issueTypeSchemeId}/issuetype',
    handler: ({ core, actor, params, body }) => {
      requireAdmin(core.store, actor);
      const ids = objectBody(body).issueTypeIds;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string')) fail(400, 'The issue type IDs must be specified.');
      addIssueTypesToScheme(core, params.issueTypeSchemeId ?? '', ids);
      return noContent();
    },
  },
];
