import { describe, expect, it } from 'vitest';
import { AGENT, APP, withProject, type TestSite } from './helpers/site';

const SELECT = 'com.atlassian.jira.plugin.system.customfieldtypes:select';

async function selectField(t: TestSite, name = 'Impact'): Promise<string> {
  const res = await t.call(APP, 'POST', '/rest/api/3/field', { name, type: SELECT, searcherKey: 'com.atlassian.jira.plugin.system.customfieldtypes:multiselectsearcher' });
  const id = (res.body as { id: string }).id;
  await t.call(APP, 'POST', `/rest/api/3/screens/1/tabs/10000/fields`, { fieldId: id });
  return id;
}

type Page<T> = { values: T[]; isLast: boolean; total: number; startAt: number };
type Ctx = { id: string; name: string; isGlobalContext: boolean; isAnyIssueType: boolean };
type Opt = { id: string; value: string; disabled: boolean };

describe('custom field contexts', () => {
  it('a new field has a global default context; a project context can be added once per project', async () => {
    const t = withProject();
    const id = await selectField(t);
    const list = (await t.call(APP, 'GET', `/rest/api/3/field/${id}/context`)).body as Page<Ctx>;
    expect(list.values).toEqual([expect.objectContaining({ name: 'Default Configuration Scheme for Impact', isGlobalContext: true, isAnyIssueType: true })]);
    const pid = t.site.store.projectByIdOrKey('INC')?.id ?? '';
    const created = await t.call(APP, 'POST', `/rest/api/3/field/${id}/context`, { name: 'INC impact', projectIds: [pid], issueTypeIds: [] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'INC impact', projectIds: [pid], issueTypeIds: [] });
    expect((await t.call(APP, 'POST', `/rest/api/3/field/${id}/context`, { name: 'again', projectIds: [pid] })).status).toBe(400);
    expect((await t.call(APP, 'POST', `/rest/api/3/field/${id}/context`, { name: 'second global' })).status).toBe(400);
    const globals = (await t.call(APP, 'GET', `/rest/api/3/field/${id}/context?isGlobalContext=true`)).body as Page<Ctx>;
    expect(globals.values.map((c) => c.isGlobalContext)).toEqual([true]);
  });

  it('needs Administer Jira; unknown fields and app fields have no contexts', async () => {
    const t = withProject();
    const id = await selectField(t);
    expect((await t.call(AGENT, 'GET', `/rest/api/3/field/${id}/context`)).status).toBe(403);
    expect((await t.call(APP, 'GET', `/rest/api/3/field/customfield_99999/context`)).status).toBe(404);
    expect((await t.call(APP, 'GET', `/rest/api/3/field/customfield_10050/context`)).status).toBe(404);
  });
});

describe('custom field context options', () => {
  it('creates, pages, updates and disables options; duplicates are refused as a whole', async () => {
    const t = withProject();
    const id = await selectField(t);
    const ctx = ((await t.call(APP, 'GET', `/rest/api/3/field/${id}/context`)).body as Page<Ctx>).values[0]?.id ?? '';
    const values = Array.from({ length: 120 }, (_, i) => `Option ${String(i + 1)}`);
    const created = await t.call(APP, 'POST', `/rest/api/3/field/${id}/context/${ctx}/option`, { options: values.map((value) => ({ value, disabled: false })) });
    expect(created.status).toBe(200);
    expect((created.body as { options: Opt[] }).options).toHaveLength(120);
    const dup = await t.call(APP, 'POST', `/rest/api/3/field/${id}/context/${ctx}/option`, { options: [{ value: 'New' }, { value: 'option 3' }] });
    expect(dup.status).toBe(400);

    const first = (await t.call(APP, 'GET', `/rest/api/3/field/${id}/context/${ctx}/option`)).body as Page<Opt>;
    expect(first).toMatchObject({ startAt: 0, total: 120, isLast: false });
    expect(first.values).toHaveLength(100);
    const second = (await t.call(APP, 'GET', `/rest/api/3/field/${id}/context/${ctx}/option?startAt=100`)).body as Page<Opt>;
    expect(second).toMatchObject({ startAt: 100, isLast: true });
    expect([...first.values, ...second.values].map((o) => o.value)).toEqual(values);
    expect(second.values.some((o) => o.value === 'New')).toBe(false);

    const target = first.values[0]?.id ?? '';
    const upd = await t.call(APP, 'PUT', `/rest/api/3/field/${id}/context/${ctx}/option`, { options: [{ id: target, value: 'Renamed', disabled: true }] });
    expect(upd.status).toBe(200);
    expect(upd.body).toEqual({ options: [{ id: target, value: 'Renamed', disabled: true }] });
    expect((await t.call(APP, 'PUT', `/rest/api/3/field/${id}/context/${ctx}/option`, { options: [{ id: '1' }] })).status).toBe(404);
    expect((await t.call(APP, 'GET', `/rest/api/3/field/${id}/context/${ctx}/option?optionId=${target}`)).body).toMatchObject({ values: [{ id: target, value: 'Renamed', disabled: true }] });
  });

  it('issues take an enabled option of the applicable context by id or value and store {self, value, id}', async () => {
    const t = withProject();
    const id = await selectField(t);
    const pid = t.site.store.projectByIdOrKey('INC')?.id ?? '';
    const ctx = ((await t.call(APP, 'GET', `/rest/api/3/field/${id}/context`)).body as Page<Ctx>).values[0]?.id ?? '';
    const global = (await t.call(APP, 'POST', `/rest/api/3/field/${id}/context/${ctx}/option`, { options: [{ value: 'High' }, { value: 'Low' }] })).body as { options: Opt[] };
    const high = global.options[0]?.id ?? '';
    const { key } = t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    expect((await t.call(AGENT, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [id]: { id: high } } })).status).toBe(204);
    const got = (await t.call(AGENT, 'GET', `/rest/api/3/issue/${key}?fields=${id}`)).body as { fields: Record<string, unknown> };
    expect(got.fields[id]).toMatchObject({ value: 'High', id: high });
    expect((got.fields[id] as { self: string }).self).toMatch(new RegExp(`/customFieldOption/${high}$`));
    expect((await t.call(AGENT, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [id]: { value: 'Low' } } })).status).toBe(204);
    const bad = await t.call(AGENT, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [id]: { value: 'Medium' } } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: { [id]: "Option value 'Medium' is not valid" } });
    const found = await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql: 'Impact = Low', fields: ['key'] });
    expect((found.body as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual([key]);

    // A project context replaces the global one's options for that project.
    const own = (await t.call(APP, 'POST', `/rest/api/3/field/${id}/context`, { name: 'INC', projectIds: [pid] })).body as { id: string };
    await t.call(APP, 'POST', `/rest/api/3/field/${id}/context/${own.id}/option`, { options: [{ value: 'Medium' }] });
    expect((await t.call(AGENT, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [id]: { value: 'Medium' } } })).status).toBe(204);
    expect((await t.call(AGENT, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [id]: { id: high } } })).status).toBe(400);
  });
});

describe('issue type schemes', () => {
  it('every project starts on the default scheme, which cannot be changed', async () => {
    const t = withProject();
    const pid = t.site.store.projectByIdOrKey('INC')?.id ?? '';
    const page = (await t.call(APP, 'GET', `/rest/api/3/issuetypescheme/project?projectId=${pid}`)).body as Page<{ issueTypeScheme: { id: string; isDefault: boolean }; projectIds: string[] }>;
    expect(page.values).toMatchObject([{ issueTypeScheme: { id: '10000', isDefault: true }, projectIds: [pid] }]);
    expect(page.values).toHaveLength(1);
    expect((await t.call(APP, 'PUT', '/rest/api/3/issuetypescheme/10000/issuetype', { issueTypeIds: ['10001'] })).status).toBe(400);
    expect((await t.call(AGENT, 'GET', `/rest/api/3/issuetypescheme/project?projectId=${pid}`)).status).toBe(403);
  });

  it('a project on its own scheme gains a new type only when it is added to the scheme', async () => {
    const t = withProject();
    const pid = t.site.store.projectByIdOrKey('INC')?.id ?? '';
    const own = t.site.seed.createIssueTypeScheme({ name: 'INC: Issue Type Scheme', projects: ['INC'], issueTypes: ['Task'] });
    const incident = (await t.call(APP, 'POST', '/rest/api/3/issuetype', { name: 'Incident' })).body as { id: string };
    const types = async () => ((await t.call(APP, 'GET', `/rest/api/3/issuetype/project?projectId=${pid}`)).body as { name: string }[]).map((x) => x.name);
    expect(await types()).toEqual(['Task']);
    const page = (await t.call(APP, 'GET', `/rest/api/3/issuetypescheme/project?projectId=${pid}`)).body as Page<{ issueTypeScheme: { id: string } }>;
    expect(page.values[0]?.issueTypeScheme.id).toBe(own.id);
    expect((await t.call(APP, 'PUT', `/rest/api/3/issuetypescheme/${own.id}/issuetype`, { issueTypeIds: [incident.id] })).status).toBe(204);
    expect(await types()).toEqual(['Task', 'Incident']);
    expect((await t.call(APP, 'PUT', `/rest/api/3/issuetypescheme/${own.id}/issuetype`, { issueTypeIds: [incident.id] })).status).toBe(400);
    expect((await t.call(APP, 'PUT', '/rest/api/3/issuetypescheme/999/issuetype', { issueTypeIds: [incident.id] })).status).toBe(404);
  });
});
