import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_NUMBER_PROPERTY_KEY, assignIncidentNumber, incidentNumberOfProperty, jitteredBackoff } from '../../../src/app/incident/assign-incident-number';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import type { IncidentCounterStore } from '../../../src/app/incident/incident-counter-port';
import { issueEventDeps } from '../../../src/forge/wiring';
import { kvsIncidentCounterStore } from '../../../src/forge/storage/incident-counter-store';
import { startBackend, type TestBackend } from '../support/emulator-backend';
import { setUpIncidents } from '../support/incident-fixture';

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpIncidents>>;

beforeEach(async () => {
  t = await startBackend();
  fx = await setUpIncidents(t);
  t.calls.length = 0;
});
afterEach(() => t.runtime.dispose());

const numberOf = (key: string): string | null => incidentNumberOfProperty(t.jira.store.issueByIdOrKey(key)?.properties.get(INCIDENT_NUMBER_PROPERTY_KEY));
/**
 * Requests that may carry the number: its own property endpoint, or the event's one `PUT /issue/{id}` (the
 * number joins it when another write is collected, see batchIssueWrites). A lone SLA summary write uses
 * its own property endpoint, so it is not counted.
 */
const numberPuts = () =>
  t.calls.filter((c) => c.method === 'PUT' && (c.path.includes(`/properties/${INCIDENT_NUMBER_PROPERTY_KEY}`) || /^\/rest\/api\/3\/issue\/[^/?]+(\?|$)/.test(c.path)));

/** Deterministic shuffle (no Math.random in tests: a failure must replay). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('管理番号 at creation (incident-number hook on the event path)', () => {
  it('a new incident gets INC-<local day>-001 in the project zone, written once; later events cost no call', async () => {
    const a = fx.createIncident({ summary: 'Mail down' });
    await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(a.id).at(-1));
    expect(numberOf(a.key)).toBe('INC-20260302-001');
    expect(numberPuts()).toHaveLength(1);
    expect(t.jira.store.issueByIdOrKey(a.key)?.properties.get(INCIDENT_NUMBER_PROPERTY_KEY)).toEqual({
      schemaVersion: 1,
      number: 'INC-20260302-001',
      day: '2026-03-02',
      sequence: 1,
      assignedAt: Date.parse('2026-03-02T00:00:00.000Z'),
    });
    t.jira.seed.comment(a.key, 'looking into it', { by: 'user-agent' });
    t.calls.length = 0;
    await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(a.id).at(-1));
    expect(numberPuts()).toHaveLength(0);
    expect(numberOf(a.key)).toBe('INC-20260302-001');
  });

  it('the day is the local date of creation: 23:59:59 and 00:00 Tokyo fall on different counters', async () => {
    const late = fx.createIncident({ at: '2026-03-02T14:59:59.000Z' }); // 23:59:59 JST Monday
    const early = fx.createIncident({ at: '2026-03-02T15:00:00.000Z' }); // 00:00 JST Tuesday
    const next = fx.createIncident({ at: '2026-03-02T15:30:00.000Z' });
    for (const i of [early, late, next]) await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(i.id)[0]);
    expect([numberOf(late.key), numberOf(early.key), numberOf(next.key)]).toEqual(['INC-20260302-001', 'INC-20260303-001', 'INC-20260303-002']);
  });

  it('20 incidents the same day, events duplicated and delivered concurrently in shuffled order -> 001..020, no gaps, no duplicates', async () => {
    const issues = Array.from({ length: 20 }, (_, i) => fx.createIncident({ summary: `Outage ${String(i + 1)}` }));
    // Each created event delivered three times (at-least-once), all at once.
    const events = shuffle(issues.flatMap((i) => [0, 1, 2].map(() => fx.eventsFor(i.id)[0])), 7);
    const outcomes = await Promise.all(events.map((e) => handleIssueEvent(issueEventDeps(t.backend), e)));
    expect(outcomes.every((o) => o.kind === 'processed')).toBe(true);
    const numbers = issues.map((i) => numberOf(i.key));
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `INC-20260302-${String(i + 1).padStart(3, '0')}`));
    expect(await kvsIncidentCounterStore.lastSequence('INC', '20260302')).toBe(20);
    for (const i of issues) expect((await kvsIncidentCounterStore.assignmentOf(i.id))?.number).toBe(numberOf(i.key));
    // Stable on re-delivery: every event again, nothing changes and no number is written.
    t.calls.length = 0;
    await Promise.all(shuffle(events, 11).map((e) => handleIssueEvent(issueEventDeps(t.backend), e)));
    expect(issues.map((i) => numberOf(i.key))).toEqual(numbers);
    expect(numberPuts()).toHaveLength(0);
  });

  it('a crash after the claim and before the property PUT: the next event writes the SAME number, the counter does not move', async () => {
    const a = fx.createIncident();
    const b = fx.createIncident();
    const issue = await t.backend.gateways.asApp.getIssue(a.id, { properties: [INCIDENT_NUMBER_PROPERTY_KEY] });
    if (issue === null) throw new Error('seeded issue missing');
    const crashing = { ...t.backend.gateways.asApp, setProperty: () => Promise.reject(new Error('crash')) };
    await expect(assignIncidentNumber({ gateway: crashing, counters: kvsIncidentCounterStore }, { issue, timeZone: 'Asia/Tokyo', now: 0 })).rejects.toThrow('crash');
    expect(numberOf(a.key)).toBeNull();
    await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(a.id)[0]);
    await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(b.id)[0]);
    expect([numberOf(a.key), numberOf(b.key)]).toEqual(['INC-20260302-001', 'INC-20260302-002']);
  });

  it('a counter that keeps moving gives up with an error (the event is delivered again) rather than guessing', async () => {
    const a = fx.createIncident();
    const issue = await t.backend.gateways.asApp.getIssue(a.id, { properties: [INCIDENT_NUMBER_PROPERTY_KEY] });
    if (issue === null) throw new Error('seeded issue missing');
    const alwaysBusy: IncidentCounterStore = { assignmentOf: () => Promise.resolve(null), lastSequence: () => Promise.resolve(3), claim: () => Promise.resolve('conflict') };
    await expect(assignIncidentNumber({ gateway: t.backend.gateways.asApp, counters: alwaysBusy, maxAttempts: 5 }, { issue, timeZone: 'Asia/Tokyo', now: 0 })).rejects.toThrow(/5 attempts/);
    expect(numberPuts()).toHaveLength(0);
  });

  it('past 9999 numbers of a day the hook reports sequence-exhausted in ja and en and writes nothing', async () => {
    const a = fx.createIncident();
    const issue = await t.backend.gateways.asApp.getIssue(a.id, { properties: [INCIDENT_NUMBER_PROPERTY_KEY] });
    if (issue === null) throw new Error('seeded issue missing');
    const full: IncidentCounterStore = { ...kvsIncidentCounterStore, lastSequence: () => Promise.resolve(9999) };
    const out = await assignIncidentNumber({ gateway: t.backend.gateways.asApp, counters: full }, { issue, timeZone: 'Asia/Tokyo', now: 0 });
    expect(out).toMatchObject({ kind: 'failed', error: { code: 'sequence-exhausted', message: { ja: expect.stringContaining('上限') as unknown, en: expect.stringContaining('limit') as unknown } } });
    expect(numberPuts()).toHaveLength(0);
  });
});

describe('管理番号 in Jira search', () => {
  it('the property is indexed: JQL finds an incident by its number and by the day of its number', async () => {
    const a = fx.createIncident({ summary: 'Mail down' });
    const b = fx.createIncident({ summary: 'VPN down' });
    for (const i of [a, b]) await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(i.id)[0]);
    const byNumber = await t.backend.gateways.asApp.searchJql({ jql: 'incidentNumber = "INC-20260302-002"' });
    expect(byNumber.issues.map((i) => i.key)).toEqual([b.key]);
    const byDay = await t.backend.gateways.asApp.searchJql({ jql: 'incidentNumberDay = "2026-03-02" ORDER BY key ASC' });
    expect(byDay.issues.map((i) => i.key)).toEqual([a.key, b.key]);
  });
});

describe('jitteredBackoff', () => {
  it('waits a random share of a window that doubles per lost claim, capped', async () => {
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    const top = jitteredBackoff(() => 0.999, sleep);
    for (let attempt = 1; attempt <= 7; attempt++) await top(attempt);
    await jitteredBackoff(() => 0, sleep)(5);
    expect(waits).toEqual([9, 19, 39, 79, 159, 199, 199, 0]);
  });
});
