import { describe, expect, it } from 'vitest';
import { adfParagraph } from '../../../emulator/jira/index';
import { ADMIN, AGENT, APP, REPORTER, T0, withProject } from './helpers/site';

const createBody = (summary: string, extra: Record<string, unknown> = {}) => ({
  fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary, ...extra },
});

describe('issues: create, get, edit, delete', () => {
  it('creates an issue with Jira defaults and returns id, key and self', async () => {
    const t = withProject();
    const res = await t.call(REPORTER, 'POST', '/rest/api/3/issue', createBody('Mail is down', { description: adfParagraph('No mail since 9:00'), labels: ['mail'] }));
    expect(res.status).toBe(201);
    const created = res.body as { id: string; key: string; self: string };
    expect(created.key).toBe('INC-1');
    expect(created.self).toBe(`https://incident-desk.atlassian.net/rest/api/3/issue/${created.id}`);

    const got = await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-1');
    expect(got.status).toBe(200);
    const fields = (got.body as { fields: Record<string, unknown> }).fields;
    expect(fields.summary).toBe('Mail is down');
    expect((fields.status as { name: string; statusCategory: { key: string } }).name).toBe('Open');
    expect((fields.status as { statusCategory: { key: string } }).statusCategory.key).toBe('new');
    expect((fields.priority as { name: string }).name).toBe('Medium');
    expect((fields.reporter as { accountId: string }).accountId).toBe('user-reporter');
    expect((fields.creator as { accountId: string }).accountId).toBe('user-reporter');
    expect(fields.assignee).toBeNull();
    expect(fields.resolution).toBeNull();
    expect(fields.labels).toEqual(['mail']);
    expect(fields.created).toBe('2026-03-02T09:00:00.000+0000');
    expect(fields.description).toEqual(adfParagraph('No mail since 9:00'));
    expect((fields.project as { key: string }).key).toBe('INC');
  });

  it('gets by id as well as key, and honours the fields parameter', async () => {
    const t = withProject();
    const { id } = t.site.seed.createIssue({ project: 'INC', summary: 'A', priority: 'High' });
    const res = await t.call(APP, 'GET', `/rest/api/3/issue/${id}?fields=summary,priority`);
    const body = res.body as { key: string; fields: Record<string, unknown> };
    expect(body.key).toBe('INC-1');
    expect(Object.keys(body.fields).sort()).toEqual(['priority', 'summary']);
    const excl = await t.call(APP, 'GET', `/rest/api/3/issue/INC-1?fields=*all,-comment,-description`);
    const f = (excl.body as { fields: Record<string, unknown> }).fields;
    expect(f).not.toHaveProperty('comment');
    expect(f).not.toHaveProperty('description');
    expect(f).toHaveProperty('status');
    expect(f).toHaveProperty('customfield_10050'); // the manifest's app field
  });

  it('refuses bad creates with every field error at once', async () => {
    const t = withProject();
    const res = await t.call(ADMIN, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'INC' }, issuetype: { name: 'Nope' }, description: 'plain string', labels: ['has space'] } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: [],
      errors: {
        issuetype: 'Specify a valid issue type',
        summary: 'You must specify a summary of the issue.',
        description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
        labels: "The label 'has space' contains spaces which is invalid.",
      },
    });
    const noProject = await t.call(ADMIN, 'POST', '/rest/api/3/issue', createBody('x', { project: { key: 'NOPE' } }));
    expect(noProject.status).toBe(400);
    expect(noProject.body).toEqual({ errorMessages: [], errors: { project: 'Specify a valid project ID or key' } });
  });

  it('edits with fields and update operations, 204, and refuses fields not on the screen', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'Old', labels: ['a', 'b'] });
    t.clock.advanceMinutes(5);
    const res = await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { summary: 'New', priority: { name: 'Highest' } }, update: { labels: [{ add: 'c' }, { remove: 'a' }] } });
    expect(res.status).toBe(204);
    const f = ((await t.call(APP, 'GET', '/rest/api/3/issue/INC-1')).body as { fields: Record<string, unknown> }).fields;
    expect(f.summary).toBe('New');
    expect((f.priority as { name: string }).name).toBe('Highest');
    expect(f.labels).toEqual(['b', 'c']);
    expect(f.updated).toBe('2026-03-02T09:05:00.000+0000');

    const status = await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { status: { id: '5' }, customfield_99999: 1 } });
    expect(status.status).toBe(400);
    expect(status.body).toEqual({
      errorMessages: [],
      errors: { status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown." },
    });
  });

  it('lets only the app write its own (manifest) custom field through the issue edit', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const user = await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1', { fields: { customfield_10050: { impact: 'high' } } });
    expect(user.status).toBe(400);
    const app = await t.call(APP, 'PUT', '/rest/api/3/issue/INC-1', { fields: { customfield_10050: { impact: 'high', score: 4 } } });
    expect(app.status).toBe(204);
    expect(t.site.store.issueByIdOrKey('INC-1')?.custom.get('customfield_10050')).toEqual({ impact: 'high', score: 4 });
  });

  it('returns the issue on edit when returnIssue=true', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const res = await t.call(APP, 'PUT', '/rest/api/3/issue/INC-1?returnIssue=true', { fields: { summary: 'y' } });
    expect(res.status).toBe(200);
    expect((res.body as { fields: { summary: string } }).fields.summary).toBe('y');
  });

  it('deletes (admins only) and then answers 404', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    expect((await t.call(AGENT, 'DELETE', '/rest/api/3/issue/INC-1')).status).toBe(403);
    expect((await t.call(ADMIN, 'DELETE', '/rest/api/3/issue/INC-1')).status).toBe(204);
    const gone = await t.call(ADMIN, 'GET', '/rest/api/3/issue/INC-1');
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('answers 410 for the removed /search and 404 for paths it does not emulate', async () => {
    const t = withProject({ validate: false });
    const old = await t.site.request({ method: 'GET', path: '/rest/api/3/search?jql=project=INC', actor: APP });
    expect(old.status).toBe(410);
    const unknown = await t.site.request({ method: 'GET', path: '/rest/api/3/dashboard', actor: APP });
    expect(unknown.status).toBe(404);
    expect((unknown.body as { errorMessages: string[] }).errorMessages[0]).toContain('does not implement');
  });

  it('seeds at a given instant and as a given user', () => {
    const t = withProject();
    const { key } = t.site.seed.createIssue({ project: 'INC', summary: 'old one', by: 'user-agent', at: '2026-01-15T03:00:00Z' });
    const issue = t.site.store.issueByIdOrKey(key);
    expect(issue?.created).toBe(Date.parse('2026-01-15T03:00:00Z'));
    expect(issue?.reporterId).toBe('user-agent');
    expect(t.clock.now()).toBe(T0);
  });
});
