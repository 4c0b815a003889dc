import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config';
import type { JiraAdminGateway } from '../../../src/app/ports/jira-admin-gateway';
import { runSetup } from '../../../src/app/setup/run-setup';
import { setupService } from '../../../src/forge/wiring';
import { startBackend, writeCalls, type TestBackend } from '../support/emulator-backend';

let t: TestBackend;

beforeEach(async () => {
  t = await startBackend();
});
afterEach(() => t.runtime.dispose());

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

  it('records the emulator\'s missing field-context API as a failed options item, with Jira\'s answer', async () => {
    const status = await setupService(t.backend).run({ projectKey: 'INC', accountId: null });
    const options = status.items.find((i) => i.id === 'options:impact');
    expect(options?.state).toBe('failed');
    expect(options?.error?.status).toBe(404);
    expect(status.state).toBe('partial');
  });

  it('creates select options as "ja / en" in the field context, maps option ids to levels, and adds nothing on re-run', async () => {
    // The emulator has no field contexts: give setup a site that has them by wrapping the real
    // (emulator-backed) admin gateway with an in-memory context/option store.
    const contexts = new Map<string, { id: string; name: string; isGlobal: boolean }[]>();
    const options = new Map<string, { id: string; value: string }[]>();
    let nextId = 20000;
    const writes: string[] = [];
    const real = t.backend.admin;
    const admin: JiraAdminGateway = Object.assign(Object.create(real) as JiraAdminGateway, {
      fieldContexts: (fieldId: string) => Promise.resolve(contexts.get(fieldId) ?? []),
      createFieldContext: (fieldId: string, input: { name: string }) => {
        writes.push(`context:${fieldId}`);
        const c = { id: String(nextId++), name: input.name, isGlobal: false };
        contexts.set(fieldId, [c]);
        return Promise.resolve(c);
      },
      contextOptions: (_f: string, contextId: string) => Promise.resolve(options.get(contextId) ?? []),
      addContextOptions: (_f: string, contextId: string, values: readonly string[]) => {
        writes.push(`options:${contextId}:${values.join('|')}`);
        const added = values.map((value) => ({ id: String(nextId++), value }));
        options.set(contextId, [...(options.get(contextId) ?? []), ...added]);
        return Promise.resolve(added);
      },
    });
    const deps = { admin, store: t.backend.setup, clock: t.backend.clock };
    const config = defaultConfig();
    const first = await runSetup(deps, { projectKey: 'INC', config, runBy: null });
    expect(first.state).toBe('complete');
    const impactField = first.catalog.fields.impact ?? '';
    const impactContext = contexts.get(impactField)?.[0]?.id ?? '';
    expect(options.get(impactContext)?.map((o) => o.value)).toEqual(['全部門 / All departments', '特定部門 / One department', '特定個人 / One person']);
    expect(Object.values(first.catalog.options.impact)).toEqual(['all-departments', 'one-department', 'one-person']);
    expect(Object.values(first.catalog.options.detectionChannel)).toEqual(['user-report', 'monitoring-alert', 'security-detection']);
    expect(Object.values(first.catalog.options.incidentKind)).toEqual(['inquiry', 'failure', 'security']);
    const writesAfterFirst = writes.length;
    expect(writesAfterFirst).toBe(8); // 4 select fields x (context + options)

    // An admin adds a level: only the missing option is added.
    config.impact.levels.push({ id: 'no-one', labels: { ja: '影響なし', en: 'No one' } });
    const second = await runSetup(deps, { projectKey: 'INC', config, runBy: null });
    expect(writes.slice(writesAfterFirst)).toEqual([`options:${impactContext}:影響なし / No one`]);
    expect(second.catalog.options.impact).toEqual({ ...first.catalog.options.impact, [String(nextId - 1)]: 'no-one' });
    const third = await runSetup(deps, { projectKey: 'INC', config, runBy: null });
    expect(writes.length).toBe(writesAfterFirst + 1);
    expect(third.items.filter((i) => i.state === 'created')).toEqual([]);
  });
});
