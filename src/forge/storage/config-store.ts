import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { parseConfig } from '../../config';
import {
  ConfigVersionMetaSchema,
  type ConfigHistoryPage,
  type ConfigStore,
  type ConfigVersionMeta,
  type LoadedConfig,
  type SaveConfigInput,
  type SaveConfigResult,
  type StoredConfigVersion,
} from '../../app/ports/config-store';
import type { Clock } from '../../app/ports/clock';
import { isConditionFailed, safeKeyPart } from './kvs-errors';

/**
 * ConfigStore over Forge Custom Entities (declared in manifest.yml):
 * - `config-head`, key `<projectKey>`: the current version `{ projectKey, version, schemaVersion, record }`.
 * - `config-version`, key `<projectKey>:<version, 10 digits>`: every saved version, same shape, indexed
 *   `by-project` (partition projectKey, range version) for history pages.
 * `record` is `{ schemaVersion: 1, meta, config }` where `config` is stored exactly as saved. A save is
 * one KVS transaction: head set on condition `version == expected` (or absent for 0) plus the new
 * version record on condition "absent", so two admins cannot both win and history never has gaps.
 */

const HEAD = 'config-head';
const VERSION = 'config-version';

const StoredRecordSchema = z.object({ schemaVersion: z.literal(1), meta: ConfigVersionMetaSchema, config: z.unknown() });
type StoredRecord = z.infer<typeof StoredRecordSchema>;

const EntityValueSchema = z.object({
  projectKey: z.string(),
  version: z.number().int(),
  schemaVersion: z.number().int().optional(),
  record: StoredRecordSchema,
});
type EntityValue = z.infer<typeof EntityValueSchema>;

const versionKey = (projectKey: string, version: number): string => `${safeKeyPart(projectKey)}:${String(version).padStart(10, '0')}`;

/** The config's own `schemaVersion` when it has a whole-number one. */
function schemaVersionOf(config: unknown): number | null {
  if (typeof config !== 'object' || config === null) return null;
  const v = (config as Record<string, unknown>)['schemaVersion'];
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** Parsed config or the raw value with its errors; never replaced by defaults. */
function interpret(record: StoredRecord): StoredConfigVersion {
  const parsed = parseConfig(record.config);
  if (!parsed.ok) return { kind: 'invalid', meta: record.meta, raw: record.config, errors: parsed.errors };
  return parsed.migratedFrom === undefined
    ? { kind: 'ok', meta: record.meta, config: parsed.config }
    : { kind: 'ok', meta: record.meta, config: parsed.config, migratedFrom: parsed.migratedFrom };
}

/** An entity value that does not even have the record shape is kept and reported, like a bad config. */
function readEntity(projectKey: string, value: unknown): StoredConfigVersion {
  const parsed = EntityValueSchema.safeParse(value);
  if (parsed.success) return interpret(parsed.data.record);
  const rec = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const version = typeof rec['version'] === 'number' ? rec['version'] : 1;
  return {
    kind: 'invalid',
    meta: { projectKey, version, schemaVersion: null, savedAt: 0, savedBy: null, note: null },
    raw: value,
    errors: [
      {
        path: '',
        code: 'invalid',
        message: {
          ja: '保存されている設定レコードの形式が正しくありません。内容はそのまま保持されています。',
          en: 'The stored config record does not have the expected shape; it has been kept as it is.',
        },
      },
    ],
  };
}

export class KvsConfigStore implements ConfigStore {
  constructor(private readonly clock: Clock) {}

  async load(projectKey: string): Promise<LoadedConfig> {
    const value = await kvs.entity<EntityValue>(HEAD).get(safeKeyPart(projectKey));
    if (value === undefined) return { kind: 'missing', projectKey };
    return readEntity(projectKey, value);
  }

  async save(input: SaveConfigInput): Promise<SaveConfigResult> {
    const version = input.expectedVersion + 1;
    const meta: ConfigVersionMeta = {
      projectKey: input.projectKey,
      version,
      schemaVersion: schemaVersionOf(input.config),
      savedAt: this.clock.now(),
      savedBy: input.savedBy,
      note: input.note ?? null,
    };
    const value: EntityValue = {
      projectKey: input.projectKey,
      version,
      ...(meta.schemaVersion === null ? {} : { schemaVersion: meta.schemaVersion }),
      record: { schemaVersion: 1, meta, config: input.config },
    };
    const headCondition = new Filter<EntityValue>().and(
      'version',
      input.expectedVersion === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(input.expectedVersion),
    );
    try {
      await kvs
        .transact()
        .set(safeKeyPart(input.projectKey), value, { entityName: HEAD, conditions: headCondition })
        .set(versionKey(input.projectKey, version), value, {
          entityName: VERSION,
          conditions: new Filter<EntityValue>().and('version', FilterConditions.notExists()),
        })
        .execute();
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      const head = await kvs.entity<EntityValue>(HEAD).get(safeKeyPart(input.projectKey));
      const current = head === undefined ? 0 : (EntityValueSchema.safeParse(head).data?.version ?? input.expectedVersion);
      return { ok: false, reason: 'conflict', expectedVersion: input.expectedVersion, currentVersion: current };
    }
    return { ok: true, meta };
  }

  async history(projectKey: string, page: { readonly cursor?: string; readonly limit?: number } = {}): Promise<ConfigHistoryPage> {
    let query = kvs
      .entity<EntityValue>(VERSION)
      .query()
      .index('by-project', { partition: [projectKey] })
      .sort(Sort.DESC)
      .limit(Math.max(1, Math.min(100, page.limit ?? 20)));
    if (page.cursor !== undefined) query = query.cursor(page.cursor);
    const result = await query.getMany();
    return {
      versions: result.results.map((r) => readEntity(projectKey, r.value).meta),
      cursor: result.nextCursor ?? null,
    };
  }

  async getVersion(projectKey: string, version: number): Promise<StoredConfigVersion | null> {
    if (!Number.isInteger(version) || version < 1) return null;
    const value = await kvs.entity<EntityValue>(VERSION).get(versionKey(projectKey, version));
    return value === undefined ? null : readEntity(projectKey, value);
  }

  async listProjects(): Promise<readonly string[]> {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.entity<EntityValue>(HEAD).query().index('projectKey').where(WhereConditions.beginsWith('')).limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const r of page.results) {
        const p = EntityValueSchema.safeParse(r.value);
        keys.push(p.success ? p.data.projectKey : r.key);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return keys;
  }
}
