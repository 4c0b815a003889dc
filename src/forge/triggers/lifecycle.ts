import type { SetupStatus } from '../../app/ports/setup-store';
import { createBackend, setupService } from '../wiring';

/**
 * avi:forge:installed:app / avi:forge:upgraded:app: runs the idempotent setup for every project that
 * has an Incident Desk config (a fresh install has none yet: admins run setup from the settings page).
 * One project failing does not stop the others; each status is in storage for the Setup UI.
 */
export async function onLifecycle(_event: unknown, _context: unknown): Promise<{ projects: { projectKey: string; state: SetupStatus['state'] | 'error' }[] }> {
  const backend = createBackend();
  const service = setupService(backend);
  const projects: { projectKey: string; state: SetupStatus['state'] | 'error' }[] = [];
  for (const projectKey of await backend.configs.listProjects()) {
    try {
      projects.push({ projectKey, state: (await service.run({ projectKey, accountId: null })).state });
    } catch (error) {
      console.error(`[incident-desk] setup of ${projectKey} failed`, error);
      projects.push({ projectKey, state: 'error' });
    }
  }
  return { projects };
}
