import { z } from 'zod';
import { EscalationActionSchema, GroupRefSchema } from '../../domain/escalation';

/**
 * Ports and stored records of escalation: the fired ledger (what was decided, and how far each action
 * got), the reassignment rotation and the sweep's resume cursor. Implemented over `@forge/kvs` in
 * src/forge/storage/escalation-ledger-store.ts.
 *
 * The ledger is what makes a firing exactly-once: the record of (issue, metric, cycle, ladder, level)
 * is created BEFORE any side effect, with each action `pending` and its concrete target already chosen
 * (the assignee picked, the priority to set). A run that finds the record again, after a crash, a 429
 * or a re-run, only finishes what is still pending, checking Jira first where Jira can tell.
 */

/** Sets the issue security level (security intake only; not offered in ladders). */
export const SetSecurityLevelActionSchema = z.strictObject({
  type: z.literal('set-security-level'),
  levelId: z.string().min(1).optional(),
  levelName: z.string().min(1).optional(),
});

/** Every action a firing can carry: the ladder actions plus the security intake's own. */
export const FiringActionSchema = z.union([EscalationActionSchema, SetSecurityLevelActionSchema]);
export type FiringAction = z.infer<typeof FiringActionSchema>;

/** pending: not (known to be) done; done: Jira has it; skipped: nothing to do (e.g. already P1); failed: Jira refused for good. */
export const ActionStateSchema = z.enum(['pending', 'done', 'skipped', 'failed']);
export type ActionState = z.infer<typeof ActionStateSchema>;

export const PlannedActionSchema = z.object({
  index: z.number().int().min(0),
  /** `<firing key>#<index>`: carried by comments the action writes, so a retry can see it already happened. */
  idempotencyKey: z.string(),
  action: FiringActionSchema,
  state: ActionStateSchema,
  /** Targets chosen once, when the record was created, so a retry never picks again. */
  assignee: z.string().nullable().optional(),
  priorityName: z.string().nullable().optional(),
  /** Why it was skipped or failed, for the history. */
  detail: z.string().nullable().optional(),
  /**
   * Notifications only: when a run started the call (written to the ledger BEFORE calling Jira). A pending
   * action that has it was interrupted between Jira and the ledger, so Jira may or may not have sent it.
   */
  attemptedAt: z.number().int().nullable().optional(),
  /** Done by re-sending after an unconfirmed attempt: recipients may have it twice (said in the mail and the history). */
  uncertain: z.boolean().optional(),
});
export type PlannedAction = z.infer<typeof PlannedActionSchema>;

const LabelsSchema = z.object({ ja: z.string(), en: z.string() });

export const FiringRecordSchema = z.object({
  schemaVersion: z.literal(1),
  /** The firing key (see `firingKey` in src/domain/escalation). */
  key: z.string(),
  issueId: z.string(),
  issueKey: z.string(),
  projectKey: z.string(),
  metricId: z.string(),
  cycle: z.number().int(),
  ladderId: z.string(),
  levelId: z.string(),
  levelLabels: LabelsSchema,
  /** `pending` until every action is done/skipped/failed and the history is written. */
  state: z.enum(['pending', 'done']),
  createdAt: z.number().int(),
  completedAt: z.number().int().nullable(),
  /** Runs that worked on it (1 = finished in the run that created it). */
  attempts: z.number().int().min(1),
  actions: z.array(PlannedActionSchema),
  /** The history comment and issue property carry this firing. */
  recorded: z.boolean(),
});
export type FiringRecord = z.infer<typeof FiringRecordSchema>;

export type CreateFiringResult = { readonly created: true; readonly record: FiringRecord } | { readonly created: false; readonly record: FiringRecord };

export interface EscalationLedger {
  /** Creates the record unless one exists for its key (atomic); returns the stored one either way. */
  create(record: FiringRecord): Promise<CreateFiringResult>;
  update(record: FiringRecord): Promise<void>;
  get(key: string): Promise<FiringRecord | null>;
  /** Every firing of one issue (pending and done). */
  listForIssue(issueId: string): Promise<readonly FiringRecord[]>;
}

/** A reassignment pool, identified for its rotation state. */
export const PoolKeySchema = z.string().regex(/^[A-Za-z0-9:._-]{1,200}$/);
export { GroupRefSchema };

export interface RotationStore {
  /** Last member picked from the pool in this project (null when never). */
  lastPicked(projectKey: string, poolKey: string): Promise<string | null>;
  setLastPicked(projectKey: string, poolKey: string, accountId: string): Promise<void>;
}

/** Where an interrupted sweep resumes: the due query it was walking and how far it got. */
export const SweepCursorSchema = z.object({
  schemaVersion: z.literal(1),
  /** The `before` instant of the interrupted query. */
  before: z.number().int(),
  /** The timer store's cursor after the last page fully handled; null to restart that query. */
  cursor: z.string().nullable(),
  savedAt: z.number().int(),
});
export type SweepCursor = z.infer<typeof SweepCursorSchema>;

export interface SweepCursorStore {
  load(): Promise<SweepCursor | null>;
  save(cursor: SweepCursor): Promise<void>;
  clear(): Promise<void>;
}
