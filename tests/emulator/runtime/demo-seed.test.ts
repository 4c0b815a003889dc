import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, route } from '@forge/api';
import type { EmulatedJira } from '../../../emulator/jira/index';
import type { ForgeRuntime } from '../../../emulator/runtime/forge-runtime';
import { seedDemo, type DemoSeedSummary } from '../../../emulator/runtime/seed/demo-seed';
import { startRuntime } from './support/runtime';

const NOW = Date.parse('2026-03-31T03:00:00.000Z');
let runtime: ForgeRuntime;
let summary: DemoSeedSummary;

beforeAll(async () => {
  runtime = await startRuntime({ start: NOW });
  summary = await seedDemo(runtime);
}, 60_000);

afterAll(() => runtime.dispose());

interface SearchIssue {
  key: string;
  fields: { created: string; status: { statusCategory: { key: string } }; priority: { name: string }; issuetype: { name: string }; labels: string[] };
}

async function search(accountId: string, jql: string): Promise<SearchIssue[]> {
  const out: SearchIssue[] = [];
  let token: string | undefined;
  do {
    const res = await asUser(accountId).requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql, maxResults: 100, fields: ['created', 'status', 'priority', 'issuetype', 'labels'], ...(token ? { nextPageToken: token } : {}) }),
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { issues: SearchIssue[]; nextPageToken?: string };
    out.push(...page.issues);
    token = page.nextPageToken;
  } while (token !== undefined);
  return out;
}

describe('demo seed', () => {
  it('creates 50 incidents over the last 30 days and 4 problems, ending with the clock at "now"', async () => {
    expect(summary.incidents).toHaveLength(50);
    expect(summary.problems).toHaveLength(4);
    expect(runtime.clock.now()).toBe(NOW);
    const all = await search(summary.users.admin, 'project = INC AND issuetype = Incident');
    expect(all).toHaveLength(50);
    const created = all.map((i) => Date.parse(i.fields.created));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW - 30 * 86_400_000);
    expect(Math.max(...created)).toBeLessThan(NOW);
  });

  it('spreads incidents across kinds, priorities and status categories', async () => {
    const all = await search(summary.users.admin, 'project = INC AND issuetype = Incident');
    const distinct = (f: (i: SearchIssue) => string) => new Set(all.map(f)).size;
    // The app's seed escalation ladder labels breached incidents 'sla-breached' and recurring ones 'recurring'
    // as the demo clock runs; count the seed's kind labels.
    expect(distinct((i) => i.fields.labels.filter((l) => l.startsWith('kind-')).join(','))).toBe(3);
    expect(distinct((i) => i.fields.priority.name)).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((i) => i.fields.status.statusCategory.key))).toEqual(new Set(['new', 'indeterminate', 'done']));
    expect(summary.overdueOpen.length).toBeGreaterThan(0);
  });

  it('restricts security incidents to CSIRT: the agent does not see them, CSIRT does, the outsider sees nothing', async () => {
    expect(summary.restricted.length).toBeGreaterThan(0);
    const agentSees = new Set((await search(summary.users.agent, 'project = INC')).map((i) => i.key));
    const csirtSees = new Set((await search(summary.users.csirt, 'project = INC')).map((i) => i.key));
    for (const key of summary.restricted) {
      expect(agentSees.has(key)).toBe(false);
      expect(csirtSees.has(key)).toBe(true);
    }
    const outsider = await asUser(summary.users.outsider).requestJira(route`/rest/api/3/issue/${summary.incidents[0]!}`);
    expect(outsider.status).toBe(404);
  });

  it('links each problem to incidents, writes the history through events, and stores the default config via the app', async () => {
    const jira = runtime.site as EmulatedJira;
    for (const key of summary.problems) expect(jira.store.issueByIdOrKey(key)?.linkIds.size ?? 0).toBeGreaterThan(0);
    expect(runtime.emitted.length).toBeGreaterThan(150);
    expect(summary.appSteps.find((s) => s.step === 'save default config')).toEqual({ step: 'save default config', ok: true });
    const got = (await runtime.invoke({
      functionKey: 'config/get',
      payload: { projectKey: 'INC' },
      context: { moduleKey: 'settings', accountId: summary.users.admin, project: { id: summary.projectId, key: 'INC' } },
    })) as { ok: boolean; data: { state: string; version: number } };
    expect(got).toMatchObject({ ok: true, data: { state: 'ok', version: 1 } });
  });

  it('sets impact and urgency as options the reporter picked, and the priority-matrix field shows them in line with Priority', () => {
    const jira = runtime.site as EmulatedJira;
    const impact = jira.store.customFieldByName('Impact');
    const urgency = jira.store.customFieldByName('Urgency');
    const matrix = [...jira.store.customFields.values()].find((f) => f.key.endsWith('__priority-matrix'));
    expect(summary.appSteps.find((s) => s.step === 'setup/run')).toEqual({ step: 'setup/run', ok: true });
    const levels = new Set<string>();
    for (const key of summary.incidents) {
      const issue = jira.store.issueByIdOrKey(key);
      const i = issue?.custom.get(impact?.id ?? '') as { value?: string } | undefined;
      const u = issue?.custom.get(urgency?.id ?? '') as { value?: string } | undefined;
      expect(i?.value).toMatch(/^.+ \/ .+$/);
      expect(u?.value).toMatch(/^.+ \/ .+$/);
      const value = issue?.custom.get(matrix?.id ?? '') as { impact: number; urgency: number; priority: number; jiraPriority: string; overridden: boolean } | undefined;
      expect(value).toMatchObject({ impact: expect.any(Number) as number, urgency: expect.any(Number) as number });
      levels.add(`${String(value?.impact)}x${String(value?.urgency)}`);
      // Priority follows the field unless an escalation raised it (then the field says it is overridden).
      const priority = jira.store.priorities.get(issue?.priorityId ?? '')?.name;
      if (value?.overridden !== true) expect(priority).toBe(value?.jiraPriority);
    }
    expect(levels.size).toBeGreaterThanOrEqual(5);
  });

  it('gives each incident an incident kind (option), an affected service and a category, so the report filters offer values', async () => {
    const jira = runtime.site as EmulatedJira;
    const field = (name: string): string => {
      const f = jira.store.customFieldByName(name);
      if (f === undefined) throw new Error(`no field ${name}`);
      return f.id;
    };
    const [kindField, serviceField, categoryField] = [field('Incident kind'), field('Affected service'), field('Incident category')];
    const services = new Set<string>();
    const categories = new Set<string>();
    for (const key of summary.incidents) {
      const issue = jira.store.issueByIdOrKey(key);
      const kindLabel = issue?.labels.find((l) => l.startsWith('kind-'))?.slice('kind-'.length);
      const kind = issue?.custom.get(kindField) as { value?: string } | undefined;
      // The option is the one setup made for the kind, in both languages, matching the kind label.
      expect(kind?.value).toBe({ inquiry: '問い合わせ / Inquiry', failure: '障害 / Failure', security: 'セキュリティインシデント / Security incident' }[kindLabel ?? ''] ?? 'missing');
      const service = issue?.custom.get(serviceField);
      const category = issue?.custom.get(categoryField);
      expect(typeof service === 'string' && service !== '').toBe(true);
      expect(issue?.labels).toContain(`category-${String(category)}`);
      services.add(String(service));
      categories.add(String(category));
    }
    expect(services.size).toBeGreaterThanOrEqual(5);
    expect(categories.size).toBeGreaterThanOrEqual(5);

    const envelope = (await runtime.invoke({
      functionKey: 'report/get',
      payload: { period: { from: '2026-03-01', to: '2026-03-31' } },
      context: { moduleKey: 'reports', accountId: summary.users.admin, project: { id: summary.projectId, key: 'INC' } },
    })) as { ok: boolean; data?: { options: { kinds: string[]; services: string[]; categories: string[] } } };
    expect(envelope.ok).toBe(true);
    const options = envelope.data?.options;
    expect(options?.kinds).toEqual(['failure', 'inquiry', 'security']);
    expect(new Set(options?.services)).toEqual(services);
    expect(new Set(options?.categories)).toEqual(categories);
  });
});
