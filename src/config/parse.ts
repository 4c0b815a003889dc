import { ConfigSchema, CURRENT_SCHEMA_VERSION, validateCurrentConfig, type Config } from './current';
import { fromZodIssues, type ConfigError } from './errors';
import { migrate } from './migrate';

/** `migratedFrom` is present only when the stored config was an older version (save it back to upgrade it). */
export type ParseConfigResult =
  | { readonly ok: true; readonly config: Config; readonly migratedFrom?: number }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/**
 * Reads a stored or submitted config: migrate to the current version, check the schema, then the
 * cross-field rules. Every problem comes back with its field path and ja/en text; nothing is reset
 * or defaulted away (except the empty placeholder lists), so the caller can show errors and keep the input.
 *
 * @example
 * parseConfig(defaultConfig()); // { ok: true, config: <the defaults> }
 * parseConfig({ ...defaultConfig(), matrix: [['P1', 'P2', 'P3'], ['P2', 'P3', 'P9'], ['P3', 'P4', 'P5']] });
 * // { ok: false, errors: [{ path: 'matrix[1][2]', code: 'unknown-priority', message: { ja: '…', en: '…' } }] }
 */
export function parseConfig(raw: unknown): ParseConfigResult {
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const parsed = ConfigSchema.safeParse(migrated.value, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) };
  const errors = validateCurrentConfig(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return migrated.from === CURRENT_SCHEMA_VERSION ? { ok: true, config: parsed.data } : { ok: true, config: parsed.data, migratedFrom: migrated.from };
}
