import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import api, { asApp, asUser, route, NeedsAuthenticationError } from '@forge/api';
import type { EmulatedJira } from '../../../emulator/jira/index';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { parseRuntimeManifest } from '../../../emulator/runtime/manifest';
import { START, startRuntime } from './support/runtime';

let runtime: ForgeRuntime;
let jira: EmulatedJira;

const TRIGGERS = parseRuntimeManifest(`
modules:
  trigger:
    - key: issue-events
      function: on-issue
      events: [avi:jira:created:issue, avi:jira:updated:issue]
      filter: { ignoreSelf: true }
  function:
    - { key: on-issue, handler: index.onIssue }
`);

interface SearchPage {
  issues: { key: string }[];
  nextPageToken?: string;
}

beforeEach(async () => {
  runtime = await startRuntime();
  jira = runtime.site as EmulatedJira;
  jira.seed.createProject({ key: 'INC', name: 'Incidents' });
  for (let i = 1; i <= 7; i++) jira.seed.createIssue({ project: 'INC', summary: `Incident ${i}`, by: 'user-reporter' });
  await runtime.settle();
});

afterEach(() => runtime.dispose());

describe('requestJira through the real @forge/api', () => {
  it('asApp reads any issue; the response is a real fetch Response with Jira JSON', async () => {
    const res = await asApp().requestJira(route`/rest/api/3/issue/${'INC-3'}?fields=summary`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ key: 'INC-3', fields: { summary: 'Incident 3' } });
    expect(runtime.jiraCalls.at(-1)).toMatchObject({ via: 'sdk', actor: { kind: 'app' }, method: 'GET', status: 200 });
  });

  it('asUser(accountId) acts as that user: an outsider is refused where an agent is not', async () => {
    const agent = await asUser('user-agent').requestJira(route`/rest/api/3/issue/INC-1`);
    expect(agent.status).toBe(200);
    const outsider = await asUser('user-outsider').requestJira(route`/rest/api/3/issue/INC-1`);
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('asUser() without an id acts for the invocation user (resolver context), and the reporter may not edit', async () => {
    const body = JSON.stringify({ fields: { summary: 'Edited' } });
    const asReporter = await runtime.runAs({ accountId: 'user-reporter' }, () =>
      asUser().requestJira(route`/rest/api/3/issue/INC-1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body }),
    );
    // Jira's answer when the user may not edit: the field is "not on the screen" for them.
    expect(asReporter.status).toBe(400);
    expect(await asReporter.json()).toMatchObject({ errors: { summary: expect.stringContaining('cannot be set') as unknown } });
    const asAgent = await runtime.runAs({ accountId: 'user-agent' }, () =>
      asUser().requestJira(route`/rest/api/3/issue/INC-1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body }),
    );
    expect(asAgent.status).toBe(204);
    expect(runtime.jiraCalls.at(-1)?.actor).toEqual({ kind: 'user', accountId: 'user-agent' });
  });

  it('asUser() where no user is present (a trigger) throws NeedsAuthenticationError, as on Forge', async () => {
    await expect(runtime.runAs({}, () => asUser().requestJira(route`/rest/api/3/myself`))).rejects.toBeInstanceOf(NeedsAuthenticationError);
  });

  it('pages /search/jql with nextPageToken until the last page', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await asApp().requestJira(route`/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jql: 'project = INC ORDER BY key ASC', maxResults: 3, fields: ['summary'], ...(token ? { nextPageToken: token } : {}) }),
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as SearchPage;
      keys.push(...page.issues.map((i) => i.key));
      token = page.nextPageToken;
      pages++;
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(keys).toEqual(['INC-1', 'INC-2', 'INC-3', 'INC-4', 'INC-5', 'INC-6', 'INC-7']);
  });

  it('the real route tag still refuses path injection before anything reaches the site', () => {
    const calls = runtime.jiraCalls.length;
    expect(() => route`/rest/api/3/issue/${'INC-1?expand=changelog'}`).toThrow();
    expect(runtime.jiraCalls.length).toBe(calls);
  });

  it('the deprecated top-level requestJira is served as the app', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/myself`);
    expect(res.status).toBe(200);
  });
});

describe('fault switch on Jira REST', () => {
  it('a 429 with Retry-After reaches the caller unchanged: @forge/api does not retry, the app must', async () => {
    runtime.faults.add({ target: 'jira', path: '/rest/api/3/issue/*', method: 'GET', effect: { kind: 'rateLimit', retryAfterSeconds: 7 }, times: 2 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await asApp().requestJira(route`/rest/api/3/issue/INC-2`);
      statuses.push(res.status);
      if (res.status !== 429) break;
      retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(retryAfter).toBe('7');
    expect(runtime.faults.describe()).toMatchObject([{ remaining: 0, fired: 2 }]);
  });

  it('5xx and latency faults match by regex against path and query', async () => {
    runtime.faults.add({ pathRegex: 'expand=changelog', effect: { kind: 'serverError', status: 503 } });
    const failed = await asApp().requestJira(route`/rest/api/3/issue/INC-1?expand=changelog`);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ errorMessages: ['Internal server error.'], errors: {} });
    runtime.faults.clear();
    runtime.faults.add({ path: '/rest/api/3/myself', effect: { kind: 'latency', ms: 120 } });
    const started = performance.now();
    const slow = await asApp().requestJira(route`/rest/api/3/myself`);
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('product events from the real site reach the trigger', () => {
  it('an issue edit by a user is delivered with its changelog; an app edit is ignored (ignoreSelf)', async () => {
    const seen: { key: string; items: unknown; at: string }[] = [];
    const rt2 = runtime;
    rt2.dispose();
    runtime = await startRuntime({
      manifest: TRIGGERS,
      handlers: {
        onIssue: (e: { issue: { key: string }; changelog?: { items: unknown } }) => {
          seen.push({ key: e.issue.key, items: e.changelog?.items ?? null, at: new Date().toISOString() });
          return Promise.resolve();
        },
      },
    });
    jira = runtime.site as EmulatedJira;
    jira.seed.createProject({ key: 'INC', name: 'Incidents' });
    jira.seed.createIssue({ project: 'INC', summary: 'Printer down', by: 'user-reporter' });
    await runtime.settle();
    await runtime.runAs({ accountId: 'user-agent' }, () =>
      asUser().requestJira(route`/rest/api/3/issue/INC-1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: { summary: 'Printer on fire' } }) }),
    );
    await asApp().requestJira(route`/rest/api/3/issue/INC-1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: { summary: 'By the app' } }) });
    await runtime.settle();
    expect(seen).toEqual([
      { key: 'INC-1', items: null, at: START },
      { key: 'INC-1', items: [expect.objectContaining({ field: 'summary', fromString: 'Printer down', toString: 'Printer on fire' })], at: START },
    ]);
    expect(runtime.deliveries.map((d) => d.outcome)).toEqual(['ok', 'ok', 'skipped-self']);
  });
});

describe('Jira REST over HTTP', () => {
  it('serves the real paths, acting as X-Emulator-User, basic auth, or the app', async () => {
    const { startEmulatorServer } = await import('../../../emulator/runtime/host/server');
    const server = await startEmulatorServer(runtime, { port: 0 });
    try {
      const get = (headers: Record<string, string>) => fetch(`${server.url}/rest/api/3/issue/INC-1?fields=summary`, { headers });
      expect((await get({ 'x-emulator-user': 'user-agent' })).status).toBe(200);
      expect((await get({ 'x-emulator-user': 'user-outsider' })).status).toBe(404);
      expect((await get({ authorization: `Basic ${Buffer.from('user-outsider:token').toString('base64')}` })).status).toBe(404);
      const asApp = await get({});
      expect(await asApp.json()).toMatchObject({ key: 'INC-1', fields: { summary: 'Incident 1' } });
      const created = await fetch(`${server.url}/rest/api/3/issue`, {
        method: 'POST',
        headers: { 'x-emulator-user': 'user-reporter', 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary: 'Via HTTP' } }),
      });
      expect(created.status).toBe(201);
      expect(runtime.jiraCalls.at(-1)).toMatchObject({ via: 'http', actor: { kind: 'user', accountId: 'user-reporter' }, status: 201 });
    } finally {
      await server.close();
    }
  });
});
