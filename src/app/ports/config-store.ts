import { z } from 'zod';
import type { Config, ConfigError } from '../../config';

/**
 * Port: each project's admin config as a versioned record with a history. Implemented over
 * `@forge/kvs` in src/forge/storage/config-store.ts.
 *
 * Versions: `version` counts saves per project, starting at 1 (0 means "never saved"). A save names
 * the version it was based on (`expectedVersion`); if someone saved in between, it is refused with
 * `conflict` and nothing is written. Every saved version stays readable (`getVersion`) with its author
 * and time. A stored config that no longer parses or migrates is returned as `invalid` with its raw
 * value and errors — never reset or replaced by defaults.
 */

export const ConfigVersionMetaSchema = z.object({
  projectKey: z.string(),
  version: z.number().int().min(1),
  /** `schemaVersion` of the config as it was stored. */
  schemaVersion: z.number().int().nullable(),
  savedAt: z.number().int(),
  /** accountId of the admin who saved it; null for the app itself (setup, migrations). */
  savedBy: z.string().nullable(),
  /** Free note, e.g. "import" or "restore of version 3". */
  note: z.string().nullable(),
});
export type ConfigVersionMeta = z.infer<typeof ConfigVersionMetaSchema>;

export type LoadedConfig =
  /** Never configured: callers use `defaultConfig()` and save with `expectedVersion: 0`. */
  | { readonly kind: 'missing'; readonly projectKey: string }
  | {
      readonly kind: 'ok';
      readonly meta: ConfigVersionMeta;
      readonly config: Config;
      /** Present when the stored record was an older schema version (migrated on read, not yet saved back). */
      readonly migratedFrom?: number;
    }
  | {
      readonly kind: 'invalid';
      readonly meta: ConfigVersionMeta;
      /** The stored value, untouched, so an admin can fix or export it. */
      readonly raw: unknown;
      readonly errors: readonly ConfigError[];
    };

export interface SaveConfigInput {
  readonly projectKey: string;
  /** A config that passed `parseConfig` (current schema version). */
  readonly config: Config;
  /** The version the edit started from (0 when none was stored). */
  readonly expectedVersion: number;
  readonly savedBy: string | null;
  readonly note?: string;
}

export type SaveConfigResult =
  | { readonly ok: true; readonly meta: ConfigVersionMeta }
  /** Someone saved `currentVersion` since the editor loaded `expectedVersion`; nothing was written. */
  | { readonly ok: false; readonly reason: 'conflict'; readonly expectedVersion: number; readonly currentVersion: number };

export interface ConfigHistoryPage {
  /** Newest first. */
  readonly versions: readonly ConfigVersionMeta[];
  /** Pass back to get older versions; null when there are none. */
  readonly cursor: string | null;
}

export type StoredConfigVersion =
  | { readonly kind: 'ok'; readonly meta: ConfigVersionMeta; readonly config: Config; readonly migratedFrom?: number }
  | { readonly kind: 'invalid'; readonly meta: ConfigVersionMeta; readonly raw: unknown; readonly errors: readonly ConfigError[] };

export interface ConfigStore {
  /** The current config of a project. */
  load(projectKey: string): Promise<LoadedConfig>;
  /** Saves a new version if `expectedVersion` is still current (atomic check-and-set). */
  save(input: SaveConfigInput): Promise<SaveConfigResult>;
  /** Saved versions, newest first. */
  history(projectKey: string, page?: { readonly cursor?: string; readonly limit?: number }): Promise<ConfigHistoryPage>;
  /** One past (or the current) version; null if it never existed. */
  getVersion(projectKey: string, version: number): Promise<StoredConfigVersion | null>;
  /** Keys of every project that has a stored config (for lifecycle setup and the sweep). */
  listProjects(): Promise<readonly string[]>;
}
