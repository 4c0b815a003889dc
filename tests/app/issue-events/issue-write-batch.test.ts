import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchIssueWrites } from '../../../src/app/issue-events/issue-write-batch';
import { startBackend, type TestBackend } from '../support/emulator-backend';

let t: TestBackend;
beforeEach(async () => {
  t = await startBackend();
});
afterEach(() => t.runtime.dispose());

const calls = () => t.calls.map((c) => `${c.method} ${c.path.split('?')[0] ?? ''}`);
const priorityName = (key: string) => t.jira.store.priorities.get(t.jira.store.issueByIdOrKey(key)?.priorityId ?? '')?.name;

describe('batchIssueWrites (through the emulator)', () => {
  it('sends the held edit, property writes and a label edit on the issue as ONE PUT; other issues pass straight through', async () => {
    const a = t.jira.seed.createIssue({ project: 'INC', summary: 'a' });
    const b = t.jira.seed.createIssue({ project: 'INC', summary: 'b' });
    const batch = batchIssueWrites(t.backend.gateways.asApp, a.id, { fields: { priority: { name: 'High' } } });
    await batch.gateway.setProperty(b.id, 'p', 1);
    await batch.gateway.setProperty(a.id, 'sla', { x: 1 });
    await batch.gateway.setProperty(a.id, 'number', 'INC-20261123-001');
    await batch.gateway.editIssue(a.id, { update: { labels: [{ add: 'recurring' }] } });
    expect(calls()).toEqual([`PUT /rest/api/3/issue/${b.id}/properties/p`]);
    await batch.flush();
    expect(calls()).toEqual([`PUT /rest/api/3/issue/${b.id}/properties/p`, `PUT /rest/api/3/issue/${a.id}`]);
    const issue = t.jira.store.issueByIdOrKey(a.key);
    expect(priorityName(a.key)).toBe('High');
    expect(issue?.properties.get('sla')).toEqual({ x: 1 });
    expect(issue?.properties.get('number')).toBe('INC-20261123-001');
    expect(issue?.labels).toContain('recurring');
    await batch.flush();
    expect(calls()).toHaveLength(2);
  });

  it('a lone property uses its own endpoint; nothing collected sends nothing; the last write of a property wins', async () => {
    const a = t.jira.seed.createIssue({ project: 'INC', summary: 'a' });
    await batchIssueWrites(t.backend.gateways.asApp, a.id).flush();
    expect(calls()).toEqual([]);
    const batch = batchIssueWrites(t.backend.gateways.asApp, a.id);
    await batch.gateway.setProperty(a.id, 'p', 1);
    await batch.gateway.setProperty(a.id, 'p', 2);
    await batch.flush();
    expect(calls()).toEqual([`PUT /rest/api/3/issue/${a.id}/properties/p`]);
    expect(t.jira.store.issueByIdOrKey(a.key)?.properties.get('p')).toBe(2);
  });

  it('two edits setting one field to different values go out in order, so the later value wins', async () => {
    const a = t.jira.seed.createIssue({ project: 'INC', summary: 'a' });
    const batch = batchIssueWrites(t.backend.gateways.asApp, a.id, { fields: { priority: { name: 'Low' } } });
    await batch.gateway.editIssue(a.id, { fields: { priority: { name: 'Highest' } } });
    await batch.flush();
    expect(calls()).toEqual([`PUT /rest/api/3/issue/${a.id}`, `PUT /rest/api/3/issue/${a.id}`]);
    expect(priorityName(a.key)).toBe('Highest');
  });

  it('a failing PUT writes none of the collected writes (the next event redoes them all)', async () => {
    const a = t.jira.seed.createIssue({ project: 'INC', summary: 'a' });
    const batch = batchIssueWrites(t.backend.gateways.asApp, a.id, { fields: { priority: { name: 'High' } } });
    await batch.gateway.setProperty(a.id, 'sla', { x: 1 });
    t.runtime.faults.add({ path: `/rest/api/3/issue/${a.id}`, method: 'PUT', target: 'jira', effect: { kind: 'serverError', status: 503 }, times: 50 });
    await expect(batch.flush()).rejects.toThrow();
    expect(t.jira.store.issueByIdOrKey(a.key)?.properties.get('sla')).toBeUndefined();
    expect(priorityName(a.key)).not.toBe('High');
  });
});
