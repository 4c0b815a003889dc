import { z } from 'zod';
import { EvidenceRecordSchema, type EvidenceRecord } from '../../domain/incident/evidence';

/**
 * Port: the evidence registers, one per security incident, append-only. Each record of the chain (see
 * src/domain/incident/evidence.ts) is stored on its own under its sequence number, created only if that
 * number is still free, so two concurrent appends can never both take the same number: the loser reloads
 * and chains onto the winner. Implemented over `@forge/kvs` in src/forge/storage/evidence-store.ts.
 */

export const EVIDENCE_ENTRY_SCHEMA_VERSION = 1;

/**
 * Data kept next to a record but outside its hash: the text of a text item (checked against the
 * record's SHA-256 on every read, so it is tamper-evident anyway) and the size of a file.
 */
export const EvidenceContentSchema = z.object({ text: z.string().nullable(), size: z.number().int().nonnegative().nullable() });
export type EvidenceContent = z.infer<typeof EvidenceContentSchema>;

/** The stored value of one record. */
export const EvidenceEntrySchema = z.object({
  schemaVersion: z.literal(EVIDENCE_ENTRY_SCHEMA_VERSION),
  registerId: z.string().min(1),
  record: z.unknown(),
  content: EvidenceContentSchema.nullable(),
});
export type EvidenceEntry = z.infer<typeof EvidenceEntrySchema>;

/** One stored record as read: `record` is null when the stored value no longer parses (tampered or corrupt). */
export interface StoredEvidence {
  readonly seq: number;
  readonly record: EvidenceRecord | null;
  readonly content: EvidenceContent | null;
}

/** Parses a stored value; a value that is not a record of this register reads as unreadable (record null). */
export function readStoredEvidence(seq: number, registerId: string, value: unknown): StoredEvidence {
  const entry = EvidenceEntrySchema.safeParse(value);
  if (!entry.success || entry.data.registerId !== registerId) return { seq, record: null, content: null };
  const record = EvidenceRecordSchema.safeParse(entry.data.record);
  return { seq, record: record.success ? record.data : null, content: entry.data.content };
}

export interface EvidenceStore {
  /** Every stored record of the register, by ascending sequence number. */
  load(registerId: string): Promise<readonly StoredEvidence[]>;
  /** Stores the record under its `seq` unless that number is taken; false when it was (reload and retry). */
  create(registerId: string, record: EvidenceRecord, content: EvidenceContent | null): Promise<boolean>;
}
