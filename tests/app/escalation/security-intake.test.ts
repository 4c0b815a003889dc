import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { securityIntakeKey } from '../../../src/app/escalation';
import { kvsEscalationLedger } from '../../../src/forge/storage/escalation-ledger-store';
import { issueEventDeps } from '../../../src/forge/wiring';
import { startBackend, type TestBackend } from '../support/emulator-backend';
import { setUpEscalation } from './escalation-fixture';

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpEscalation>>;
let csirtOnly: string;

beforeEach(async () => {
  t = await startBackend();
  fx = await setUpEscalation(t);
  const levels = t.jira.seed.createSecurityScheme({
    name: 'Incident Desk security',
    projects: ['INC'],
    levels: [{ name: 'CSIRT only', description: 'CSIRT and admins', groups: ['csirt'], roles: [], reporter: true }],
  });
  csirtOnly = levels['CSIRT only'] ?? '';
});
afterEach(() => t.runtime.dispose());

describe('security incident intake on create', () => {
  it('restricts the issue to the configured security level and pages the CSIRT at once, before any SLA threshold', async () => {
    const { id, key } = await fx.incident({ kind: 'Security incident' });
    const issue = t.jira.store.issueByIdOrKey(key);
    expect(issue?.securityLevelId).toBe(csirtOnly);
    expect(fx.notifications(key).map((n) => [n.subject, n.recipients])).toEqual([[`[${key}] セキュリティインシデント / Security incident`, ['user-csirt']]]);
    const record = await kvsEscalationLedger.get(securityIntakeKey(id));
    expect(record?.actions.map((a) => [a.action.type, a.state])).toEqual([
      ['set-security-level', 'done'],
      ['notify-managers', 'done'],
    ]);
    expect(fx.fired(key).map((f) => f.key)).toEqual([securityIntakeKey(id)]);
    const history = (await fx.comments(key)).filter((c) => c.text.includes('Security incident intake'));
    expect(history).toHaveLength(1);
    expect(history[0]?.text).toContain('セキュリティインシデントの初動対応');
    // The reporter still sees it (the level lets the reporter in); an outsider no longer does.
    expect(await t.runtime.runAs({ accountId: 'user-outsider' }, () => t.backend.gateways.asUser.getIssue(key))).toBeNull();
  });

  it('a duplicated or late created event sets and pages nothing twice', async () => {
    const { id, key } = await fx.incident({ kind: 'Security incident' });
    const event = fx.eventsFor(id).find((e) => e.eventType === 'avi:jira:created:issue');
    await handleIssueEvent(issueEventDeps(t.backend), event);
    await handleIssueEvent(issueEventDeps(t.backend), event);
    expect(fx.notifications(key)).toHaveLength(1);
    expect((await fx.comments(key)).filter((c) => c.text.includes('Security incident intake'))).toHaveLength(1);
  });

  it('leaves other kinds alone', async () => {
    const { key } = await fx.incident({ kind: 'Failure' });
    expect(t.jira.store.issueByIdOrKey(key)?.securityLevelId).toBeNull();
    expect(fx.notifications(key)).toEqual([]);
  });

  it('a configured level that does not exist is recorded as failed and the CSIRT is still paged', async () => {
    const loaded = await t.backend.configs.load('INC');
    if (loaded.kind !== 'ok') throw new Error('fixture');
    await t.backend.configs.save({
      projectKey: 'INC',
      config: { ...loaded.config, securityIncident: { issueSecurityLevel: { name: 'Nope' }, csirtGroup: { name: 'csirt' } } },
      expectedVersion: loaded.meta.version,
      savedBy: 'user-admin',
    });
    const { id, key } = await fx.incident({ kind: 'Security incident' });
    const record = await kvsEscalationLedger.get(securityIntakeKey(id));
    expect(record?.actions.map((a) => [a.state, a.detail ?? null])).toEqual([
      ['failed', 'no issue security level "Nope" in INC'],
      ['done', null],
    ]);
    expect(fx.notifications(key)).toHaveLength(1);
  });
});
