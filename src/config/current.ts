import type { ConfigError } from './errors';
import { ConfigV2Schema, type ConfigV2 } from './v2/schema';
import { validateSlaConfig } from './v2/validate-sla';
import { validateConfigCore } from './validate';

/*
 * The one place that says which schema version the app reads and writes. Moving to v2 means: add
 * src/config/v2/ (schema + a step from v1 registered in migrate.ts's MIGRATIONS), then point these
 * four exports at v2.
 */

/** The schema version this app reads and writes; older stored configs are migrated up to it. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Schema of the current version. */
export const ConfigSchema = ConfigV2Schema;

/** A parsed config of the current version. */
export type Config = ConfigV2;

/**
 * Cross-field rules of the current version.
 *
 * @example
 * validateCurrentConfig(defaultConfig()); // []
 */
export function validateCurrentConfig(config: Config): ConfigError[] {
  return [...validateConfigCore(config), ...validateSlaConfig(config)];
}
