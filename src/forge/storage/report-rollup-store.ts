import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { z } from 'zod';
import {
  IncidentFactsSchema,
  MAX_COMMIT_WRITES,
  RollupDaySchema,
  RollupHeadSchema,
  type ReportRollupStore,
  type RollupCommit,
  type RollupHead,
  type RollupReplacement,
  type Versioned,
} from '../../app/report/report-rollup-port';
import type { IncidentFacts, RollupDay } from '../../domain/report';
import { isConditionFailed, safeKeyPart } from './kvs-errors';

/**
 * ReportRollupStore over two Custom Entities (manifest.yml), each value `{ projectKey, version,
 * schemaVersion, record }`, indexed `by-project` (partition projectKey) so a rebuild can find what to
 * replace:
 * - `report-rollup`: key `<project>:head` (zone, open backlog, counters) and `<project>:d:<YYYY-MM-DD>`
 *   (that local day's cells: a day of 50,000 incidents a year stays far below the 240 KiB value limit);
 * - `report-facts`: key `<project>:<issueId>`, the facts last applied for the incident.
 * `version` counts writes of a record; a commit is one KVS transaction whose every write is conditioned
 * on the version it read (`notExists` for 0), so two events never both apply to one record.
 */

const ROLLUP = 'report-rollup';
const FACTS = 'report-facts';
const RECORD_SCHEMA_VERSION = 1;
const BATCH = 25;
const LIST_PAGE = 20;

interface EntityValue {
  projectKey: string;
  version: number;
  schemaVersion: number;
  record: unknown;
}

const EntityValueSchema = z.object({ projectKey: z.string(), version: z.number().int(), record: z.unknown() });

const headKey = (projectKey: string): string => `${safeKeyPart(projectKey)}:head`;
const dayKey = (projectKey: string, day: string): string => `${safeKeyPart(projectKey)}:d:${day}`;
const factsKey = (projectKey: string, issueId: string): string => `${safeKeyPart(projectKey)}:${safeKeyPart(issueId)}`;

/** A record that no longer parses counts as absent at its version (the next write replaces it). */
function versioned<T>(raw: unknown, schema: z.ZodType<T>): Versioned<T> {
  const entity = EntityValueSchema.safeParse(raw);
  if (!entity.success) return { version: 0, value: null };
  const record = schema.safeParse(entity.data.record);
  return { version: entity.data.version, value: record.success ? record.data : null };
}

const condition = (expectedVersion: number) =>
  new Filter<EntityValue>().and('version', expectedVersion === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(expectedVersion));

const entityValue = (projectKey: string, version: number, record: unknown): EntityValue => ({ projectKey, version, schemaVersion: RECORD_SCHEMA_VERSION, record });

export class KvsReportRollupStore implements ReportRollupStore {
  async loadFacts(projectKey: string, issueId: string): Promise<Versioned<IncidentFacts>> {
    return versioned(await kvs.entity<EntityValue>(FACTS).get(factsKey(projectKey, issueId)), IncidentFactsSchema);
  }

  async loadHead(projectKey: string): Promise<Versioned<RollupHead>> {
    return versioned(await kvs.entity<EntityValue>(ROLLUP).get(headKey(projectKey)), RollupHeadSchema);
  }

  async loadDays(projectKey: string, days: readonly string[]): Promise<ReadonlyMap<string, Versioned<RollupDay>>> {
    const out = new Map<string, Versioned<RollupDay>>();
    const byKey = new Map(days.map((d) => [dayKey(projectKey, d), d] as const));
    const keys = [...byKey.keys()];
    for (let i = 0; i < keys.length; i += BATCH) {
      const chunk = keys.slice(i, i + BATCH);
      const result = await kvs.batchGet<EntityValue>(chunk.map((key) => ({ key, entityName: ROLLUP })));
      for (const hit of result.successfulKeys) {
        const day = byKey.get(hit.key);
        if (day !== undefined) out.set(day, versioned(hit.value, RollupDaySchema));
      }
      for (const miss of result.failedKeys) {
        if (miss.error.code !== 'KEY_NOT_FOUND') throw new Error(`report rollups: reading ${miss.key} failed: ${miss.error.code} ${miss.error.message ?? ''}`);
      }
    }
    for (const d of days) if (!out.has(d)) out.set(d, { version: 0, value: null });
    return out;
  }

  async commit(change: RollupCommit): Promise<boolean> {
    if (change.days.size + 2 > MAX_COMMIT_WRITES) throw new RangeError(`report rollups: a commit writes at most ${String(MAX_COMMIT_WRITES)} records`);
    const { projectKey } = change;
    let tx = kvs.transact();
    const put = (entityName: string, key: string, expectedVersion: number, record: unknown): void => {
      if (record === null) {
        // Deleting what was never stored is nothing to do.
        if (expectedVersion !== 0) tx = tx.delete(key, { entityName, conditions: condition(expectedVersion) });
        return;
      }
      tx = tx.set(key, entityValue(projectKey, expectedVersion + 1, record), { entityName, conditions: condition(expectedVersion) });
    };
    put(FACTS, factsKey(projectKey, change.issueId), change.facts.expectedVersion, change.facts.value);
    put(ROLLUP, headKey(projectKey), change.head.expectedVersion, change.head.value);
    for (const [day, w] of change.days) put(ROLLUP, dayKey(projectKey, day), w.expectedVersion, w.value);
    try {
      await tx.execute();
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async replace(replacement: RollupReplacement): Promise<void> {
    const { projectKey } = replacement;
    const [oldRollup, oldFacts] = await Promise.all([this.listVersions(ROLLUP, projectKey), this.listVersions(FACTS, projectKey)]);
    const writes: { key: string; entityName: string; value: EntityValue }[] = [];
    const add = (entityName: string, old: Map<string, number>, key: string, record: unknown): void => {
      writes.push({ key, entityName, value: entityValue(projectKey, (old.get(key) ?? 0) + 1, record) });
      old.delete(key);
    };
    for (const [day, cells] of Object.entries(replacement.days)) add(ROLLUP, oldRollup, dayKey(projectKey, day), cells);
    for (const [issueId, facts] of replacement.facts) add(FACTS, oldFacts, factsKey(projectKey, issueId), facts);
    // The head last: until it is written the old head's zone and backlog stay consistent with most days.
    const head = { key: headKey(projectKey), entityName: ROLLUP, value: entityValue(projectKey, (oldRollup.get(headKey(projectKey)) ?? 0) + 1, replacement.head) };
    oldRollup.delete(headKey(projectKey));
    for (let i = 0; i < writes.length; i += BATCH) {
      const result = await kvs.batchSet(writes.slice(i, i + BATCH));
      if (result.failedKeys.length > 0) throw new Error(`report rollups: ${String(result.failedKeys.length)} records could not be written (${result.failedKeys[0]?.error.code ?? ''})`);
    }
    const stale = [...[...oldRollup.keys()].map((key) => ({ key, entityName: ROLLUP })), ...[...oldFacts.keys()].map((key) => ({ key, entityName: FACTS }))];
    for (let i = 0; i < stale.length; i += BATCH) await kvs.batchDelete(stale.slice(i, i + BATCH));
    const result = await kvs.batchSet([head]);
    if (result.failedKeys.length > 0) throw new Error(`report rollups: the head could not be written (${result.failedKeys[0]?.error.code ?? ''})`);
  }

  async clearPage(projectKey: string, limit: number): Promise<number> {
    // The first page each time (what this call deletes leaves the index, so no cursor is needed); the head
    // stays and comes back at most once per page, hence one more than the limit.
    const head = headKey(projectKey);
    for (const entityName of [ROLLUP, FACTS]) {
      const page = await kvs
        .entity<EntityValue>(entityName)
        .query()
        .index('by-project', { partition: [projectKey] })
        .limit(Math.max(1, Math.min(BATCH, limit)) + 1)
        .getMany();
      const keys = page.results.map((r) => r.key).filter((k) => !(entityName === ROLLUP && k === head)).slice(0, Math.max(1, Math.min(BATCH, limit)));
      if (keys.length === 0) continue;
      await kvs.batchDelete(keys.map((key) => ({ key, entityName })));
      return keys.length;
    }
    return 0;
  }

  async overwriteHead(projectKey: string, head: RollupHead): Promise<void> {
    const key = headKey(projectKey);
    // Conditioned on the version read, so a commit in between is never overwritten with a version it also holds.
    for (let attempt = 0; attempt < 8; attempt++) {
      const raw = await kvs.entity<EntityValue>(ROLLUP).get(key);
      const version = EntityValueSchema.safeParse(raw).data?.version ?? 0;
      try {
        await kvs
          .transact()
          .set(key, entityValue(projectKey, version + 1, head), { entityName: ROLLUP, conditions: condition(raw === undefined ? 0 : version) })
          .execute();
        return;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    }
    throw new Error('report rollups: the head kept changing while a rebuild tried to mark it');
  }

  /** Every record key of a project in an entity, with its version. */
  private async listVersions(entityName: string, projectKey: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    let cursor: string | undefined;
    do {
      let query = kvs.entity<EntityValue>(entityName).query().index('by-project', { partition: [projectKey] }).limit(LIST_PAGE);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const r of page.results) out.set(r.key, EntityValueSchema.safeParse(r.value).data?.version ?? 0);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out;
  }
}
