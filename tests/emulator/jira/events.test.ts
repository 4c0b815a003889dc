import { describe, expect, it } from 'vitest';
import { adfParagraph } from '../../../emulator/jira/index';
import { ADMIN, AGENT, APP, REPORTER, withProject } from './helpers/site';

describe('product events', () => {
  it('emits avi:jira:created:issue with the documented payload', async () => {
    const t = withProject();
    await t.call(REPORTER, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary: 'Mail is down' } });
    expect(t.events).toHaveLength(1);
    const e = t.events[0] as unknown as Record<string, unknown> & { issue: { id: string; key: string; fields: Record<string, unknown> } };
    expect(e.eventType).toBe('avi:jira:created:issue');
    expect(e.atlassianId).toBe('user-reporter');
    expect(e.associatedUsers).toEqual([{ accountId: 'user-reporter' }]);
    expect(e.issue.key).toBe('INC-1');
    expect(e.issue.fields.summary).toBe('Mail is down');
    expect(e.issue.fields.creator).toEqual({ accountId: 'user-reporter' });
    expect(e.issue.fields.reporter).toEqual({ accountId: 'user-reporter' });
    expect(e.issue.fields.assignee).toBeNull();
    expect((e.issue.fields.project as { key: string }).key).toBe('INC');
    expect((e.issue.fields.issuetype as { name: string }).name).toBe('Task');
    expect((e.issue.fields.status as { name: string }).name).toBe('Open');
    expect(e.issue.fields.created).toBe('2026-03-02T09:00:00.000+0000');
    expect(e).not.toHaveProperty('changelog');
  });

  it('emits avi:jira:updated:issue with the changelog items of a transition, after the change', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    t.events.length = 0;
    await t.call(AGENT, 'POST', '/rest/api/3/issue/INC-1/transitions', { transition: { id: '41' } });
    expect(t.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue']);
    const e = t.events[0] as unknown as Record<string, unknown> & { issue: { fields: { status: { name: string } } }; changelog: { id: string; items: unknown[] } };
    expect(e.atlassianId).toBe('user-agent');
    expect(e.issue.fields.status.name).toBe('Resolved');
    expect(e.changelog.items).toEqual([
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: 'Open', to: '5', toString: 'Resolved' },
    ]);
    expect(e.changelog.id).toBe(t.site.store.issueByIdOrKey('INC-1')?.changelog[0]?.id);
  });

  it('emits updated and assigned on an assignee change, nothing for a no-op edit', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    t.events.length = 0;
    await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1', { fields: { summary: 'x' } });
    expect(t.events).toEqual([]);
    await t.call(ADMIN, 'PUT', '/rest/api/3/issue/INC-1/assignee', { accountId: 'user-agent' });
    expect(t.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:assigned:issue']);
    expect(t.events[0]?.associatedUsers).toEqual([{ accountId: 'user-admin' }, { accountId: 'user-agent' }]);
  });

  it('marks app-made changes with the app account (so ignoreSelf can skip them)', async () => {
    const t = withProject();
    const { id } = t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    t.events.length = 0;
    await t.call(APP, 'POST', '/rest/api/3/app/field/value', { updates: [{ customField: 'customfield_10050', issueIds: [Number(id)], value: { score: 1 } }] });
    expect(t.events).toHaveLength(1);
    expect(t.events[0]?.atlassianId).toBe('app-incident-desk');
  });

  it('emits avi:jira:commented:issue with the comment', async () => {
    const t = withProject();
    t.site.seed.createIssue({ project: 'INC', summary: 'x' });
    t.events.length = 0;
    await t.call(REPORTER, 'POST', '/rest/api/3/issue/INC-1/comment', { body: adfParagraph('any news?') });
    const e = t.events[0] as unknown as Record<string, unknown> & { comment: Record<string, unknown>; issue: { key: string } };
    expect(e.eventType).toBe('avi:jira:commented:issue');
    expect(e.issue.key).toBe('INC-1');
    expect(e.comment.body).toEqual(adfParagraph('any news?'));
    expect(e.comment.author).toEqual({ accountId: 'user-reporter' });
  });

  it('emits issue link created/deleted with source, destination and type', async () => {
    const t = withProject();
    const a = t.site.seed.createIssue({ project: 'INC', summary: 'problem' });
    const b = t.site.seed.createIssue({ project: 'INC', summary: 'incident' });
    t.events.length = 0;
    await t.call(AGENT, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: a.key }, outwardIssue: { key: b.key } });
    const linkId = [...(t.site.store.issueByIdOrKey(a.key)?.linkIds ?? [])][0] ?? '';
    expect(t.events).toEqual([
      {
        eventType: 'avi:jira:created:issuelink',
        id: linkId,
        sourceIssueId: a.id,
        destinationIssueId: b.id,
        issueLinkType: { id: '10000', name: 'Blocks', inwardName: 'is blocked by', outwardName: 'blocks', isSubTaskLinkType: false, isSystemLinkType: false },
        atlassianId: 'user-agent',
      },
    ]);
    await t.call(AGENT, 'DELETE', `/rest/api/3/issueLink/${linkId}`);
    expect(t.events[1]?.eventType).toBe('avi:jira:deleted:issuelink');
  });

  it('stops delivering after unsubscribe and survives a throwing listener', () => {
    const t = withProject();
    const seen: string[] = [];
    t.site.onEvent(() => {
      throw new Error('boom');
    });
    const off = t.site.onEvent((e) => seen.push(e.eventType));
    const err = console.error;
    console.error = () => undefined;
    try {
      t.site.seed.createIssue({ project: 'INC', summary: 'x' });
      off();
      t.site.seed.createIssue({ project: 'INC', summary: 'y' });
    } finally {
      console.error = err;
    }
    expect(seen).toEqual(['avi:jira:created:issue']);
    expect(t.site.store.issuesByKey.size).toBe(2);
  });
});
