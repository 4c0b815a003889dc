import { createJiraSite, type Actor, type EmulatedJira, type ForgeProductEvent, type ManifestInput, type SiteResponse } from '../../../../emulator/jira/index';
import { checkRequest, checkResponse } from './openapi';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/** A clock tests move by hand. */
export class ManualClock {
  constructor(public ms: number = T0) {}
  now(): number {
    return this.ms;
  }
  advanceMinutes(n: number): void {
    this.ms += n * 60_000;
  }
}

export const APP: Actor = { kind: 'app' };
export const asUser = (accountId: string): Actor => ({ kind: 'user', accountId });
export const ADMIN = asUser('user-admin');
export const AGENT = asUser('user-agent');
export const REPORTER = asUser('user-reporter');
export const OUTSIDER = asUser('user-outsider');

export const TEST_MANIFEST: ManifestInput = {
  app: { id: 'ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555' },
  modules: {
    'jira:entityProperty': [
      {
        key: 'sla-index',
        entityType: 'issue',
        propertyKey: 'incident-desk-sla',
        values: [
          { path: 'breached', type: 'string', searchAlias: 'slaBreached' },
          { path: 'dueAt', type: 'date', searchAlias: 'slaDue' },
          { path: 'remainingMinutes', type: 'number', searchAlias: 'slaRemaining' },
          { path: 'note', type: 'text' },
        ],
      },
    ],
    'jira:customField': [
      {
        key: 'priority-matrix',
        name: 'Priority matrix',
        type: 'object',
        readOnly: true,
        schema: { properties: { impact: { type: 'string', searchAlias: 'matrixImpact' }, score: { type: 'number', searchAlias: 'matrixScore' } } },
      },
    ],
  },
};

export interface TestSite {
  site: EmulatedJira;
  clock: ManualClock;
  events: ForgeProductEvent[];
  /** One REST call; request and response are checked against the Jira OpenAPI spec. */
  call(actor: Actor, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<SiteResponse>;
}

export function makeSite(opts: { manifest?: ManifestInput | null; validate?: boolean } = {}): TestSite {
  const clock = new ManualClock();
  const site = createJiraSite({ clock, manifest: opts.manifest === undefined ? TEST_MANIFEST : opts.manifest });
  const events: ForgeProductEvent[] = [];
  site.onEvent((e) => events.push(e));
  const validate = opts.validate ?? true;
  return {
    site,
    clock,
    events,
    async call(actor, method, path, body) {
      if (validate) checkRequest(method, path, body);
      const res = await site.request({ method, path, actor, ...(body === undefined ? {} : { body }) });
      if (validate) checkResponse(method, path, res.status, res.body);
      return res;
    },
  };
}

/** The standard fixture: project INC with the default roles. */
export function withProject(opts: Parameters<typeof makeSite>[0] = {}): TestSite {
  const t = makeSite(opts);
  t.site.seed.createProject({ key: 'INC', name: 'Incidents' });
  return t;
}
