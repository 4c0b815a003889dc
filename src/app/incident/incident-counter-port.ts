import { z } from 'zod';

/**
 * Port: the per-(project, local day) counters behind 管理番号 and the number each incident got. Implemented
 * over a `@forge/kvs` custom entity in src/forge/storage/incident-counter-store.ts, where `claim` is ONE
 * conditioned transaction: the counter moves from `expectedLast` to the new sequence AND the issue's
 * assignment is created, or nothing is written. That pair is what makes numbers unique (the counter
 * condition) and stable under duplicated events (the assignment condition).
 */

export const INCIDENT_NUMBER_RECORD_SCHEMA_VERSION = 1;

export const IncidentNumberAssignmentSchema = z.object({
  schemaVersion: z.literal(INCIDENT_NUMBER_RECORD_SCHEMA_VERSION),
  issueId: z.string().min(1),
  projectKey: z.string().min(1),
  /** `YYYYMMDD`, the local day of creation in the project's zone. */
  day: z.string().regex(/^\d{8}$/),
  sequence: z.number().int().min(1),
  /** The text, `INC-YYYYMMDD-NNN`. */
  number: z.string().min(1),
  assignedAt: z.number().int(),
});
export type IncidentNumberAssignment = z.infer<typeof IncidentNumberAssignmentSchema>;

export interface IncidentCounterStore {
  /** The number already given to an issue, or null. */
  assignmentOf(issueId: string): Promise<IncidentNumberAssignment | null>;
  /** The last sequence issued for a project and day (`YYYYMMDD`); 0 when none was. */
  lastSequence(projectKey: string, day: string): Promise<number>;
  /**
   * Atomically advances the (project, day) counter from `expectedLast` to `assignment.sequence` and records
   * the assignment; `conflict` when the counter moved or the issue already has a number (nothing written).
   */
  claim(assignment: IncidentNumberAssignment, expectedLast: number): Promise<'claimed' | 'conflict'>;
}
