import { defaultConfig, type Config } from '../../config';
import type { ConfigStore } from '../ports/config-store';
import type { Clock } from '../ports/clock';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import type { SetupStore, SiteCatalog } from '../ports/setup-store';
import type { SlaTimerStore } from '../ports/sla-timer-store';
import { PRIORITY_PROPERTY_KEY } from '../priority/priority-override';
import { syncPriority, type SyncPriorityOutcome } from '../priority/sync-priority';
import { optionLevelId } from '../sla/option-levels';
import { recomputeSla } from '../sla/recompute-sla';
import { SLA_PROPERTY_KEY } from '../sla/sla-summary';
import { IssueEventSchema } from './issue-event';

/**
 * One issue event, end to end: decide cheaply whether the issue is an incident of a set-up project
 * (no REST call otherwise), fetch it ONCE with the full changelog, comments, the app's properties and
 * fields, bring the priority in line with impact x urgency, recompute the SLA from the history and
 * store the summary property and timers, and hand security incidents to the security intake.
 *
 * REST calls: 1 GET; + 1 property PUT when the SLA summary changed; + 1 field-value POST when the
 * matrix value changed; + 1 PUT when Jira's Priority must follow (+ 1 comment when a manual change
 * is put back). Events for issues that are not incidents: 0 calls.
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
}

export type IssueEventOutcome =
  | { readonly kind: 'ignored'; readonly reason: 'malformed' | 'not-set-up' | 'not-an-incident' | 'invalid-config' | 'deleted' }
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
  if (typeInEvent !== undefined && typeInEvent !== incidentType) return { kind: 'ignored', reason: 'not-an-incident' };

  const loaded = await deps.configs.load(projectKey);
  // A config that no longer parses is kept for the admin to fix; computing with defaults would be wrong.
  if (loaded.kind === 'invalid') return { kind: 'ignored', reason: 'invalid-config' };
  const config = loaded.kind === 'ok' ? loaded.config : defaultConfig();

  const fetched = await deps.gateway.getIssue(event.issue.id, {
    changelog: true,
    comments: true,
    fields: catalogFields(catalog),
    properties: [SLA_PROPERTY_KEY, PRIORITY_PROPERTY_KEY, ...(deps.extraProperties ?? [])],
  });
  if (fetched === null) {
    for (const t of await deps.timers.listForIssue(event.issue.id)) await deps.timers.delete(t.issueId, t.metricId);
    return { kind: 'ignored', reason: 'deleted' };
  }
  // The event may be older than the issue: trust what Jira says now.
  if (fetched.issueType.id !== incidentType) return { kind: 'ignored', reason: 'not-an-incident' };

  const now = deps.clock.now();
  const priority = await syncPriority({ gateway: deps.gateway }, { issue: fetched, config, catalog });
  const issue =
    priority.priorityWritten && priority.decision.kind !== 'no-input' && priority.decision.kind !== 'in-sync'
      ? withPriority(fetched, priority.decision.jiraPriority, catalog.appAccountId, now)
      : fetched;
  const sla = await recomputeSla(
    { gateway: deps.gateway, timers: deps.timers, ...(deps.firedKeys === undefined ? {} : { firedKeys: deps.firedKeys }) },
    { issue, config, catalog, now },
  );
  if (deps.securityIntake !== undefined && catalog.fields.incidentKind !== null) {
    const kind = optionLevelId(fetched.fields[catalog.fields.incidentKind], catalog.options.incidentKind, config.incidentKinds);
    if (kind === 'security') await deps.securityIntake({ issue: fetched, kind, config });
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
