import { createHash } from 'node:crypto';
import { ForgeKvsAPIError, WhereConditions, kvs } from '@forge/kvs';
import { EVIDENCE_ENTRY_SCHEMA_VERSION, readStoredEvidence, type EvidenceEntry, type EvidenceStore, type StoredEvidence } from '../../app/evidence/evidence-store';
import { safeKeyPart } from './kvs-errors';

/**
 * Evidence registers in the Forge KVS, plain keys (nothing is queried by value):
 * `evidence:<registerId>:<seq, 8 digits>` -> `{ schemaVersion, registerId, record, content }`.
 * A record is written with `keyPolicy: 'FAIL_IF_EXISTS'` — the KVS's atomic create-if-absent — so two
 * adds racing for the same sequence number cannot both succeed. Zero-padded numbers keep the key order
 * (what a prefix query returns) the chain order.
 */

export const EVIDENCE_PREFIX = 'evidence:';
const SEQ_DIGITS = 8;

export const evidencePrefix = (registerId: string): string => `${EVIDENCE_PREFIX}${safeKeyPart(registerId)}:`;
export const evidenceKey = (registerId: string, seq: number): string => `${evidencePrefix(registerId)}${String(seq).padStart(SEQ_DIGITS, '0')}`;

/** The SHA-256 the registers are chained with: lower-case hex of the UTF-8 bytes. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function isAlreadyExists(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 409 || /EXIST/i.test(error.code));
}

export const kvsEvidenceStore: EvidenceStore = {
  async load(registerId: string): Promise<readonly StoredEvidence[]> {
    const prefix = evidencePrefix(registerId);
    const out: StoredEvidence[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const r of page.results) {
        const seq = Number(r.key.slice(prefix.length));
        // A key that does not end in a number is not ours to interpret; skipping it cannot hide a record
        // because a missing number shows up as a gap in the chain.
        if (Number.isSafeInteger(seq) && seq > 0) out.push(readStoredEvidence(seq, registerId, r.value));
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out.sort((a, b) => a.seq - b.seq);
  },
  async create(registerId, record, content): Promise<boolean> {
    const entry: EvidenceEntry = { schemaVersion: EVIDENCE_ENTRY_SCHEMA_VERSION, registerId, record, content };
    try {
      await kvs.set(evidenceKey(registerId, record.seq), entry, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  },
};
