import { cellsForPriority, lookupPriority, type PriorityLookupError } from './lookup';
import type { LocalizedText, MatrixAxis, MatrixCell, PriorityLevelId, PriorityMatrix } from './matrix';

/**
 * Optional names for the explanation. Arrays are positional: `impact[0]` names impact 1 (the highest).
 * A missing entry just means that part is shown by number only.
 *
 * @example
 * const labels: PriorityLabels = {
 *   impact: [{ ja: '全部門', en: 'All departments' }],      // names impact 1 only
 *   levels: { P1: { ja: '最高', en: 'Highest' } },
 * };
 */
export interface PriorityLabels {
  readonly impact?: readonly LocalizedText[];
  readonly urgency?: readonly LocalizedText[];
  readonly levels?: Readonly<Partial<Record<PriorityLevelId, LocalizedText>>>;
}

/**
 * One axis of a decision: its 1-based index and, when known, its name.
 *
 * @example
 * const impact: AxisExplanation = { index: 2, label: { ja: '特定部門', en: 'One department' } };
 */
export interface AxisExplanation {
  readonly index: number;
  readonly label?: LocalizedText;
}

/**
 * A priority decision taken apart for the UI, plus a one-line text in each language.
 *
 * @example
 * const e: PriorityExplanation = {
 *   impact: { index: 2 }, urgency: { index: 1 }, level: 'P2',
 *   sameLevelCells: [{ impact: 1, urgency: 2 }, { impact: 2, urgency: 1 }],
 *   text: { ja: '影響度 2 × 緊急度 1 → P2', en: 'impact 2 x urgency 1 -> P2' },
 * };
 */
export interface PriorityExplanation {
  readonly impact: AxisExplanation;
  readonly urgency: AxisExplanation;
  readonly level: PriorityLevelId;
  readonly levelLabel?: LocalizedText;
  /** Every cell giving the same level (the decided cell included), row by row. */
  readonly sameLevelCells: readonly MatrixCell[];
  readonly text: LocalizedText;
}

/**
 * Result of {@link explainPriority}: fails exactly when {@link lookupPriority} fails.
 *
 * @example
 * const r: PriorityExplanationResult = explainPriority([['P1']], 1, 1);
 * const line = r.ok ? r.explanation.text.en : r.error.message.en; // 'impact 1 x urgency 1 -> P1'
 */
export type PriorityExplanationResult =
  | { readonly ok: true; readonly explanation: PriorityExplanation }
  | { readonly ok: false; readonly error: PriorityLookupError };

const words = {
  impact: { ja: '影響度', en: 'Impact', enLower: 'impact' },
  urgency: { ja: '緊急度', en: 'Urgency', enLower: 'urgency' },
} as const;

function axisText(axis: MatrixAxis, part: AxisExplanation): LocalizedText {
  const w = words[axis];
  const n = String(part.index);
  if (part.label === undefined) return { ja: `${w.ja} ${n}`, en: `${w.enLower} ${n}` };
  return { ja: `${w.ja}: ${part.label.ja} (${n})`, en: `${w.en}: ${part.label.en} (${n})` };
}

function axisPart(index: number, labels: readonly LocalizedText[] | undefined): AxisExplanation {
  const label = labels?.[index - 1];
  return label === undefined ? { index } : { index, label };
}

/**
 * Explains why impact x urgency gives its priority, as data and as one line of text in ja and en.
 * Indices are 1-based (1 = highest). Labels are optional and positional.
 *
 * @example
 * const matrix = [['P1', 'P2', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']];
 * explainPriority(matrix, 2, 1).explanation.text;
 * // { ja: '影響度 2 × 緊急度 1 → P2', en: 'impact 2 x urgency 1 -> P2' }
 * explainPriority(matrix, 2, 1, {
 *   impact: [{ ja: '全部門', en: 'All departments' }, { ja: '特定部門', en: 'One department' }],
 *   urgency: [{ ja: '基幹業務停止', en: 'Core business stopped' }],
 * }).explanation.text;
 * // { ja: '影響度: 特定部門 (2) × 緊急度: 基幹業務停止 (1) → P2',
 * //   en: 'Impact: One department (2) x Urgency: Core business stopped (1) -> P2' }
 * // With levels: { P2: { ja: '高', en: 'High' } } the texts end in '→ P2 (高)' / '-> P2 (High)'.
 */
export function explainPriority(
  matrix: PriorityMatrix,
  impactIndex: number,
  urgencyIndex: number,
  labels: PriorityLabels = {},
): PriorityExplanationResult {
  const found = lookupPriority(matrix, impactIndex, urgencyIndex);
  if (!found.ok) return found;
  const level = found.level;
  const impact = axisPart(impactIndex, labels.impact);
  const urgency = axisPart(urgencyIndex, labels.urgency);
  const levelLabel = labels.levels?.[level];
  const i = axisText('impact', impact);
  const u = axisText('urgency', urgency);
  const levelJa = levelLabel === undefined ? level : `${level} (${levelLabel.ja})`;
  const levelEn = levelLabel === undefined ? level : `${level} (${levelLabel.en})`;
  const text = { ja: `${i.ja} × ${u.ja} → ${levelJa}`, en: `${i.en} x ${u.en} -> ${levelEn}` };
  const sameLevelCells = cellsForPriority(matrix, level);
  const explanation: PriorityExplanation =
    levelLabel === undefined
      ? { impact, urgency, level, sameLevelCells, text }
      : { impact, urgency, level, levelLabel, sameLevelCells, text };
  return { ok: true, explanation };
}
