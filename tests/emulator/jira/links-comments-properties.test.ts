import { describe, expect, it } from 'vitest';
import { adfParagraph } from '../../../emulator/jira/index';
import { ADMIN, AGENT, APP, REPORTER, withProject } from './helpers/site';

describe('issue links and link types', () => {
  it('creates a link; each issue shows only the other side; GET/DELETE by id', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'problem' });
    t.site.seed.createIssue({ project: 'INC', summary: 'incident' });
    const res = await t.call(AGENT, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'INC-1' }, outwardIssue: { key: 'INC-2' } });
    expect(res.status).toBe(201);
    const links1 = ((await t.call(APP, 'GET', '/rest/api/3/issue/INC-1?fields=issuelinks')).body as { fields: { issuelinks: Record<string, unknown>[] } }).fields.issuelinks;
    const links2 = ((await t.call(APP, 'GET', '/rest/api/3/issue/INC-2?fields=issuelinks')).body as { fields: { issuelinks: Record<string, unknown>[] } }).fields.issuelinks;
    expect(links1).toHaveLength(1);
    expect((links1[0]?.outwardIssue as { key: string }).key).toBe('INC-2');
    expect(links1[0]).not.toHaveProperty('inwardIssue');
    expect((links2[0]?.inwardIssue as { key: string }).key).toBe('INC-1');
    const id = String(links1[0]?.id);
    const got = (await t.call(APP, 'GET', `/rest/api/3/issueLink/${id}`)).body as { inwardIssue: { key: string }; outwardIssue: { key: string }; type: { name: string } };
    expect([got.inwardIssue.key, got.outwardIssue.key, got.type.name]).toEqual(['INC-1', 'INC-2', 'Relates']);
    // A duplicate request answers 201 and creates nothing.
    expect((await t.call(AGENT, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'INC-1' }, outwardIssue: { key: 'INC-2' } })).status).toBe(201);
    expect(t.site.store.links.size).toBe(1);
    expect((await t.call(AGENT, 'DELETE', `/rest/api/3/issueLink/${id}`)).status).toBe(204);
    expect((await t.call(APP, 'GET', `/rest/api/3/issueLink/${id}`)).status).toBe(404);
  });

  it('refuses unknown link types and issues', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'a' });
    const bad = await t.call(AGENT, 'POST', '/rest/api/3/issueLink', { type: { name: 'Causes' }, inwardIssue: { key: 'INC-1' }, outwardIssue: { key: 'INC-1' } });
    expect(bad.status).toBe(404);
    expect(bad.body).toEqual({ errorMessages: ["No issue link type with name 'Causes' found."], errors: {} });
    expect((await t.call(AGENT, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'INC-1' }, outwardIssue: { key: 'INC-9' } })).status).toBe(404);
  });

  it('lists and creates link types (admin only, unique names)', async () => {
    const t = withProject();
    const created = await t.call(APP, 'POST', '/rest/api/3/issueLinkType', { name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' });
    expect(created.status).toBe(201);
    const list = ((await t.call(AGENT, 'GET', '/rest/api/3/issueLinkType')).body as { issueLinkTypes: { name: string }[] }).issueLinkTypes.map((l) => l.name);
    expect(list).toEqual(['Blocks', 'Cloners', 'Duplicate', 'Relates', 'Problem/Incident']);
    expect((await t.call(APP, 'POST', '/rest/api/3/issueLinkType', { name: 'problem/incident', inward: 'a', outward: 'b' })).status).toBe(400);
    expect((await t.call(AGENT, 'POST', '/rest/api/3/issueLinkType', { name: 'X', inward: 'a', outward: 'b' })).status).toBe(403);
  });
});

describe('comments', () => {
  it('adds and lists comments (ADF only), updating the issue', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    t.clock.advanceMinutes(3);
    const res = await t.call(REPORTER, 'POST', '/rest/api/3/issue/INC-1/comment', { body: adfParagraph('first') });
    expect(res.status).toBe(201);
    expect((res.body as { author: { accountId: string } }).author.accountId).toBe('user-reporter');
    await t.call(AGENT, 'POST', '/rest/api/3/issue/INC-1/comment', { body: adfParagraph('second') });
    const page = (await t.call(APP, 'GET', '/rest/api/3/issue/INC-1/comment?maxResults=1&startAt=1')).body as { total: number; comments: { body: unknown }[] };
    expect(page.total).toBe(2);
    expect(page.comments.map((c) => c.body)).toEqual([adfParagraph('second')]);
    expect(t.site.store.issueByIdOrKey('INC-1')?.updated).toBe(t.clock.now());
    const plain = await t.call(AGENT, 'POST', '/rest/api/3/issue/INC-1/comment', { body: 'plain' });
    expect(plain.status).toBe(400);
    expect(plain.body).toEqual({ errorMessages: [], errors: { comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' } });
  });
});

describe('issue properties', () => {
  it('puts (201 then 200), gets, lists and deletes', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    expect((await t.call(APP, 'PUT', '/rest/api/3/issue/INC-1/properties/incident-desk-sla', { breached: 'false' })).status).toBe(201);
    expect((await t.call(APP, 'PUT', '/rest/api/3/issue/INC-1/properties/incident-desk-sla', { breached: 'true' })).status).toBe(200);
    expect((await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-1/properties/incident-desk-sla')).body).toEqual({ key: 'incident-desk-sla', value: { breached: 'true' } });
    expect(((await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-1/properties')).body as { keys: { key: string }[] }).keys.map((k) => k.key)).toEqual(['incident-desk-sla']);
    expect((await t.call(ADMIN, 'DELETE', '/rest/api/3/issue/INC-1/properties/incident-desk-sla')).status).toBe(204);
    const gone = await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-1/properties/incident-desk-sla');
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ errorMessages: ["The property with key 'incident-desk-sla' does not exist."], errors: {} });
  });

  it('refuses values over 32 KB', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const res = await t.call(APP, 'PUT', '/rest/api/3/issue/INC-1/properties/big', { s: 'x'.repeat(32_800) });
    expect(res.status).toBe(400);
  });

  it('stores a copy, so later changes to the caller object do not leak in', () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const value = { n: 1 };
    t.site.seed.setProperty('INC-1', 'p', value);
    value.n = 2;
    expect(t.site.store.issueByIdOrKey('INC-1')?.properties.get('p')).toEqual({ n: 1 });
  });
});
