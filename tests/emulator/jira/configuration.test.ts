import { describe, expect, it } from 'vitest';
import { ADMIN, AGENT, APP, OUTSIDER, REPORTER, withProject } from './helpers/site';

describe('issue types', () => {
  it('creates a type (409 on a duplicate name), lists it globally and per project', async () => {
    const t = withProject();
    const res = await t.call(APP, 'POST', '/rest/api/3/issuetype', { name: 'Incident', description: 'Service disruption', type: 'standard' });
    expect(res.status).toBe(201);
    const created = res.body as { id: string; name: string; subtask: boolean };
    expect(created).toMatchObject({ name: 'Incident', subtask: false });
    expect((await t.call(APP, 'POST', '/rest/api/3/issuetype', { name: 'incident' })).status).toBe(409);
    const all = ((await t.call(AGENT, 'GET', '/rest/api/3/issuetype')).body as { name: string }[]).map((x) => x.name);
    expect(all).toEqual(['Task', 'Bug', 'Incident']);
    const pid = t.site.store.projectByIdOrKey('INC')?.id ?? '';
    const perProject = (await t.call(AGENT, 'GET', `/rest/api/3/issuetype/project?projectId=${pid}`)).body as { name: string; scope: { project: { id: string } } }[];
    expect(perProject.map((x) => x.name)).toEqual(['Task', 'Bug', 'Incident']);
    expect((await t.call(OUTSIDER, 'GET', `/rest/api/3/issuetype/project?projectId=${pid}`)).status).toBe(404);
    expect((await t.call(APP, 'GET', `/rest/api/3/issuetype/${created.id}`)).status).toBe(200);
  });
});

describe('fields, custom fields and screens', () => {
  it('lists system fields and the manifest app field with its key and aliases', async () => {
    const t = withProject();
    const fields = (await t.call(AGENT, 'GET', '/rest/api/3/field')).body as { id: string; key: string; custom: boolean; clauseNames: string[] }[];
    expect(fields.find((f) => f.id === 'summary')?.custom).toBe(false);
    const app = fields.find((f) => f.id === 'customfield_10050');
    expect(app?.key).toBe('11111111-2222-4333-8444-555555555555__DEVELOPMENT__priority-matrix');
    expect(app?.clauseNames).toEqual(['cf[10050]', 'Priority matrix', 'matrixImpact', 'matrixScore']);
  });

  it('creates a custom field, puts it on the default screen, and then it can be set and searched', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const res = await t.call(APP, 'POST', '/rest/api/3/field', {
      name: 'Affected users',
      type: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
      searcherKey: 'com.atlassian.jira.plugin.system.customfieldtypes:exactnumber',
    });
    expect(res.status).toBe(201);
    const id = (res.body as { id: string }).id;
    const before = await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { [id]: 40 } });
    expect(before.status).toBe(400);
    const tabs = (await t.call(APP, 'GET', '/rest/api/3/screens/1/tabs')).body as { id: number }[];
    const add = await t.call(APP, 'POST', `/rest/api/3/screens/1/tabs/${String(tabs[0]?.id)}/fields`, { fieldId: id });
    expect(add.status).toBe(200);
    expect((await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { [id]: 'forty' } })).status).toBe(400);
    expect((await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { [id]: 40 } })).status).toBe(204);
    const found = await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: `cf[${id.slice('customfield_'.length)}] > 10`, fields: ['key'] });
    expect((found.body as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['INC-1']);
    const byName = await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: '"Affected users" = 40', fields: ['key'] });
    expect((byName.body as { issues: unknown[] }).issues).toHaveLength(1);
    const search = (await t.call(APP, 'GET', '/rest/api/3/field/search?type=custom&query=affected')).body as { values: { id: string }[] };
    expect(search.values.map((f) => f.id)).toEqual([id]);
  });

  it('refuses app field values for unknown fields and plain fields', async () => {
    const t = withProject();
    const { id } = t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const cf = t.site.seed.createCustomField({ name: 'Plain', type: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' });
    expect((await t.call(APP, 'POST', '/rest/api/3/app/field/value', { updates: [{ customField: 'customfield_1', issueIds: [Number(id)], value: 1 }] })).status).toBe(404);
    expect((await t.call(APP, 'POST', '/rest/api/3/app/field/value', { updates: [{ customField: cf.id, issueIds: [Number(id)], value: 'a' }] })).status).toBe(403);
    expect((await t.call(APP, 'POST', '/rest/api/3/app/field/value', { updates: [{ customField: 'customfield_10050', issueIds: [1], value: {} }] })).status).toBe(404);
  });
});

describe('workflow metadata', () => {
  it('lists statuses with categories and the transitions available from the current status', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const statuses = (await t.call(AGENT, 'GET', '/rest/api/3/status')).body as { name: string; statusCategory: { key: string } }[];
    expect(statuses.map((s) => [s.name, s.statusCategory.key])).toEqual([
      ['Open', 'new'],
      ['In Progress', 'indeterminate'],
      ['Waiting for customer', 'indeterminate'],
      ['Resolved', 'done'],
      ['Closed', 'done'],
    ]);
    const names = async () => ((await t.call(AGENT, 'GET', '/rest/api/3/issue/INC-1/transitions')).body as { transitions: { name: string; to: { name: string } }[] }).transitions.map((x) => `${x.name}->${x.to.name}`);
    expect(await names()).toEqual(['Start progress->In Progress', 'Wait for customer->Waiting for customer', 'Resolve->Resolved', 'Close->Closed']);
    t.site.seed.transition('INC-1', 'Closed');
    expect(await names()).toEqual(['Reopen->Open']);
    const cats = (await t.call(AGENT, 'GET', '/rest/api/3/statuscategory')).body as { key: string }[];
    expect(cats.map((c) => c.key)).toEqual(['new', 'indeterminate', 'done']);
  });

  it('lists priorities in both shapes', async () => {
    const t = withProject();
    const list = (await t.call(AGENT, 'GET', '/rest/api/3/priority')).body as { name: string }[];
    expect(list.map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    const page = (await t.call(AGENT, 'GET', '/rest/api/3/priority/search?maxResults=2')).body as { values: { name: string }[]; isLast: boolean; total: number };
    expect(page.values.map((p) => p.name)).toEqual(['Highest', 'High']);
    expect(page.isLast).toBe(false);
    expect(page.total).toBe(5);
    const def = (await t.call(AGENT, 'GET', '/rest/api/3/priority/search?onlyDefault=true')).body as { values: { name: string }[] };
    expect(def.values.map((p) => p.name)).toEqual(['Medium']);
  });
});

describe('users, groups, projects', () => {
  it('answers myself for users and the app', async () => {
    const t = withProject();
    expect(((await t.call(AGENT, 'GET', '/rest/api/3/myself')).body as { displayName: string }).displayName).toBe('Bob Agent');
    expect(((await t.call(APP, 'GET', '/rest/api/3/myself')).body as { accountType: string }).accountType).toBe('app');
  });

  it('finds users, their groups and group members', async () => {
    const t = withProject();
    t.site.seed.createUser({ accountId: 'user-jp', displayName: '佐藤 花子', emailAddress: 'hanako@example.jp', groups: ['incident-agents'], timeZone: 'Asia/Tokyo', locale: 'ja_JP' });
    expect(((await t.call(AGENT, 'GET', '/rest/api/3/user/search?query=bob')).body as { accountId: string }[]).map((u) => u.accountId)).toEqual(['user-agent']);
    expect(((await t.call(AGENT, 'GET', '/rest/api/3/user/search?query=佐藤')).body as { accountId: string }[]).map((u) => u.accountId)).toEqual(['user-jp']);
    expect(((await t.call(AGENT, 'GET', '/rest/api/3/user?accountId=user-jp')).body as { timeZone: string }).timeZone).toBe('Asia/Tokyo');
    expect((await t.call(AGENT, 'GET', '/rest/api/3/user?accountId=ghost')).status).toBe(404);
    expect(((await t.call(AGENT, 'GET', '/rest/api/3/user/groups?accountId=user-jp')).body as { name: string }[]).map((g) => g.name)).toEqual(['incident-agents']);
    const members = (await t.call(AGENT, 'GET', '/rest/api/3/group/member?groupname=incident-agents')).body as { values: { accountId: string }[]; total: number };
    expect(members.values.map((u) => u.accountId)).toEqual(['user-agent', 'user-jp']);
    const picker = (await t.call(AGENT, 'GET', '/rest/api/3/groups/picker?query=jira')).body as { groups: { name: string }[]; total: number };
    expect(picker.groups.map((g) => g.name)).toEqual(['jira-administrators', 'jira-users']);
    expect((await t.call(OUTSIDER, 'GET', '/rest/api/3/group/member?groupname=jira-users')).status).toBe(403);
    // The new agent can now be assigned (Developers role via the incident-agents group).
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    expect((await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1/assignee', { accountId: 'user-jp' })).status).toBe(204);
  });

  it('creates projects (admin), lists and searches them, shows roles', async () => {
    const t = withProject();
    const res = await t.call(ADMIN, 'POST', '/rest/api/3/project', { key: 'PRB', name: 'Problems', projectTypeKey: 'service_desk', leadAccountId: 'user-admin' });
    expect(res.status).toBe(201);
    expect((await t.call(ADMIN, 'POST', '/rest/api/3/project', { key: 'PRB', name: 'Other' })).status).toBe(400);
    expect((await t.call(AGENT, 'POST', '/rest/api/3/project', { key: 'XX', name: 'X' })).status).toBe(403);
    expect(((await t.call(REPORTER, 'GET', '/rest/api/3/project')).body as { key: string }[]).map((p) => p.key)).toEqual(['INC', 'PRB']);
    const page = (await t.call(REPORTER, 'GET', '/rest/api/3/project/search?query=prob')).body as { values: { key: string }[] };
    expect(page.values.map((p) => p.key)).toEqual(['PRB']);
    const roles = (await t.call(AGENT, 'GET', '/rest/api/3/project/INC/role')).body as Record<string, string>;
    expect(Object.keys(roles)).toEqual(['Users', 'Developers', 'Administrators']);
    const dev = (await t.call(AGENT, 'GET', '/rest/api/3/project/INC/role/10001')).body as { actors: { name?: string }[] };
    expect(dev.actors.map((a) => a.name)).toEqual(['incident-agents']);
  });
});

describe('notify', () => {
  it('records notifications with resolved recipients the issue is visible to', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x', reporter: 'user-reporter', assignee: 'user-agent' });
    const res = await t.call(APP, 'POST', '/rest/api/3/issue/INC-1/notify', {
      subject: 'SLA breached',
      textBody: 'INC-1 breached its response SLA',
      to: { reporter: true, assignee: true, users: [{ accountId: 'user-outsider' }], groups: [{ name: 'jira-administrators' }] },
    });
    expect(res.status).toBe(204);
    expect(t.site.notifications()).toEqual([
      {
        issueId: t.site.store.issueByIdOrKey('INC-1')?.id,
        issueKey: 'INC-1',
        by: 'app-incident-desk',
        at: t.clock.now(),
        subject: 'SLA breached',
        textBody: 'INC-1 breached its response SLA',
        htmlBody: null,
        to: { reporter: true, assignee: true, users: [{ accountId: 'user-outsider' }], groups: [{ name: 'jira-administrators' }] },
        recipients: ['user-reporter', 'user-agent', 'user-admin'],
      },
    ]);
  });
});
