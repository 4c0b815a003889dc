import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { PRIORITY_PROPERTY_KEY } from '../../../src/app/priority';
import { EnvelopeSchema, PriorityOverrideResultSchema, type ResolverError } from '../../../src/contracts';
import { defaultResolverDeps } from '../../../src/forge/resolvers/default-deps';
import { createResolverHandler } from '../../../src/forge/resolvers/resolver';
import { issueEventDeps } from '../../../src/forge/wiring';
import { startBackend, writeCalls, type TestBackend } from '../../app/support/emulator-backend';
import { setUpIncidents } from '../../app/support/incident-fixture';

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpIncidents>>;

beforeEach(async () => {
  t = await startBackend();
  fx = await setUpIncidents(t);
  t.runtime.useHandlers({ resolver: createResolverHandler(() => defaultResolverDeps(t.backend)) });
});
afterEach(() => t.runtime.dispose());

async function override(accountId: string, issueKey: string, payload: Record<string, unknown>) {
  const p = t.jira.store.projectByIdOrKey('INC');
  const raw = await t.runtime.invoke({
    functionKey: 'priority/override',
    payload,
    context: { moduleKey: 'priority-matrix', accountId, project: { id: p?.id ?? '', key: 'INC' }, issue: { id: t.jira.store.issueByIdOrKey(issueKey)?.id ?? '', key: issueKey } },
  });
  expect(EnvelopeSchema.safeParse(raw).success).toBe(true);
  return raw as { ok: true; data: unknown } | { ok: false; error: ResolverError };
}
const errorOf = (r: Awaited<ReturnType<typeof override>>): ResolverError => {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
  return r.error;
};
const bilingual = (e: ResolverError) => {
  expect(e.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
  expect(e.message.en).toMatch(/[A-Za-z]/);
};
const priorityOf = (key: string) => t.jira.store.priorities.get(t.jira.store.issueByIdOrKey(key)?.priorityId ?? '')?.name;
const commentsOf = (key: string) => (t.jira.store.issueByIdOrKey(key)?.commentIds ?? []).map((id) => JSON.stringify(t.jira.store.comments.get(id)?.body));

/** A new P2 (High) incident whose creation event the app has handled. */
async function highIncident() {
  const created = fx.createIncident({ impact: '特定部門', urgency: '基幹業務停止' });
  await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(created.id).at(-1));
  expect(priorityOf(created.key)).toBe('High');
  return created;
}
/** Delivers every event of the issue not yet handled (as the trigger would), returning the outcomes. */
async function deliverLatest(issueId: string) {
  return handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(issueId).at(-1));
}

describe('priority/override through @forge/resolver on the emulator', () => {
  it('an administrator overrides with a reason; it is recorded, shown in the field and kept by the event path', async () => {
    const { id, key } = await highIncident();
    const r = await override('user-admin', key, { priority: 'lowest', reason: '  Only the test tenant is affected  ' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const data = PriorityOverrideResultSchema.parse(r.data);
    expect(data).toMatchObject({ issueKey: key, priority: 'Lowest', matrixPriority: 'High', reason: 'Only the test tenant is affected', overriddenBy: 'user-admin' });
    expect(priorityOf(key)).toBe('Lowest');
    const issue = t.jira.store.issueByIdOrKey(key);
    expect(issue?.custom.get(fx.field('priorityMatrix'))).toEqual({ schemaVersion: 1, impact: 2, urgency: 1, priority: 2, jiraPriority: 'Lowest', overridden: true, overrideReason: 'Only the test tenant is affected' });
    expect(issue?.properties.get(PRIORITY_PROPERTY_KEY)).toMatchObject({ accepted: { priority: 'Lowest', source: 'override', by: 'user-admin', reason: 'Only the test tenant is affected' } });
    expect(commentsOf(key).at(-1)).toContain('Only the test tenant is affected');
    // The app's change is the latest word: the event it caused (and a later unrelated edit) keep it, writing nothing.
    t.calls.length = 0;
    expect(await deliverLatest(id)).toMatchObject({ kind: 'processed', priority: 'in-sync' });
    t.jira.seed.edit(key, { labels: ['tenant'] }, { by: 'user-agent' });
    expect(await deliverLatest(id)).toMatchObject({ kind: 'processed', priority: 'in-sync' });
    expect(priorityOf(key)).toBe('Lowest');
    expect(writeCalls(t.calls).filter((c) => !c.path.includes('/properties/incident-desk-sla'))).toEqual([]);
    // A later impact change re-applies the matrix.
    t.runtime.setClockSilently(t.backend.clock.now() + 60_000);
    t.jira.seed.edit(key, { [fx.field('impact')]: fx.optionOf('impact', '全部門') }, { by: 'user-agent', at: t.backend.clock.now() });
    expect(await deliverLatest(id)).toMatchObject({ priority: 'applied' });
    expect(priorityOf(key)).toBe('Highest');
    expect(t.jira.store.issueByIdOrKey(key)?.custom.get(fx.field('priorityMatrix'))).toMatchObject({ jiraPriority: 'Highest', overridden: false });
  });

  it('after an override, a manual change by someone not allowed is put back to the override, not to the matrix', async () => {
    const { id, key } = await highIncident();
    expect((await override('user-admin', key, { priority: 'Medium', reason: 'Customer agreed to wait' })).ok).toBe(true);
    await deliverLatest(id);
    t.runtime.setClockSilently(t.backend.clock.now() + 60_000);
    t.jira.seed.edit(key, { priority: { name: 'Highest' } }, { by: 'user-agent', at: t.backend.clock.now() });
    expect(await deliverLatest(id)).toMatchObject({ priority: 'reverted' });
    expect(priorityOf(key)).toBe('Medium');
  });

  it('someone without the override permission gets forbidden in ja and en, and nothing changes', async () => {
    const { key } = await highIncident();
    const writes = writeCalls(t.calls).length;
    const e = errorOf(await override('user-agent', key, { priority: 'Lowest', reason: 'I think so' }));
    expect(e.code).toBe('forbidden');
    bilingual(e);
    expect(e.message.en).toContain('role "Administrators"');
    expect(priorityOf(key)).toBe('High');
    expect(writeCalls(t.calls).length).toBe(writes);
    // A reporter cannot even edit the issue; an outsider cannot see it.
    expect(errorOf(await override('user-reporter', key, { priority: 'Lowest', reason: 'x' })).code).toBe('forbidden');
    expect(errorOf(await override('user-outsider', key, { priority: 'Lowest', reason: 'x' })).code).toBe('not-found');
  });

  it('a reason is required (1..500 characters) and the priority must be one the config maps to', async () => {
    const { key } = await highIncident();
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const e = errorOf(await override('user-admin', key, { priority: 'Lowest', reason }));
      expect(e.code).toBe('invalid-payload');
      expect(e.fieldErrors?.map((f) => f.path)).toEqual(['reason']);
    }
    expect(errorOf(await override('user-admin', key, { priority: 'Lowest' })).code).toBe('invalid-payload');
    const e = errorOf(await override('user-admin', key, { priority: 'Urgent', reason: 'because' }));
    expect(e.code).toBe('invalid-payload');
    expect(e.fieldErrors?.[0]).toMatchObject({ path: 'priority', message: { en: 'The priority must be one of: Highest, High, Medium, Low, Lowest' } });
    expect(priorityOf(key)).toBe('High');
    expect((await override('user-admin', key, { priority: 'Lowest', reason: 'x'.repeat(500) })).ok).toBe(true);
  });
});
