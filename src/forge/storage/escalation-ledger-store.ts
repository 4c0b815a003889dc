import { kvs, WhereConditions, ForgeKvsAPIError } from '@forge/kvs';
import {
  FiringRecordSchema,
  SweepCursorSchema,
  type CreateFiringResult,
  type EscalationLedger,
  type FiringRecord,
  type RotationStore,
  type SweepCursor,
  type SweepCursorStore,
} from '../../app/escalation';

/**
 * Escalation state in the Forge KVS (plain keys, no entity: nothing is queried by value):
 * - `esc-fired:<issueId>:<metricId>:<cycle>:<ladderId>:<levelId>` — one firing record (the ledger);
 *   listed per issue with a key prefix query. Created with `keyPolicy: 'FAIL_IF_EXISTS'`, so two runs
 *   racing for the same firing cannot both create it.
 * - `esc-rotation:<projectKey>:<poolKey>` — `{ schemaVersion: 1, lastPicked }` for round-robin.
 * - `esc-sweep-cursor` — where an interrupted sweep resumes.
 */

export const LEDGER_PREFIX = 'esc-fired:';
export const ROTATION_PREFIX = 'esc-rotation:';
export const SWEEP_CURSOR_KEY = 'esc-sweep-cursor';

const ledgerKey = (firingKey: string): string => `${LEDGER_PREFIX}${firingKey}`;

function parseRecord(value: unknown): FiringRecord | null {
  const parsed = FiringRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The KVS refuses a FAIL_IF_EXISTS write to an existing key with a 4xx KEY_ALREADY_EXISTS-style error. */
function isAlreadyExists(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 409 || /EXIST/i.test(error.code));
}

export const kvsEscalationLedger: EscalationLedger = {
  async create(record: FiringRecord): Promise<CreateFiringResult> {
    try {
      await kvs.set(ledgerKey(record.key), record, { keyPolicy: 'FAIL_IF_EXISTS' });
      return { created: true, record };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const existing = parseRecord(await kvs.get(ledgerKey(record.key)));
      if (existing === null) throw error;
      return { created: false, record: existing };
    }
  },
  async update(record: FiringRecord): Promise<void> {
    await kvs.set(ledgerKey(record.key), record);
  },
  async get(key: string): Promise<FiringRecord | null> {
    return parseRecord(await kvs.get(ledgerKey(key)));
  },
  async listForIssue(issueId: string): Promise<readonly FiringRecord[]> {
    const out: FiringRecord[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(`${LEDGER_PREFIX}${issueId}:`)).limit(20);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const r of page.results) {
        const rec = parseRecord(r.value);
        if (rec !== null) out.push(rec);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out;
  },
};

const rotationKey = (projectKey: string, poolKey: string): string => `${ROTATION_PREFIX}${projectKey}:${poolKey}`;

export const kvsRotationStore: RotationStore = {
  async lastPicked(projectKey, poolKey) {
    const value: unknown = await kvs.get(rotationKey(projectKey, poolKey));
    if (typeof value === 'object' && value !== null && 'lastPicked' in value && typeof value.lastPicked === 'string') return value.lastPicked;
    return null;
  },
  async setLastPicked(projectKey, poolKey, accountId) {
    await kvs.set(rotationKey(projectKey, poolKey), { schemaVersion: 1, lastPicked: accountId });
  },
};

export const kvsSweepCursorStore: SweepCursorStore = {
  async load(): Promise<SweepCursor | null> {
    const parsed = SweepCursorSchema.safeParse(await kvs.get(SWEEP_CURSOR_KEY));
    return parsed.success ? parsed.data : null;
  },
  async save(cursor: SweepCursor): Promise<void> {
    await kvs.set(SWEEP_CURSOR_KEY, cursor);
  },
  async clear(): Promise<void> {
    await kvs.delete(SWEEP_CURSOR_KEY);
  },
};
