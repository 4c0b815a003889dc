import { z } from 'zod';
import type { Clock } from '../../jira/site-contract';
import { CONDITION_NAMES, RANGE_CONDITIONS, compareIndexValues, matchesClause, type Clause, type ConditionName } from './conditions';
import type { AttributeType, EntityDeclaration } from './entity-schema';

/**
 * In-memory Forge KVS + Custom Entity Store, answering the HTTP API that the real `@forge/kvs` speaks
 * (`POST /api/v1/get`, `/set`, `/delete`, `/query`, `/secret/*`, `/entity/*`, `/batch/*`, `/transaction`).
 * Errors use the store's `{ code, message }` body so the SDK raises its own `ForgeKvsAPIError`.
 */

export interface KvsResponse {
  status: number;
  body?: unknown;
}

interface StoredItem {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expiresAt?: number;
}

/** Where an item lives: plain keys, secrets, or one custom entity. */
type Namespace = { kind: 'kv' } | { kind: 'secret' } | { kind: 'entity'; name: string };

export const KVS_QUERY_MAX_LIMIT = 20;
export const KVS_QUERY_DEFAULT_LIMIT = 10;
export const KVS_BATCH_MAX = 25;
export const KVS_TRANSACTION_MAX = 25;
export const KVS_MAX_VALUE_BYTES = 240 * 1024;
export const KVS_MAX_DEPTH = 32;

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MetadataFieldSchema = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
const TtlSchema = z.object({ value: z.number().int().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const SetOptionsSchema = z
  .object({
    ttl: TtlSchema.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(MetadataFieldSchema).optional(),
  })
  .optional();
const GetOptionsSchema = z.object({ metadataFields: z.array(MetadataFieldSchema).optional() }).optional();
const ClauseSchema = z.object({ condition: z.enum(CONDITION_NAMES as [ConditionName, ...ConditionName[]]), values: z.array(z.unknown()) });
const FilterItemSchema = ClauseSchema.extend({ property: z.string().min(1) });
const FiltersSchema = z.object({ and: z.array(FilterItemSchema).optional(), or: z.array(FilterItemSchema).optional() });

const GetSchema = z.object({ key: z.string(), options: GetOptionsSchema });
const SetSchema = z.object({ key: z.string(), value: z.unknown(), options: SetOptionsSchema });
const DeleteSchema = z.object({ key: z.string() });
const EntityGetSchema = GetSchema.extend({ entityName: z.string() });
const EntitySetSchema = SetSchema.extend({ entityName: z.string() });
const EntityDeleteSchema = DeleteSchema.extend({ entityName: z.string() });
const QuerySchema = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.array(z.unknown()).length(1) })).max(1).optional(),
  options: GetOptionsSchema,
});
const EntityQuerySchema = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: ClauseSchema.optional(),
  filters: FiltersSchema.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
  options: GetOptionsSchema,
});
const BatchSetSchema = z.array(z.object({ entityName: z.string().optional(), key: z.string(), value: z.unknown(), options: SetOptionsSchema }));
const BatchGetSchema = z.array(z.object({ entityName: z.string().optional(), key: z.string(), options: GetOptionsSchema }));
const BatchDeleteSchema = z.array(z.object({ entityName: z.string().optional(), key: z.string() }));
const TransactionSchema = z.object({
  set: z.array(z.object({ key: z.string(), value: z.unknown(), entityName: z.string().optional(), conditions: FiltersSchema.optional(), options: SetOptionsSchema })).optional(),
  delete: z.array(z.object({ key: z.string(), entityName: z.string().optional(), conditions: FiltersSchema.optional() })).optional(),
  check: z.array(z.object({ key: z.string(), entityName: z.string().optional(), conditions: FiltersSchema })).optional(),
});

type MetadataField = z.infer<typeof MetadataFieldSchema>;
type Filters = z.infer<typeof FiltersSchema>;

export interface KvsStoreOptions {
  clock: Clock;
  entities?: EntityDeclaration[];
}

export class KvsStore {
  private readonly clock: Clock;
  private entities = new Map<string, EntityDeclaration>();
  private readonly data = new Map<string, Map<string, StoredItem>>();
  /** Every operation, for tests that count storage round trips. */
  readonly log: { path: string; at: number }[] = [];

  constructor(options: KvsStoreOptions) {
    this.clock = options.clock;
    this.setEntities(options.entities ?? []);
  }

  setEntities(entities: EntityDeclaration[]): void {
    this.entities = new Map(entities.map((e) => [e.name, e]));
  }

  entityDeclarations(): EntityDeclaration[] {
    return [...this.entities.values()];
  }

  reset(): void {
    this.data.clear();
    this.log.length = 0;
  }

  /** Snapshot of live plain keys (for the control API and debugging). */
  dump(): { kv: Record<string, unknown>; entities: Record<string, Record<string, unknown>> } {
    const kv: Record<string, unknown> = {};
    const entities: Record<string, Record<string, unknown>> = {};
    for (const [ns, items] of this.data) {
      for (const [key, item] of items) {
        if (!this.isLive(item)) continue;
        if (ns === 'kv') kv[key] = item.value;
        else if (ns.startsWith('entity:')) (entities[ns.slice(7)] ??= {})[key] = item.value;
      }
    }
    return { kv, entities };
  }

  /** Handle one SDK call. `body` is the parsed JSON the SDK posted. */
  handle(path: string, body: unknown): KvsResponse {
    this.log.push({ path, at: this.clock.now() });
    try {
      return this.route(path, body);
    } catch (e) {
      if (e instanceof KvsError) return { status: e.status, body: { code: e.code, message: e.message } };
      if (e instanceof z.ZodError) {
        return { status: 400, body: { code: 'BAD_REQUEST', message: `Provided request body is invalid: ${z.prettifyError(e)}` } };
      }
      throw e;
    }
  }

  private route(path: string, body: unknown): KvsResponse {
    switch (path) {
      case '/api/v1/get':
        return this.get({ kind: 'kv' }, GetSchema.parse(body));
      case '/api/v1/set':
        return this.set({ kind: 'kv' }, SetSchema.parse(body));
      case '/api/v1/delete':
        return this.delete({ kind: 'kv' }, DeleteSchema.parse(body).key);
      case '/api/v1/secret/get':
        return this.get({ kind: 'secret' }, GetSchema.parse(body));
      case '/api/v1/secret/set':
        return this.set({ kind: 'secret' }, SetSchema.parse(body));
      case '/api/v1/secret/delete':
        return this.delete({ kind: 'secret' }, DeleteSchema.parse(body).key);
      case '/api/v1/entity/get': {
        const req = EntityGetSchema.parse(body);
        return this.get(this.entityNs(req.entityName), req);
      }
      case '/api/v1/entity/set': {
        const req = EntitySetSchema.parse(body);
        return this.set(this.entityNs(req.entityName), req);
      }
      case '/api/v1/entity/delete': {
        const req = EntityDeleteSchema.parse(body);
        return this.delete(this.entityNs(req.entityName), req.key);
      }
      case '/api/v1/query':
        return this.query(QuerySchema.parse(body));
      case '/api/v1/entity/query':
        return this.queryEntity(EntityQuerySchema.parse(body));
      case '/api/v1/batch/set':
        return this.batchSet(BatchSetSchema.parse(body));
      case '/api/v1/batch/get':
        return this.batchGet(BatchGetSchema.parse(body));
      case '/api/v1/batch/delete':
        return this.batchDelete(BatchDeleteSchema.parse(body));
      case '/api/v1/transaction':
        return this.transact(TransactionSchema.parse(body));
      default:
        return { status: 404, body: { code: 'NOT_FOUND', message: `The emulated KVS has no endpoint ${path}` } };
    }
  }

  // ---- single items ----

  private get(ns: Namespace, req: { key: string; options?: { metadataFields?: MetadataField[] | undefined } | undefined }): KvsResponse {
    validateKey(req.key);
    const item = this.read(ns, req.key);
    if (!item) throw new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return { status: 200, body: this.present(req.key, item, ALL_METADATA) };
  }

  private set(ns: Namespace, req: z.infer<typeof SetSchema>): KvsResponse {
    validateKey(req.key);
    this.validateValue(ns, req.value);
    const previous = this.read(ns, req.key);
    const options = req.options;
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsError(409, 'KEY_ALREADY_EXISTS', 'Provided key already exists');
    }
    const stored = this.write(ns, req.key, req.value, options?.ttl, previous);
    if (options?.returnValue === 'PREVIOUS') {
      return previous ? { status: 200, body: this.present(req.key, previous, ALL_METADATA) } : { status: 204 };
    }
    if (options?.returnValue === 'LATEST') return { status: 200, body: this.present(req.key, stored, ALL_METADATA) };
    return { status: 204 };
  }

  private delete(ns: Namespace, key: string): KvsResponse {
    validateKey(key);
    const bucket = this.bucket(ns);
    const item = bucket.get(key);
    bucket.delete(key);
    if (!item || !this.isLive(item)) throw new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return { status: 204 };
  }

  // ---- queries ----

  private query(req: z.infer<typeof QuerySchema>): KvsResponse {
    const limit = clampLimit(req.limit);
    const prefix = req.where?.[0] !== undefined ? String(req.where[0].values[0]) : '';
    const after = req.after !== undefined ? decodeCursor(req.after, 'kv').key : undefined;
    const keys = [...this.bucket({ kind: 'kv' }).entries()]
      .filter(([key, item]) => this.isLive(item) && key.startsWith(prefix) && (after === undefined || key > after))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const page = keys.slice(0, limit);
    const last = page.at(-1);
    const metadata = req.options?.metadataFields ?? [];
    return {
      status: 200,
      body: {
        data: page.map(([key, item]) => this.present(key, item, metadata)),
        ...(keys.length > limit && last ? { cursor: encodeCursor({ scope: 'kv', key: last[0] }) } : {}),
      },
    };
  }

  private queryEntity(req: z.infer<typeof EntityQuerySchema>): KvsResponse {
    const entity = this.entity(req.entityName);
    const index = entity.indexes.find((i) => i.name === req.indexName);
    if (!index) {
      throw new KvsError(400, 'INDEX_NOT_FOUND', `Index "${req.indexName}" is not declared for entity "${entity.name}" in manifest.yml`);
    }
    const partition = req.partition ?? [];
    if (partition.length !== index.partition.length) {
      throw new KvsError(
        400,
        'INVALID_PARTITION',
        `Index "${index.name}" is partitioned by [${index.partition.join(', ')}]: give exactly ${index.partition.length} partition value(s), got ${partition.length}`,
      );
    }
    if (req.range && !RANGE_CONDITIONS.includes(req.range.condition)) {
      throw new KvsError(400, 'INVALID_CONDITION', `${req.range.condition} cannot be used as a range (where) condition`);
    }
    const filters = normaliseFilters(req.filters);
    const limit = clampLimit(req.limit);
    const desc = req.sort === 'DESC';
    const after = req.cursor !== undefined ? decodeCursor(req.cursor, `entity:${entity.name}:${index.name}`) : undefined;

    const rows = [...this.bucket({ kind: 'entity', name: entity.name }).entries()]
      .filter(([, item]) => this.isLive(item))
      .map(([key, item]) => ({ key, item, attrs: item.value as Record<string, unknown> }))
      .filter(({ attrs }) => attrs[index.range] !== undefined && index.partition.every((p, i) => attrs[p] !== undefined && attrs[p] === partition[i]))
      .filter(({ attrs }) => (req.range ? matchesClause(attrs[index.range], req.range) : true))
      .filter(({ attrs }) => matchesFilters(attrs, filters))
      .sort((a, b) => {
        const byRange = compareIndexValues(a.attrs[index.range], b.attrs[index.range]);
        const order = byRange !== 0 ? byRange : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
        return desc ? -order : order;
      });
    const start =
      after === undefined
        ? 0
        : rows.findIndex((row) => {
            const byRange = compareIndexValues(row.attrs[index.range], after.range);
            const order = byRange !== 0 ? byRange : row.key < after.key ? -1 : row.key > after.key ? 1 : 0;
            return desc ? order < 0 : order > 0;
          });
    const remaining = start < 0 ? [] : rows.slice(start);
    const page = remaining.slice(0, limit);
    const last = page.at(-1);
    const metadata = req.options?.metadataFields ?? [];
    return {
      status: 200,
      body: {
        data: page.map(({ key, item }) => this.present(key, item, metadata)),
        ...(remaining.length > limit && last
          ? { cursor: encodeCursor({ scope: `entity:${entity.name}:${index.name}`, key: last.key, range: last.attrs[index.range] }) }
          : {}),
      },
    };
  }

  // ---- batches and transactions ----

  private batchSet(items: z.infer<typeof BatchSetSchema>): KvsResponse {
    if (items.length > KVS_BATCH_MAX) throw new KvsError(400, 'TOO_MANY_ITEMS', `A batch takes at most ${KVS_BATCH_MAX} items`);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of items) {
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        this.set(this.nsOf(item.entityName), { key: item.key, value: item.value, options: item.options });
        successfulKeys.push(id);
      } catch (e) {
        if (!(e instanceof KvsError)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(items: z.infer<typeof BatchGetSchema>): KvsResponse {
    if (items.length > KVS_BATCH_MAX) throw new KvsError(400, 'TOO_MANY_ITEMS', `A batch takes at most ${KVS_BATCH_MAX} items`);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const req of items) {
      const id = { key: req.key, ...(req.entityName !== undefined ? { entityName: req.entityName } : {}) };
      try {
        validateKey(req.key);
        const item = this.read(this.nsOf(req.entityName), req.key);
        if (!item) failedKeys.push({ ...id, error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
        else successfulKeys.push({ ...id, ...(this.present(req.key, item, req.options?.metadataFields ?? []) as object) });
      } catch (e) {
        if (!(e instanceof KvsError)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchDelete(items: z.infer<typeof BatchDeleteSchema>): KvsResponse {
    if (items.length > KVS_BATCH_MAX) throw new KvsError(400, 'TOO_MANY_ITEMS', `A batch takes at most ${KVS_BATCH_MAX} items`);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of items) {
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        validateKey(item.key);
        this.bucket(this.nsOf(item.entityName)).delete(item.key);
        successfulKeys.push(id);
      } catch (e) {
        if (!(e instanceof KvsError)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  /** All conditions are checked against the state before any write; then every write applies, or none. */
  private transact(req: z.infer<typeof TransactionSchema>): KvsResponse {
    const sets = req.set ?? [];
    const deletes = req.delete ?? [];
    const checks = req.check ?? [];
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw new KvsError(400, 'BAD_REQUEST', 'A transaction needs at least one operation');
    if (total > KVS_TRANSACTION_MAX) throw new KvsError(400, 'TOO_MANY_ITEMS', `A transaction takes at most ${KVS_TRANSACTION_MAX} operations`);
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      validateKey(op.key);
      const id = `${op.entityName ?? ''}\u0000${op.key}`;
      if (seen.has(id)) throw new KvsError(400, 'DUPLICATE_KEY', `Key "${op.key}" appears more than once in the transaction`);
      seen.add(id);
      if (op.conditions !== undefined && op.entityName === undefined) {
        throw new KvsError(400, 'BAD_REQUEST', 'Conditions can only be used on custom entities');
      }
    }
    for (const op of sets) this.validateValue(this.nsOf(op.entityName), op.value);
    for (const op of [...sets, ...deletes, ...checks]) {
      if (op.conditions === undefined) continue;
      const current = this.read(this.nsOf(op.entityName), op.key);
      const attrs = (current?.value ?? {}) as Record<string, unknown>;
      if (!matchesFilters(attrs, normaliseFilters(op.conditions))) {
        throw new KvsError(409, 'CONDITIONAL_CHECK_FAILED', `The condition for key "${op.key}" was not met; nothing was written`);
      }
    }
    for (const op of sets) this.write(this.nsOf(op.entityName), op.key, op.value, op.options?.ttl, this.read(this.nsOf(op.entityName), op.key));
    for (const op of deletes) this.bucket(this.nsOf(op.entityName)).delete(op.key);
    return { status: 204 };
  }

  // ---- helpers ----

  private nsOf(entityName: string | undefined): Namespace {
    return entityName === undefined ? { kind: 'kv' } : this.entityNs(entityName);
  }

  private entityNs(name: string): Namespace {
    this.entity(name);
    return { kind: 'entity', name };
  }

  private entity(name: string): EntityDeclaration {
    const entity = this.entities.get(name);
    if (!entity) {
      throw new KvsError(400, 'ENTITY_NOT_FOUND', `Entity "${name}" is not declared under app.storage.entities in manifest.yml`);
    }
    return entity;
  }

  private bucket(ns: Namespace): Map<string, StoredItem> {
    const id = ns.kind === 'entity' ? `entity:${ns.name}` : ns.kind;
    let bucket = this.data.get(id);
    if (!bucket) {
      bucket = new Map();
      this.data.set(id, bucket);
    }
    return bucket;
  }

  private isLive(item: StoredItem): boolean {
    return item.expiresAt === undefined || item.expiresAt > this.clock.now();
  }

  private read(ns: Namespace, key: string): StoredItem | undefined {
    const item = this.bucket(ns).get(key);
    return item && this.isLive(item) ? item : undefined;
  }

  private write(ns: Namespace, key: string, value: unknown, ttl: z.infer<typeof TtlSchema> | undefined, previous: StoredItem | undefined): StoredItem {
    const now = this.clock.now();
    const stored: StoredItem = {
      value: structuredClone(value),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttl ? { expiresAt: now + ttl.value * TTL_UNIT_MS[ttl.unit] } : {}),
    };
    this.bucket(ns).set(key, stored);
    return stored;
  }

  private present(key: string, item: StoredItem, metadata: readonly MetadataField[]): unknown {
    return {
      key,
      value: structuredClone(item.value),
      ...(metadata.includes('CREATED_AT') ? { createdAt: item.createdAt } : {}),
      ...(metadata.includes('UPDATED_AT') ? { updatedAt: item.updatedAt } : {}),
      ...(metadata.includes('EXPIRE_TIME') && item.expiresAt !== undefined ? { expireTime: new Date(item.expiresAt).toISOString() } : {}),
    };
  }

  private validateValue(ns: Namespace, value: unknown): void {
    if (value === undefined || value === null) throw new KvsError(400, 'BAD_REQUEST', 'A value is required');
    const json = JSON.stringify(value);
    if (Buffer.byteLength(json, 'utf8') > KVS_MAX_VALUE_BYTES) {
      throw new KvsError(400, 'MAX_SIZE', `The provided value has exceeded the maximum size limit (${KVS_MAX_VALUE_BYTES} bytes)`);
    }
    if (depthOf(value) > KVS_MAX_DEPTH) throw new KvsError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${KVS_MAX_DEPTH}) limit`);
    if (ns.kind !== 'entity') return;
    const entity = this.entity(ns.name);
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new KvsError(400, 'INVALID_ENTITY_VALUE', `A value of entity "${entity.name}" must be an object of its declared attributes`);
    }
    for (const [attr, attrValue] of Object.entries(value as Record<string, unknown>)) {
      const type = entity.attributes[attr];
      if (type === undefined) {
        throw new KvsError(400, 'INVALID_ENTITY_VALUE', `Attribute "${attr}" is not declared for entity "${entity.name}" in manifest.yml`);
      }
      if (attrValue !== undefined && !hasType(attrValue, type)) {
        throw new KvsError(400, 'INVALID_ENTITY_VALUE', `Attribute "${attr}" of entity "${entity.name}" must be of type ${type}`);
      }
    }
  }
}

const ALL_METADATA: readonly MetadataField[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

const TTL_UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

function validateKey(key: string): void {
  if (key.length === 0) throw new KvsError(400, 'EMPTY_KEY', 'Key cannot be empty.');
  if (key.length > 500) throw new KvsError(400, 'KEY_TOO_LONG', 'The provided key has exceeded the maximum 500 characters.');
  if (!KEY_PATTERN.test(key)) {
    throw new KvsError(400, 'INVALID_KEY', `The provided key "${key}" does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/`);
  }
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return KVS_QUERY_DEFAULT_LIMIT;
  if (limit < 1) throw new KvsError(400, 'INVALID_LIMIT', 'limit must be at least 1');
  return Math.min(limit, KVS_QUERY_MAX_LIMIT);
}

function hasType(value: unknown, type: AttributeType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

interface NormalisedFilters {
  op: 'and' | 'or';
  items: (Clause & { property: string })[];
}

function normaliseFilters(filters: Filters | undefined): NormalisedFilters {
  if (!filters) return { op: 'and', items: [] };
  if (filters.and && filters.or) throw new KvsError(400, 'INVALID_FILTER', 'Use either "and" or "or" filters, not both');
  return filters.or ? { op: 'or', items: filters.or } : { op: 'and', items: filters.and ?? [] };
}

function matchesFilters(attrs: Record<string, unknown>, filters: NormalisedFilters): boolean {
  if (filters.items.length === 0) return true;
  const test = (f: Clause & { property: string }): boolean => matchesClause(attrs[f.property], f);
  return filters.op === 'and' ? filters.items.every(test) : filters.items.some(test);
}

interface CursorState {
  scope: string;
  key: string;
  range?: unknown;
}

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, scope: string): CursorState {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (parsed.scope === scope && typeof parsed.key === 'string') return parsed;
  } catch {
    // fall through to the error below: a cursor from elsewhere is the caller's bug
  }
  throw new KvsError(400, 'INVALID_CURSOR', 'The cursor is not valid for this query');
}

