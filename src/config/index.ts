/** Versioned admin config of one project: schemas, defaults, migration and parsing with ja/en errors. */
export { CURRENT_SCHEMA_VERSION, ConfigSchema, validateCurrentConfig, type Config } from './current';
export { defaultConfig } from './defaults';
export { formatPath, fromZodIssues, type ConfigError, type ConfigErrorCode, type CustomCheckCode } from './errors';
export { messages, type LocalizedMessage } from './messages';
export {
  MIGRATIONS,
  migrate,
  migrationStep,
  walkMigrations,
  type MigrateResult,
  type MigrationStep,
  type MigrationStepResult,
  type MigrationTable,
} from './migrate';
export { parseConfig, type ParseConfigResult } from './parse';
export { jiraPriorityNameOf, priorityLabelsOf } from './priority-labels';
export { validateConfigCore, type ConfigCore } from './validate';
export * from './v1/schema';
export * from './v2';
export * from './v3';
export * from './v4';
export { japaneseHolidayYears, japaneseHolidays, withJapaneseHolidays } from './holidays/jp-holidays';
