import { ForgeRuntime, type ForgeRuntimeOptions } from '../../../../emulator/runtime/forge-runtime';
import type { JiraSite } from '../../../../emulator/jira/site-contract';

/** A site that knows nothing: for tests of the storage half that must not depend on Jira. */
export const emptySite = (): JiraSite => ({
  request: () => Promise.resolve({ status: 404, body: { errorMessages: ['Not in this test site'], errors: {} } }),
  onEvent: () => () => undefined,
});

export const START = '2026-03-02T00:00:00.000Z';

/** A runtime with a frozen clock at START; remember to `dispose()` it in afterEach. */
export function startRuntime(options: ForgeRuntimeOptions = {}): Promise<ForgeRuntime> {
  return ForgeRuntime.create({ start: START, ...options });
}

/** A site whose product events the test emits by hand: isolates delivery from Jira's own behaviour. */
export function emittingSite(): { site: () => JiraSite; emit: (event: { eventType: string; [k: string]: unknown }) => void } {
  const listeners = new Set<(e: { eventType: string; [k: string]: unknown }) => void>();
  return {
    site: () => ({
      request: () => Promise.resolve({ status: 404, body: { errorMessages: ['Not in this test site'], errors: {} } }),
      onEvent: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    }),
    emit: (event) => {
      for (const l of listeners) l(event);
    },
  };
}
