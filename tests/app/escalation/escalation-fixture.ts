import { runEscalations, type SweepResult } from '../../../src/app/escalation';
import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import type { IssueGateway } from '../../../src/app/ports/issue-gateway';
import type { EscalationLadderInput } from '../../../src/domain/escalation';
import { ESCALATION_PROPERTY_KEY, readEscalationProperty } from '../../../src/app/escalation';
import { escalationSweepDeps, issueEventDeps } from '../../../src/forge/wiring';
import { defaultConfig } from '../../../src/config';
import type { TestBackend } from '../support/emulator-backend';
import { setUpIncidents } from '../support/incident-fixture';

/** P2 (one department x core business stopped): resolution goal 8 business hours from Mon 09:00 Tokyo. */
export const P2 = { impact: '特定部門 / One department', urgency: 'Core business stopped' } as const;

/**
 * The test ladder, on the resolution metric only: at 50 % notify the agents' group and comment; at
 * 100 % label, hand over round-robin within incident-agents, and tell the managers.
 */
export const TEST_LADDER: EscalationLadderInput = {
  id: 'test',
  labels: { ja: 'テスト', en: 'Test' },
  when: { priorities: [], metrics: ['resolution'] },
  levels: [
    {
      id: 'half',
      labels: { ja: '50%', en: '50%' },
      trigger: { kind: 'percent-of-goal', percent: 50 },
      actions: [
        { type: 'notify', groups: [{ name: 'incident-agents' }] },
        { type: 'add-comment', text: { ja: '半分経過しました', en: 'Half of the goal is used' } },
      ],
    },
    {
      id: 'breach',
      labels: { ja: '違反', en: 'Breach' },
      trigger: { kind: 'after-breach', minutes: 0 },
      actions: [
        { type: 'add-label', label: 'escalated' },
        { type: 'reassign', pool: { kind: 'group', group: { name: 'incident-agents' } }, strategy: 'round-robin' },
        { type: 'notify-managers', groups: [{ name: 'incident-managers' }] },
      ],
    },
  ],
};

export async function setUpEscalation(t: TestBackend, ladders: EscalationLadderInput[] = [TEST_LADDER]) {
  const fx = await setUpIncidents(t);
  t.jira.seed.createUser({ accountId: 'user-agent2', displayName: 'Eri Agent', groups: ['jira-users', 'incident-agents'] });
  t.jira.seed.createUser({ accountId: 'user-manager', displayName: 'Mia Manager', groups: ['jira-users', 'incident-managers'] });
  t.jira.seed.createUser({ accountId: 'user-csirt', displayName: 'Ken CSIRT', groups: ['jira-users', 'csirt'] });
  const loaded = await t.backend.configs.load('INC');
  const version = loaded.kind === 'missing' ? 0 : loaded.meta.version;
  const saved = await t.backend.configs.save({ projectKey: 'INC', config: { ...defaultConfig(), escalationLadders: ladders as never }, expectedVersion: version, savedBy: 'user-admin' });
  if (!saved.ok) throw new Error('config save conflict in fixture');
  return {
    ...fx,
    /** Creates a P2 incident and runs the created event through the real use case (timers get written). */
    async incident(input: { summary?: string; kind?: string } = {}) {
      const created = fx.createIncident({ ...P2, ...input });
      const event = fx.eventsFor(created.id).at(-1);
      await handleIssueEvent(issueEventDeps(t.backend), event);
      return created;
    },
    /** One sweep at the current emulator time; `gateway` wraps the app gateway (fault and crash injection). */
    async sweep(options: { outOfTime?: () => boolean; gateway?: (g: IssueGateway) => IssueGateway; pageSize?: number } = {}): Promise<SweepResult> {
      const deps = await escalationSweepDeps(t.backend, { outOfTime: options.outOfTime ?? (() => false), ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
      return runEscalations(options.gateway ? { ...deps, gateway: options.gateway(deps.gateway) } : deps);
    },
    notifications: (issueKey?: string) => t.jira.store.notifications.filter((n) => issueKey === undefined || n.issueKey === issueKey),
    async comments(issueKey: string) {
      return (await t.backend.gateways.asApp.getIssue(issueKey, { comments: true }))?.comments ?? [];
    },
    fired(issueKey: string) {
      return readEscalationProperty(t.jira.store.issueByIdOrKey(issueKey)?.properties.get(ESCALATION_PROPERTY_KEY)).fired;
    },
  };
}

/** A gateway whose chosen method throws a non-Jira error (a crash) once, before or after doing the call. */
export function crashOnce(method: keyof IssueGateway, when: 'before' | 'after') {
  let crashed = false;
  return (g: IssueGateway): IssueGateway =>
    new Proxy(g, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== method || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (!crashed && when === 'before') {
            crashed = true;
            throw new Error('simulated crash before the side effect');
          }
          const out: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (!crashed && when === 'after') {
            crashed = true;
            throw new Error('simulated crash after the side effect');
          }
          return out;
        };
      },
    });
}
