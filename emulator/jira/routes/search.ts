import { nowOf } from '../core';
import { fail, failField, ISSUE_NOT_FOUND } from '../errors';
import { issueJson, parseFieldSelection, selectsFields, type IssueRenderOptions } from '../format/issue';
import { UNBOUNDED_JQL } from '../jql/search';
import { canBrowseIssue } from '../permissions';
import type { IssueRecord } from '../state/model';
import { intParam, listParam, objectBody, stringList } from './params';
import { json, type RouteContext, type Route } from './router';

export const SEARCH_MAX_WITH_FIELDS = 100;
export const SEARCH_MAX_IDS_ONLY = 5000;

interface SearchArgs {
  jql: string | undefined;
  nextPageToken: string | undefined;
  maxResults: number;
  render: IssueRenderOptions;
}

function encodeToken(snapshot: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: snapshot, o: offset }), 'utf8').toString('base64url');
}

function decodeToken(token: string): { s: string; o: number } | undefined {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    return typeof v.s === 'string' && typeof v.o === 'number' ? { s: v.s, o: v.o } : undefined;
  } catch {
    return undefined;
  }
}

function runSearch(ctx: RouteContext, args: SearchArgs) {
  const { core, actor, search } = ctx;
  const jql = args.jql ?? '';
  if (jql.trim() === '') fail(400, UNBOUNDED_JQL);
  // Pages are capped: 100 issues when fields are requested, 5000 for ids/keys only.
  const cap = selectsFields(args.render.fields) || args.render.properties.length > 0 ? SEARCH_MAX_WITH_FIELDS : SEARCH_MAX_IDS_ONLY;
  const max = Math.min(Math.max(args.maxResults, 1), cap);
  let ids: string[];
  let offset = 0;
  let snapshot: string | undefined;
  if (args.nextPageToken !== undefined) {
    const t = decodeToken(args.nextPageToken);
    const resumed = t ? search.resume(actor, jql, t.s) : undefined;
    if (!t || !resumed) fail(400, 'The provided next page token is invalid or expired.');
    ids = resumed;
    offset = t.o;
    snapshot = t.s;
  } else {
    ids = search.run(actor, jql, nowOf(core), { requireBounded: true });
  }
  const pageIds = ids.slice(offset, offset + max);
  const issues = pageIds.flatMap((id) => {
    const issue = core.store.issues.get(id);
    return issue && canBrowseIssue(core.store, actor, issue) ? [issue] : [];
  });
  const end = offset + pageIds.length;
  const isLast = end >= ids.length;
  if (!isLast && snapshot === undefined) snapshot = search.keep(actor, jql, ids);
  const idsOnly = !selectsFields(args.render.fields) && args.render.properties.length === 0 && args.render.expand.size === 0;
  return {
    issues: issues.map((i) => (idsOnly ? idOnly(core.store.baseUrl, i, args.render) : issueJson(core.store, actor, i, args.render))),
    ...(isLast || snapshot === undefined ? {} : { nextPageToken: encodeToken(snapshot, end) }),
    isLast,
  };
}

function idOnly(baseUrl: string, issue: IssueRecord, render: IssueRenderOptions) {
  return {
    id: issue.id,
    ...(render.fields.include.has('key') ? { key: issue.key } : {}),
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
  };
}

/** The new search returns only ids unless fields are asked for. */
function renderFrom(fields: string[] | undefined, expand: string[] | undefined, properties: string[] | undefined): IssueRenderOptions {
  return {
    fields: parseFieldSelection(fields && fields.length > 0 ? fields : ['id'], 'none'),
    expand: new Set(expand ?? []),
    properties: properties ?? [],
  };
}

export const searchRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/search/jql',
    handler: (ctx) => {
      const q = ctx.query;
      return json(
        200,
        runSearch(ctx, {
          jql: q.get('jql') ?? undefined,
          nextPageToken: q.get('nextPageToken') ?? undefined,
          maxResults: intParam(q, 'maxResults', 50, { min: 0 }),
          render: renderFrom(listParam(q, 'fields'), listParam(q, 'expand'), listParam(q, 'properties')),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/search/jql',
    handler: (ctx) => {
      const b = objectBody(ctx.body);
      if (b.jql !== undefined && typeof b.jql !== 'string') failField(400, 'jql', 'The JQL query must be a string.');
      if (b.maxResults !== undefined && (typeof b.maxResults !== 'number' || !Number.isInteger(b.maxResults))) fail(400, "The 'maxResults' value must be an integer.");
      return json(
        200,
        runSearch(ctx, {
          jql: b.jql,
          nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : undefined,
          maxResults: typeof b.maxResults === 'number' ? b.maxResults : 50,
          render: renderFrom(stringList(b.fields), stringList(b.expand), stringList(b.properties)),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/search/approximate-count',
    handler: ({ core, actor, search, body }) => {
      const b = objectBody(body);
      const jql = typeof b.jql === 'string' ? b.jql : '';
      if (jql.trim() === '') fail(400, UNBOUNDED_JQL);
      return json(200, { count: search.run(actor, jql, nowOf(core), { requireBounded: true, sorted: false }).length });
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/issue/bulkfetch',
    handler: ({ core, actor, body }) => {
      const b = objectBody(body);
      const keys = stringList(b.issueIdsOrKeys);
      if (!keys || keys.length === 0) failField(400, 'issueIdsOrKeys', 'At least one issue ID or key must be provided.');
      if (keys.length > 100) fail(400, 'Up to 100 issue IDs or keys can be fetched in one request.');
      const render: IssueRenderOptions = {
        fields: parseFieldSelection(stringList(b.fields), 'navigable'),
        expand: new Set(stringList(b.expand) ?? []),
        properties: stringList(b.properties) ?? [],
      };
      const issues: unknown[] = [];
      const issueErrors: { id: string; errorMessage: string }[] = [];
      const seen = new Set<string>();
      for (const k of keys) {
        const issue = core.store.issueByIdOrKey(k);
        if (!issue || !canBrowseIssue(core.store, actor, issue)) {
          issueErrors.push({ id: k, errorMessage: ISSUE_NOT_FOUND });
          continue;
        }
        if (seen.has(issue.id)) continue;
        seen.add(issue.id);
        issues.push(issueJson(core.store, actor, issue, render));
      }
      return json(200, { issues, issueErrors });
    },
  },
];
