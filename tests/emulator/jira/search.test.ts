import { describe, expect, it } from 'vitest';
import { AGENT, APP, withProject } from './helpers/site';

interface Page {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
}

function seeded(n: number) {
  const t = withProject();
  for (let i = 1; i <= n; i++) t.site.seed.createIssue({ project: 'INC', summary: `issue ${String(i)}`, at: Date.parse('2026-01-01T00:00:00Z') + i * 60_000 });
  return t;
}

describe('search/jql paging', () => {
  it('pages over more than 100 issues with nextPageToken, no total, 100 per page when fields are requested', async () => {
    const t = seeded(250);
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC ORDER BY created ASC', fields: ['summary'], maxResults: 500, ...(token ? { nextPageToken: token } : {}) });
      expect(res.status).toBe(200);
      const page = res.body as Page;
      expect(page).not.toHaveProperty('total');
      expect(page.issues.length).toBeLessThanOrEqual(100);
      keys.push(...page.issues.map((i) => i.key ?? ''));
      token = page.nextPageToken;
      expect(page.isLast).toBe(token === undefined);
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(keys).toHaveLength(250);
    expect(new Set(keys).size).toBe(250);
    expect(keys[0]).toBe('INC-1');
    expect(keys[249]).toBe('INC-250');
  });

  it('returns only ids by default, up to 5000 a page, and the GET variant agrees', async () => {
    const t = seeded(120);
    const post = (await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC', maxResults: 1000 })).body as Page;
    expect(post.issues).toHaveLength(120);
    expect(post.isLast).toBe(true);
    expect(post.issues[0]).toEqual({ id: expect.any(String) as string, self: expect.any(String) as string });
    const get = (await t.call(APP, 'GET', '/rest/api/3/search/jql?jql=project%3DINC&maxResults=50&fields=summary,status')).body as Page;
    expect(get.issues).toHaveLength(50);
    expect(Object.keys(get.issues[0]?.fields ?? {}).sort()).toEqual(['status', 'summary']);
    expect(get.issues.map((i) => i.id)).toEqual(post.issues.slice(0, 50).map((i) => i.id)); // default order: created DESC
  });

  it('defaults to 50 per page and keeps pages consistent while issues are added', async () => {
    const t = seeded(60);
    const first = (await t.call(APP, 'GET', '/rest/api/3/search/jql?jql=project%3DINC%20ORDER%20BY%20key&fields=key')).body as Page;
    expect(first.issues).toHaveLength(50);
    t.site.seed.createIssue({ project: 'INC', summary: 'late' });
    const second = (await t.call(APP, 'GET', `/rest/api/3/search/jql?jql=project%3DINC%20ORDER%20BY%20key&fields=key&nextPageToken=${encodeURIComponent(first.nextPageToken ?? '')}`)).body as Page;
    expect(second.issues.map((i) => i.key)).toEqual(Array.from({ length: 10 }, (_, i) => `INC-${String(51 + i)}`));
  });

  it('refuses a token for another query or actor, and an unbounded query', async () => {
    const t = seeded(60);
    const first = (await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC', maxResults: 10 })).body as Page;
    const other = await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC AND labels = x', nextPageToken: first.nextPageToken });
    expect(other.status).toBe(400);
    expect((await t.call(AGENT, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC', nextPageToken: first.nextPageToken })).status).toBe(400);
    expect((await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC', nextPageToken: 'garbage' })).status).toBe(400);
    for (const jql of ['', 'ORDER BY created DESC']) {
      const res = await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'], errors: {} });
    }
    expect((await t.call(APP, 'POST', '/rest/api/3/search/approximate-count', { jql: '' })).status).toBe(400);
  });

  it('includes properties and changelog when asked', async () => {
    const t = seeded(1);
    t.site.seed.setProperty('INC-1', 'incident-desk-sla', { breached: 'true' });
    t.site.seed.edit('INC-1', { summary: 'changed' });
    const page = (await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC', fields: ['summary'], properties: ['incident-desk-sla'], expand: 'changelog' })).body as {
      issues: { properties: Record<string, unknown>; changelog: { total: number } }[];
    };
    expect(page.issues[0]?.properties).toEqual({ 'incident-desk-sla': { breached: 'true' } });
    expect(page.issues[0]?.changelog.total).toBe(1);
  });
});

describe('approximate-count and bulkfetch', () => {
  it('counts matches', async () => {
    const t = seeded(30);
    t.site.seed.transition('INC-3', 'Resolved');
    expect((await t.call(APP, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = INC AND statusCategory != Done' })).body).toEqual({ count: 29 });
  });

  it('fetches up to 100 issues by id or key with *navigable fields by default, errors for the missing', async () => {
    const t = seeded(3);
    const id2 = t.site.store.issueByIdOrKey('INC-2')?.id ?? '';
    const res = await t.call(APP, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['INC-1', id2, 'INC-99'] });
    const body = res.body as { issues: { key: string; fields: Record<string, unknown> }[]; issueErrors: { id: string }[] };
    expect(body.issues.map((i) => i.key)).toEqual(['INC-1', 'INC-2']);
    expect(body.issues[0]?.fields).toHaveProperty('status');
    expect(body.issues[0]?.fields).not.toHaveProperty('comment');
    expect(body.issueErrors.map((e) => e.id)).toEqual(['INC-99']);
    const tooMany = await t.call(APP, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `INC-${String(i + 1)}`) });
    expect(tooMany.status).toBe(400);
  });
});
