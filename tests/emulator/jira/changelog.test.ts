import { describe, expect, it } from 'vitest';
import { ADMIN, AGENT, APP, withProject } from './helpers/site';

interface Item {
  field: string;
  fromString: string | null;
  toString: string | null;
}
interface History {
  id: string;
  author: { accountId: string };
  created: string;
  items: Item[];
}

async function histories(t: ReturnType<typeof withProject>, key = 'INC-1'): Promise<History[]> {
  const res = await t.call(APP, 'GET', `/rest/api/3/issue/${key}/changelog`);
  expect(res.status).toBe(200);
  return (res.body as { values: History[] }).values;
}

describe('changelog: items exactly as Jira writes them', () => {
  it('writes nothing on create, one history per edit with every changed field', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'Old', labels: ['b'], priority: 'Medium' });
    expect(await histories(t)).toEqual([]);
    t.clock.advanceMinutes(10);
    await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { summary: 'New', priority: { id: '2' }, labels: ['b', 'a'] } });
    const [h] = await histories(t);
    expect(h?.author.accountId).toBe('user-agent');
    expect(h?.created).toBe('2026-03-02T09:10:00.000+0000');
    expect(h?.items).toEqual([
      { field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: 'Old', to: null, toString: 'New' },
      { field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: '3', fromString: 'Medium', to: '2', toString: 'High' },
      { field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: 'b', to: null, toString: 'a b' },
    ]);
  });

  it('writes no history for an edit that changes nothing', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'Same' });
    await t.call(AGENT, 'PUT', '/rest/api/3/issue/INC-1', { fields: { summary: 'Same' } });
    expect(await histories(t)).toEqual([]);
  });

  it('records assignee with account ids and display names', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1/assignee', { accountId: 'user-agent' });
    await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1/assignee', { accountId: null });
    const items = (await histories(t)).map((h) => h.items[0]);
    expect(items).toEqual([
      { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: null, fromString: null, to: 'user-agent', toString: 'Bob Agent' },
      { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: 'user-agent', fromString: 'Bob Agent', to: null, toString: null },
    ]);
  });

  it('records resolution then status on resolve, and clears the resolution on reopen', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    await t.call(AGENT, 'POST', '/rest/api/3/issue/INC-1/transitions', { transition: { id: '11' } });
    t.clock.advanceMinutes(30);
    await t.call(AGENT, 'POST', '/rest/api/3/issue/INC-1/transitions', { transition: { id: '41' } });
    await t.call(AGENT, 'POST', '/rest/api/3/issue/INC-1/transitions', { transition: { id: '61' } });
    const all = await histories(t);
    expect(all.map((h) => h.items)).toEqual([
      [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: 'Open', to: '3', toString: 'In Progress' }],
      [
        { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
        { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '3', fromString: 'In Progress', to: '5', toString: 'Resolved' },
      ],
      [
        { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: '10000', fromString: 'Done', to: null, toString: null },
        { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '5', fromString: 'Resolved', to: '1', toString: 'Open' },
      ],
    ]);
    const f = ((await t.call(APP, 'GET', '/rest/api/3/issue/INC-1?fields=resolution,resolutiondate,statuscategorychangedate')).body as { fields: Record<string, unknown> }).fields;
    expect(f.resolution).toBeNull();
    expect(f.resolutiondate).toBeNull();
    expect(f.statuscategorychangedate).toBe('2026-03-02T09:30:00.000+0000');
  });

  it('records security level and custom fields (plain and app-owned)', async () => {
    const t = withProject();
    const levels = t.site.seed.createSecurityScheme({ name: 'Incident security', projects: ['INC'], levels: [{ name: 'Security team', groups: ['jira-administrators'] }] });
    const cf = t.site.seed.createCustomField({ name: 'Customer count', type: 'com.atlassian.jira.plugin.system.customfieldtypes:float', searcherKey: 'com.atlassian.jira.plugin.system.customfieldtypes:exactnumber' });
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1', { fields: { security: { id: levels['Security team'] }, [cf.id]: 12 } });
    const res = await t.call(APP, 'POST', '/rest/api/3/app/field/value', { updates: [{ customField: 'customfield_10050', issueIds: [Number(t.site.store.issueByIdOrKey('INC-1')?.id)], value: { impact: 'high', score: 4 } }] });
    expect(res.status).toBe(204);
    const all = await histories(t);
    expect(all[0]?.items).toEqual([
      { field: 'security', fieldtype: 'jira', fieldId: 'security', from: null, fromString: null, to: levels['Security team'], toString: 'Security team' },
      { field: 'Customer count', fieldtype: 'custom', fieldId: cf.id, from: null, fromString: null, to: null, toString: '12' },
    ]);
    expect(all[1]?.author.accountId).toBe('app-incident-desk');
    expect(all[1]?.items).toEqual([
      { field: 'Priority matrix', fieldtype: 'custom', fieldId: 'customfield_10050', from: null, fromString: null, to: null, toString: '{"impact":"high","score":4}' },
    ]);
  });

  it('skips the history when generateChangelog=false', async () => {
    const t = withProject();
    const { id } = t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    await t.call(APP, 'PUT', '/rest/api/3/app/field/customfield_10050/value?generateChangelog=false', { updates: [{ issueIds: [Number(id)], value: { impact: 'low' } }] });
    expect(await histories(t)).toEqual([]);
    expect(t.site.store.issueByIdOrKey('INC-1')?.custom.get('customfield_10050')).toEqual({ impact: 'low' });
  });

  it('pages the changelog oldest first with startAt/maxResults, and expand=changelog returns the histories', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 's0' });
    for (let n = 1; n <= 5; n++) t.site.seed.edit('INC-1', { summary: `s${String(n)}` });
    const page = await t.call(APP, 'GET', '/rest/api/3/issue/INC-1/changelog?startAt=2&maxResults=2');
    const body = page.body as { startAt: number; maxResults: number; total: number; isLast: boolean; values: History[] };
    expect(body.total).toBe(5);
    expect(body.isLast).toBe(false);
    expect(body.values.map((h) => h.items[0]?.toString)).toEqual(['s3', 's4']);
    const last = (await t.call(APP, 'GET', '/rest/api/3/issue/INC-1/changelog?startAt=4&maxResults=2')).body as { isLast: boolean; values: History[] };
    expect(last.isLast).toBe(true);
    expect(last.values).toHaveLength(1);
    const expanded = (await t.call(APP, 'GET', '/rest/api/3/issue/INC-1?expand=changelog&fields=summary')).body as { changelog: { total: number; histories: History[] } };
    expect(expanded.changelog.total).toBe(5);
    expect(expanded.changelog.histories.map((h) => h.items[0]?.fromString)).toEqual(['s0', 's1', 's2', 's3', 's4']);
  });

  it('records a link in both issues under "Link"', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'a' });
    t.site.seed.createIssue({ project: 'INC', summary: 'b' });
    await t.call(AGENT, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: 'INC-1' }, outwardIssue: { key: 'INC-2' } });
    expect((await histories(t, 'INC-1'))[0]?.items).toEqual([{ field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'INC-2', toString: 'This issue blocks INC-2' }]);
    expect((await histories(t, 'INC-2'))[0]?.items).toEqual([{ field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'INC-1', toString: 'This issue is blocked by INC-1' }]);
  });
});
