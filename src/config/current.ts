import type { ConfigError } from './errors';
import { ConfigV4Schema, type ConfigV4 } from './v4/schema';
import { validateProblemManagement } from './v4/validate-problem-management';
import { validateEscalationConfig } from './v3/validate-escalation';
import { validateSlaConfig } from './v2/validate-sla';
import { validateConfigCore } from './validate';

/*
 * The one place that says which schema version the app reads and writes. Moving to v2 means: add
 * src/config/v2/ (schema + a step from v1 registered in migrate.ts's MIGRATIONS), then point these
 * four exports at v2.
 */

/** The schema version this app reads and writes; older stored configs are migrated up to it. */
export const CURRENT_SCHEMA_VERSION = 4;

/** Schema of the current version. */
export const ConfigSchema = ConfigV4Schema;

/** A parsed config of the current version. */
export type Config = ConfigV4;

/**
 * Cross-field rules of the current version.
 *
 * @example
 * validateCurrentConfig(defaultConfig()); // []
 */
export function validateCurrentConfig(config: Config): ConfigError[] {
  return [...validateConfigCore(config), ...validateSlaConfig(config), ...validateEscalationConfig(config), ...validateProblemManagement(config)];
}
