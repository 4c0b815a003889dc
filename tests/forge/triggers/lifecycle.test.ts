import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config';
import { startBackend, type TestBackend } from '../../app/support/emulator-backend';

let t: TestBackend | undefined;
afterEach(() => t?.runtime.dispose());

describe('lifecycle trigger', () => {
  it('runs setup on install for every project with a config, and again harmlessly on upgrade', async () => {
    const handlers = (await import('../../../src/index')) as unknown as Record<string, unknown>;
    t = await startBackend({ handlers });
    t.jira.seed.createProject({ key: 'OPS', name: 'Operations' });
    await t.backend.configs.save({ projectKey: 'INC', config: defaultConfig(), expectedVersion: 0, savedBy: 'user-admin' });

    await t.runtime.lifecycle('installed');
    const installed = t.runtime.deliveries.at(-1);
    expect(installed?.outcome).toBe('ok');
    expect(installed?.result).toEqual({ projects: [{ projectKey: 'INC', state: 'complete' }] });
    expect((await t.backend.setup.load('INC'))?.catalog.issueTypes.incident).toBe(t.jira.store.issueTypeByName('Incident')?.id);
    expect(await t.backend.setup.load('OPS')).toBeNull();

    const writesBefore = t.runtime.jiraCalls.filter((c) => c.method !== 'GET').length;
    expect(writesBefore).toBeGreaterThan(10);
    await t.runtime.lifecycle('upgraded');
    expect(t.runtime.jiraCalls.filter((c) => c.method !== 'GET').length).toBe(writesBefore);
  });
});
