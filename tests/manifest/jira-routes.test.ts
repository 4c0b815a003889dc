import { describe, expect, it } from 'vitest';
import { checkJiraRoutes, checkListedScopes, findJiraRoutes } from '../../scripts/manifest-check/jira-calls';
import { findSwaggerPath, type ScopeSwagger } from '../../scripts/manifest-check/swagger-paths';

const scopes = (current: string[], beta: string[] = []) => ({
  'x-atlassian-oauth2-scopes': [
    { scheme: 'OAuth2', state: 'Current', scopes: current },
    ...(beta.length ? [{ scheme: 'OAuth2', state: 'Beta', scopes: beta }] : []),
  ],
});

const swagger: ScopeSwagger = {
  paths: {
    '/rest/api/3/issue/bulkfetch': { post: scopes(['read:jira-work']) },
    '/rest/api/3/issue/{issueIdOrKey}': { get: scopes(['read:jira-work']), put: scopes(['write:jira-work']) },
    '/rest/api/3/issue/{issueIdOrKey}/notify': { post: scopes(['write:jira-work'], ['send:notification:jira']) },
    '/rest/api/3/priorityscheme': { get: { security: [{ OAuth2: ['manage:jira-configuration'] }] } },
  },
};

describe('findJiraRoutes', () => {
  it.each([
    ['requestJira without options (the linter assumes GET)', 'api.asApp().requestJira(route`/rest/api/3/issue/${key}`)', '/rest/api/3/issue/${...}', 'GET'],
    ['requestJira with a literal method', "requestJira(route`/rest/api/3/issue/${id}/notify`, { method: 'post', body })", '/rest/api/3/issue/${...}/notify', 'POST'],
    ['requestJira with a computed method', 'requestJira(route`/rest/api/3/issue/${id}`, { method: m })', '/rest/api/3/issue/${...}', undefined],
    ['requestJira with spread options', 'requestJira(route`/rest/api/3/issue/${id}`, { ...init })', '/rest/api/3/issue/${...}', undefined],
    ['a gateway call naming the method', "client.send('PUT', route`/rest/api/3/issue/${id}?${q}`, { body })", '/rest/api/3/issue/${...}?${...}', 'PUT'],
    ['a gateway get()', 'client.get(route`/rest/api/3/issue/${id}`, Schema)', '/rest/api/3/issue/${...}', 'GET'],
    ['a route kept for later', 'const r = cond ? route`/rest/api/3/issue/bulkfetch` : other;', '/rest/api/3/issue/bulkfetch', undefined],
  ])('%s', (_name, code, path, method) => {
    const [use, ...rest] = findJiraRoutes('src/a.ts', `const x = async () => { ${code} };`);
    expect(rest).toEqual([]);
    expect(use?.path).toBe(path);
    expect(use?.method).toBe(method);
  });

  it('reports 1-based lines and 0-based columns of the route, like the Forge linter', () => {
    const source = "import { route } from '@forge/api';\n\nexport const f = () =>\n  requestJira(route`/rest/api/3/issue/bulkfetch`, { method: 'POST' });\n";
    expect(findJiraRoutes('src/f.ts', source)).toEqual([
      { file: 'src/f.ts', line: 4, column: 14, path: '/rest/api/3/issue/bulkfetch', method: 'POST' },
    ]);
  });

  it('ignores tagged templates that are not route``', () => {
    expect(findJiraRoutes('src/a.ts', 'const q = sql`select 1`; const s = String.raw`/rest/api/3/x`;')).toEqual([]);
  });
});

describe('findSwaggerPath', () => {
  it('takes the first matching path, so literal paths must come before templated ones', () => {
    const paths = Object.keys(swagger.paths);
    expect(findSwaggerPath(paths, '/rest/api/3/issue/bulkfetch')).toBe('/rest/api/3/issue/bulkfetch');
    expect(findSwaggerPath([...paths].reverse(), '/rest/api/3/issue/bulkfetch')).toBe('/rest/api/3/issue/{issueIdOrKey}');
    expect(findSwaggerPath(paths, '/rest/api/3/issue/${...}?${...}')).toBe('/rest/api/3/issue/{issueIdOrKey}');
    expect(findSwaggerPath(paths, '/rest/api/3/issue/${...}/votes')).toBeUndefined();
  });
});

describe('checkJiraRoutes', () => {
  const at = { file: 'src/a.ts', line: 3, column: 7 };

  it('accepts listed paths, with or without a known method', () => {
    expect(checkJiraRoutes([{ ...at, path: '/rest/api/3/issue/${...}', method: 'PUT' }, { ...at, path: '/rest/api/3/issue/bulkfetch' }], swagger)).toEqual([]);
  });

  it('refuses a path missing from the list and a method the list does not have', () => {
    const problems = checkJiraRoutes(
      [
        { ...at, path: '/rest/api/3/issue/${...}/votes', method: 'GET' },
        { ...at, line: 9, path: '/rest/api/3/issue/${...}/notify', method: 'PUT' },
      ],
      swagger,
    );
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [3, 'GET /rest/api/3/issue/${...}/votes is not listed in forge-scopes/jira-api-calls.txt'],
      [9, 'PUT /rest/api/3/issue/{issueIdOrKey}/notify is called here, but forge-scopes/jira-api-calls.txt lists only POST for it'],
    ]);
  });
});

describe('checkListedScopes', () => {
  const listed = [
    { method: 'get', path: '/rest/api/3/issue/{issueIdOrKey}', line: 1 },
    { method: 'post', path: '/rest/api/3/issue/{issueIdOrKey}/notify', line: 2 },
    { method: 'get', path: '/rest/api/3/priorityscheme', line: 3 },
  ];

  it('passes when the manifest has every current scope', async () => {
    expect(await checkListedScopes(listed, swagger, ['read:jira-work', 'write:jira-work', 'manage:jira-configuration'])).toEqual([]);
  });

  it('accepts the granular (beta) scopes instead of the classic ones, as Forge does', async () => {
    const problems = await checkListedScopes([listed[1]!], swagger, ['read:jira-work', 'send:notification:jira']);
    expect(problems).toEqual([]);
  });

  it('names each listed operation whose scope is missing, with its line, including security-only operations', async () => {
    const problems = await checkListedScopes(listed, swagger, ['read:jira-work']);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: POST /rest/api/3/issue/{issueIdOrKey}/notify requires scope "write:jira-work", which manifest.yml does not declare.',
      '3: GET /rest/api/3/priorityscheme requires scope "manage:jira-configuration", which manifest.yml does not declare.',
    ]);
  });

  it('refuses a listed operation that the generated file lacks (stale jira-swagger.json)', async () => {
    const problems = await checkListedScopes([{ method: 'delete', path: '/rest/api/3/issue/{issueIdOrKey}', line: 4 }], swagger, ['write:jira-work']);
    expect(problems[0]?.message).toMatch(/missing from forge-scopes\/jira-swagger\.json: run `npm run gen:scopes`/);
  });
});
