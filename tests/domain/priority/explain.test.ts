import { describe, expect, it } from 'vitest';
import { explainPriority, type PriorityLabels, type PriorityMatrix } from '../../../src/domain/priority';

const seed: PriorityMatrix = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P5'],
];

const labels: PriorityLabels = {
  impact: [
    { ja: '全部門', en: 'All departments' },
    { ja: '特定部門', en: 'One department' },
    { ja: '特定個人', en: 'One person' },
  ],
  urgency: [
    { ja: '基幹業務停止', en: 'Core business stopped' },
    { ja: '一部業務に支障', en: 'Part of the work impaired' },
    { ja: '代替手段あり', en: 'Workaround exists' },
  ],
};

function textOf(impact: number, urgency: number, withLabels?: PriorityLabels) {
  const result = explainPriority(seed, impact, urgency, withLabels);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.explanation.text;
}

describe('explainPriority texts', () => {
  it.each([
    [2, 1, '影響度 2 × 緊急度 1 → P2', 'impact 2 x urgency 1 -> P2'],
    [1, 1, '影響度 1 × 緊急度 1 → P1', 'impact 1 x urgency 1 -> P1'],
    [3, 3, '影響度 3 × 緊急度 3 → P5', 'impact 3 x urgency 3 -> P5'],
    [3, 2, '影響度 3 × 緊急度 2 → P4', 'impact 3 x urgency 2 -> P4'],
  ])('without labels: impact %i x urgency %i', (impact, urgency, ja, en) => {
    expect(textOf(impact, urgency)).toEqual({ ja, en });
  });

  it.each([
    [2, 1, '影響度: 特定部門 (2) × 緊急度: 基幹業務停止 (1) → P2', 'Impact: One department (2) x Urgency: Core business stopped (1) -> P2'],
    [3, 3, '影響度: 特定個人 (3) × 緊急度: 代替手段あり (3) → P5', 'Impact: One person (3) x Urgency: Workaround exists (3) -> P5'],
    [1, 2, '影響度: 全部門 (1) × 緊急度: 一部業務に支障 (2) → P2', 'Impact: All departments (1) x Urgency: Part of the work impaired (2) -> P2'],
  ])('with labels: impact %i x urgency %i', (impact, urgency, ja, en) => {
    expect(textOf(impact, urgency, labels)).toEqual({ ja, en });
  });

  it('names the level when a level label is given', () => {
    expect(textOf(2, 1, { ...labels, levels: { P2: { ja: '高', en: 'High' } } })).toEqual({
      ja: '影響度: 特定部門 (2) × 緊急度: 基幹業務停止 (1) → P2 (高)',
      en: 'Impact: One department (2) x Urgency: Core business stopped (1) -> P2 (High)',
    });
  });

  it('falls back to the number for an axis whose label is missing', () => {
    expect(textOf(3, 1, { impact: labels.impact?.slice(0, 2) ?? [], urgency: labels.urgency ?? [] })).toEqual({
      ja: '影響度 3 × 緊急度: 基幹業務停止 (1) → P3',
      en: 'impact 3 x Urgency: Core business stopped (1) -> P3',
    });
  });
});

describe('explainPriority structure', () => {
  it('takes the decision apart', () => {
    const result = explainPriority(seed, 2, 2, { ...labels, levels: { P3: { ja: '中', en: 'Medium' } } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { impact, urgency, level, levelLabel, sameLevelCells } = result.explanation;
    expect(impact).toEqual({ index: 2, label: { ja: '特定部門', en: 'One department' } });
    expect(urgency).toEqual({ index: 2, label: { ja: '一部業務に支障', en: 'Part of the work impaired' } });
    expect(level).toBe('P3');
    expect(levelLabel).toEqual({ ja: '中', en: 'Medium' });
    expect(sameLevelCells).toEqual([
      { impact: 1, urgency: 3 },
      { impact: 2, urgency: 2 },
      { impact: 3, urgency: 1 },
    ]);
  });

  it('omits labels that were not given', () => {
    const result = explainPriority(seed, 1, 1);
    expect(result.ok && result.explanation).toEqual({
      impact: { index: 1 },
      urgency: { index: 1 },
      level: 'P1',
      sameLevelCells: [{ impact: 1, urgency: 1 }],
      text: { ja: '影響度 1 × 緊急度 1 → P1', en: 'impact 1 x urgency 1 -> P1' },
    });
  });

  it('fails like the lookup when out of range', () => {
    const result = explainPriority(seed, 1, 9, labels);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'index-out-of-range', axis: 'urgency', index: 9, size: 3 });
  });
});
