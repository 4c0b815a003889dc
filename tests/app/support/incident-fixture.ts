import type { SetupStatus } from '../../../src/app/ports/setup-store';
import { setupService } from '../../../src/forge/wiring';
import type { TestBackend } from './emulator-backend';

/** Runs setup and returns helpers to create incidents with impact/urgency the way users pick options. */
export async function setUpIncidents(t: TestBackend) {
  const status: SetupStatus = await setupService(t.backend).run({ projectKey: 'INC', accountId: 'user-admin' });
  const f = status.catalog.fields;
  const field = (key: keyof typeof f): string => {
    const id = f[key];
    if (id === null) throw new Error(`setup did not resolve ${key}`);
    return id;
  };
  // Jira only takes an option of the field's context: a label ("全部門", "One person") names the option
  // setup created ("全部門 / All departments"), as a user picking it in the select would.
  const optionOf = (key: 'impact' | 'urgency' | 'incidentKind', text: string): { value: string } => {
    const loose = (v: string) => v.trim().toLowerCase();
    const context = t.jira.store.fieldContexts.get(field(key))?.find((c) => c.projectIds.length === 0);
    const option = context?.options.find((o) => loose(o.value) === loose(text) || o.value.split(' / ').some((part) => loose(part) === loose(text)));
    return { value: option?.value ?? text };
  };
  return {
    status,
    field,
    optionOf,
    /** Creates an incident as the reporter; impact/urgency are option texts ("ja / en" or either label). */
    createIncident(input: { summary?: string; impact?: string; urgency?: string; kind?: string; issueType?: string; at?: string } = {}) {
      return t.jira.seed.createIssue({
        project: 'INC',
        summary: input.summary ?? 'Mail server down',
        issueType: input.issueType ?? 'Incident',
        reporter: 'user-reporter',
        by: 'user-reporter',
        ...(input.at === undefined ? {} : { at: input.at }),
        fields: {
          ...(input.impact === undefined ? {} : { [field('impact')]: optionOf('impact', input.impact) }),
          ...(input.urgency === undefined ? {} : { [field('urgency')]: optionOf('urgency', input.urgency) }),
          ...(input.kind === undefined ? {} : { [field('incidentKind')]: optionOf('incidentKind', input.kind) }),
        },
      });
    },
    /** The product events emitted so far for an issue, oldest first. */
    eventsFor(issueId: string) {
      return t.runtime.emitted.filter((e) => (e.event['issue'] as { id?: string } | undefined)?.id === issueId).map((e) => e.event);
    },
  };
}
