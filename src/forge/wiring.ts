import { handleSecurityIntake } from '../app/escalation/security-intake';
import { problemResolvedHook, recurrenceHook } from '../app/problem';
import { evidenceSealHook } from '../app/evidence/seal-on-close';
import { removeIncidentFromRollups, reportRollupHook, reportRollupSweepHook } from '../app/report/update-rollups';
import { incidentNumberHook, jitteredBackoff } from '../app/incident/assign-incident-number';
import type { IssueSlaEvaluator, RunEscalationsDeps } from '../app/escalation/run-escalations';
import type { HandleIssueEventDeps } from '../app/issue-events/handle-issue-event';
import { systemClock, type Clock } from '../app/ports/clock';
import type { ConfigStore } from '../app/ports/config-store';
import type { IssueGateway, IssueGateways } from '../app/ports/issue-gateway';
import type { JiraAdminGateway } from '../app/ports/jira-admin-gateway';
import type { SetupStatus, SetupStore, SiteCatalog } from '../app/ports/setup-store';
import type { SlaTimerStore } from '../app/ports/sla-timer-store';
import { runSetup } from '../app/setup/run-setup';
import { makeIssueSlaEvaluator } from '../app/sla/evaluate-issue-sla';
import { defaultConfig, type Config } from '../config';
import { JiraAdminGatewayImpl } from '../jira/admin-gateway';
import { forgeJiraFetch } from '../jira/forge-fetch';
import { JiraClient, type JiraCallRecord } from '../jira/jira-client';
import { JiraIssueGateway } from '../jira/issue-gateway';
import { KvsConfigStore } from './storage/config-store';
import { kvsProblemResolutionLedger } from './storage/problem-resolution-ledger-store';
import { kvsEvidenceStore, sha256Hex } from './storage/evidence-store';
import { KvsReportRollupStore } from './storage/report-rollup-store';
import { kvsIncidentCounterStore } from './storage/incident-counter-store';
import { kvsEscalationLedger, kvsRotationStore, kvsSweepCursorStore } from './storage/escalation-ledger-store';
import { KvsSetupStore } from './storage/setup-store';
import { KvsSlaTimerStore } from './storage/sla-timer-store';

/**
 * Composition root: the real adapters (Jira over `@forge/api`, storage over `@forge/kvs`) plugged into
 * the use cases. Triggers and resolvers build what they need here, per invocation.
 */

export interface BackendOptions {
  /** Observes every Jira HTTP attempt (call counting in tests and benches). */
  readonly onJiraCall?: (record: JiraCallRecord) => void;
  /** Waits between Jira retries (tests pass one that does not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: Clock;
}

export interface Backend {
  readonly clock: Clock;
  readonly gateways: IssueGateways;
  readonly admin: JiraAdminGateway;
  readonly configs: ConfigStore;
  readonly timers: SlaTimerStore;
  readonly setup: SetupStore;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const clock = options.clock ?? systemClock;
  const client = (actor: 'app' | 'user') =>
    new JiraClient({
      fetch: forgeJiraFetch(actor),
      now: () => clock.now(),
      ...(options.onJiraCall === undefined ? {} : { onCall: options.onJiraCall }),
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
  const appClient = client('app');
  return {
    clock,
    gateways: { asApp: new JiraIssueGateway(appClient), asUser: new JiraIssueGateway(client('user')) },
    admin: new JiraAdminGatewayImpl(appClient),
    configs: new KvsConfigStore(clock),
    timers: new KvsSlaTimerStore(),
    setup: new KvsSetupStore(),
  };
}

/** Config of a project for the backend: stored (migrated), defaults when none, null when invalid (kept for the admin). */
export async function configFor(backend: Backend, projectKey: string): Promise<Config | null> {
  const loaded = await backend.configs.load(projectKey);
  switch (loaded.kind) {
    case 'ok':
      return loaded.config;
    case 'missing':
      return defaultConfig();
    case 'invalid':
      return null;
  }
}

/** Deps of the issue-event use case: asApp gateway, stores, ledger lookups and the security intake. */
export function issueEventDeps(backend: Backend): HandleIssueEventDeps {
  const gateway: IssueGateway = backend.gateways.asApp;
  return {
    gateway,
    configs: backend.configs,
    setup: backend.setup,
    timers: backend.timers,
    clock: backend.clock,
    firedKeys: async (issueId) => new Set((await kvsEscalationLedger.listForIssue(issueId)).map((r) => r.key)),
    securityIntake: (input) => handleSecurityIntake({ gateway, ledger: kvsEscalationLedger, rotation: kvsRotationStore, clock: backend.clock }, input),
    incidentHooks: [
      incidentNumberHook({ gateway, counters: kvsIncidentCounterStore, backoff: jitteredBackoff(Math.random, (ms) => new Promise((r) => setTimeout(r, ms))) }),
      // Before the rollups: they count recurring incidents from the flag this hook sets.
      recurrenceHook(),
      reportRollupHook({ store: new KvsReportRollupStore() }),
      evidenceSealHook({ store: kvsEvidenceStore, sha256: sha256Hex }),
    ],
    problemHook: problemResolvedHook({ gateway, ledger: kvsProblemResolutionLedger, clock: backend.clock }),
    incidentGone: (input) => removeIncidentFromRollups({ store: new KvsReportRollupStore() }, input),
  };
}

/**
 * The SLA evaluator the sweep and the `sla/get` resolver take, with every project's catalog loaded
 * once (catalogs say which field carries the incident kind and which statuses exist).
 */
export async function slaEvaluator(backend: Backend, projectKeys: readonly string[]): Promise<IssueSlaEvaluator> {
  const catalogs = new Map<string, SiteCatalog>();
  for (const key of new Set(projectKeys)) {
    const status = await backend.setup.load(key);
    if (status !== null) catalogs.set(key, status.catalog);
  }
  return makeIssueSlaEvaluator((key) => catalogs.get(key) ?? null);
}

/** The set-up catalogs of the given projects, by project key. */
async function catalogsOf(backend: Backend, projectKeys: readonly string[]): Promise<Map<string, SiteCatalog>> {
  const out = new Map<string, SiteCatalog>();
  for (const key of new Set(projectKeys)) {
    const status = await backend.setup.load(key);
    if (status !== null) out.set(key, status.catalog);
  }
  return out;
}

/** Extra fields the evaluator needs on a snapshot (the incident kind field of each project). */
export async function slaIssueFields(backend: Backend, projectKeys: readonly string[]): Promise<string[]> {
  const fields = new Set<string>();
  for (const key of new Set(projectKeys)) {
    const kind = (await backend.setup.load(key))?.catalog.fields.incidentKind;
    if (typeof kind === 'string') fields.add(kind);
  }
  return [...fields];
}

/** The setup service the `setup/run` and `setup/status` resolvers and the lifecycle trigger call. */
export function setupService(backend: Backend): {
  run(input: { readonly projectKey: string; readonly accountId: string | null }): Promise<SetupStatus>;
  status(input: { readonly projectKey: string }): Promise<SetupStatus | null>;
} {
  return {
    async run({ projectKey, accountId }) {
      // An invalid stored config is kept untouched; setup only needs its option labels, so it falls back to the defaults.
      const config = (await configFor(backend, projectKey)) ?? defaultConfig();
      return runSetup({ admin: backend.admin, store: backend.setup, clock: backend.clock }, { projectKey, config, runBy: accountId });
    },
    status: ({ projectKey }) => backend.setup.load(projectKey),
  };
}

/**
 * Everything the five-minute sweep (runEscalations) needs, with the SLA evaluator and the extra
 * snapshot fields of every set-up project preloaded (KVS reads only, no REST call).
 */
export async function escalationSweepDeps(backend: Backend, options: { readonly outOfTime: () => boolean; readonly pageSize?: number }): Promise<RunEscalationsDeps> {
  const projects = await backend.setup.listProjects();
  return {
    gateway: backend.gateways.asApp,
    ledger: kvsEscalationLedger,
    rotation: kvsRotationStore,
    clock: backend.clock,
    configs: backend.configs,
    timers: backend.timers,
    cursors: kvsSweepCursorStore,
    evaluate: await slaEvaluator(backend, projects),
    issueFields: await slaIssueFields(backend, projects),
    // Rollups follow breaches the clock alone causes (the sweep wakes at every running cycle's breach).
    issueHooks: [reportRollupSweepHook({ store: new KvsReportRollupStore(), catalogs: await catalogsOf(backend, projects) })],
    outOfTime: options.outOfTime,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  };
}
