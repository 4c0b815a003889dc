import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { z } from 'zod';
import { IncidentNumberAssignmentSchema, INCIDENT_NUMBER_RECORD_SCHEMA_VERSION, type IncidentCounterStore, type IncidentNumberAssignment } from '../../app/incident/incident-counter-port';
import { isConditionFailed, safeKeyPart } from './kvs-errors';

/**
 * 管理番号 counters in the custom entity `incident-number` (manifest.yml), two kinds of row:
 * - `c:<projectKey>:<YYYYMMDD>` -> `{ projectKey, day, sequence, schemaVersion }`: the last sequence issued;
 * - `a:<issueId>` -> the assignment (`IncidentNumberAssignment`).
 * A claim is one `kvs.transact()` whose two sets are conditioned on the counter's `sequence` (equal to what
 * was read, or absent for the day's first number) and on the assignment being absent: conditions are
 * checked before any write and nothing is written unless both hold.
 */

export const INCIDENT_NUMBER_ENTITY = 'incident-number';

export const counterKey = (projectKey: string, day: string): string => `c:${safeKeyPart(projectKey)}:${day}`;
export const assignmentKey = (issueId: string): string => `a:${safeKeyPart(issueId)}`;

interface Row {
  projectKey: string;
  day: string;
  sequence: number;
  schemaVersion: number;
  issueId?: string;
  number?: string;
  assignedAt?: number;
}

const CounterRowSchema = z.object({ sequence: z.number().int().min(0) });

export const kvsIncidentCounterStore: IncidentCounterStore = {
  async assignmentOf(issueId: string): Promise<IncidentNumberAssignment | null> {
    const row = await kvs.entity<Row>(INCIDENT_NUMBER_ENTITY).get(assignmentKey(issueId));
    if (row === undefined) return null;
    const parsed = IncidentNumberAssignmentSchema.safeParse(row);
    // A row we cannot read still holds its number: refusing to guess keeps it from being issued twice.
    if (!parsed.success) throw new Error(`incident-number row ${assignmentKey(issueId)} is unreadable: ${parsed.error.message}`);
    return parsed.data;
  },

  async lastSequence(projectKey: string, day: string): Promise<number> {
    const row = await kvs.entity<Row>(INCIDENT_NUMBER_ENTITY).get(counterKey(projectKey, day));
    if (row === undefined) return 0;
    const parsed = CounterRowSchema.safeParse(row);
    if (!parsed.success) throw new Error(`incident-number counter ${counterKey(projectKey, day)} is unreadable`);
    return parsed.data.sequence;
  },

  async claim(assignment: IncidentNumberAssignment, expectedLast: number): Promise<'claimed' | 'conflict'> {
    const counter: Row = { projectKey: assignment.projectKey, day: assignment.day, sequence: assignment.sequence, schemaVersion: INCIDENT_NUMBER_RECORD_SCHEMA_VERSION };
    const row: Row = { ...assignment };
    try {
      await kvs
        .transact()
        .set(counterKey(assignment.projectKey, assignment.day), counter, {
          entityName: INCIDENT_NUMBER_ENTITY,
          conditions: new Filter<Row>().and('sequence', expectedLast === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(expectedLast)),
        })
        .set(assignmentKey(assignment.issueId), row, {
          entityName: INCIDENT_NUMBER_ENTITY,
          conditions: new Filter<Row>().and('sequence', FilterConditions.notExists()),
        })
        .execute();
      return 'claimed';
    } catch (error) {
      if (isConditionFailed(error)) return 'conflict';
      throw error;
    }
  },
};
