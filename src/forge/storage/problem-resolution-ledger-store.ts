import { kvs, ForgeKvsAPIError } from '@forge/kvs';
import { ProblemResolutionRecordSchema, type ProblemResolutionLedger, type ProblemResolutionRecord } from '../../app/problem/resolution-ledger';

/**
 * Problem resolution ledger in the Forge KVS: `problem-resolved:<problemId>:<changeId>` (plain keys,
 * nothing is queried by value). Created with `keyPolicy: 'FAIL_IF_EXISTS'`, so two copies of the same
 * event cannot both claim it.
 */

export const PROBLEM_RESOLVED_PREFIX = 'problem-resolved:';

const keyOf = (key: string): string => `${PROBLEM_RESOLVED_PREFIX}${key}`;

function parse(value: unknown): ProblemResolutionRecord | null {
  const parsed = ProblemResolutionRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 409 || /EXIST/i.test(error.code));
}

export const kvsProblemResolutionLedger: ProblemResolutionLedger = {
  async create(record) {
    try {
      await kvs.set(keyOf(record.key), record, { keyPolicy: 'FAIL_IF_EXISTS' });
      return { created: true, record };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const existing = parse(await kvs.get(keyOf(record.key)));
      if (existing === null) throw error;
      return { created: false, record: existing };
    }
  },
  async update(record) {
    await kvs.set(keyOf(record.key), record);
  },
  async get(key) {
    return parse(await kvs.get(keyOf(key)));
  },
};
