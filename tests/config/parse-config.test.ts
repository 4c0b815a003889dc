import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, type ConfigError, type ConfigErrorCode } from '../../src/config';

type Draft = Record<string, unknown> & ReturnType<typeof defaultConfig>;
const base = (): Draft => defaultConfig();

/** Each case edits the defaults one way and names exactly the errors that must come back. */
const cases: { name: string; edit: (c: Draft) => unknown; errors: [path: string, code: ConfigErrorCode][] }[] = [
  {
    name: 'non-rectangular matrix',
    edit: (c) => ({ ...c, matrix: [['P1', 'P2', 'P3'], ['P2', 'P3'], ['P3', 'P4', 'P5']] }),
    errors: [['matrix[1]', 'matrix-not-rectangular']],
  },
  {
    name: 'matrix with fewer rows than impact levels',
    edit: (c) => ({ ...c, matrix: [['P1', 'P2', 'P3'], ['P3', 'P4', 'P5']] }),
    errors: [['matrix', 'matrix-size-mismatch']],
  },
  {
    name: 'matrix narrower than the urgency scale',
    edit: (c) => ({ ...c, matrix: [['P1', 'P2'], ['P3', 'P4'], ['P4', 'P5']] }),
    errors: [['matrix', 'matrix-size-mismatch']],
  },
  {
    name: 'a cell naming an unknown priority',
    edit: (c) => ({ ...c, matrix: [['P1', 'P2', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P6']] }),
    errors: [
      ['matrix[2][2]', 'unknown-priority'],
      ['priorityLevels[4]', 'unreferenced-priority'],
    ],
  },
  {
    name: 'a priority level nothing maps to',
    edit: (c) => ({ ...c, priorityLevels: [...c.priorityLevels, { id: 'P6', labels: { ja: '保留', en: 'On hold' }, jiraPriorityName: 'Lowest' }] }),
    errors: [['priorityLevels[5]', 'unreferenced-priority']],
  },
  {
    name: 'duplicate Japanese label on the impact scale',
    edit: (c) => {
      c.impact.levels[2] = { id: 'one-person', labels: { ja: '全部門', en: 'One person' } };
      return c;
    },
    errors: [['impact.levels[2].labels.ja', 'duplicate-label']],
  },
  {
    name: 'duplicate English label on the urgency scale, differing only in case and spaces',
    edit: (c) => {
      c.urgency.levels[1] = { id: 'work-impaired', labels: { ja: '一部業務に支障', en: ' core  business STOPPED' } };
      return c;
    },
    errors: [['urgency.levels[1].labels.en', 'duplicate-label']],
  },
  {
    name: 'the same label on different scales is fine',
    edit: (c) => {
      c.urgency.levels[0] = { id: 'core-business-stopped', labels: { ja: '全部門', en: 'All departments' } };
      return c;
    },
    errors: [],
  },
  {
    name: 'duplicate priority level id',
    edit: (c) => {
      c.priorityLevels[4] = { id: 'P4', labels: { ja: '最低', en: 'Lowest' }, jiraPriorityName: 'Lowest' };
      return c;
    },
    errors: [
      ['priorityLevels[4].id', 'duplicate-id'],
      ['matrix[2][2]', 'unknown-priority'],
    ],
  },
  {
    name: 'duplicate incident kind and a missing one',
    edit: (c) => {
      const failure = c.incidentKinds[1];
      if (failure) c.incidentKinds[0] = { ...failure, labels: { ja: '障害A', en: 'Failure A' } };
      return c;
    },
    errors: [
      ['incidentKinds[1].id', 'duplicate-id'],
      ['incidentKinds', 'missing-incident-kind'],
    ],
  },
  {
    name: 'wrong type: a level id that is a number',
    edit: (c) => ({ ...c, impact: { levels: [{ ...c.impact.levels[0], id: 1 }, ...c.impact.levels.slice(1)] } }),
    errors: [['impact.levels[0].id', 'invalid-type']],
  },
  {
    name: 'wrong type: matrix cells that are numbers',
    edit: (c) => ({ ...c, matrix: [[1, 'P2', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] }),
    errors: [['matrix[0][0]', 'invalid-type']],
  },
  {
    name: 'wrong type: handling flag given as text',
    edit: (c) => {
      const security = c.incidentKinds[2];
      return { ...c, incidentKinds: [c.incidentKinds[0], c.incidentKinds[1], { ...security, handling: { ...security?.handling, pageCsirt: 'yes' } }] };
    },
    errors: [['incidentKinds[2].handling.pageCsirt', 'invalid-type']],
  },
  {
    name: 'missing field: an English label',
    edit: (c) => ({ ...c, priorityLevels: [{ id: 'P1', labels: { ja: '最高' }, jiraPriorityName: 'Highest' }, ...c.priorityLevels.slice(1)] }),
    errors: [['priorityLevels[0].labels.en', 'missing-field']],
  },
  {
    name: 'missing field: the urgency scale',
    edit: ({ urgency: _urgency, ...rest }) => rest,
    errors: [['urgency', 'missing-field']],
  },
  {
    name: 'misspelt field',
    edit: (c) => ({ ...c, impact: { levels: c.impact.levels, lables: [] } }),
    errors: [['impact.lables', 'unknown-field']],
  },
  {
    name: 'blank label',
    edit: (c) => {
      c.impact.levels[1] = { id: 'one-department', labels: { ja: '   ', en: 'One department' } };
      return c;
    },
    errors: [['impact.levels[1].labels.ja', 'blank-text']],
  },
  {
    name: 'id with spaces',
    edit: (c) => {
      c.impact.levels[1] = { id: 'one department', labels: { ja: '特定部門', en: 'One department' } };
      return c;
    },
    errors: [['impact.levels[1].id', 'invalid-id']],
  },
  {
    name: 'empty impact scale',
    edit: (c) => ({ ...c, impact: { levels: [] } }),
    errors: [['impact.levels', 'too-small']],
  },
  {
    name: 'eleven urgency levels',
    edit: (c) => ({
      ...c,
      urgency: { levels: Array.from({ length: 11 }, (_, i) => ({ id: `u${String(i)}`, labels: { ja: `緊急度${String(i)}`, en: `U${String(i)}` } })) },
    }),
    errors: [['urgency.levels', 'too-big']],
  },
  {
    name: 'unknown incident kind id',
    edit: (c) => ({ ...c, incidentKinds: [...c.incidentKinds, { ...c.incidentKinds[0], id: 'request' }] }),
    errors: [['incidentKinds[3].id', 'invalid-value']],
  },
  {
    name: 'placeholders that are not lists',
    edit: (c) => ({ ...c, slaPolicies: {} }),
    errors: [['slaPolicies', 'invalid-type']],
  },
];

function errorsOf(raw: unknown): readonly ConfigError[] {
  const result = parseConfig(raw);
  return result.ok ? [] : result.errors;
}

describe('parseConfig rejects invalid config with field-named ja/en errors', () => {
  it.each(cases)('$name', ({ edit, errors }) => {
    const found = errorsOf(edit(base()));
    expect(found.map((e) => [e.path, e.code])).toEqual(errors);
    for (const e of found) {
      expect(e.message.ja.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
      // The texts name the field, so they still make sense shown on their own.
      expect(e.message.ja).toContain(e.path);
      expect(e.message.en).toContain(e.path);
      expect(e.message.ja).not.toBe(e.message.en);
    }
  });
});

describe('parseConfig', () => {
  it('has no placeholder left since v3: escalation ladders are required and checked by field', () => {
    const { escalationLadders: _e, ...rest } = defaultConfig();
    expect(errorsOf(rest).map((e) => [e.path, e.code])).toEqual([['escalationLadders', 'missing-field']]);
    const withData = { ...defaultConfig(), escalationLadders: [{ anything: 1 }] };
    expect(errorsOf(withData).map((e) => e.path)).toContain('escalationLadders[0].anything');
  });

  it('does not touch its input, valid or not', () => {
    const broken = { ...defaultConfig(), matrix: [['P1']], extra: true };
    const before = structuredClone(broken);
    parseConfig(broken);
    expect(broken).toEqual(before);
  });

  it('speaks of the whole config when it is not an object', () => {
    expect(errorsOf('hello')).toEqual([
      {
        path: '',
        code: 'not-an-object',
        message: {
          ja: '設定はオブジェクトである必要がありますが、文字列でした。保存されている設定は変更していません。',
          en: 'The config must be an object, but is a text. The stored config was left as it is.',
        },
      },
    ]);
  });

  it('gives the exact texts for a cell with an unknown priority', () => {
    const c = defaultConfig();
    c.matrix[1] = ['P2', 'P3', 'PX'];
    expect(errorsOf(c)[0]).toEqual({
      path: 'matrix[1][2]',
      code: 'unknown-priority',
      message: {
        ja: 'matrix[1][2] の優先度 "PX" は定義されていません（定義済み: P1, P2, P3, P4, P5）。',
        en: 'matrix[1][2] names the priority "PX", which is not defined (defined: P1, P2, P3, P4, P5).',
      },
    });
  });
});
