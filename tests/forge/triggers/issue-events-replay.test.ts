import { afterEach, describe, expect, it } from 'vitest';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { SLA_PROPERTY_KEY, SlaSummarySchema, canonicalJson } from '../../../src/app/sla/sla-summary';
import type { SlaTimer } from '../../../src/app/ports/sla-timer-store';
import { startBackend, type TestBackend } from '../../app/support/emulator-backend';
import { setUpIncidents } from '../../app/support/incident-fixture';

/**
 * The real triggers (src/index.ts onIssueEvent / onCommentEvent), delivered by the emulated platform
 * in order, or late, duplicated and shuffled: the final state must be the same, because it is always
 * rebuilt from Jira's full history.
 */

const runtimes: ForgeRuntime[] = [];
afterEach(() => {
  for (const r of runtimes.splice(0)) r.dispose();
});

type Delivery = { delayMinutes?: number; duplicate?: boolean; shuffle?: boolean; seed?: number };

interface FinalState {
  priorities: Record<string, string | undefined>;
  matrix: Record<string, unknown>;
  summaries: Record<string, unknown>;
  timers: Record<string, unknown>;
  deliveries: number;
  errors: string[];
}

async function runScenario(delivery: Delivery): Promise<FinalState> {
  const handlers = (await import('../../../src/index')) as unknown as Record<string, unknown>;
  const t: TestBackend = await startBackend({ handlers });
  runtimes.push(t.runtime);
  const fx = await setUpIncidents(t);
  t.runtime.configureDelivery(delivery);
  const seed = t.jira.seed;
  const at = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;
  const step = async (hhmm: string, act: () => void) => {
    await t.runtime.advanceTo(at(hhmm));
    act();
    await t.runtime.settle();
  };
  // Priorities are chosen right by the reporter, so the app writes no history of its own and both
  // runs have the same Jira history.
  let a = { id: '', key: '' };
  let b = { id: '', key: '' };
  await step('00:00', () => {
    a = seed.createIssue({ project: 'INC', summary: 'VPN down', issueType: 'Incident', priority: 'High', reporter: 'user-reporter', by: 'user-reporter', fields: { [fx.field('impact')]: { value: '特定部門 / One department' }, [fx.field('urgency')]: { value: '基幹業務停止 / Core business stopped' } } });
  });
  await step('00:05', () => {
    b = seed.createIssue({ project: 'INC', summary: 'Printer', issueType: 'Incident', priority: 'Lowest', reporter: 'user-reporter', by: 'user-reporter', fields: { [fx.field('impact')]: fx.optionOf('impact', 'One person'), [fx.field('urgency')]: fx.optionOf('urgency', 'Workaround exists') } });
  });
  await step('00:20', () => seed.comment(a.key, 'On it', { by: 'user-agent' }));
  await step('00:25', () => seed.transition(a.key, 'In Progress', { by: 'user-agent' }));
  await step('00:40', () => seed.comment(b.key, 'Which printer?', { by: 'user-agent' }));
  await step('00:41', () => seed.transition(b.key, 'Waiting for customer', { by: 'user-agent' }));
  await step('01:30', () => seed.transition(a.key, 'Resolved', { by: 'user-agent', resolution: 'Done' }));
  await step('02:00', () => seed.transition(a.key, 'Open', { by: 'user-agent' })); // reopened: cycle 2
  await step('03:00', () => seed.transition(a.key, 'Resolved', { by: 'user-agent', resolution: 'Done' }));
  // Let late events arrive, then deliver whatever is still held.
  await t.runtime.advanceMinutes(60);
  await t.runtime.settle();

  const state: FinalState = { priorities: {}, matrix: {}, summaries: {}, timers: {}, deliveries: 0, errors: [] };
  for (const issue of [a, b]) {
    const rec = t.jira.store.issueByIdOrKey(issue.key);
    state.priorities[issue.key] = t.jira.store.priorities.get(rec?.priorityId ?? '')?.name;
    state.matrix[issue.key] = rec?.custom.get(fx.field('priorityMatrix'));
    const summary = SlaSummarySchema.parse(rec?.properties.get(SLA_PROPERTY_KEY));
    state.summaries[issue.key] = JSON.parse(canonicalJson({ ...summary, evaluatedAt: null })) as unknown;
    const timers = await t.backend.timers.listForIssue(issue.id);
    state.timers[issue.key] = timers.map((x: SlaTimer) => ({ ...x, evaluatedAt: null }));
  }
  const issueDeliveries = t.runtime.deliveries.filter((d) => d.functionKey === 'on-issue-event' || d.functionKey === 'on-comment-event');
  state.deliveries = issueDeliveries.length;
  state.errors = issueDeliveries.filter((d) => d.outcome === 'error').map((d) => JSON.stringify(d.error));
  return state;
}

describe('issue events replayed late, duplicated and shuffled', () => {
  it('reach the same final Jira state as in-order delivery', async () => {
    const inOrder = await runScenario({});
    expect(inOrder.errors).toEqual([]);
    const messy = await runScenario({ delayMinutes: 7, duplicate: true, shuffle: true, seed: 42 });
    expect(messy.errors).toEqual([]);
    expect(messy.deliveries).toBeGreaterThan(inOrder.deliveries); // duplicates really were delivered
    expect(messy.priorities).toEqual(inOrder.priorities);
    expect(messy.matrix).toEqual(inOrder.matrix);
    expect(messy.summaries).toEqual(inOrder.summaries);
    expect(messy.timers).toEqual(inOrder.timers);

    // And the state is the expected one, not just the same twice.
    expect(inOrder.summaries['INC-1']).toMatchObject({ state: 'met', cycle: 2, metrics: { firstResponse: { state: 'met', elapsedMinutes: 20 }, resolution: { state: 'met', cycle: 2 } } });
    expect(inOrder.summaries['INC-2']).toMatchObject({ state: 'paused', metrics: { firstResponse: { state: 'met', elapsedMinutes: 35 }, resolution: { state: 'paused', elapsedMinutes: 36 } } });
    expect(inOrder.timers['INC-1']).toEqual([]);
    expect(inOrder.matrix['INC-1']).toEqual({ schemaVersion: 1, impact: 2, urgency: 1, priority: 2, jiraPriority: 'High', overridden: false });
  });
});
