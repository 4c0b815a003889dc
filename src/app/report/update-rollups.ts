import { isDeepStrictEqual } from 'node:util';
import { applyIncidentChange, cellKey, dimsOf, emptyRollup, type IncidentFacts, type ReportRollup, type RollupDay } from '../../domain/report';
import { localDayOf } from '../../domain/incident/local-day';
import type { SweepIssueHook } from '../escalation/run-escalations';
import type { IncidentEventHook } from '../issue-events/handle-issue-event';
import type { SiteCatalog } from '../ports/setup-store';
import { incidentFactsOf, REPORT_PROPERTY_KEYS, reportFieldIds, reportTimeZoneOf } from './incident-facts-of';
import { MAX_COMMIT_WRITES, REPORT_HEAD_SCHEMA_VERSION, type ReportRollupStore, type RollupHead, type VersionedWrite } from './report-rollup-port';

/**
 * Keeps a project's report rollups in step with one incident: read the facts applied last time, the
 * head and the days both versions touch, apply `applyIncidentChange(before, after)`, and commit every
 * changed record conditioned on the versions read. A conflict (another event of the same project
 * committed in between) re-reads and retries, so concurrent events never lose an update. The same facts
 * again write nothing, and since every event derives the facts from Jira's current state, late,
 * duplicated or shuffled events end in the same rollups. KVS only: zero REST calls.
 */

export interface UpdateRollupsDeps {
  readonly store: ReportRollupStore;
  /** Attempts before giving up on conflicts (default 8). */
  readonly maxAttempts?: number;
}

export interface UpdateRollupsInput {
  readonly projectKey: string;
  readonly issueId: string;
  /** The incident's facts now; null when it is no longer an incident (its contribution is removed). */
  readonly facts: IncidentFacts | null;
  /** Zone of a project that has no rollups yet (the report calendar's). */
  readonly timeZone: string;
  readonly now: number;
}

export type UpdateRollupsOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'written'; readonly attempts: number; readonly records: number }
  | { readonly kind: 'too-many-days'; readonly days: number }
  /** A sliced rebuild is resetting the project: its scan will apply this incident from Jira. */
  | { readonly kind: 'rebuilding' };

export class RollupConflictError extends Error {
  constructor(readonly attempts: number) {
    super(`report rollups: still conflicting after ${String(attempts)} attempts`);
    this.name = 'RollupConflictError';
  }
}

/** Local days an incident's facts touch in a zone (creation, resolution, acknowledgement, SLA stops). */
export function daysTouched(f: IncidentFacts, timeZone: string): string[] {
  const instants = [f.createdAt, f.resolvedAt, f.acknowledgedAt, ...f.sla.map((s) => s.at)].filter((t): t is number => t !== null);
  return [...new Set(instants.map((t) => localDayOf(t, timeZone)))];
}

function headAfter(head: RollupHead | null, timeZone: string, open: Record<string, number>, before: IncidentFacts | null, after: IncidentFacts | null, now: number): RollupHead {
  const restricted = (head?.restricted ?? 0) - (before?.restricted === true ? 1 : 0) + (after?.restricted === true ? 1 : 0);
  const incidents = (head?.incidents ?? 0) - (before === null ? 0 : 1) + (after === null ? 0 : 1);
  return { schemaVersion: REPORT_HEAD_SCHEMA_VERSION, timeZone, open, restricted: Math.max(0, restricted), incidents: Math.max(0, incidents), updatedAt: now };
}

export async function updateRollups(deps: UpdateRollupsDeps, input: UpdateRollupsInput): Promise<UpdateRollupsOutcome> {
  const maxAttempts = deps.maxAttempts ?? 8;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const [factsRec, headRec] = await Promise.all([deps.store.loadFacts(input.projectKey, input.issueId), deps.store.loadHead(input.projectKey)]);
    const before = factsRec.value;
    const after = input.facts;
    if (isDeepStrictEqual(before, after)) return { kind: 'unchanged' };
    const head = headRec.value;
    if (head?.resetting === true) return { kind: 'rebuilding' };
    const timeZone = head?.timeZone ?? input.timeZone;
    const dayKeys = [...new Set([...(before === null ? [] : daysTouched(before, timeZone)), ...(after === null ? [] : daysTouched(after, timeZone))])];
    // facts + head + days must fit one transaction; such an incident (dozens of SLA cycles) waits for a rebuild.
    if (dayKeys.length + 2 > MAX_COMMIT_WRITES) return { kind: 'too-many-days', days: dayKeys.length };
    const dayRecs = await deps.store.loadDays(input.projectKey, dayKeys);
    const rollup: ReportRollup = { ...emptyRollup(timeZone), open: { ...(head?.open ?? {}) }, days: {} };
    for (const [day, rec] of dayRecs) if (rec.value !== null) rollup.days[day] = rec.value;
    const next = applyIncidentChange(rollup, before ?? undefined, after ?? undefined);

    const days = new Map<string, VersionedWrite<RollupDay>>();
    for (const day of dayKeys) {
      const old = rollup.days[day] ?? null;
      const now = next.days[day] ?? null;
      if (isDeepStrictEqual(old, now)) continue;
      days.set(day, { expectedVersion: dayRecs.get(day)?.version ?? 0, value: now });
    }
    const committed = await deps.store.commit({
      projectKey: input.projectKey,
      issueId: input.issueId,
      facts: { expectedVersion: factsRec.version, value: after },
      head: { expectedVersion: headRec.version, value: headAfter(head, timeZone, next.open, before, after, input.now) },
      days,
    });
    if (committed) return { kind: 'written', attempts: attempt, records: days.size + 2 };
  }
  throw new RollupConflictError(maxAttempts);
}

/**
 * The `incidentHooks` entry: facts from the snapshot the event path fetched and the SLA it computed,
 * then the rollup update. Declares the fields and properties it reads so they come with that one GET.
 */
export function reportRollupHook(deps: UpdateRollupsDeps): IncidentEventHook {
  return {
    name: 'report-rollups',
    fields: (catalog) => reportFieldIds(catalog),
    properties: REPORT_PROPERTY_KEYS,
    run: async ({ issue, config, catalog, sla, now }) => {
      const facts = incidentFactsOf({ issue, evaluation: sla.view?.evaluation ?? null, config, catalog });
      return updateRollups(deps, { projectKey: issue.projectKey, issueId: issue.id, facts, timeZone: reportTimeZoneOf(config), now });
    },
  };
}

/**
 * The escalation sweep's hook: the sweep wakes at SLA timers (the breach instant of every running cycle is
 * one) and evaluates the issue at its own `now`, so a cycle that breached with no later event turns from
 * running to breached here. Same facts as the event hook (same snapshot fields, same evaluation); an issue
 * no longer an incident is taken out; a project without a catalog is left as it is.
 */
export function reportRollupSweepHook(deps: UpdateRollupsDeps & { readonly catalogs: ReadonlyMap<string, SiteCatalog> }): SweepIssueHook {
  return {
    name: 'report-rollups',
    fields: [...new Set([...deps.catalogs.values()].flatMap((c) => reportFieldIds(c)))],
    properties: REPORT_PROPERTY_KEYS,
    run: async ({ issue, config, view, now }) => {
      const catalog = deps.catalogs.get(issue.projectKey);
      if (catalog === undefined) return { kind: 'unchanged' };
      if (issue.issueType.id !== catalog.issueTypes.incident) return removeIncidentFromRollups(deps, { projectKey: issue.projectKey, issueId: issue.id, now });
      const facts = incidentFactsOf({ issue, evaluation: view?.evaluation ?? null, config, catalog });
      return updateRollups(deps, { projectKey: issue.projectKey, issueId: issue.id, facts, timeZone: reportTimeZoneOf(config), now });
    },
  };
}

/**
 * Takes an issue that is no longer an incident (deleted, or its type changed) out of the rollups: one
 * KVS read when nothing was counted for it, else the same versioned commit as an update. Zero REST calls.
 *
 * @example await removeIncidentFromRollups({ store }, { projectKey: 'INC', issueId: '10042', now }) // { kind: 'written', ... } or { kind: 'unchanged' }
 */
export async function removeIncidentFromRollups(deps: UpdateRollupsDeps, input: { readonly projectKey: string; readonly issueId: string; readonly now: number }): Promise<UpdateRollupsOutcome> {
  const counted = await deps.store.loadFacts(input.projectKey, input.issueId);
  if (counted.value === null) return { kind: 'unchanged' };
  // A project with counted facts has a head, whose zone updateRollups keeps; 'UTC' is never used.
  return updateRollups(deps, { projectKey: input.projectKey, issueId: input.issueId, facts: null, timeZone: 'UTC', now: input.now });
}

/** The cell key of an incident's facts (for tests and verification). */
export const cellKeyOfFacts = (f: IncidentFacts): string => cellKey(dimsOf(f));
