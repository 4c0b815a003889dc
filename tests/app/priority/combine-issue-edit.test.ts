import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combineIssueEdit } from '../../../src/app/priority/combine-issue-edit';
import { startBackend, type TestBackend } from '../support/emulator-backend';

let t: TestBackend;
beforeEach(async () => {
  t = await startBackend();
});
afterEach(() => t.runtime.dispose());

const calls = () => t.calls.map((c) => `${c.method} ${c.path.split('?')[0] ?? ''}`);

describe('combineIssueEdit (through the emulator)', () => {
  it('sends the held edit with the first property write on the issue, then writes properties as usual', async () => {
    const a = t.jira.seed.createIssue({ project: 'INC', summary: 'a' });
    const b = t.jira.seed.createIssue({ project: 'INC', summary: 'b' });
    const combined = combineIssueEdit(t.backend.gateways.asApp, a.id, { fields: { priority: { name: 'High' } }, notifyUsers: false });
    await combined.gateway.setProperty(b.id, 'p', 1); // another issue: not combined
    await combined.gateway.setProperty(a.id, 'sla', { x: 1 });
    await combined.gateway.setProperty(a.id, 'more', 2);
    await combined.flush();
    expect(calls()).toEqual([`PUT /rest/api/3/issue/${b.id}/properties/p`, `PUT /rest/api/3/issue/${a.id}`, `PUT /rest/api/3/issue/${a.id}/properties/more`]);
    const issue = t.jira.store.issueByIdOrKey(a.key);
    expect(t.jira.store.priorities.get(issue?.priorityId ?? '')?.name).toBe('High');
    expect(issue?.properties.get('sla')).toEqual({ x: 1 });
    expect(issue?.properties.get('more')).toBe(2);
  });

  it('flush sends the edit alone when no property was written, and nothing when there was no edit', async () => {
    const a = t.jira.seed.createIssue({ project: 'INC', summary: 'a' });
    await combineIssueEdit(t.backend.gateways.asApp, a.id, null).flush();
    expect(calls()).toEqual([]);
    await combineIssueEdit(t.backend.gateways.asApp, a.id, { fields: { priority: { name: 'Low' } } }).flush();
    expect(calls()).toEqual([`PUT /rest/api/3/issue/${a.id}`]);
    expect(t.jira.store.priorities.get(t.jira.store.issueByIdOrKey(a.key)?.priorityId ?? '')?.name).toBe('Low');
  });
});
