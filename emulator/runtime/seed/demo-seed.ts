import type { EmulatedJira } from '../../jira/index';
import { defaultConfig } from '../../../src/config';
import { FIELDS } from '../../../src/app/setup/setup-definitions';
import type { ForgeRuntime } from '../forge-runtime';

/**
 * The demo project: people with distinct roles, ~50 incidents over the last 30 days across kinds,
 * impact x urgency (set as the reporter's picks, so the priority-matrix field shows them),
 * priorities and statuses (old high-priority ones left open so their SLAs breach), a few problems
 * linked to their incidents, restricted security incidents, and the app's default config.
 *
 * History is written the way it happened: the clock is put at each step's instant, the change is made
 * through Jira REST as the acting person, and the product events are delivered to the app's triggers
 * at that instant. So whatever the app computes from events (SLA timers, priority) is computed as if
 * it had been installed the whole time. Deterministic for a given `now` and `randomSeed`.
 */
export interface DemoSeedOptions {
  projectKey?: string;
  projectName?: string;
  incidents?: number;
  days?: number;
  randomSeed?: number;
  /** Save the config through the app; default: resolver `config/save` as the admin (see report). */
  saveConfig?: (runtime: ForgeRuntime, project: { id: string; key: string }) => Promise<void>;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
}

export interface DemoSeedSummary {
  projectKey: string;
  projectId: string;
  users: Record<DemoRole, string>;
  incidents: string[];
  problems: string[];
  /** Security incidents restricted to CSIRT (invisible to agents and managers). */
  restricted: string[];
  /** Open incidents whose age exceeds a typical goal for their priority (expected to show as breached). */
  overdueOpen: string[];
  /** Steps through the app that did not succeed (e.g. handlers still throwing NotImplementedError). */
  appSteps: { step: string; ok: boolean; detail?: string }[];
  /** Product-event deliveries to app handlers during seeding, by outcome. */
  deliveries: Record<string, number>;
}

export type DemoRole = 'admin' | 'agent' | 'agent2' | 'manager' | 'csirt' | 'reporter' | 'outsider';

/** accountIds of the demo people (admin, agent, reporter and outsider come with every emulated site). */
export const DEMO_USERS: Record<DemoRole, string> = {
  admin: 'user-admin',
  agent: 'user-agent',
  agent2: 'user-agent2',
  manager: 'user-manager',
  csirt: 'user-csirt',
  reporter: 'user-reporter',
  outsider: 'user-outsider',
};

const KINDS = ['inquiry', 'failure', 'security'] as const;
type Kind = (typeof KINDS)[number];

/** What an incident is about: its summary, the affected service and the category (recurrence and the report group by both). */
interface Sample {
  readonly summary: string;
  readonly service: string;
  readonly category: string;
}
const SAMPLES: Record<Kind, readonly Sample[]> = {
  inquiry: [
    { summary: 'VPN の接続方法を教えてほしい', service: 'VPN', category: 'network' },
    { summary: 'How do I reset my MFA device?', service: '社内 ID (SSO)', category: 'account' },
    { summary: '経費精算システムの権限申請について', service: '経費精算システム', category: 'account' },
    { summary: 'Shared drive quota question', service: 'ファイルサーバー', category: 'storage' },
    { summary: 'プリンタの追加手順を知りたい', service: '複合機', category: 'hardware' },
  ],
  failure: [
    { summary: '基幹システムにログインできない', service: '基幹システム', category: 'application' },
    { summary: 'Email delivery delayed for all users', service: 'メール', category: 'network' },
    { summary: '会計サーバーの応答が遅い', service: '会計システム', category: 'database' },
    { summary: 'Wi-Fi drops on floor 3', service: '社内 Wi-Fi', category: 'network' },
    { summary: '受注バッチが異常終了した', service: '基幹システム', category: 'batch' },
    { summary: 'Payroll export fails with HTTP 500', service: '給与システム', category: 'application' },
  ],
  security: [
    { summary: '不審なメールの添付ファイルを開いてしまった', service: 'メール', category: 'phishing' },
    { summary: 'Possible credential leak on public repo', service: 'ソースコード管理', category: 'credential-leak' },
    { summary: '端末からマルウェア検知のアラート', service: '業務端末', category: 'malware' },
    { summary: 'Unusual login from overseas IP', service: '社内 ID (SSO)', category: 'credential-leak' },
  ],
};

/** The name setup gives an app field (from its definitions, so a renamed field still resolves). */
const fieldName = (key: string): string => FIELDS.find((f) => f.key === key)?.name ?? key;

/** Typical minutes-to-resolve goals by priority (P1..P5), only used to pick which open incidents are overdue. */
const GOAL_MINUTES = [4 * 60, 8 * 60, 24 * 60, 3 * 24 * 60, 5 * 24 * 60];

/** mulberry32: tiny seeded PRNG so the demo is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Step {
  at: number;
  order: number;
  label: string;
  run: () => void | Promise<void>;
}

function isEmulatedJira(site: unknown): site is EmulatedJira {
  return typeof site === 'object' && site !== null && 'seed' in site && 'store' in site;
}

export async function seedDemo(runtime: ForgeRuntime, options: DemoSeedOptions = {}): Promise<DemoSeedSummary> {
  const site = runtime.site;
  if (!isEmulatedJira(site)) throw new Error('seedDemo needs the in-memory Jira from emulator/jira (createJiraSite)');
  const seed = site.seed;
  const log = options.log ?? (() => undefined);
  const random = rng(options.randomSeed ?? 20260301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const projectKey = options.projectKey ?? 'INC';
  const days = options.days ?? 30;
  const count = options.incidents ?? 50;
  const end = runtime.clock.now();
  const start = end - days * 86_400_000;
  const appSteps: DemoSeedSummary['appSteps'] = [];
  const deliveriesBefore = runtime.deliveries.length;

  // --- people, project, roles, security (set up "before" the history starts)
  runtime.setClockSilently(start - 86_400_000);
  const ensureUser = (accountId: string, displayName: string, email: string, groups: string[], locale = 'ja_JP'): void => {
    if (!site.store.users.has(accountId)) seed.createUser({ accountId, displayName, emailAddress: email, groups, timeZone: 'Asia/Tokyo', locale });
    else for (const g of groups) seed.addGroupMember(g, accountId);
  };
  ensureUser(DEMO_USERS.agent2, 'Eri Agent', 'eri@example.com', ['jira-users', 'incident-agents']);
  ensureUser(DEMO_USERS.manager, 'Mia Manager', 'mia@example.com', ['jira-users', 'incident-managers']);
  ensureUser(DEMO_USERS.csirt, 'Ken CSIRT', 'ken@example.com', ['jira-users', 'incident-agents', 'csirt']);

  const project = seed.createProject({ key: projectKey, name: options.projectName ?? 'Incident Desk デモ', leadAccountId: DEMO_USERS.admin });
  seed.setProjectRole(projectKey, 'Administrators', { users: [DEMO_USERS.admin] });
  seed.setProjectRole(projectKey, 'Users', { groups: ['incident-managers'] });
  log(`project ${projectKey} (${project.id})`);

  // The app's own setup (issue types, link types, fields): idempotent by design, so run it first.
  const installed = await runtime.lifecycle('installed', DEMO_USERS.admin);
  for (const d of installed) appSteps.push({ step: `lifecycle ${d.functionKey}`, ok: d.outcome === 'ok', ...(d.error ? { detail: `${d.error.name}: ${d.error.message}` } : {}) });

  try {
    await runProjectSetup(runtime, project);
    appSteps.push({ step: 'setup/run', ok: true });
  } catch (err) {
    appSteps.push({ step: 'setup/run', ok: false, detail: err instanceof Error ? err.message : String(err) });
  }
  for (const name of ['Incident', 'Problem']) {
    if (!site.store.issueTypeByName(name)) seed.createIssueType({ name, description: `${name} (created by the demo seed; the app's setup normally does this)` });
  }
  const levels = seed.createSecurityScheme({
    name: 'Incident Desk security',
    projects: [projectKey],
    levels: [{ name: 'CSIRT only', description: 'Security incidents: CSIRT and project administrators', groups: ['csirt'], roles: [10002], reporter: true }],
  });
  const csirtLevel = levels['CSIRT only'];

  try {
    await (options.saveConfig ?? saveConfigThroughResolver)(runtime, project);
    appSteps.push({ step: 'save default config', ok: true });
  } catch (err) {
    appSteps.push({ step: 'save default config', ok: false, detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }

  // --- history
  const config = defaultConfig();
  // Forge names app fields `<appId>__<ENV>__<moduleKey>`; the module is jira:customField `priority-matrix`.
  const matrixField = [...site.store.customFields.values()].find((f) => f.key?.endsWith('__priority-matrix'))?.id;
  // The select fields setup made, and the option of a level ("ja / en", as setup writes them): the
  // reporter picks impact and urgency, so the app's trigger computes the priority from them.
  const optionFor = (fieldName: string, level: { labels: { ja: string; en: string } } | undefined): Record<string, unknown> => {
    const field = site.store.customFieldByName(fieldName);
    const context = field === undefined ? undefined : site.store.fieldContexts.get(field.id)?.find((c) => c.projectIds.length === 0 || c.projectIds.includes(project.id));
    const option = level === undefined ? undefined : context?.options.find((o) => o.value === `${level.labels.ja} / ${level.labels.en}`);
    return field !== undefined && option !== undefined ? { [field.id]: { id: option.id } } : {};
  };
  // Kind is a select like impact; service and category are text fields. Category also goes on a
  // `category-<id>` label: the report takes it from Jira components, else that label (the site has no components).
  const textFor = (key: string, value: string): Record<string, unknown> => {
    const field = site.store.customFieldByName(fieldName(key));
    return field === undefined ? {} : { [field.id]: value };
  };
  const incidentFieldsFor = (kind: Kind, sample: Sample): Record<string, unknown> => ({
    ...optionFor(fieldName('incidentKind'), config.incidentKinds.find((k) => k.id === kind)),
    ...textFor('affectedService', sample.service),
    ...textFor('category', sample.category),
  });
  const steps: Step[] = [];
  let order = 0;
  const at = (t: number, label: string, run: Step['run']): void => {
    steps.push({ at: Math.min(t, end - 60_000), order: order++, label, run });
  };
  const agents = [DEMO_USERS.agent, DEMO_USERS.agent2];
  const incidents: string[] = [];
  const overdueHolders: { key?: string }[] = [];
  const restricted: string[] = [];
  const byKind = new Map<Kind, string[]>(KINDS.map((k) => [k, []]));

  for (let i = 0; i < count; i++) {
    // Spread over the window, business hours (09:00-19:00 JST) more likely.
    const day = start + Math.floor((i / count) * days) * 86_400_000;
    const hourJst = random() < 0.8 ? 9 + Math.floor(random() * 10) : Math.floor(random() * 24);
    const created = Math.floor((day - (day % 86_400_000) + ((hourJst - 9 + 24) % 24) * 3_600_000 + Math.floor(random() * 60) * 60_000) / 60_000) * 60_000;
    const kindRoll = random();
    const kind: Kind = kindRoll < 0.4 ? 'inquiry' : kindRoll < 0.85 ? 'failure' : 'security';
    const impact = 1 + Math.floor(random() * 3);
    const urgency = 1 + Math.floor(random() * 3);
    const levelId = config.matrix[impact - 1]?.[urgency - 1] ?? 'P3';
    const p = Number(levelId.slice(1));
    const jiraPriority = config.priorityLevels.find((l) => l.id === levelId)?.jiraPriorityName ?? 'Medium';
    const reporter = kind === 'security' ? pick([DEMO_USERS.reporter, DEMO_USERS.manager]) : pick([DEMO_USERS.reporter, DEMO_USERS.manager, DEMO_USERS.agent]);
    const assignee = kind === 'security' ? DEMO_USERS.csirt : pick(agents);
    // Restricted security incidents are only visible to CSIRT (and admins), so CSIRT triages them.
    const triager = kind === 'security' ? DEMO_USERS.csirt : DEMO_USERS.agent;
    const age = end - created;
    const holder: { key?: string } = {};
    const keyOf = (): string => {
      if (holder.key === undefined) throw new Error('seed: issue not created yet');
      return holder.key;
    };

    at(created, `create #${i + 1}`, () => {
      const sample = pick(SAMPLES[kind]);
      const res = seed.createIssue({
        project: projectKey,
        issueType: 'Incident',
        summary: sample.summary,
        description: `Demo incident (${kind}). Impact ${impact}, urgency ${urgency}.`,
        priority: jiraPriority,
        labels: [`kind-${kind}`, `category-${sample.category}`],
        reporter,
        by: reporter,
        fields: { ...optionFor('Impact', config.impact.levels[impact - 1]), ...optionFor('Urgency', config.urgency.levels[urgency - 1]), ...incidentFieldsFor(kind, sample) },
      });
      holder.key = res.key;
      incidents.push(res.key);
      byKind.get(kind)?.push(res.key);
      // The trigger writes the same value from impact x urgency; set here too so the field shows it even
      // when the app's setup did not run (the value is what the app writes, so the trigger writes nothing).
      if (matrixField !== undefined) seed.setAppFieldValue(matrixField, res.key, { schemaVersion: 1, impact, urgency, priority: p, jiraPriority, overridden: false });
    });

    if (kind === 'security' && csirtLevel !== undefined) {
      // Triage restricts it: only CSIRT and project admins can see it from then on.
      at(created + 60_000, `restrict ${i + 1}`, () => {
        seed.edit(keyOf(), { security: { id: csirtLevel } }, { by: DEMO_USERS.csirt });
        restricted.push(keyOf());
      });
    }
    // Decide the fate: recent ones stay open more often; some old P1/P2 stay open (breached SLAs).
    const recent = age < 3 * 86_400_000;
    const leaveOpen = recent ? random() < 0.7 : p <= 2 ? random() < 0.25 : random() < 0.1;
    const firstTouch = created + (5 + Math.floor(random() * (p <= 2 ? 40 : 240))) * 60_000;
    at(firstTouch, `assign ${i + 1}`, () => seed.assign(keyOf(), assignee, { by: triager }));
    at(firstTouch + 60_000, `respond ${i + 1}`, () => {
      seed.comment(keyOf(), kind === 'inquiry' ? '確認します。少々お待ちください。' : 'Investigating now.', { by: assignee });
    });
    if (leaveOpen) {
      if (random() < 0.6) at(firstTouch + 5 * 60_000, `start ${i + 1}`, () => seed.transition(keyOf(), 'In Progress', { by: assignee }));
      if (random() < 0.2) at(firstTouch + 30 * 60_000, `wait ${i + 1}`, () => seed.transition(keyOf(), 'Waiting for customer', { by: assignee }));
      if (age > (GOAL_MINUTES[p - 1] ?? GOAL_MINUTES[2]!) * 60_000) overdueHolders.push(holder);
    } else {
      const work = (GOAL_MINUTES[p - 1] ?? 1440) * (0.2 + random() * (random() < 0.2 ? 2 : 0.9));
      const resolved = firstTouch + Math.floor(work) * 60_000;
      at(firstTouch + 5 * 60_000, `start ${i + 1}`, () => seed.transition(keyOf(), 'In Progress', { by: assignee }));
      at(resolved, `resolve ${i + 1}`, () => seed.transition(keyOf(), 'Resolved', { by: assignee }));
      if (random() < 0.5) at(resolved + 2 * 86_400_000, `close ${i + 1}`, () => seed.transition(keyOf(), 'Closed', { by: triager }));
    }
  }

  // Problems: recurring failures grouped under a few problem records.
  const problems: string[] = [];
  const problemTitles = ['基幹システムのセッション管理不具合', 'Mail relay capacity', 'Floor 3 access point firmware', 'フィッシング訓練の不足'];
  problemTitles.forEach((title, n) => {
    const t = start + (5 + n * 6) * 86_400_000 + 3 * 3_600_000;
    const holder: { key?: string } = {};
    at(t, `problem ${n + 1}`, () => {
      const res = seed.createIssue({ project: projectKey, issueType: 'Problem', summary: title, priority: n === 0 ? 'High' : 'Medium', reporter: DEMO_USERS.manager, by: DEMO_USERS.manager, labels: ['problem'] });
      holder.key = res.key;
      problems.push(res.key);
    });
    at(t + 3_600_000, `problem links ${n + 1}`, () => {
      const pool = n === 3 ? (byKind.get('security') ?? []) : (byKind.get('failure') ?? []);
      // Earlier incidents of the same kind become this problem's incidents (security ones: only CSIRT sees them).
      const spread = pool.filter((_, idx) => idx % 3 === n % 3);
      const linked = (spread.length > 0 ? spread : pool).slice(-4);
      const by = n === 3 ? DEMO_USERS.csirt : DEMO_USERS.agent;
      for (const incident of linked) if (holder.key !== undefined) seed.link('Relates', holder.key, incident, { by });
    });
  });

  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) {
    runtime.setClockSilently(step.at);
    await step.run();
    await runtime.settle();
  }
  runtime.setClockSilently(end);
  const overdueOpen = overdueHolders.flatMap((h) => (h.key === undefined ? [] : [h.key]));
  const sweep = await runtime.tick().catch(() => []);
  for (const d of sweep) appSteps.push({ step: `scheduled ${d.functionKey}`, ok: d.outcome === 'ok', ...(d.error ? { detail: `${d.error.name}: ${d.error.message}` } : {}) });

  const deliveries: Record<string, number> = {};
  for (const d of runtime.deliveries.slice(deliveriesBefore)) deliveries[d.outcome] = (deliveries[d.outcome] ?? 0) + 1;
  log(`${incidents.length} incidents, ${problems.length} problems, deliveries ${JSON.stringify(deliveries)}`);
  return { projectKey, projectId: project.id, users: { ...DEMO_USERS }, incidents, problems, restricted, overdueOpen, appSteps, deliveries };
}

/** Call a resolver as the settings page would (the admin, in project settings) and unwrap its envelope. */
async function settingsCall(runtime: ForgeRuntime, project: { id: string; key: string }, functionKey: string, payload: unknown): Promise<unknown> {
  const result = (await runtime.invoke({
    functionKey,
    payload,
    context: { moduleKey: 'settings', accountId: DEMO_USERS.admin, project: { id: project.id, key: project.key } },
  })) as { ok?: boolean; data?: unknown; error?: { code?: string; message?: { en?: string }; detail?: string } } | undefined;
  if (result?.ok === true) return result.data;
  const e = result?.error;
  throw new Error(`${functionKey}: ${e?.code ?? 'no envelope'} ${e?.message?.en ?? ''} ${e?.detail ?? ''}`.trim());
}

/** Run the app's project setup, then store the default config, the way an admin does in settings. */
async function saveConfigThroughResolver(runtime: ForgeRuntime, project: { id: string; key: string }): Promise<void> {
  const current = (await settingsCall(runtime, project, 'config/get', { projectKey: project.key })) as { version?: number };
  await settingsCall(runtime, project, 'config/save', { projectKey: project.key, expectedVersion: current.version ?? 0, config: defaultConfig(), note: 'Demo seed defaults' });
}

/** The app's idempotent project setup (`setup/run`), as a project admin would start it from settings. */
export async function runProjectSetup(runtime: ForgeRuntime, project: { id: string; key: string }): Promise<unknown> {
  return settingsCall(runtime, project, 'setup/run', { projectKey: project.key });
}
