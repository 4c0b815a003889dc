import { fail, failFields } from '../errors';
import { linkedIssueJson } from '../format/issue';
import { linkTypeJson } from '../format/resources';
import { createLink, deleteLink, visibleLink } from '../mutations/links';
import { requireAdmin } from '../permissions';
import { objectBody } from './params';
import { json, noContent, type Route } from './router';

export const linkRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/rest/api/3/issueLink',
    handler: ({ core, actor, body }) => {
      createLink(core, actor, objectBody(body));
      return { status: 201 };
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issueLink/{linkId}',
    handler: ({ core, actor, params }) => {
      const link = visibleLink(core, actor, params.linkId ?? '');
      const type = core.store.linkTypes.get(link.typeId);
      const inward = core.store.issues.get(link.inwardIssueId);
      const outward = core.store.issues.get(link.outwardIssueId);
      if (!type || !inward || !outward) fail(404, `No issue link with id '${link.id}' exists.`);
      return json(200, {
        id: link.id,
        self: `${core.store.baseUrl}/rest/api/3/issueLink/${link.id}`,
        type: linkTypeJson(core.store, type),
        inwardIssue: linkedIssueJson(core.store, inward),
        outwardIssue: linkedIssueJson(core.store, outward),
      });
    },
  },
  {
    method: 'DELETE',
    pattern: '/rest/api/3/issueLink/{linkId}',
    handler: ({ core, actor, params }) => {
      deleteLink(core, actor, params.linkId ?? '');
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issueLinkType',
    handler: ({ core }) => json(200, { issueLinkTypes: [...core.store.linkTypes.values()].map((t) => linkTypeJson(core.store, t)) }),
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/issueLinkType/{issueLinkTypeId}',
    handler: ({ core, params }) => {
      const t = core.store.linkTypes.get(params.issueLinkTypeId ?? '');
      if (!t) fail(404, `No issue link type with id '${params.issueLinkTypeId ?? ''}' found.`);
      return json(200, linkTypeJson(core.store, t));
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/issueLinkType',
    handler: ({ core, actor, body }) => {
      requireAdmin(core.store, actor);
      const b = objectBody(body);
      const errors: Record<string, string> = {};
      for (const k of ['name', 'inward', 'outward']) if (typeof b[k] !== 'string' || b[k].trim() === '') errors[k] = `The issue link type ${k} must be specified.`;
      if (Object.keys(errors).length > 0) failFields(400, errors);
      const name = String(b.name);
      if ([...core.store.linkTypes.values()].some((t) => t.name.toLowerCase() === name.toLowerCase())) fail(400, `An issue link type with the name '${name}' already exists.`);
      const t = { id: core.store.nextId('linktype', 10100), name, inward: String(b.inward), outward: String(b.outward) };
      core.store.linkTypes.set(t.id, t);
      core.store.touch();
      return json(201, linkTypeJson(core.store, t));
    },
  },
];
