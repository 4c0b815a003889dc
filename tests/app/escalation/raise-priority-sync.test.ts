import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { PRIORITY_PROPERTY_KEY } from '../../../src/app/priority';
import type { EscalationLadderInput } from '../../../src/domain/escalation';
import { issueEventDeps } from '../../../src/forge/wiring';
import { startBackend, writeCalls, type TestBackend } from '../support/emulator-backend';
import { setUpEscalation } from './escalation-fixture';

/** At 50 % of the resolution goal, raise the priority one step. */
const RAISE: EscalationLadderInput = {
  id: 'raise',
  labels: { ja: '引き上げ', en: 'Raise' },
  when: { priorities: [], metrics: ['resolution'] },
  levels: [{ id: 'half', labels: { ja: '50%', en: '50%' }, trigger: { kind: 'percent-of-goal', percent: 50 }, actions: [{ type: 'raise-priority', steps: 1 }] }],
};

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;
beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t, [RAISE]);
});
afterEach(() => t.runtime.dispose());

const priorityOf = (key: string) => t.jira.store.priorities.get(t.jira.store.issueByIdOrKey(key)?.priorityId ?? '')?.name;
const deliverLatest = (issueId: string) => handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(issueId).at(-1));

describe('raise-priority escalation vs priority sync', () => {
  it('the event caused by the raise (and later ones) keep the raised priority; an impact change re-applies the matrix', async () => {
    const { id, key } = await fx.incident(); // P2: High
    expect(priorityOf(key)).toBe('High');
    t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
    expect(await fx.sweep()).toMatchObject({ fired: 1, actions: { done: 1 } });
    expect(priorityOf(key)).toBe('Highest');
    expect(t.jira.store.issueByIdOrKey(key)?.properties.get(PRIORITY_PROPERTY_KEY)).toMatchObject({ accepted: { priority: 'Highest', source: 'escalation' } });

    // The app's own edit comes back as an issue event: priority sync must not put High back.
    t.calls.length = 0;
    expect(await deliverLatest(id)).toMatchObject({ kind: 'processed', priority: 'in-sync' });
    expect(priorityOf(key)).toBe('Highest');
    expect(writeCalls(t.calls).filter((c) => c.path.endsWith(`/issue/${id}`))).toEqual([]);
    const value = t.jira.store.issueByIdOrKey(key)?.custom.get(fx.field('priorityMatrix')) as { overrideReason?: string } | undefined;
    expect(value).toMatchObject({ priority: 2, jiraPriority: 'Highest', overridden: true });
    expect(value?.overrideReason).toMatch(/^escalation: 50% \/ 50% \(resolution\)$/);
    // A later unrelated edit: still kept.
    t.runtime.setClockSilently('2026-03-02T04:10:00.000Z');
    t.jira.seed.edit(key, { labels: ['db'] }, { by: 'user-agent' });
    expect(await deliverLatest(id)).toMatchObject({ priority: 'in-sync' });
    expect(priorityOf(key)).toBe('Highest');

    // Someone re-assesses impact after the raise: the matrix decides again.
    t.runtime.setClockSilently('2026-03-02T04:20:00.000Z');
    t.jira.seed.edit(key, { [fx.field('impact')]: fx.optionOf('impact', 'One person') }, { by: 'user-agent' });
    expect(await deliverLatest(id)).toMatchObject({ priority: 'applied' });
    expect(priorityOf(key)).toBe('Medium'); // one person x core business stopped: P3
  });
});
