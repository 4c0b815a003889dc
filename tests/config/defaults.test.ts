import { describe, expect, it } from 'vitest';
import { defaultConfig, jiraPriorityNameOf, parseConfig, priorityLabelsOf } from '../../src/config';
import { explainPriority, lookupPriority } from '../../src/domain/priority';

describe('defaultConfig', () => {
  it('parses as the current version without migration', () => {
    const result = parseConfig(defaultConfig());
    expect(result).toEqual({ ok: true, config: defaultConfig() });
  });

  it('survives a JSON round trip (how it is stored)', () => {
    const stored: unknown = JSON.parse(JSON.stringify(defaultConfig()));
    expect(parseConfig(stored)).toEqual({ ok: true, config: defaultConfig() });
  });

  it('returns a fresh object on every call', () => {
    const a = defaultConfig();
    a.matrix[0]?.splice(0, 1, 'P5');
    a.impact.levels.pop();
    expect(defaultConfig().matrix[0]?.[0]).toBe('P1');
    expect(defaultConfig().impact.levels).toHaveLength(3);
  });

  it('has the seed scales in both languages, highest first', () => {
    const c = defaultConfig();
    expect(c.impact.levels.map((l) => l.labels)).toEqual([
      { ja: '全部門', en: 'All departments' },
      { ja: '特定部門', en: 'One department' },
      { ja: '特定個人', en: 'One person' },
    ]);
    expect(c.urgency.levels.map((l) => l.labels)).toEqual([
      { ja: '基幹業務停止', en: 'Core business stopped' },
      { ja: '一部業務に支障', en: 'Part of the work impaired' },
      { ja: '代替手段あり', en: 'Workaround exists' },
    ]);
  });

  // The 9 cells of issue 2, by the seed level ids, with the Jira priority each one sets.
  it.each([
    ['all-departments', 'core-business-stopped', 'P1', 'Highest'],
    ['all-departments', 'work-impaired', 'P2', 'High'],
    ['one-department', 'core-business-stopped', 'P2', 'High'],
    ['all-departments', 'workaround-exists', 'P3', 'Medium'],
    ['one-department', 'work-impaired', 'P3', 'Medium'],
    ['one-person', 'core-business-stopped', 'P3', 'Medium'],
    ['one-department', 'workaround-exists', 'P4', 'Low'],
    ['one-person', 'work-impaired', 'P4', 'Low'],
    ['one-person', 'workaround-exists', 'P5', 'Lowest'],
  ])('%s x %s -> %s (%s)', (impactId, urgencyId, level, jiraName) => {
    const c = defaultConfig();
    const impact = c.impact.levels.findIndex((l) => l.id === impactId) + 1;
    const urgency = c.urgency.levels.findIndex((l) => l.id === urgencyId) + 1;
    expect(lookupPriority(c.matrix, impact, urgency)).toEqual({ ok: true, level });
    expect(jiraPriorityNameOf(c, level)).toBe(jiraName);
  });

  it('maps P1..P5 to the five standard Jira priorities and knows no others', () => {
    const c = defaultConfig();
    expect(c.priorityLevels.map((p) => [p.id, p.jiraPriorityName])).toEqual([
      ['P1', 'Highest'],
      ['P2', 'High'],
      ['P3', 'Medium'],
      ['P4', 'Low'],
      ['P5', 'Lowest'],
    ]);
    expect(jiraPriorityNameOf(c, 'P6')).toBeUndefined();
  });

  it('handles security incidents restricted, paged and kept as evidence; the other kinds plainly', () => {
    const handling = Object.fromEntries(defaultConfig().incidentKinds.map((k) => [k.id, k.handling]));
    expect(handling).toEqual({
      inquiry: { restrictedVisibility: false, pageCsirt: false, keepEvidence: false },
      failure: { restrictedVisibility: false, pageCsirt: false, keepEvidence: false },
      security: { restrictedVisibility: true, pageCsirt: true, keepEvidence: true },
    });
  });

  it('explains a decision with its own labels', () => {
    const c = defaultConfig();
    const result = explainPriority(c.matrix, 2, 1, priorityLabelsOf(c));
    expect(result.ok && result.explanation.text).toEqual({
      ja: '影響度: 特定部門 (2) × 緊急度: 基幹業務停止 (1) → P2 (高)',
      en: 'Impact: One department (2) x Urgency: Core business stopped (1) -> P2 (High)',
    });
  });
});
