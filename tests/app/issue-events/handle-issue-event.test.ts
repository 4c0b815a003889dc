import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { SLA_PROPERTY_KEY, SlaSummarySchema } from '../../../src/app/sla/sla-summary';
import { issueEventDeps } from '../../../src/forge/wiring';
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

const callList = () => t.calls.map((c) => `${c.method} ${c.path.split('?')[0] ?? ''}`);

async function handleLatest(issueId: string) {
  const event = fx.eventsFor(issueId).at(-1);
  t.calls.length = 0;
  return handleIssueEvent(issueEventDeps(t.backend), event);
}

function property(key: string) {
  const issue = t.jira.store.issueByIdOrKey(key);
  return SlaSummarySchema.parse(issue?.properties.get(SLA_PROPERTY_KEY));
}

describe('issue events: priority from impact x urgency and SLA from the changelog', () => {
  it('on creation sets Priority and the matrix value, stores the SLA summary and timers and numbers the incident (管理番号) in 3 REST calls', async () => {
    // One department x core business stopped -> P2 (High); created at Mon 09:00 Tokyo.
    const { id, key } = fx.createIncident({ impact: '特定部門 / One department', urgency: 'Core business stopped' });
    const outcome = await handleLatest(id);
    expect(outcome).toMatchObject({ kind: 'processed', priority: 'applied', slaPropertyWritten: true, timersPut: 2 });
    // Priority, the SLA summary and the 管理番号 ride in one issue edit (IssueUpdateDetails.properties).
    expect(callList()).toEqual([`GET /rest/api/3/issue/${id}`, 'POST /rest/api/3/app/field/value', `PUT /rest/api/3/issue/${id}`]);
    const stored = t.jira.store.issueByIdOrKey(key);
    expect(stored?.properties.get('incident-desk-number')).toMatchObject({ number: 'INC-20260302-001' });
    expect(t.jira.store.priorities.get(stored?.priorityId ?? '')?.name).toBe('High');
    expect(stored?.custom.get(fx.field('priorityMatrix'))).toEqual({ schemaVersion: 1, impact: 2, urgency: 1, priority: 2, jiraPriority: 'High', overridden: false });
    const summary = property(key);
    expect(summary).toMatchObject({
      state: 'running',
      breached: 'false',
      nextBreachAt: '2026-03-02T00:30:00.000Z', // P2 first response: 30 business minutes
      remainingMinutes: 30,
      cycle: 1,
      metrics: { firstResponse: { goalMinutes: 30, state: 'running' }, resolution: { goalMinutes: 480, breachAt: '2026-03-02T08:00:00.000Z' } },
    });
    const timers = await t.backend.timers.listForIssue(id);
    // The seed escalation ladder (config v3) warns at 75 % of each goal: that is the first wake-up.
    expect(timers.map((x) => [x.metricId, new Date(x.dueAt).toISOString()]).sort()).toEqual([
      ['first-response', '2026-03-02T00:22:30.000Z'],
      ['resolution', '2026-03-02T06:00:00.000Z'],
    ]);
  });

  it('an update that changes nothing costs 1 call; an agent comment stops first response in 2 calls', async () => {
    const { id, key } = fx.createIncident({ impact: '全部門', urgency: '代替手段あり' }); // P3 Medium: already in sync
    await handleLatest(id);
    t.runtime.setClockSilently('2026-03-02T00:10:00.000Z');
    t.jira.seed.edit(key, { labels: ['network'] }, { by: 'user-agent' });
    expect(await handleLatest(id)).toMatchObject({ kind: 'processed', priority: 'in-sync', slaPropertyWritten: false, timersPut: 0 });
    expect(callList()).toEqual([`GET /rest/api/3/issue/${id}`]);

    t.jira.seed.comment(key, 'Looking into it', { by: 'user-agent' });
    t.calls.length = 0;
    const outcome = await handleIssueEvent(issueEventDeps(t.backend), t.runtime.emitted.at(-1)?.event);
    expect(outcome).toMatchObject({ kind: 'processed', slaPropertyWritten: true, timersDeleted: 1 });
    expect(callList()).toEqual([`GET /rest/api/3/issue/${id}`, `PUT /rest/api/3/issue/${id}/properties/${SLA_PROPERTY_KEY}`]);
    expect(property(key).metrics.firstResponse).toMatchObject({ state: 'met', elapsedMinutes: 10, breached: false });
    expect((await t.backend.timers.listForIssue(id)).map((x) => x.metricId)).toEqual(['resolution']);
  });

  it('marks a breach that JQL can find, and stays put when nothing changed since', async () => {
    const { id, key } = fx.createIncident({ impact: '全部門', urgency: '基幹業務停止' }); // P1: 15 min first response
    await handleLatest(id);
    t.runtime.setClockSilently('2026-03-02T00:20:00.000Z');
    t.jira.seed.edit(key, { labels: ['db'] }, { by: 'user-agent' });
    await handleLatest(id);
    expect(property(key)).toMatchObject({ state: 'breached', breached: 'true', metrics: { firstResponse: { breached: true, breachAt: '2026-03-02T00:15:00.000Z' } } });
    const found = await t.backend.gateways.asApp.searchJql({ jql: 'project = INC AND incidentSlaBreached = "true"' });
    expect(found.issues.map((i) => i.key)).toEqual([key]);
    const open = await t.backend.gateways.asApp.searchJql({ jql: 'project = INC AND incidentSlaResolutionState = "running" AND incidentSlaBreached = "false"' });
    expect(open.issues).toEqual([]);
    // Ten minutes later nothing new happened: the stored summary is still right, nothing is written.
    t.runtime.setClockSilently('2026-03-02T00:30:00.000Z');
    t.jira.seed.edit(key, { labels: ['db', 'again'] }, { by: 'user-agent' });
    expect(await handleLatest(id)).toMatchObject({ slaPropertyWritten: false, timersPut: 0 });
    expect(callList()).toEqual([`GET /rest/api/3/issue/${id}`]);
  });

  it('puts back a manual Priority change by an agent with a ja/en comment, and lets an admin override', async () => {
    const { id, key } = fx.createIncident({ impact: '特定個人', urgency: '代替手段あり' }); // P5 Lowest
    await handleLatest(id);
    t.jira.seed.edit(key, { priority: { name: 'Highest' } }, { by: 'user-agent' });
    expect(await handleLatest(id)).toMatchObject({ priority: 'reverted' });
    const issue = t.jira.store.issueByIdOrKey(key);
    expect(t.jira.store.priorities.get(issue?.priorityId ?? '')?.name).toBe('Lowest');
    const comment = t.jira.store.comments.get([...(issue?.commentIds ?? [])].at(-1) ?? '');
    const text = JSON.stringify(comment?.body);
    expect(text).toContain('「Highest」から「Lowest」に戻しました');
    expect(text).toContain('changed back from \\"Highest\\" to \\"Lowest\\"');
    expect(text).toContain('Administrators');
    // The app's own revert is not a manual change: the next event leaves it alone.
    t.jira.seed.edit(key, { labels: ['x'] }, { by: 'user-agent' });
    expect(await handleLatest(id)).toMatchObject({ priority: 'in-sync' });
    expect(callList().filter((c) => !c.startsWith('GET'))).toEqual([]);

    // user-admin is in jira-administrators, the group actor of the Administrators role.
    t.jira.seed.edit(key, { priority: { name: 'High' } }, { by: 'user-admin' });
    expect(await handleLatest(id)).toMatchObject({ priority: 'override-kept' });
    expect(t.jira.store.priorities.get(t.jira.store.issueByIdOrKey(key)?.priorityId ?? '')?.name).toBe('High');
    expect(t.jira.store.issueByIdOrKey(key)?.custom.get(fx.field('priorityMatrix'))).toMatchObject({ priority: 5, jiraPriority: 'High', overridden: true });
    // The verdict is cached: the next event does not ask Jira about roles and groups again.
    t.jira.seed.edit(key, { labels: ['y'] }, { by: 'user-agent' });
    expect(await handleLatest(id)).toMatchObject({ priority: 'override-kept' });
    expect(callList()).toEqual([`GET /rest/api/3/issue/${id}`]);
    // A later impact change re-applies the matrix.
    t.jira.seed.edit(key, { [fx.field('impact')]: fx.optionOf('impact', '全部門') }, { by: 'user-agent' });
    expect(await handleLatest(id)).toMatchObject({ priority: 'applied' });
    expect(t.jira.store.priorities.get(t.jira.store.issueByIdOrKey(key)?.priorityId ?? '')?.name).toBe('Medium');
  });

  it('retries a rate-limited GET honouring Retry-After', async () => {
    const { id } = fx.createIncident({ impact: '全部門', urgency: '代替手段あり' });
    t.runtime.faults.add({ path: `/rest/api/3/issue/${id}`, method: 'GET', target: 'jira', effect: { kind: 'rateLimit', retryAfterSeconds: 2 }, times: 2 });
    expect(await handleLatest(id)).toMatchObject({ kind: 'processed' });
    expect(t.sleeps).toEqual([2000, 2000]);
    expect(t.calls.slice(0, 3).map((c) => [c.method, c.status, c.attempt])).toEqual([
      ['GET', 429, 1],
      ['GET', 429, 2],
      ['GET', 200, 3],
    ]);
  });

  it('ignores issues that are not incidents without any REST call, and projects that are not set up', async () => {
    const { id } = fx.createIncident({ issueType: 'Task' });
    expect(await handleLatest(id)).toEqual({ kind: 'ignored', reason: 'not-an-incident' });
    expect(t.calls).toEqual([]);
    t.jira.seed.createProject({ key: 'OPS', name: 'Operations' });
    const other = t.jira.seed.createIssue({ project: 'OPS', summary: 'x', issueType: 'Incident' });
    expect(await handleLatest(other.id)).toEqual({ kind: 'ignored', reason: 'not-set-up' });
    expect(t.calls).toEqual([]);
  });

  it('keeps computing nothing for an incident without impact/urgency, but still tracks its SLA', async () => {
    const { id, key } = fx.createIncident({});
    expect(await handleLatest(id)).toMatchObject({ priority: 'no-input', slaPropertyWritten: true });
    expect(t.jira.store.issueByIdOrKey(key)?.custom.get(fx.field('priorityMatrix')) ?? null).toBeNull();
    expect(property(key).state).toBe('running');
  });
});
