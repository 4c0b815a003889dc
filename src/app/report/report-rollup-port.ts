import { z } from 'zod';
import { IncidentFactsSchema, RollupDaySchema, type IncidentFacts, type RollupDay } from '../../domain/report';

/**
 * Port: a project's report rollups as stored records with optimistic versions. One record per local day
 * (its cells), one head per project (zone, open backlog, counters) and the facts last applied per incident,
 * each in its own record so no value nears the store's size limit. `version` 0 means "absent"; a commit
 * names the version it read for every record it writes and is refused as a whole when any changed since
 * (so concurrent events for different incidents of one project never lose an update). Implemented over
 * `@forge/kvs` custom entities in src/forge/storage/report-rollup-store.ts.
 */

export const REPORT_HEAD_SCHEMA_VERSION = 1;

export const RollupHeadSchema = z.object({
  schemaVersion: z.literal(REPORT_HEAD_SCHEMA_VERSION),
  /** The zone the day records are counted in (fixed until a rebuild). */
  timeZone: z.string().min(1),
  /** Open incidents per cell key (the backlog). */
  open: z.record(z.string(), z.number().int()),
  /** How many incidents are restricted (have a security level): the report checks the viewer sees that many. */
  restricted: z.number().int().nonnegative(),
  /** How many incidents the rollups hold. */
  incidents: z.number().int().nonnegative(),
  /** Last change (epoch ms). */
  updatedAt: z.number().int(),
  /**
   * A sliced rebuild is deleting the project's records: updates skip (the rebuild's scan adds every
   * incident back from Jira afterwards), so no update can land half on deleted and half on kept records.
   */
  resetting: z.literal(true).optional(),
});
export type RollupHead = z.infer<typeof RollupHeadSchema>;

export { IncidentFactsSchema, RollupDaySchema };

/** A stored record and the version it was read at (0 = absent, value null). */
export interface Versioned<T> {
  readonly version: number;
  readonly value: T | null;
}

/** One write of a commit: the version read and the new value (null = delete). */
export interface VersionedWrite<T> {
  readonly expectedVersion: number;
  readonly value: T | null;
}

export interface RollupCommit {
  readonly projectKey: string;
  readonly issueId: string;
  readonly facts: VersionedWrite<IncidentFacts>;
  readonly head: VersionedWrite<RollupHead>;
  /** Day (`YYYY-MM-DD`) -> write; an empty day is deleted. */
  readonly days: ReadonlyMap<string, VersionedWrite<RollupDay>>;
}

/** Everything a rebuild writes for a project (replaces what was there). */
export interface RollupReplacement {
  readonly projectKey: string;
  readonly head: RollupHead;
  readonly days: Readonly<Record<string, RollupDay>>;
  /** By issue id. */
  readonly facts: ReadonlyMap<string, IncidentFacts>;
}

/** The most records one commit may write (KVS transactions take 25 operations). */
export const MAX_COMMIT_WRITES = 25;

export interface ReportRollupStore {
  loadFacts(projectKey: string, issueId: string): Promise<Versioned<IncidentFacts>>;
  loadHead(projectKey: string): Promise<Versioned<RollupHead>>;
  /** The given days; a day without a record comes back as version 0, value null. O(days / batch size) reads. */
  loadDays(projectKey: string, days: readonly string[]): Promise<ReadonlyMap<string, Versioned<RollupDay>>>;
  /** All-or-nothing; false when any record's version moved (the caller re-reads and retries). */
  commit(change: RollupCommit): Promise<boolean>;
  /** Replaces the project's rollups and facts (rebuild); not atomic, run it while nothing else writes or verify after. */
  replace(replacement: RollupReplacement): Promise<void>;
  /** Deletes up to `limit` of the project's records other than the head (day records first, then facts); 0 when none are left. */
  clearPage(projectKey: string, limit: number): Promise<number>;
  /** Writes the head whatever its version (bumping it, so every update that read the old head retries). */
  overwriteHead(projectKey: string, head: RollupHead): Promise<void>;
}
