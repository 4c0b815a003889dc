import { describe, expect, it } from 'vitest';
import { AGENT, APP, REPORTER, withProject } from './helpers/site';

describe('PUT /issue with IssueUpdateDetails.properties', () => {
  it('sets the properties with the edit: one history entry for the fields, none for the properties', async () => {
    const t = withProject();
    const { key } = t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    const res = await t.call(APP, 'PUT', `/rest/api/3/issue/${key}`, { fields: { priority: { name: 'High' } }, properties: [{ key: 'incident-desk-sla', value: { breached: 'false' } }] });
    expect(res.status).toBe(204);
    const issue = t.site.store.issueByIdOrKey(key);
    expect(issue?.properties.get('incident-desk-sla')).toEqual({ breached: 'false' });
    expect(issue?.changelog.map((e) => e.items.map((i) => i.field))).toEqual([['priority']]);
    expect(t.events.filter((e) => e.eventType === 'avi:jira:updated:issue')).toHaveLength(1);
    // A property alone changes no field: no history, no event.
    await t.call(APP, 'PUT', `/rest/api/3/issue/${key}`, { properties: [{ key: 'other', value: 1 }] });
    expect(issue?.properties.get('other')).toBe(1);
    expect(issue?.changelog).toHaveLength(1);
    expect(t.events.filter((e) => e.eventType === 'avi:jira:updated:issue')).toHaveLength(1);
  });

  it('refuses a bad key and, without Edit Issues, the whole request', async () => {
    const t = withProject();
    const { key } = t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    expect((await t.call(AGENT, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'y' }, properties: [{ key: '', value: 1 }] })).status).toBe(400);
    expect(t.site.store.issueByIdOrKey(key)?.summary).toBe('x');
    expect((await t.call(REPORTER, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'y' }, properties: [{ key: 'p', value: 1 }] })).status).toBe(400);
    expect(t.site.store.issueByIdOrKey(key)?.properties.has('p')).toBe(false);
  });
});
