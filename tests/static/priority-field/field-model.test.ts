import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config';
import { describeValue, optionValue, overridePriorities, previewPriority, priorityAppearance } from '../../../static/priority-field/src/field-model';
import { readFieldValue } from '../../../static/priority-field/src/field-value';
import { ConfigViewSchema } from '../../../static/shared/config/config-view';
import * as z from 'zod/mini';

const config = z.parse(ConfigViewSchema, { ...defaultConfig({ year: 2026 }), impact: { levels: [...defaultConfig().impact.levels.map((l, i) => (i === 0 ? { ...l, descriptions: { ja: '全社', en: 'Company-wide' } } : l))] } });

describe('priority field value', () => {
  it('reads the manifest shape and the older string form; anything else is unset', () => {
    expect(readFieldValue({ schemaVersion: 1, impact: 2, urgency: 1, priority: 2, jiraPriority: 'High', overridden: false })).toMatchObject({ priority: 2, impact: 2 });
    expect(readFieldValue({ priority: 'P3' })).toMatchObject({ priority: 'P3' });
    expect(readFieldValue(null)).toBeNull();
    expect(readFieldValue({ impact: 1 })).toBeNull();
  });

  it('describes a value with the project labels in each language', () => {
    const value = { impact: 2, urgency: 1, priority: 2, jiraPriority: 'High', overridden: false };
    expect(describeValue(value, config, 'en')).toEqual({
      levelId: 'P2',
      levelLabel: 'High',
      rank: 2,
      impact: { index: 2, label: 'One department' },
      urgency: { index: 1, label: 'Core business stopped' },
      jiraPriority: 'High',
      overridden: false,
      overrideReason: null,
    });
    expect(describeValue(value, config, 'ja')).toMatchObject({ levelLabel: '高', impact: { label: '特定部門' }, urgency: { label: '基幹業務停止' } });
  });

  it('without a config, shows numbers only', () => {
    expect(describeValue({ impact: 3, urgency: 3, priority: 5, overridden: true, overrideReason: 'manual:user-admin' }, null, 'en')).toMatchObject({
      levelId: 'P5',
      levelLabel: null,
      rank: 5,
      impact: { index: 3, label: null },
      overridden: true,
      overrideReason: 'manual:user-admin',
    });
  });
});

describe('preview and override choices', () => {
  it.each([
    [1, 1, 'P1', 'Highest'],
    [2, 1, 'P2', 'High'],
    [1, 3, 'P3', 'Medium'],
    [3, 2, 'P4', 'Low'],
    [3, 3, 'P5', 'Lowest'],
  ] as const)('impact %i x urgency %i -> %s (%s), as the seed matrix says', (impact, urgency, level, jira) => {
    const p = previewPriority(config, impact, urgency);
    expect(p.ok && p.level.id).toBe(level);
    expect(p.ok && p.level.jiraPriorityName).toBe(jira);
  });

  it('an index outside the matrix is explained in both languages', () => {
    const p = previewPriority(config, 4, 1);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message.en).toMatch(/Impact 4 is out of range/);
  });

  it('option text is what setup writes into the selects', () => {
    expect(optionValue(config.impact.levels[2]!)).toBe('特定個人 / One person');
  });

  it('override offers each Jira priority once, highest first; colours follow rank', () => {
    expect(overridePriorities(config)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect([1, 2, 3, 4, 5, null].map(priorityAppearance)).toEqual(['removed', 'moved', 'inprogress', 'default', 'default', 'default']);
  });
});
