import { parseConfig, defaultConfig, type Config, type ConfigError } from '../../config';
import type { ConfigStore, ConfigVersionMeta } from '../ports/config-store';
import { CONFIG_EXPORT_FORMAT } from '../../contracts/resolvers';
import { diffConfig, type ConfigDiffEntry } from './config-diff';

/**
 * What the settings page does with the config, over the ConfigStore port: save with validation and
 * optimistic concurrency, restore a past version, export, import (preview or apply). Authorization is
 * the caller's job (the resolvers check project admin first).
 */

export type ConfigUseCaseError =
  /** The config (or imported document) fails the schema, the cross-field rules or the version walk. */
  | { readonly kind: 'invalid-config'; readonly errors: readonly ConfigError[] }
  /** Someone saved since the edit started; nothing was written. */
  | { readonly kind: 'conflict'; readonly expectedVersion: number; readonly currentVersion: number }
  /** No such version in the history. */
  | { readonly kind: 'not-found'; readonly version: number };

export type ConfigUseCaseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ConfigUseCaseError };

export interface SaveInput {
  readonly projectKey: string;
  readonly raw: unknown;
  readonly expectedVersion: number;
  readonly savedBy: string | null;
  readonly note?: string;
}

/**
 * Validates (migrating an older schema version) and saves as the next version.
 *
 * @example
 * await saveConfig(store, { projectKey: 'INC', raw: edited, expectedVersion: 3, savedBy: 'acc-1' });
 * // { ok: true, value: { version: 4, ... } } or { ok: false, error: { kind: 'conflict', expectedVersion: 3, currentVersion: 4 } }
 */
export async function saveConfig(store: ConfigStore, input: SaveInput): Promise<ConfigUseCaseResult<ConfigVersionMeta>> {
  const parsed = parseConfig(input.raw);
  if (!parsed.ok) return { ok: false, error: { kind: 'invalid-config', errors: parsed.errors } };
  const saved = await store.save({
    projectKey: input.projectKey,
    config: parsed.config,
    expectedVersion: input.expectedVersion,
    savedBy: input.savedBy,
    ...(input.note !== undefined ? { note: input.note } : {}),
  });
  if (!saved.ok) return { ok: false, error: { kind: 'conflict', expectedVersion: saved.expectedVersion, currentVersion: saved.currentVersion } };
  return { ok: true, value: saved.meta };
}

/** Brings a past version back as a new version (history is never rewritten). */
export async function restoreConfig(
  store: ConfigStore,
  input: { readonly projectKey: string; readonly version: number; readonly expectedVersion: number; readonly savedBy: string | null },
): Promise<ConfigUseCaseResult<ConfigVersionMeta>> {
  const past = await store.getVersion(input.projectKey, input.version);
  if (past === null) return { ok: false, error: { kind: 'not-found', version: input.version } };
  if (past.kind === 'invalid') return { ok: false, error: { kind: 'invalid-config', errors: past.errors } };
  return saveConfig(store, {
    projectKey: input.projectKey,
    raw: past.config,
    expectedVersion: input.expectedVersion,
    savedBy: input.savedBy,
    note: `restore of version ${String(input.version)}`,
  });
}

/** The current config of a project for editing: stored, defaults when never saved, or the raw invalid value. */
export async function currentConfig(
  store: ConfigStore,
  projectKey: string,
): Promise<{ readonly state: 'ok' | 'missing' | 'invalid'; readonly version: number; readonly config: unknown; readonly errors: readonly ConfigError[]; readonly meta: ConfigVersionMeta | null; readonly migratedFrom: number | null }> {
  const loaded = await store.load(projectKey);
  switch (loaded.kind) {
    case 'missing':
      return { state: 'missing', version: 0, config: defaultConfig(), errors: [], meta: null, migratedFrom: null };
    case 'ok':
      return { state: 'ok', version: loaded.meta.version, config: loaded.config, errors: [], meta: loaded.meta, migratedFrom: loaded.migratedFrom ?? null };
    case 'invalid':
      return { state: 'invalid', version: loaded.meta.version, config: loaded.raw, errors: loaded.errors, meta: loaded.meta, migratedFrom: null };
  }
}

export interface ConfigExport {
  readonly fileName: string;
  readonly document: {
    readonly format: typeof CONFIG_EXPORT_FORMAT;
    readonly formatVersion: 1;
    readonly projectKey: string;
    readonly version: number;
    readonly exportedAt: number;
    readonly config: unknown;
  };
}

/** The whole config as a JSON document (an invalid stored config is exported as stored, so it can be fixed offline). */
export async function exportConfig(store: ConfigStore, projectKey: string, now: number): Promise<ConfigExport> {
  const current = await currentConfig(store, projectKey);
  const stamp = new Date(now).toISOString().slice(0, 10);
  return {
    fileName: `incident-desk-${projectKey}-v${String(current.version)}-${stamp}.json`,
    document: { format: CONFIG_EXPORT_FORMAT, formatVersion: 1, projectKey, version: current.version, exportedAt: now, config: current.config },
  };
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The config inside an import document: an export document's `config`, or the document itself. */
function unwrap(document: unknown): ConfigUseCaseResult<unknown> {
  if (isRecord(document) && 'format' in document) {
    if (document['format'] !== CONFIG_EXPORT_FORMAT || document['formatVersion'] !== 1 || !('config' in document)) {
      return {
        ok: false,
        error: {
          kind: 'invalid-config',
          errors: [
            {
              path: 'format',
              code: 'invalid-value',
              message: {
                ja: `format は "${CONFIG_EXPORT_FORMAT}"（formatVersion 1）のエクスポートファイルである必要があります。`,
                en: `format must be an "${CONFIG_EXPORT_FORMAT}" export file (formatVersion 1).`,
              },
            },
          ],
        },
      };
    }
    return { ok: true, value: document['config'] };
  }
  return { ok: true, value: document };
}

export interface ImportInput {
  readonly projectKey: string;
  readonly document: unknown;
  readonly mode: 'preview' | 'apply';
  readonly expectedVersion: number;
  readonly savedBy: string | null;
}

export interface ImportOutcome {
  readonly mode: 'preview' | 'apply';
  readonly changes: readonly ConfigDiffEntry[];
  readonly config: Config;
  readonly meta: ConfigVersionMeta | null;
}

/**
 * Validates an imported document like a save (same field errors), diffs it against the current config,
 * and in `apply` mode saves it as the next version (stale `expectedVersion` -> conflict, nothing written).
 *
 * @example
 * await importConfig(store, { projectKey: 'INC', document, mode: 'preview', expectedVersion: 2, savedBy: 'acc-1' });
 * // { ok: true, value: { mode: 'preview', changes: [{ path: 'matrix[0][1]', kind: 'changed', before: 'P2', after: 'P1' }], meta: null } }
 */
export async function importConfig(store: ConfigStore, input: ImportInput): Promise<ConfigUseCaseResult<ImportOutcome>> {
  const inner = unwrap(input.document);
  if (!inner.ok) return inner;
  const parsed = parseConfig(inner.value);
  if (!parsed.ok) return { ok: false, error: { kind: 'invalid-config', errors: parsed.errors } };
  const current = await currentConfig(store, input.projectKey);
  const changes = diffConfig(current.config, parsed.config);
  if (input.mode === 'preview') return { ok: true, value: { mode: 'preview', changes, config: parsed.config, meta: null } };
  const saved = await store.save({ projectKey: input.projectKey, config: parsed.config, expectedVersion: input.expectedVersion, savedBy: input.savedBy, note: 'import' });
  if (!saved.ok) return { ok: false, error: { kind: 'conflict', expectedVersion: saved.expectedVersion, currentVersion: saved.currentVersion } };
  return { ok: true, value: { mode: 'apply', changes, config: parsed.config, meta: saved.meta } };
}
