import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEscalations } from '../../src/app/escalation/run-escalations';
import { handleIssueEvent } from '../../src/app/issue-events/handle-issue-event';
import { escalationSweepDeps, issueEventDeps } from '../../src/forge/wiring';
import { startBackend, type TestBackend } from '../app/support/emulator-backend';
import { setUpIncidents } from '../app/support/incident-fixture';

let t: TestBackend;
beforeEach(async () => {
  t = await startBackend();
});
afterEach(() => t.runtime.dispose());

describe('wiring: issue events hand over to the escalation sweep', () => {
  it('the sweep finds the timers an issue event planned, once they are due, and moves them on', async () => {
    const fx = await setUpIncidents(t);
    const { id } = fx.createIncident({ impact: '全部門', urgency: '基幹業務停止' }); // P1: first response due 00:15Z
    await handleIssueEvent(issueEventDeps(t.backend), t.runtime.emitted.at(-1)?.event);
    const deps = await escalationSweepDeps(t.backend, { outOfTime: () => false });
    expect(deps.issueFields).toEqual([fx.field('incidentKind')]);

    t.calls.length = 0;
    const early = await runEscalations(deps);
    expect(early.issues).toBe(0);
    expect(t.calls).toEqual([]); // nothing due: no REST call at all

    t.runtime.setClockSilently('2026-03-02T00:16:00.000Z');
    const due = await runEscalations(await escalationSweepDeps(t.backend, { outOfTime: () => false }));
    expect(due.issues).toBe(1);
    // The first-response timer was the breach itself: after it passed, only the resolution timer remains.
    expect((await t.backend.timers.listForIssue(id)).map((x) => x.metricId)).toEqual(['resolution']);
  });
});
