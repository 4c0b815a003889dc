import { describe, expect, it } from 'vitest';
import { ConfigV3Schema, defaultConfig, migrate, migrateV2ToV3, parseConfig, type Config, type ConfigError } from '../../../src/config';

const errorsOf = (raw: unknown): readonly ConfigError[] => {
  const r = parseConfig(raw);
  return r.ok ? [] : r.errors;
};
const base = (): Config => defaultConfig({ year: 2025 });
/** The v3 shape of the (now v4) defaults: v4 added priority override and problem management. */
const v3Of = (c: Config) => {
  const { priorityOverride: _p, problemManagement: _m, ...rest } = c;
  return { ...rest, schemaVersion: 3 };
};
const v2 = () => {
  const { securityIncident: _s, ...rest } = v3Of(base());
  return { ...rest, schemaVersion: 2, escalationLadders: [] as unknown[] };
};
const ladder0 = (c: Config) => c.escalationLadders[0] ?? (() => { throw new Error('fixture'); })();

describe('v3 defaults', () => {
  it('parse as the current version, survive JSON, and pass the v3 schema alone', () => {
    expect(parseConfig(JSON.parse(JSON.stringify(base())))).toEqual({ ok: true, config: base() });
    expect(ConfigV3Schema.safeParse(v3Of(base())).success).toBe(true);
  });

  it('seed one ladder for every priority and metric (75 % warning, breach) and the CSIRT intake', () => {
    const c = base();
    expect(c.escalationLadders.map((l) => [l.id, l.when, l.levels.map((v) => [v.id, v.trigger])])).toEqual([
      ['standard', { priorities: [], metrics: [] }, [['warning-75', { kind: 'percent-of-goal', percent: 75 }], ['breached', { kind: 'after-breach', minutes: 0 }]]],
    ]);
    expect(c.securityIncident).toEqual({ issueSecurityLevel: { name: 'CSIRT only' }, csirtGroup: { name: 'csirt' } });
  });
});

describe('v2 -> v3 migration', () => {
  it('seeds the empty ladder placeholder and the security intake', () => {
    expect(migrateV2ToV3(v2())).toEqual({ ok: true, value: v3Of(base()) });
    const r = parseConfig(v2());
    expect(r.ok && r.migratedFrom).toBe(2);
    expect(migrate(v2())).toMatchObject({ ok: true, from: 2, applied: [2, 3] });
  });

  it('carries ladder content over for v3 to report by field, never dropping it', () => {
    const stored = { ...v2(), escalationLadders: [{ id: 'p1', levels: 'soon' }] };
    const before = structuredClone(stored);
    const migrated = migrateV2ToV3(stored);
    expect(migrated.ok && (migrated.value as { escalationLadders: unknown }).escalationLadders).toEqual([{ id: 'p1', levels: 'soon' }]);
    expect(errorsOf(stored).map((e) => [e.path, e.code])).toEqual([
      ['escalationLadders[0].labels', 'missing-field'],
      ['escalationLadders[0].levels', 'invalid-type'],
    ]);
    expect(stored).toEqual(before);
  });
});

type Edit = (c: Config) => unknown;
const withLevel = (c: Config, level: Record<string, unknown>) => ({ ...c, escalationLadders: [{ ...ladder0(c), levels: [level] }] });
const level = { id: 'l1', labels: { ja: '段階1', en: 'Level 1' }, trigger: { kind: 'percent-of-goal', percent: 50 }, actions: [{ type: 'add-label', label: 'esc' }] };

describe('v3 rejects bad ladders and intake settings with field-named ja/en errors', () => {
  it.each<[string, Edit, [string, string][]]>([
    ['unknown priority', (c) => ({ ...c, escalationLadders: [{ ...ladder0(c), when: { priorities: ['P9'], metrics: [] } }] }), [['escalationLadders[0].when.priorities[0]', 'unknown-priority']]],
    ['unknown metric', (c) => ({ ...c, escalationLadders: [{ ...ladder0(c), when: { priorities: ['high'], metrics: ['ttx'] } }] }), [['escalationLadders[0].when.metrics[0]', 'unknown-metric']]],
    ['zero percent', (c) => withLevel(c, { ...level, trigger: { kind: 'percent-of-goal', percent: 0 } }), [['escalationLadders[0].levels[0].trigger.percent', 'too-small']]],
    ['no actions', (c) => withLevel(c, { ...level, actions: [] }), [['escalationLadders[0].levels[0].actions', 'too-small']]],
    ['label with a space', (c) => withLevel(c, { ...level, actions: [{ type: 'add-label', label: 'sla breached' }] }), [['escalationLadders[0].levels[0].actions[0].label', 'invalid']]],
    ['blank comment', (c) => withLevel(c, { ...level, actions: [{ type: 'add-comment', text: { ja: ' ', en: 'x' } }] }), [['escalationLadders[0].levels[0].actions[0].text.ja', 'blank-text']]],
    ['duplicate level id', (c) => ({ ...c, escalationLadders: [{ ...ladder0(c), levels: [level, level] }] }), [['escalationLadders[0].levels[1].id', 'duplicate-id']]],
    ['misspelt action field', (c) => withLevel(c, { ...level, actions: [{ type: 'raise-priority', step: 1 }] }), [['escalationLadders[0].levels[0].actions[0].step', 'unknown-field']]],
    ['CSIRT group without id or name', (c) => ({ ...c, securityIncident: { ...c.securityIncident, csirtGroup: {} } }), [['securityIncident.csirtGroup.name', 'invalid']]],
    ['missing intake settings', (c) => ({ ...c, securityIncident: undefined }), [['securityIncident', 'missing-field']]],
  ])('%s', (_name, edit, expected) => {
    const found = errorsOf(edit(base()));
    expect(found.map((e) => [e.path, e.code])).toEqual(expected);
    for (const e of found) {
      expect(e.message.ja).toContain(e.path);
      expect(e.message.en).toContain(e.path);
      expect(e.message.ja).not.toBe(e.message.en);
    }
  });

  it('accepts priorities by level id or Jira name and metrics by id or kind, in any case', () => {
    const c = base();
    expect(errorsOf({ ...c, escalationLadders: [{ ...ladder0(c), when: { priorities: ['p1', 'Highest'], metrics: ['Resolution', 'time-to-first-response'] } }] })).toEqual([]);
  });
});
