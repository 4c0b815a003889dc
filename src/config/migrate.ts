import type { z } from 'zod';
import { CURRENT_SCHEMA_VERSION } from './current';
import { fromZodIssues, type ConfigError } from './errors';
import { messages, valueKind } from './messages';
import { v1ToV2 } from './v2/migrate-v1-to-v2';
import { migrateV2ToV3 } from './v3/migrate-v2-to-v3';
import { migrateV3ToV4 } from './v4/migrate-v3-to-v4';

/** What a step returns: the next version's raw config, or why this config cannot be carried over. */
export type MigrationStepResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/** Turns a raw config of version N into one of version N + 1. Must not mutate its input. */
export type MigrationStep = (config: Readonly<Record<string, unknown>>) => MigrationStepResult;

/** Steps keyed by the version they start from: `{ 1: v1ToV2, 2: v2ToV3 }`. */
export type MigrationTable = Readonly<Partial<Record<number, MigrationStep>>>;

/** Result of a version walk. `applied` lists the start versions of the steps that ran, in order. */
export type MigrateResult =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>>; readonly from: number; readonly applied: readonly number[] }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/** The app's migration steps. */
export const MIGRATIONS: MigrationTable = { 1: v1ToV2, 2: migrateV2ToV3, 3: migrateV3ToV4 };

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (error: ConfigError): MigrateResult => ({ ok: false, errors: [error] });

/**
 * Builds a step that first parses its input with the old version's schema, so `up` works on typed,
 * valid data; a config that is not a valid old version is reported with the field paths, not guessed at.
 *
 * @example
 * const v1ToV2 = migrationStep(1, ConfigV1Schema, (v1) => ({ ...v1, schemaVersion: 2, calendars: [] }));
 * const table: MigrationTable = { 1: v1ToV2 };
 */
export function migrationStep<S extends z.ZodType>(fromVersion: number, schema: S, up: (config: z.output<S>) => unknown): MigrationStep {
  return (config) => {
    const parsed = schema.safeParse(config, { reportInput: true });
    if (!parsed.success) {
      const errors = fromZodIssues(parsed.error.issues).map((e) => ({ ...e, message: messages.migrationInputInvalid(fromVersion, e.message) }));
      return { ok: false, errors };
    }
    return { ok: true, value: up(parsed.data) };
  };
}

/**
 * Walks a raw config up from its `schemaVersion` to `current`, one step at a time. Never resets: a
 * missing, invalid or future version, a missing step, or a step that fails or throws gives errors
 * and the caller keeps the stored config as it is.
 *
 * @example
 * const table = { 1: (c) => ({ ok: true, value: { ...c, schemaVersion: 2 } }) };
 * walkMigrations({ schemaVersion: 1 }, 2, table); // { ok: true, value: { schemaVersion: 2 }, from: 1, applied: [1] }
 * walkMigrations({ schemaVersion: 3 }, 2, table); // { ok: false, errors: [{ path: 'schemaVersion', code: 'unsupported-schema-version', ... }] }
 */
export function walkMigrations(raw: unknown, current: number, steps: MigrationTable): MigrateResult {
  if (!isRecord(raw)) return fail({ path: '', code: 'not-an-object', message: messages.notAnObject(valueKind(raw)) });
  const from = raw['schemaVersion'];
  if (from === undefined) {
    return fail({ path: 'schemaVersion', code: 'missing-schema-version', message: messages.missingSchemaVersion(current) });
  }
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return fail({ path: 'schemaVersion', code: 'invalid-schema-version', message: messages.invalidSchemaVersion(from, current) });
  }
  if (from > current) {
    return fail({ path: 'schemaVersion', code: 'unsupported-schema-version', message: messages.unsupportedSchemaVersion(from, current) });
  }
  let value: Readonly<Record<string, unknown>> = raw;
  const applied: number[] = [];
  for (let version = from; version < current; version++) {
    const step = steps[version];
    if (step === undefined) {
      return fail({ path: 'schemaVersion', code: 'no-migration-path', message: messages.noMigrationPath(version, version + 1) });
    }
    let result: MigrationStepResult;
    try {
      result = step(value);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return fail({ path: '', code: 'migration-failed', message: messages.migrationFailed(version, version + 1, detail) });
    }
    if (!result.ok) return result;
    const next = result.value;
    if (!isRecord(next) || next['schemaVersion'] !== version + 1) {
      const produced = isRecord(next) ? next['schemaVersion'] : undefined;
      const got = isRecord(next) ? `schemaVersion ${typeof produced === 'string' ? `"${produced}"` : String(produced)}` : valueKind(next);
      const detail = `the step produced ${got} instead of schemaVersion ${String(version + 1)}`;
      return fail({ path: '', code: 'migration-failed', message: messages.migrationFailed(version, version + 1, detail) });
    }
    value = next;
    applied.push(version);
  }
  return { ok: true, value, from, applied };
}

/**
 * Migrates a stored config to {@link CURRENT_SCHEMA_VERSION} with the app's {@link MIGRATIONS}.
 * Only versions move; field checks are `parseConfig`'s job.
 *
 * @example
 * migrate(defaultConfig()); // { ok: true, value: <the same config>, from: 1, applied: [] }
 * migrate({ schemaVersion: 99 }); // { ok: false, errors: [{ code: 'unsupported-schema-version', ... }] }
 */
export function migrate(raw: unknown): MigrateResult {
  return walkMigrations(raw, CURRENT_SCHEMA_VERSION, MIGRATIONS);
}
