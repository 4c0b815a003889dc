import { describe, expect, it } from 'vitest';
import { ConfigV4Schema, defaultConfig, migrate, migrateV3ToV4, parseConfig, type Config, type ConfigError } from '../../../src/config';
import { priorityOverrideOf } from '../../../src/app/priority/priority-override';

const errorsOf = (raw: unknown): readonly ConfigError[] => {
  const r = parseConfig(raw);
  return r.ok ? [] : r.errors;
};
const base = (): Config => defaultConfig({ year: 2025 });
const v3 = (): Record<string, unknown> => {
  const { priorityOverride: _p, problemManagement: _m, ...rest } = base();
  return { ...rest, schemaVersion: 3 };
};

describe('v4 defaults', () => {
  it('parse as the current version, survive JSON, and pass the v4 schema alone', () => {
    expect(parseConfig(JSON.parse(JSON.stringify(base())))).toEqual({ ok: true, config: base() });
    expect(ConfigV4Schema.safeParse(base()).success).toBe(true);
  });

  it('seed project administrators as overriders, notify assignee and reporter on resolution, 30-day recurrence by service or category', () => {
    const c = base();
    expect(c.priorityOverride).toEqual({ projectRoles: ['Administrators'], groups: [] });
    expect(c.problemManagement).toEqual({
      onProblemResolved: [{ action: 'notify', recipients: ['assignee', 'reporter'] }],
      recurrence: { windowDays: 30, minIncidents: 2, by: 'service-or-category' },
      autoLabel: 'recurring',
    });
    expect(priorityOverrideOf(c)).toEqual({ projectRoles: ['Administrators'], groups: [] });
  });
});

describe('v3 -> v4 migration', () => {
  it('fills both new sections with the seed', () => {
    expect(migrateV3ToV4(v3())).toEqual({ ok: true, value: base() });
    const r = parseConfig(v3());
    expect(r.ok && r.migratedFrom).toBe(3);
    expect(migrate(v3())).toMatchObject({ ok: true, from: 3, applied: [3] });
  });

  it('carries a leniently stored priorityOverride over (v3 read it leniently), and checks it by field', () => {
    const kept = { ...v3(), priorityOverride: { projectRoles: ['Service Desk Team'], groups: ['sre'] } };
    const r = parseConfig(kept);
    expect(r.ok && r.config.priorityOverride).toEqual({ projectRoles: ['Service Desk Team'], groups: ['sre'] });
    expect(r.ok && priorityOverrideOf(r.config)).toEqual({ projectRoles: ['Service Desk Team'], groups: ['sre'] });
    const bad = { ...v3(), priorityOverride: { projectRoles: 'admins' } };
    const before = structuredClone(bad);
    expect(errorsOf(bad).map((e) => [e.path, e.code])).toEqual([
      ['priorityOverride.projectRoles', 'invalid-type'],
      ['priorityOverride.groups', 'missing-field'],
    ]);
    expect(bad).toEqual(before);
  });

  it('reports an invalid v3 input by field, with the version named', () => {
    const errors = errorsOf({ ...v3(), securityIncident: 'csirt' });
    expect(errors.map((e) => [e.path, e.code])).toEqual([['securityIncident', 'invalid-type']]);
    expect(errors[0]?.message.en).toMatch(/^Cannot migrate: not a valid version 3 config/);
    expect(errors[0]?.message.ja).toMatch(/^バージョン 3 の設定として不正なため移行できません/);
  });
});

type Edit = (c: Config) => unknown;
const pm = (c: Config, patch: Record<string, unknown>) => ({ ...c, problemManagement: { ...c.problemManagement, ...patch } });
const rec = (c: Config, patch: Record<string, unknown>) => pm(c, { recurrence: { ...c.problemManagement.recurrence, ...patch } });
const transition = { action: 'transition', toStatus: 'Resolved', comment: null };

describe('v4 rejects bad problem settings with field-named ja/en errors', () => {
  it.each<[string, Edit, [string, string][]]>([
    ['window of 0 days', (c) => rec(c, { windowDays: 0 }), [['problemManagement.recurrence.windowDays', 'too-small']]],
    ['window over a year', (c) => rec(c, { windowDays: 366 }), [['problemManagement.recurrence.windowDays', 'too-big']]],
    ['fractional window', (c) => rec(c, { windowDays: 1.5 }), [['problemManagement.recurrence.windowDays', 'invalid-type']]],
    ['one incident is no recurrence', (c) => rec(c, { minIncidents: 1 }), [['problemManagement.recurrence.minIncidents', 'too-small']]],
    ['unknown match', (c) => rec(c, { by: 'team' }), [['problemManagement.recurrence.by', 'invalid-value']]],
    ['label with a space', (c) => pm(c, { autoLabel: 'recurring incident' }), [['problemManagement.autoLabel', 'invalid-label']]],
    ['empty label', (c) => pm(c, { autoLabel: '' }), [['problemManagement.autoLabel', 'too-small']]],
    ['notify nobody', (c) => pm(c, { onProblemResolved: [{ action: 'notify', recipients: [] }] }), [['problemManagement.onProblemResolved[0].recipients', 'too-small']]],
    ['unknown action', (c) => pm(c, { onProblemResolved: [{ action: 'close' }] }), [['problemManagement.onProblemResolved[0].action', 'invalid']]],
    ['two transitions', (c) => pm(c, { onProblemResolved: [transition, { ...transition, toStatus: 'Closed' }] }), [['problemManagement.onProblemResolved[1]', 'conflicting-rules']]],
    [
      'the same rule twice',
      (c) => pm(c, { onProblemResolved: [{ action: 'notify', recipients: ['assignee'] }, { action: 'notify', recipients: ['assignee'] }] }),
      [['problemManagement.onProblemResolved[1]', 'duplicate-rule']],
    ],
    ['misspelt key', (c) => pm(c, { autolabel: 'x' }), [['problemManagement.autolabel', 'unknown-field']]],
    ['missing section', (c) => ({ ...c, problemManagement: undefined }), [['problemManagement', 'missing-field']]],
    ['blank override role', (c) => ({ ...c, priorityOverride: { projectRoles: ['  '], groups: [] } }), [['priorityOverride.projectRoles[0]', 'too-small']]],
  ])('%s', (_name, edit, expected) => {
    const found = errorsOf(edit(base()));
    expect(found.map((e) => [e.path, e.code])).toEqual(expected);
    for (const e of found) {
      expect(e.message.en).toContain(e.path);
      expect(e.message.ja).toContain(e.path);
      expect(e.message.ja).not.toEqual(e.message.en);
    }
  });

  it('accepts the tagged rules together, transition comment defaulting to none', () => {
    const r = parseConfig(
      pm(base(), {
        onProblemResolved: [
          { action: 'comment', text: { ja: '{problem} で恒久対策済み', en: 'Fixed for good by {problem}' } },
          { action: 'transition', toStatus: 'Resolved' },
          { action: 'notify', recipients: ['watchers'] },
        ],
      }),
    );
    expect(r.ok && r.config.problemManagement.onProblemResolved[1]).toEqual({ action: 'transition', toStatus: 'Resolved', comment: null });
  });
});
