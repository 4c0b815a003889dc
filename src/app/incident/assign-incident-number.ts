import { z } from 'zod';
import { incidentDayKey, localDateOf, nextIncidentNumber, parseIncidentNumber, type IncidentNumberError } from '../../domain/incident';
import type { IncidentEventHook } from '../issue-events/handle-issue-event';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import { INCIDENT_NUMBER_RECORD_SCHEMA_VERSION, type IncidentCounterStore, type IncidentNumberAssignment } from './incident-counter-port';
import { projectTimeZoneOf } from './project-time-zone';

/**
 * 管理番号 at creation: the first event of an incident that has no `incident-desk-number` property takes
 * the next number of its (project, local day of creation) from the KVS counter and writes it to the
 * property. Every later event sees the property on the snapshot it already fetched and costs nothing.
 *
 * Events are duplicated, shuffled and run concurrently, so the number is claimed in ONE conditioned KVS
 * transaction (counter advanced from the value read AND the issue's assignment created): of two runs for
 * the same issue one claims and the other finds the assignment; of two issues racing for the same day one
 * claims and the other re-reads the counter and tries the next sequence. No gaps, no duplicates.
 *
 * REST calls: 0 when the property is there; otherwise 1 property PUT (none for the run that lost a race
 * to a duplicate of its own event — the winner writes it).
 */

export const INCIDENT_NUMBER_PROPERTY_KEY = 'incident-desk-number';

export const IncidentNumberPropertySchema = z.object({
  schemaVersion: z.literal(1),
  number: z.string().refine((s) => parseIncidentNumber(s).ok),
  /** `YYYY-MM-DD` in the project's zone when the number was given. */
  day: z.string(),
  sequence: z.number().int().min(1),
  assignedAt: z.number().int(),
});
export type IncidentNumberProperty = z.infer<typeof IncidentNumberPropertySchema>;

/** The number stored on an issue's property, or null when absent or unreadable. */
export function incidentNumberOfProperty(value: unknown): string | null {
  const parsed = IncidentNumberPropertySchema.safeParse(value);
  return parsed.success ? parsed.data.number : null;
}

export interface AssignIncidentNumberDeps {
  readonly gateway: IssueGateway;
  readonly counters: IncidentCounterStore;
  /** Claims tried before giving up (the event then fails and is delivered again). */
  readonly maxAttempts?: number;
  /**
   * Waits after a lost claim (attempt 1, 2, ...) so a burst of creations does not retry in lockstep; the
   * shell passes a jittered wait (see {@link jitteredBackoff}). None: retry at once.
   */
  readonly backoff?: (attempt: number) => Promise<void>;
}

/**
 * A random wait in [0, min(cap, base * 2^(attempt-1))) ms ("full jitter"): runs that lost the same race
 * spread out instead of colliding again.
 */
export function jitteredBackoff(random: () => number, sleep: (ms: number) => Promise<void>, baseMs = 10, capMs = 200): (attempt: number) => Promise<void> {
  return (attempt) => sleep(Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))));
}

export type AssignIncidentNumberOutcome =
  | { readonly kind: 'present'; readonly number: string }
  /** Claimed now and written to the property. */
  | { readonly kind: 'assigned'; readonly number: string; readonly attempts: number }
  /** Claimed earlier (a crash before the PUT, or a concurrent duplicate): the property is (re)written from the record. */
  | { readonly kind: 'restored'; readonly number: string }
  /** A duplicate of this event claimed it while this run tried; that run writes the property. */
  | { readonly kind: 'claimed-elsewhere'; readonly number: string }
  | { readonly kind: 'failed'; readonly error: IncidentNumberError };

export class IncidentNumberContentionError extends Error {
  constructor(readonly attempts: number) {
    super(`incident number: the day counter kept moving, gave up after ${String(attempts)} attempts`);
    this.name = 'IncidentNumberContentionError';
  }
}

const propertyOf = (a: IncidentNumberAssignment, timeZone: string, createdAt: number): IncidentNumberProperty => {
  const d = localDateOf(createdAt, timeZone);
  const day = `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return { schemaVersion: 1, number: a.number, day, sequence: a.sequence, assignedAt: a.assignedAt };
};

/** Gives the incident its number unless it has one (see the module comment). */
export async function assignIncidentNumber(
  deps: AssignIncidentNumberDeps,
  input: { readonly issue: IssueSnapshot; readonly timeZone: string; readonly now: number },
): Promise<AssignIncidentNumberOutcome> {
  const { issue, timeZone, now } = input;
  const present = incidentNumberOfProperty(issue.properties[INCIDENT_NUMBER_PROPERTY_KEY]);
  if (present !== null) return { kind: 'present', number: present };

  const earlier = await deps.counters.assignmentOf(issue.id);
  if (earlier !== null) {
    await deps.gateway.setProperty(issue.id, INCIDENT_NUMBER_PROPERTY_KEY, propertyOf(earlier, timeZone, issue.created));
    return { kind: 'restored', number: earlier.number };
  }

  const day = incidentDayKey(issue.created, timeZone);
  const maxAttempts = deps.maxAttempts ?? 100;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const last = await deps.counters.lastSequence(issue.projectKey, day);
    const date = localDateOf(issue.created, timeZone);
    const next = nextIncidentNumber(last === 0 ? undefined : { ...date, sequence: last }, issue.created, timeZone);
    if (!next.ok) return { kind: 'failed', error: next.error };
    const assignment: IncidentNumberAssignment = {
      schemaVersion: INCIDENT_NUMBER_RECORD_SCHEMA_VERSION,
      issueId: issue.id,
      projectKey: issue.projectKey,
      day,
      sequence: next.value.number.sequence,
      number: next.value.text,
      assignedAt: now,
    };
    if ((await deps.counters.claim(assignment, last)) === 'claimed') {
      await deps.gateway.setProperty(issue.id, INCIDENT_NUMBER_PROPERTY_KEY, propertyOf(assignment, timeZone, issue.created));
      return { kind: 'assigned', number: assignment.number, attempts: attempt };
    }
    // Lost the race: to a duplicate of this event (then the number is taken, keep it) or to another incident.
    const mine = await deps.counters.assignmentOf(issue.id);
    if (mine !== null) return { kind: 'claimed-elsewhere', number: mine.number };
    if (deps.backoff !== undefined && attempt < maxAttempts) await deps.backoff(attempt);
  }
  throw new IncidentNumberContentionError(maxAttempts);
}

/**
 * The `incidentHooks` entry: numbers the incident from the snapshot the event path fetched (it asks for the
 * number property on that one GET), in the project's calendar zone.
 */
export function incidentNumberHook(deps: AssignIncidentNumberDeps): IncidentEventHook {
  return {
    name: 'incident-number',
    properties: [INCIDENT_NUMBER_PROPERTY_KEY],
    // The property write joins the event's one PUT /issue (input.gateway batches it).
    run: ({ issue, config, now, gateway }) => assignIncidentNumber({ ...deps, gateway }, { issue, timeZone: projectTimeZoneOf(config), now }),
  };
}
