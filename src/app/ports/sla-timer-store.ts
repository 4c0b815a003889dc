import { z } from 'zod';

/**
 * Port: one record per (issue, SLA metric) saying WHEN the sweep must look at the issue next, kept by
 * the issue-event use case (recompute-sla) and queried by the five-minute escalation sweep. Stored as
 * a Custom Entity with an index on (projectKey | dueAt), so "what is due" costs one indexed query, not
 * a scan of open incidents. Implemented over `@forge/kvs` in src/forge/storage/sla-timer-store.ts.
 *
 * Semantics:
 * - `put` replaces the record for (issueId, metricId); a metric whose cycle is stopped/cancelled or
 *   that has nothing left to wait for is `delete`d (the sweep never sees it again).
 * - `dueAt` is the earliest instant anything can happen for that cycle (an escalation threshold or the
 *   breach itself). The sweep re-reads the issue, recomputes, fires what is due, and `put`s the next
 *   `dueAt` (or deletes the record). Records are a wake-up list, not the source of truth: the truth is
 *   the issue's changelog.
 * - `queryDue` returns records with `dueAt <= before`, ascending by `dueAt`, in pages.
 */

export const SlaTimerSchema = z.object({
  schemaVersion: z.literal(1),
  projectKey: z.string().min(1),
  issueId: z.string().min(1),
  issueKey: z.string().min(1),
  metricId: z.string().min(1),
  metricKind: z.enum(['time-to-first-response', 'time-to-resolution']),
  /** Cycle index (0-based) the timer belongs to; a new cycle replaces the record. */
  cycle: z.number().int().min(0),
  policyId: z.string(),
  policyVersion: z.number().int(),
  /** `running` or `paused` (only open cycles have timers; a paused one waits with `dueAt` far ahead only when a threshold is still pending). */
  state: z.enum(['running', 'paused']),
  /** Priority level id (P1..) when the timer was planned, or null. */
  priority: z.string().nullable(),
  startedAt: z.number().int(),
  /** Goal in business ms, or null when no goal matched. */
  goalMs: z.number().nullable(),
  /** Business ms elapsed at `evaluatedAt`. */
  elapsedMs: z.number(),
  /** Projected breach instant (running cycles with a goal), else null. */
  breachAt: z.number().int().nullable(),
  calendarId: z.string(),
  /** When the record was computed. */
  evaluatedAt: z.number().int(),
  /** When the sweep must look next (epoch ms). */
  dueAt: z.number().int(),
});
export type SlaTimer = z.infer<typeof SlaTimerSchema>;

export interface SlaTimerPage {
  readonly timers: readonly SlaTimer[];
  /** Pass back to continue; null when the query is exhausted. */
  readonly cursor: string | null;
}

export interface QueryDueInput {
  /** Records with `dueAt <= before` (epoch ms). */
  readonly before: number;
  /** Only this project's records (uses the project partition); omit for all projects. */
  readonly projectKey?: string;
  readonly cursor?: string;
  /** 1..100, default 50. */
  readonly limit?: number;
}

export interface SlaTimerStore {
  put(timer: SlaTimer): Promise<void>;
  get(issueId: string, metricId: string): Promise<SlaTimer | null>;
  delete(issueId: string, metricId: string): Promise<void>;
  /** Every timer of one issue (to drop the ones of metrics that no longer apply). */
  listForIssue(issueId: string): Promise<readonly SlaTimer[]>;
  queryDue(input: QueryDueInput): Promise<SlaTimerPage>;
}

/** The entity key of a timer. Ids are Jira's numeric ids and config ids ([A-Za-z0-9_-]), so ':' is a safe separator. */
export const slaTimerKey = (issueId: string, metricId: string): string => `${issueId}:${metricId}`;
