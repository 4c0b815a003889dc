import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildJiraScopeSwagger,
  DEFAULT_SPEC_FILE,
  generateJiraScopeFile,
  parseApiCallList,
} from '../../scripts/generate-jira-scopes';
import { repoRoot } from './project-copy';

const op = (scopes: string[], extra: object = {}) => ({
  ...extra,
  'x-atlassian-oauth2-scopes': [{ scheme: 'OAuth2', state: 'Current', scopes }],
});
const spec = {
  paths: {
    '/rest/api/3/issue/{issueIdOrKey}': { get: op(['read:jira-work'], { operationId: 'getIssue' }), parameters: [] },
    '/rest/api/3/issue/bulkfetch': { post: op(['read:jira-work']) },
    '/rest/api/3/search': { get: op(['read:jira-work'], { deprecated: true }) },
    '/rest/api/3/priority/search': { get: { security: [{ basicAuth: [] }, { OAuth2: ['manage:jira-configuration'] }, {}] } },
    '/rest/api/3/serverInfo': { get: { security: [{ basicAuth: [] }] } },
  },
};

describe('parseApiCallList', () => {
  it('reads METHOD PATH lines, skipping comments and blank lines', () => {
    expect(parseApiCallList('# header\n\nGET  /rest/api/3/issue/{issueIdOrKey}  # why\npost /rest/api/3/issue/bulkfetch\n')).toEqual([
      { method: 'get', path: '/rest/api/3/issue/{issueIdOrKey}', line: 3 },
      { method: 'post', path: '/rest/api/3/issue/bulkfetch', line: 4 },
    ]);
  });

  it.each([
    ['FETCH /rest/api/3/issue', 'line 1: expected "METHOD /rest/api/3/..." but found "FETCH /rest/api/3/issue"'],
    ['GET rest/api/3/issue', 'line 1: expected'],
    ['GET /rest/api/3/issue\nget /rest/api/3/issue', 'line 2: GET /REST/API/3/ISSUE is listed twice'],
  ])('refuses %j', (text, message) => {
    expect(() => parseApiCallList(text)).toThrow(message);
  });
});

describe('buildJiraScopeSwagger', () => {
  it('copies scopes from the spec and orders literal paths before templated ones', () => {
    const calls = parseApiCallList('GET /rest/api/3/issue/{issueIdOrKey}\nPOST /rest/api/3/issue/bulkfetch\nGET /rest/api/3/priority/search');
    const swagger = buildJiraScopeSwagger(calls, spec);
    expect(Object.keys(swagger.paths)).toEqual(['/rest/api/3/issue/bulkfetch', '/rest/api/3/priority/search', '/rest/api/3/issue/{issueIdOrKey}']);
    expect(swagger.paths['/rest/api/3/issue/{issueIdOrKey}']).toEqual({ get: op(['read:jira-work'], { operationId: 'getIssue' }) });
    // An operation with no scope entries keeps its OAuth2 `security`, which the linter falls back to.
    expect(swagger.paths['/rest/api/3/priority/search']).toEqual({ get: { security: [{ OAuth2: ['manage:jira-configuration'] }] } });
  });

  it('refuses operations the spec does not have, deprecated ones, and ones without OAuth2 scopes, naming each line', () => {
    const calls = parseApiCallList('PUT /rest/api/3/issue/bulkfetch\nGET /rest/api/3/search\nGET /rest/api/3/serverInfo\nGET /rest/api/3/nope');
    expect(() => buildJiraScopeSwagger(calls, spec)).toThrow(
      [
        'jira-api-calls.txt does not match the Jira spec:',
        '  line 1: PUT /rest/api/3/issue/bulkfetch is not an operation of the Jira spec',
        '  line 2: GET /rest/api/3/search is deprecated in the spec; call its replacement',
        '  line 3: GET /rest/api/3/serverInfo declares no OAuth2 scopes in the spec',
        '  line 4: GET /rest/api/3/nope is not an operation of the Jira spec',
      ].join('\n'),
    );
  });
});

describe('the committed forge-scopes/jira-swagger.json', () => {
  it('is exactly what `npm run gen:scopes` builds from the list and ../shared/jira-openapi', () => {
    expect(existsSync(DEFAULT_SPEC_FILE), `${DEFAULT_SPEC_FILE} must sit beside the clone (see README)`).toBe(true);
    const committed = readFileSync(join(repoRoot, 'forge-scopes/jira-swagger.json'), 'utf8');
    expect(committed).toBe(generateJiraScopeFile());
  });
});
