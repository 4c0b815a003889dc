import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config';
import { runSetup } from '../../../src/app/setup/run-setup';
import { setupService } from '../../../src/forge/wiring';
import { startBackend, writeCalls, type TestBackend } from '../support/emulator-backend';

let t: TestBackend;

beforeEach(async () => {
  t = await startBackend();
});
afterEach(() => t.runtime.dispose());

const URGENCY_IDS = ['core-business-stopped', 'work-impaired', 'workaround-exists'];

describe('project setup through the emulator', () => {
  it('creates the issue types, fields, link type and catalog, and a second run makes no write call', async () => {
    const service = setupService(t.backend);
    const first = await service.run({ projectKey: 'INC', accountId: 'user-admin' });
    const byId = new Map(first.items.map((i) => [i.id, i]));
    expect(byId.get('issue-type:incident')?.state).toBe('created');
    expect(byId.get('issue-type:incidentTask')?.state).toBe('created');
    expect(byId.get('field:impact')?.state).toBe('created');
    expect(byId.get('field:rootCause')?.state).toBe('created');
    expect(byId.get('link-type')?.state).toBe('created');
    expect(byId.get('field:priority-matrix')?.state).toBe('existing');
    expect(byId.get('screen:impact')?.state).toBe('created');

    const store = t.jira.store;
    const incident = store.issueTypeByName('Incident');
    expect(incident?.subtask).toBe(false);
    expect(store.issueTypeByName('Incident task')?.subtask).toBe(true);
    expect(first.catalog.issueTypes.incident).toBe(incident?.id);
    const impactField = store.customFields.get(first.catalog.fields.impact ?? '');
    expect(impactField?.name).toBe('Impact');
    expect(impactField?.customType).toBe('com.atlassian.jira.plugin.system.customfieldtypes:select');
    expect(store.customFields.get(first.catalog.fields.priorityMatrix ?? '')?.appOwned).toBe(true);
    expect([...store.linkTypes.values()].find((l) => l.name === 'Problem/Incident')).toMatchObject({ inward: 'is caused by', outward: 'causes' });
    expect(store.screens.get(1)?.tabs[0]?.fieldIds).toContain(first.catalog.fields.occurredAt);
    expect(first.catalog.appAccountId).toBe('app-incident-desk');
    expect(first.catalog.statuses.length).toBeGreaterThan(2);
    expect(first.catalog.statuses.every((s) => s.category !== null)).toBe(true);

    const writesBefore = writeCalls(t.calls).length;
    expect(writesBefore).toBeGreaterThan(10);
    const second = await service.run({ projectKey: 'INC', accountId: 'user-admin' });
    expect(writeCalls(t.calls).length).toBe(writesBefore);
    expect(second.items.filter((i) => i.state === 'created')).toEqual([]);
    // Same ids, nothing duplicated.
    expect(second.catalog.fields).toEqual(first.catalog.fields);
    expect(second.catalog.issueTypes).toEqual(first.catalog.issueTypes);
    expect([...store.customFields.values()].filter((f) => f.name === 'Impact')).toHaveLength(1);
    expect(await service.status({ projectKey: 'INC' })).toEqual(second);
    expect(await t.backend.setup.listProjects()).toEqual(['INC']);
  });

  it('records a failure mid-way and resumes on the next run without redoing what exists', async () => {
    // The first field creation fails on every attempt (1 + 4 retries), then Jira recovers.
    t.runtime.faults.add({ path: '/rest/api/3/field', method: 'POST', target: 'jira', effect: { kind: 'serverError', status: 503 }, times: 5 });
    const service = setupService(t.backend);
    const first = await service.run({ projectKey: 'INC', accountId: null });
    expect(first.state).toBe('partial');
    const failed = first.items.filter((i) => i.state === 'failed').map((i) => i.id);
    expect(failed).toContain('field:impact');
    // Its options and screen placement depend on it and say so.
    expect(failed).toContain('screen:impact');
    expect(first.items.find((i) => i.id === 'screen:impact')?.error?.en).toMatch(/field:impact failed/);
    expect(first.items.find((i) => i.id === 'field:impact')?.error?.en).toMatch(/^Jira answered 503/);
    expect(first.items.find((i) => i.id === 'field:urgency')?.state).toBe('created');
    const creations = t.jira.store.customFields.size;

    const second = await service.run({ projectKey: 'INC', accountId: null });
    const created = second.items.filter((i) => i.state === 'created').map((i) => i.id);
    expect(created).toContain('field:impact');
    expect(created).toContain('screen:impact');
    expect(created).not.toContain('field:urgency');
    expect(t.jira.store.customFields.size).toBe(creations + 1);
  });

  it('retries a rate-limited setup call honouring Retry-After instead of failing the item', async () => {
    t.runtime.faults.add({ path: '/rest/api/3/issuetype', method: 'POST', target: 'jira', effect: { kind: 'rateLimit', retryAfterSeconds: 3 }, times: 2 });
    const status = await setupService(t.backend).run({ projectKey: 'INC', accountId: null });
    expect(status.items.find((i) => i.id === 'issue-type:incident')?.state).toBe('created');
    expect(t.sleeps.slice(0, 2)).toEqual([3000, 3000]);
    const attempts = t.calls.filter((c) => c.method === 'POST' && c.path === '/rest/api/3/issuetype');
    expect(attempts.slice(0, 3).map((c) => [c.status, c.attempt])).toEqual([
      [429, 1],
      [429, 2],
      [201, 3],
    ]);
  });

  it('reports an unknown project without touching Jira further', async () => {
    const status = await setupService(t.backend).run({ projectKey: 'NOPE', accountId: null });
    expect(status.state).toBe('partial');
    expect(status.items).toEqual([expect.objectContaining({ id: 'project', state: 'failed' })]);
    expect(writeCalls(t.calls)).toEqual([]);
  });

  it('completes on the emulator: select options land in the fields\' global contexts as "ja / en", mapped to levels; a re-run writes nothing', async () => {
    const service = setupService(t.backend);
    const first = await service.run({ projectKey: 'INC', accountId: 'user-admin' });
    expect(first.items.filter((i) => i.state === 'failed')).toEqual([]);
    expect(first.state).toBe('complete');
    const firstWrites = writeCalls(t.calls).length;
    const impactField = first.catalog.fields.impact ?? '';
    const contexts = t.jira.store.fieldContexts.get(impactField) ?? [];
    expect(contexts).toHaveLength(1); // Jira's default global context, not one of ours
    expect(contexts[0]?.options.map((o) => o.value)).toEqual(['全部門 / All departments', '特定部門 / One department', '特定個人 / One person']);
    expect(Object.entries(first.catalog.options.impact)).toEqual(contexts[0]?.options.map((o, i) => [o.id, ['all-departments', 'one-department', 'one-person'][i]]));
    expect(Object.values(first.catalog.options.detectionChannel)).toEqual(['user-report', 'monitoring-alert', 'security-detection']);
    expect(Object.values(first.catalog.options.incidentKind)).toEqual(['inquiry', 'failure', 'security']);
    expect(Object.values(first.catalog.options.urgency)).toHaveLength(3);
    // One POST of options per select/checkbox field (impact, urgency, kind, channel, known error), no context created (the global one is used).
    const optionWrites = writeCalls(t.calls).filter((c) => /\/context\/\d+\/option$/.test(c.path.split('?')[0] ?? ''));
    expect(optionWrites).toHaveLength(5);
    expect(writeCalls(t.calls).filter((c) => /\/context$/.test(c.path.split('?')[0] ?? ''))).toEqual([]);

    const second = await service.run({ projectKey: 'INC', accountId: 'user-admin' });
    expect(second.state).toBe('complete');
    expect(writeCalls(t.calls).length - firstWrites).toBe(0);
    expect(second.catalog.options).toEqual(first.catalog.options);

    // The options are real: an agent can pick one on an incident and the app reads it as the level.
    const incident = first.catalog.issueTypes.incident ?? '';
    const optionId = Object.keys(first.catalog.options.impact)[2] ?? '';
    const { key } = t.jira.seed.createIssue({ project: 'INC', issueType: incident, summary: 'x', by: 'user-agent', fields: { [impactField]: { id: optionId } } });
    expect(t.jira.store.issueByIdOrKey(key)?.custom.get(impactField)).toMatchObject({ id: optionId, value: '特定個人 / One person' });
  });

  it('an admin adds a level: only the missing option is added; an option fault halfway is resumed by the next run', async () => {
    // Adding the second select field's options fails once (a POST answered 500 is not retried: it may have been applied).
    const service = setupService(t.backend);
    t.runtime.faults.add({ path: '/rest/api/3/field/customfield_10052/context/10101/option', method: 'POST', target: 'jira', effect: { kind: 'serverError', status: 500 }, times: 1 });
    const first = await service.run({ projectKey: 'INC', accountId: null });
    expect(first.catalog.fields.urgency).toBe('customfield_10052');
    expect(first.state).toBe('partial');
    expect(first.items.filter((i) => i.state === 'failed').map((i) => i.id)).toEqual(['options:urgency']);
    expect(first.items.find((i) => i.id === 'options:urgency')?.error?.en).toMatch(/^Jira answered 500/);
    const before = writeCalls(t.calls).length;
    const second = await service.run({ projectKey: 'INC', accountId: null });
    expect(second.state).toBe('complete');
    expect(second.items.filter((i) => i.state === 'created').map((i) => i.id)).toEqual(['options:urgency']);
    expect(writeCalls(t.calls).slice(before).filter((c) => c.status < 400)).toHaveLength(1);
    expect(Object.values(second.catalog.options.urgency)).toEqual(URGENCY_IDS);

    const config = defaultConfig();
    config.impact.levels.push({ id: 'no-one', labels: { ja: '影響なし', en: 'No one' } });
    const writes = writeCalls(t.calls).length;
    const third = await runSetup({ admin: t.backend.admin, store: t.backend.setup, clock: t.backend.clock }, { projectKey: 'INC', config, runBy: null });
    expect(third.items.filter((i) => i.state === 'created').map((i) => i.id)).toEqual(['options:impact']);
    const added = writeCalls(t.calls).slice(writes);
    expect(added.map((c) => [c.method, c.path])).toEqual([['POST', '/rest/api/3/field/customfield_10051/context/10100/option']]);
    expect(t.jira.store.fieldContexts.get('customfield_10051')?.[0]?.options.map((o) => o.value).at(-1)).toBe('影響なし / No one');
    expect(Object.values(third.catalog.options.impact)).toEqual(['all-departments', 'one-department', 'one-person', 'no-one']);
  });

  it('adds the issue types to a project that has its own issue type scheme', async () => {
    t.jira.seed.createIssueTypeScheme({ name: 'INC: Issue Type Scheme', projects: ['INC'], issueTypes: ['Task', 'Bug'] });
    const status = await setupService(t.backend).run({ projectKey: 'INC', accountId: null });
    expect(status.state).toBe('complete');
    const pid = t.jira.store.projectByIdOrKey('INC');
    expect(pid?.issueTypeIds).toEqual(expect.arrayContaining([status.catalog.issueTypes.incident, status.catalog.issueTypes.problem, status.catalog.issueTypes.incidentTask]));
    expect(t.calls.filter((c) => c.method === 'PUT' && /^\/rest\/api\/3\/issuetypescheme\/\d+\/issuetype$/.test(c.path))).toHaveLength(3);
    const writes = writeCalls(t.calls).length;
    expect((await setupService(t.backend).run({ projectKey: 'INC', accountId: null })).state).toBe('complete');
    expect(writeCalls(t.calls).length).toBe(writes);
  });
});
