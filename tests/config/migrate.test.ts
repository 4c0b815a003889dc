import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigV1Schema,
  CURRENT_SCHEMA_VERSION,
  defaultConfig,
  formatPath,
  fromZodIssues,
  migrate,
  migrationStep,
  parseConfig,
  walkMigrations,
  type ConfigError,
  type MigrationTable,
} from '../../src/config';

function errorsOf(result: { ok: true } | { ok: false; errors: readonly ConfigError[] }): readonly ConfigError[] {
  return result.ok ? [] : result.errors;
}

describe('migrate (the app table)', () => {
  it('is at version 4 today', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(4);
  });

  it('round-trips a current config unchanged', () => {
    const stored: unknown = JSON.parse(JSON.stringify(defaultConfig()));
    const result = migrate(stored);
    expect(result).toEqual({ ok: true, value: defaultConfig(), from: 4, applied: [] });
    expect(result.ok && parseConfig(result.value)).toEqual({ ok: true, config: defaultConfig() });
  });

  it('refuses a future version with a clear message in both languages, and keeps the config', () => {
    const future = { ...defaultConfig(), schemaVersion: 99 };
    const before = structuredClone(future);
    const errors = errorsOf(migrate(future));
    expect(errors).toEqual([
      {
        path: 'schemaVersion',
        code: 'unsupported-schema-version',
        message: {
          ja: '設定のスキーマバージョン 99 は、このアプリが扱えるバージョン（4 まで）より新しいものです。アプリを更新してください。保存されている設定は変更していません。',
          en: 'The config uses schema version 99, newer than this app understands (up to 4). Update the app; the stored config was left as it is.',
        },
      },
    ]);
    expect(future).toEqual(before);
    expect(errorsOf(parseConfig(future))).toEqual(errors);
  });

  it.each([
    ['missing', undefined, 'missing-schema-version'],
    ['zero', 0, 'invalid-schema-version'],
    ['negative', -1, 'invalid-schema-version'],
    ['fractional', 1.5, 'invalid-schema-version'],
    ['text', '1', 'invalid-schema-version'],
    ['null', null, 'invalid-schema-version'],
  ] as const)('refuses a %s schemaVersion', (_name, schemaVersion, code) => {
    const errors = errorsOf(migrate({ ...defaultConfig(), schemaVersion }));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['schemaVersion', code]]);
    expect(errors[0]?.message.en).toMatch(/schemaVersion|schema version/);
    expect(errors[0]?.message.ja).toContain('schemaVersion');
  });

  it.each([[null], [[defaultConfig()]], ['{}'], [42]])('refuses %j as not an object', (raw) => {
    expect(errorsOf(migrate(raw)).map((e) => e.code)).toEqual(['not-an-object']);
  });
});

// A made-up history v1 -> v2 -> v3, to exercise the walk the way later versions will use it.
const v1Config = () => {
  const { securityIncident: _s, priorityOverride: _p, problemManagement: _m, ...rest } = defaultConfig();
  return { ...rest, schemaVersion: 1, calendars: [], slaPolicies: [], escalationLadders: [] };
};
const V2Schema = ConfigV1Schema.extend({ schemaVersion: z.literal(2), timezone: z.string() });
const v1ToV2 = migrationStep(1, ConfigV1Schema, (v1) => ({ ...v1, schemaVersion: 2, timezone: 'Asia/Tokyo' }));
const v2ToV3 = migrationStep(2, V2Schema, ({ timezone, ...v2 }) => ({ ...v2, schemaVersion: 3, calendars: [{ timezone }] }));
const history: MigrationTable = { 1: v1ToV2, 2: v2ToV3 };

describe('walkMigrations over a three-version history', () => {
  it('walks v1 up to v3 through every step, in order', () => {
    const result = walkMigrations(v1Config(), 3, history);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.from).toBe(1);
    expect(result.applied).toEqual([1, 2]);
    expect(result.value).toEqual({ ...v1Config(), schemaVersion: 3, calendars: [{ timezone: 'Asia/Tokyo' }] });
  });

  it('starts from the stored version', () => {
    const v2 = { ...v1Config(), schemaVersion: 2, timezone: 'UTC' };
    const result = walkMigrations(v2, 3, history);
    expect(result.ok && [result.from, result.applied, result.value['calendars']]).toEqual([2, [2], [{ timezone: 'UTC' }]]);
  });

  it('leaves a config at the target version alone', () => {
    const v3 = { schemaVersion: 3, anything: true };
    expect(walkMigrations(v3, 3, history)).toEqual({ ok: true, value: v3, from: 3, applied: [] });
  });

  it('reports an invalid old config with its field paths instead of guessing', () => {
    const broken = { ...v1Config(), impact: { levels: 'none' } };
    const errors = errorsOf(walkMigrations(broken, 3, history));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['impact.levels', 'invalid-type']]);
    expect(errors[0]?.message.en).toMatch(/^Cannot migrate: not a valid version 1 config: impact\.levels must be a list/);
    expect(errors[0]?.message.ja).toMatch(/^バージョン 1 の設定として不正なため移行できません: impact\.levels は配列/);
  });

  it('reports a step that throws, and the input is left as it was', () => {
    const input = v1Config();
    const before = structuredClone(input);
    const table: MigrationTable = {
      1: () => {
        throw new Error('calendar "main" has no time zone');
      },
    };
    const errors = errorsOf(walkMigrations(input, 2, table));
    expect(errors.map((e) => e.code)).toEqual(['migration-failed']);
    expect(errors[0]?.message.en).toContain('from schema version 1 to 2 failed: calendar "main" has no time zone');
    expect(errors[0]?.message.ja).toContain('1 から 2 への移行に失敗しました');
    expect(input).toEqual(before);
  });

  it('reports a step that does not produce the next version', () => {
    const table: MigrationTable = { 1: (c) => ({ ok: true, value: { ...c, schemaVersion: 3 } }) };
    const errors = errorsOf(walkMigrations(v1Config(), 2, table));
    expect(errors.map((e) => e.code)).toEqual(['migration-failed']);
    expect(errors[0]?.message.en).toContain('produced schemaVersion 3 instead of schemaVersion 2');
  });

  it('reports a gap in the table', () => {
    const errors = errorsOf(walkMigrations(v1Config(), 3, { 1: v1ToV2 }));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['schemaVersion', 'no-migration-path']]);
    expect(errors[0]?.message.en).toContain('from schema version 2 to 3');
  });

  it('refuses versions above the target', () => {
    expect(errorsOf(walkMigrations({ schemaVersion: 4 }, 3, history)).map((e) => e.code)).toEqual(['unsupported-schema-version']);
  });
});

describe('fromZodIssues', () => {
  it('prefixes paths so a nested schema reports where it sits', () => {
    const r = z.object({ ja: z.string() }).safeParse({}, { reportInput: true });
    expect(r.success ? [] : fromZodIssues(r.error.issues, ['impact', 'levels', 0, 'labels']).map((e) => [e.path, e.code])).toEqual([
      ['impact.levels[0].labels.ja', 'missing-field'],
    ]);
  });
});

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['matrix', 1, 2], 'matrix[1][2]'],
    [['impact', 'levels', 0, 'labels', 'ja'], 'impact.levels[0].labels.ja'],
    [[0, 'id'], '[0].id'],
    [['calendars', 'main office'], 'calendars["main office"]'],
  ] as const)('%j -> %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
