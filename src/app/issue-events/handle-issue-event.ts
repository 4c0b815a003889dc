import { defaultConfig, type Config } from '../../config';
import type { ConfigStore } from '../ports/config-store';
import type { Clock } from '../ports/clock';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import type { SetupStore, SiteCatalog } from '../ports/setup-store';
import type { SlaTimerStore } from '../ports/sla-timer-store';
import { PRIORITY_PROPERTY_KEY } from '../priority/priority-override';
import { syncPriority, type SyncPriorityOutcome } from '../priority/sync-priority';
import { optionLevelId } from '../sla/option-levels';
import { recomputeSla, type RecomputeSlaResult } from '../sla/recompute-sla';
import { SLA_PROPERTY_KEY } from '../sla/sla-summary';
import { IssueEventSchema, type IssueEvent } from './issue-event';
import { batchIssueWrites } from './issue-write-batch';

/**
 * One issue event, end to end: decide cheaply whether the issue is an incident of a set-up project
 * (no REST call otherwise), fetch it ONCE with the full changelog, comments, the app's properties and
 * fields, bring the priority in line with impact x urgency, recompute the SLA from the history and
 * store the summary property and timers, and hand security incidents to the security intake.
 *
 * REST calls: 1 GET; + 1 property PUT when the SLA summary changed; + 1 field-value POST when the
 * matrix value changed; Jira's Priority, when it must follow, rides in that property PUT's issue edit
 * (or costs 1 PUT of its own when the summary did not change) (+ 1 comment when a manual change is put
 * back). A created incident whose Priority must change: 3 calls. Not incidents: 0 calls.
 */

export interface HandleIssueEventDeps {
  readonly gateway: IssueGateway;
  readonly configs: ConfigStore;
  readonly setup: SetupStore;
  readonly timers: SlaTimerStore;
  readonly clock: Clock;
  /** Ledger keys of escalation levels already fired for an issue. */
  readonly firedKeys?: (issueId: string) => Promise<ReadonlySet<string>>;
  /** The escalation helper's security intake (sets the security level, pages the CSIRT; exactly once). */
  readonly securityIntake?: (input: { readonly issue: IssueSnapshot; readonly kind: string | null; readonly config: Config }) => Promise<unknown>;
  /** Extra issue properties to fetch with the issue (e.g. the escalation history). */
  readonly extraProperties?: readonly string[];
  /** Work on the same fetched incident after priority sync and SLA recompute (rollups, numbering, recurrence). */
  readonly incidentHooks?: readonly IncidentEventHook[];
  /** Events of the project's Problem issue type go here (incidents never do). */
  readonly problemHook?: ProblemEventHook;
  /**
   * An issue that is no longer an incident (deleted, or its type changed): drop what was counted for it
   * (report rollups). Must cost no REST call; runs only on those events, never on other issues' events.
   */
  readonly incidentGone?: (input: { readonly projectKey: string; readonly issueId: string; readonly now: number }) => Promise<unknown>;
}

/** What an incident hook is given: the incident as fetched once (with the priority edit applied), and the SLA result. */
export interface IncidentHookInput {
  readonly event: IssueEvent;
  readonly issue: IssueSnapshot;
  readonly config: Config;
  readonly catalog: SiteCatalog;
  readonly sla: RecomputeSlaResult;
  readonly now: number;
  /**
   * Write to the incident through this gateway: its property writes and edits join the event's one
   * `PUT /issue` (sent after the last hook). Reads and other issues pass straight through.
   */
  readonly gateway: IssueGateway;
}

/**
 * A step that runs on every incident event after the SLA, on the snapshot fetched once, so it costs no
 * extra GET. It must be idempotent and derive what it writes from the snapshot (events are late,
 * duplicated and shuffled). Its REST calls count against the event's budget (<= 3 in the common case).
 */
export interface IncidentEventHook {
  readonly name: string;
  /** Field ids the hook needs on the snapshot beyond the event path's own (from the catalog). */
  readonly fields?: (catalog: SiteCatalog) => readonly string[];
  /** Issue property keys the hook needs on the snapshot. */
  readonly properties?: readonly string[];
  readonly run: (input: IncidentHookInput) => Promise<unknown>;
}

/**
 * What a hook may return besides its own outcome: the snapshot with its writes applied (a label, a
 * property), so the hooks after it see the incident as Jira now has it — the app's own edits raise no
 * event the app receives (ignoreSelf), so this is the only way later hooks learn of them.
 */
export interface IncidentHookResult {
  readonly snapshot?: IssueSnapshot;
}

function snapshotFrom(out: unknown): IssueSnapshot | null {
  if (typeof out !== 'object' || out === null || !('snapshot' in out)) return null;
  const s = (out as IncidentHookResult).snapshot;
  return s !== undefined && typeof s.key === 'string' && typeof s.id === 'string' ? s : null;
}

/** The handler of Problem issue events (a problem resolved acts on its linked incidents). */
export interface ProblemEventHook {
  readonly run: (input: { readonly event: IssueEvent; readonly projectKey: string; readonly config: Config; readonly catalog: SiteCatalog }) => Promise<unknown>;
}

export type IssueEventOutcome =
  | { readonly kind: 'ignored'; readonly reason: 'malformed' | 'not-set-up' | 'not-an-incident' | 'invalid-config' | 'deleted' }
  | { readonly kind: 'problem'; readonly outcome: unknown }
  | {
      readonly kind: 'processed';
      readonly issueKey: string;
      readonly priority: SyncPriorityOutcome;
      readonly slaPropertyWritten: boolean;
      readonly timersPut: number;
      readonly timersDeleted: number;
    };

/** Fields the event path needs besides the typed ones. */
function catalogFields(catalog: SiteCatalog): string[] {
  return [catalog.fields.impact, catalog.fields.urgency, catalog.fields.incidentKind, catalog.fields.priorityMatrix].filter((f): f is string => typeof f === 'string');
}

/** The snapshot as it will be once Jira applied our priority edit (so the SLA sees the new priority). */
function withPriority(issue: IssueSnapshot, name: string, appAccountId: string | null, now: number): IssueSnapshot {
  const entry = {
    id: `${String(Number.MAX_SAFE_INTEGER)}`,
    created: now,
    author: appAccountId,
    items: [{ field: 'priority', fieldtype: 'jira', from: issue.priority?.id ?? null, fromString: issue.priority?.name ?? null, to: null, toString: name }],
  };
  return { ...issue, priority: { id: issue.priority?.id ?? '', name }, changelog: [...(issue.changelog ?? []), entry] };
}

/** Whether the event's own changelog changes the issue type (the one non-incident event the app must look at). */
function changesIssueType(event: IssueEvent): boolean {
  const items = (event as { changelog?: { items?: unknown } }).changelog?.items;
  return Array.isArray(items) && items.some((i) => typeof i === 'object' && i !== null && String((i as { field?: unknown }).field).toLowerCase() === 'issuetype');
}

const DELETED_EVENT = 'avi:jira:deleted:issue';

export async function handleIssueEvent(deps: HandleIssueEventDeps, rawEvent: unknown): Promise<IssueEventOutcome> {
  const parsed = IssueEventSchema.safeParse(rawEvent);
  if (!parsed.success) return { kind: 'ignored', reason: 'malformed' };
  const event = parsed.data;
  const projectKey = event.issue.fields?.project?.key;
  if (projectKey === undefined) return { kind: 'ignored', reason: 'malformed' };
  const status = await deps.setup.load(projectKey);
  const catalog = status?.catalog ?? null;
  const incidentType = catalog?.issueTypes.incident ?? null;
  if (catalog === null || incidentType === null) return { kind: 'ignored', reason: 'not-set-up' };
  const typeInEvent = event.issue.fields?.issuetype?.id;
  const isProblem = typeInEvent !== undefined && typeInEvent === catalog.issueTypes.problem && deps.problemHook !== undefined;
  const gone = async (): Promise<void> => {
    if (deps.incidentGone !== undefined) await deps.incidentGone({ projectKey, issueId: event.issue.id, now: deps.clock.now() });
  };
  // Retyped away from Incident (to a Problem too): what was counted for it goes (a KVS read when nothing was).
  if (typeInEvent !== undefined && typeInEvent !== incidentType && changesIssueType(event)) await gone();
  if (typeInEvent !== undefined && typeInEvent !== incidentType && !isProblem) return { kind: 'ignored', reason: 'not-an-incident' };
  if (event.eventType === DELETED_EVENT && !isProblem) {
    // Nothing to fetch: the issue is gone for good.
    for (const t of await deps.timers.listForIssue(event.issue.id)) await deps.timers.delete(t.issueId, t.metricId);
    await gone();
    return { kind: 'ignored', reason: 'deleted' };
  }

  const loaded = await deps.configs.load(projectKey);
  // A config that no longer parses is kept for the admin to fix; computing with defaults would be wrong.
  if (loaded.kind === 'invalid') return { kind: 'ignored', reason: 'invalid-config' };
  const config = loaded.kind === 'ok' ? loaded.config : defaultConfig();
  if (isProblem && deps.problemHook !== undefined) return { kind: 'problem', outcome: await deps.problemHook.run({ event, projectKey, config, catalog }) };

  const hooks = deps.incidentHooks ?? [];

  const fetched = await deps.gateway.getIssue(event.issue.id, {
    changelog: true,
    comments: true,
    fields: [...new Set([...catalogFields(catalog), ...hooks.flatMap((h) => h.fields?.(catalog) ?? [])])],
    properties: [...new Set([SLA_PROPERTY_KEY, PRIORITY_PROPERTY_KEY, ...(deps.extraProperties ?? []), ...hooks.flatMap((h) => h.properties ?? [])])],
  });
  if (fetched === null) {
    for (const t of await deps.timers.listForIssue(event.issue.id)) await deps.timers.delete(t.issueId, t.metricId);
    await gone();
    return { kind: 'ignored', reason: 'deleted' };
  }
  // The event may be older than the issue: trust what Jira says now.
  if (fetched.issueType.id !== incidentType) {
    await gone();
    return { kind: 'ignored', reason: 'not-an-incident' };
  }

  const now = deps.clock.now();
  // The Priority edit is held back; it, the SLA summary and every hook's writes to the incident go out
  // in one PUT /issue at the end (see batchIssueWrites).
  const priority = await syncPriority({ gateway: deps.gateway }, { issue: fetched, config, catalog, deferPriorityEdit: true });
  const batch = batchIssueWrites(deps.gateway, fetched.id, priority.pendingEdit);
  const issue =
    priority.priorityWritten && priority.decision.kind !== 'no-input' && priority.decision.kind !== 'in-sync'
      ? withPriority(fetched, priority.decision.jiraPriority, catalog.appAccountId, now)
      : fetched;
  const sla = await recomputeSla(
    { gateway: batch.gateway, timers: deps.timers, ...(deps.firedKeys === undefined ? {} : { firedKeys: deps.firedKeys }) },
    { issue, config, catalog, now },
  );
  if (deps.securityIntake !== undefined && catalog.fields.incidentKind !== null) {
    const kind = optionLevelId(fetched.fields[catalog.fields.incidentKind], catalog.options.incidentKind, config.incidentKinds);
    if (kind === 'security') await deps.securityIntake({ issue: fetched, kind, config });
  }
  let current = issue;
  try {
    for (const hook of hooks) current = snapshotFrom(await hook.run({ event, issue: current, config, catalog, sla, now, gateway: batch.gateway })) ?? current;
  } finally {
    // A failing hook must not cost the priority and SLA writes collected before it.
    await batch.flush();
  }
  return {
    kind: 'processed',
    issueKey: fetched.key,
    priority: priority.outcome,
    slaPropertyWritten: sla.propertyWritten,
    timersPut: sla.timersPut,
    timersDeleted: sla.timersDeleted,
  };
}
