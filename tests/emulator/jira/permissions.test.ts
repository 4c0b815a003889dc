import { describe, expect, it } from 'vitest';
import { adfParagraph } from '../../../emulator/jira/index';
import { ADMIN, AGENT, APP, OUTSIDER, REPORTER, withProject } from './helpers/site';

const NOT_FOUND = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

function restricted() {
  const t = withProject();
  const levels = t.site.seed.createSecurityScheme({
    name: 'Incident security',
    projects: ['INC'],
    levels: [{ name: 'Security team', users: ['user-admin'], reporter: true }],
  });
  t.site.seed.createIssue({ project: 'INC', summary: 'public' });
  t.site.seed.createIssue({ project: 'INC', summary: 'breach', security: levels['Security team'] ?? '', reporter: 'user-reporter' });
  return t;
}

describe('permissions: asApp vs asUser', () => {
  it('hides a project from a user without Browse Projects (404), the app sees it', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const outsider = await t.call(OUTSIDER, 'GET', '/rest/api/3/issue/INC-1');
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual(NOT_FOUND);
    expect((await t.call(APP, 'GET', '/rest/api/3/issue/INC-1')).status).toBe(200);
    expect((await t.call(OUTSIDER, 'GET', '/rest/api/3/project/INC')).status).toBe(404);
    expect((await t.call(OUTSIDER, 'GET', '/rest/api/3/project')).body).toEqual([]);
    const search = await t.call(OUTSIDER, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC' });
    expect(search.status).toBe(400);
    expect(search.body).toEqual({ errorMessages: ["The value 'INC' does not exist for the field 'project'."], errors: {} });
  });

  it('gives a user access once a project role includes them', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    t.site.seed.setProjectRole('INC', 'Users', { users: ['user-outsider'] });
    expect((await t.call(OUTSIDER, 'GET', '/rest/api/3/issue/INC-1')).status).toBe(200);
    t.site.seed.removeFromProjectRole('INC', 'Users', { user: 'user-outsider' });
    expect((await t.call(OUTSIDER, 'GET', '/rest/api/3/issue/INC-1')).status).toBe(404);
  });

  it('hides restricted issues from users outside the security level, everywhere', async () => {
    const t = restricted();
    expect((await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-2')).body).toEqual(NOT_FOUND);
    expect((await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-2/changelog')).status).toBe(404);
    expect((await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-2/comment')).status).toBe(404);
    expect((await t.call(AGENT, 'POST', '/rest/api/3/issue/INC-2/comment', { body: adfParagraph('hi') })).status).toBe(404);
    expect((await t.call(ADMIN, 'GET', '/rest/api/3/issue/INC-2')).status).toBe(200);
    expect((await t.call(REPORTER, 'GET', '/rest/api/3/issue/INC-2')).status).toBe(200); // level grants the reporter
    expect((await t.call(APP, 'GET', '/rest/api/3/issue/INC-2')).status).toBe(200);

    const keys = async (actor: typeof AGENT) =>
      ((await t.call(actor, 'POST', '/rest/api/3/search/jql', { jql: 'project = INC ORDER BY key', fields: ['key'] })).body as { issues: { key: string }[] }).issues.map((i) => i.key);
    expect(await keys(AGENT)).toEqual(['INC-1']);
    expect(await keys(ADMIN)).toEqual(['INC-1', 'INC-2']);
    const count = await t.call(AGENT, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = INC' });
    expect(count.body).toEqual({ count: 1 });
    const bulk = await t.call(AGENT, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['INC-1', 'INC-2'], fields: ['summary'] });
    expect((bulk.body as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['INC-1']);
  });

  it('shows the security field and refuses setting it without Set Issue Security', async () => {
    const t = restricted();
    const f = ((await t.call(ADMIN, 'GET', '/rest/api/3/issue/INC-2?fields=security')).body as { fields: { security: { name: string } } }).fields;
    expect(f.security.name).toBe('Security team');
    t.site.seed.setProjectRole('INC', 'Developers', { users: ['user-reporter'] });
    t.site.seed.removeFromProjectRole('INC', 'Developers', { group: 'incident-agents' });
    const res = await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { security: null } });
    expect(res.status).toBe(400);
  });

  it('refuses edits, transitions, assignment and links to a user with browse but no work permissions', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    t.site.seed.createIssue({ project: 'INC', summary: 'y' });
    const edit = await t.call(REPORTER, 'PUT', '/rest/api/3/issue/INC-1', { fields: { summary: 'z' } });
    expect(edit.status).toBe(400);
    expect(edit.body).toEqual({ errorMessages: [], errors: { summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown." } });
    expect(((await t.call(REPORTER, 'GET', '/rest/api/3/issue/INC-1/transitions')).body as { transitions: unknown[] }).transitions).toEqual([]);
    const tr = await t.call(REPORTER, 'POST', '/rest/api/3/issue/INC-1/transitions', { transition: { id: '41' } });
    expect(tr.status).toBe(400);
    expect(tr.body).toEqual({ errorMessages: ["Transition id '41' is not valid for this issue."], errors: {} });
    expect((await t.call(REPORTER, 'PUT', '/rest/api/3/issue/INC-1/assignee', { accountId: 'user-agent' })).status).toBe(403);
    expect((await t.call(REPORTER, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'INC-1' }, outwardIssue: { key: 'INC-2' } })).status).toBe(403);
    expect((await t.call(REPORTER, 'PUT', '/rest/api/3/issue/INC-1/properties/x', { a: 1 })).status).toBe(403);
    // ...but can comment (Users role) and create.
    expect((await t.call(REPORTER, 'POST', '/rest/api/3/issue/INC-1/comment', { body: adfParagraph('hello') })).status).toBe(201);
    expect(t.site.store.issueByIdOrKey('INC-1')?.summary).toBe('x');
  });

  it('refuses assigning a user who is not assignable', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const res = await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1/assignee', { accountId: 'user-reporter' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [], errors: { assignee: "User 'user-reporter' cannot be assigned issues." } });
  });

  it('reserves admin endpoints and app field values', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    expect((await t.call(AGENT, 'POST', '/rest/api/3/issuetype', { name: 'Incident' })).status).toBe(403);
    expect((await t.call(AGENT, 'POST', '/rest/api/3/field', { name: 'F', type: 'com.atlassian.jira.plugin.system.customfieldtypes:float' })).status).toBe(403);
    expect((await t.call(ADMIN, 'POST', '/rest/api/3/app/field/value', { updates: [{ customField: 'customfield_10050', issueIds: [10000], value: {} }] })).status).toBe(403);
  });

  it('answers mypermissions in global, project and issue context', async () => {
    const t = restricted();
    const perms = async (actor: typeof AGENT, q: string) =>
      Object.fromEntries(
        Object.entries(((await t.call(actor, 'GET', `/rest/api/3/mypermissions?${q}`)).body as { permissions: Record<string, { havePermission: boolean }> }).permissions).map(([k, v]) => [
          k,
          v.havePermission,
        ]),
      );
    expect(await perms(AGENT, 'permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER')).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER: false });
    expect(await perms(REPORTER, 'projectKey=INC&permissions=BROWSE_PROJECTS,EDIT_ISSUES')).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false });
    expect(await perms(OUTSIDER, 'projectKey=INC&permissions=BROWSE_PROJECTS')).toEqual({ BROWSE_PROJECTS: false });
    expect((await t.call(AGENT, 'GET', '/rest/api/3/mypermissions?issueKey=INC-2&permissions=BROWSE_PROJECTS')).status).toBe(404);
    expect(await perms(APP, 'issueKey=INC-2&permissions=BROWSE_PROJECTS,ADMINISTER')).toEqual({ BROWSE_PROJECTS: true, ADMINISTER: true });
    expect((await t.call(AGENT, 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
  });

  it('answers 401 for an unknown user', async () => {
    const t = withProject();
    const res = await t.call({ kind: 'user', accountId: 'nobody' }, 'GET', '/rest/api/3/myself');
    expect(res.status).toBe(401);
  });
});
