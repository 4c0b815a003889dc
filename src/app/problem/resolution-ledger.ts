import { z } from 'zod';

/**
 * Port: what was done for one resolution of one problem, so that a duplicated or late event acts on
 * the linked incidents exactly once. Keyed `<problemId>:<changeId>` (the changelog entry that resolved
 * it): resolving again after a reopen is a new change and acts again. Implemented over `@forge/kvs` in
 * src/forge/storage/problem-resolution-ledger-store.ts.
 */

export const ResolutionActionRecordSchema = z.object({
  /** `<ruleIndex>:<type>:<incidentKey>` */
  id: z.string(),
  type: z.enum(['notify', 'transition', 'comment']),
  incidentKey: z.string(),
  state: z.enum(['pending', 'done', 'failed']),
  detail: z.string().nullable(),
});
export type ResolutionActionRecord = z.infer<typeof ResolutionActionRecordSchema>;

export const ProblemResolutionRecordSchema = z.object({
  schemaVersion: z.literal(1),
  key: z.string(),
  problemKey: z.string(),
  changeId: z.string(),
  /** When the run that owns the record started; a `running` record older than the lease is taken over. */
  claimedAt: z.number().int(),
  state: z.enum(['running', 'done']),
  actions: z.array(ResolutionActionRecordSchema),
  skipped: z.array(z.object({ incidentKey: z.string(), reason: z.string() })),
});
export type ProblemResolutionRecord = z.infer<typeof ProblemResolutionRecordSchema>;

export interface ProblemResolutionLedger {
  /** Creates the record unless one exists for its key (atomic); returns the stored one either way. */
  create(record: ProblemResolutionRecord): Promise<{ readonly created: boolean; readonly record: ProblemResolutionRecord }>;
  update(record: ProblemResolutionRecord): Promise<void>;
  get(key: string): Promise<ProblemResolutionRecord | null>;
}
