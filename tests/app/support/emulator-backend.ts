import { ForgeRuntime, type ForgeRuntimeOptions, type HandlerModule } from '../../../emulator/runtime/forge-runtime';
import type { EmulatedJira } from '../../../emulator/jira/index';
import type { JiraCallRecord } from '../../../src/jira/jira-client';
import { createBackend, type Backend } from '../../../src/forge/wiring';

export const START = '2026-03-02T00:00:00.000Z'; // Monday 09:00 Asia/Tokyo

export interface TestBackend {
  readonly runtime: ForgeRuntime;
  readonly jira: EmulatedJira;
  readonly backend: Backend;
  /** Every HTTP attempt the app made, as the client saw it. */
  readonly calls: JiraCallRecord[];
  /** Waits the client asked for between retries (never actually waited). */
  readonly sleeps: number[];
}

/**
 * The emulated Forge platform with a project INC, and the app's real adapters over it. Handlers are
 * none by default (tests call use cases directly); pass `handlers` to let the runtime deliver events.
 */
export async function startBackend(options: { handlers?: HandlerModule; runtime?: ForgeRuntimeOptions } = {}): Promise<TestBackend> {
  const runtime = await ForgeRuntime.create({ start: START, handlers: options.handlers ?? {}, ...options.runtime });
  const jira = runtime.site as EmulatedJira;
  jira.seed.createProject({ key: 'INC', name: 'Incidents' });
  const calls: JiraCallRecord[] = [];
  const sleeps: number[] = [];
  const backend = createBackend({
    onJiraCall: (r) => calls.push(r),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
  return { runtime, jira, backend, calls, sleeps };
}

/** Write calls among the recorded ones (anything but GET; search/jql POSTs are reads). */
export function writeCalls(calls: readonly JiraCallRecord[]): JiraCallRecord[] {
  return calls.filter((c) => c.method !== 'GET' && !c.path.startsWith('/rest/api/3/search/jql'));
}
