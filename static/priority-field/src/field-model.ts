import { lookupPriority } from '../../../src/domain/priority/lookup';
import type { ConfigView, LevelView, PriorityLevelView } from '../../shared/config/config-view';
import type { Lang, LocalizedText } from '../../shared/i18n/locale';
import type { LozengeAppearance } from '../../shared/ui/lozenge';
import type { MatrixFieldValue } from './field-value';

/** What the field shows, in one language. */
export interface FieldDisplay {
  /** Level id ("P2"), or the stored text when the config does not know it. */
  readonly levelId: string;
  readonly levelLabel: string | null;
  /** 1-based position of the level (1 = highest), null when unknown. */
  readonly rank: number | null;
  readonly impact: { readonly index: number; readonly label: string | null } | null;
  readonly urgency: { readonly index: number; readonly label: string | null } | null;
  readonly jiraPriority: string | null;
  readonly overridden: boolean;
  readonly overrideReason: string | null;
}

const labelAt = (levels: readonly LevelView[] | undefined, index: number | undefined, lang: Lang): { index: number; label: string | null } | null =>
  index === undefined ? null : { index, label: levels?.[index - 1]?.labels[lang] ?? null };

/**
 * The stored value with the project's own labels: `{ priority: 2, impact: 2, urgency: 1 }` reads
 * "P2 High — One department × Core business stopped". Without a config, the numbers alone.
 *
 * @example describeValue({ impact: 2, urgency: 1, priority: 2 }, defaultConfigView, 'en').levelLabel // 'High'
 */
export function describeValue(value: MatrixFieldValue, config: ConfigView | null, lang: Lang): FieldDisplay {
  const levels = config?.priorityLevels ?? [];
  const level: PriorityLevelView | undefined = typeof value.priority === 'number' ? levels[value.priority - 1] : levels.find((l) => l.id === value.priority);
  const rank = level === undefined ? (typeof value.priority === 'number' ? value.priority : null) : levels.indexOf(level) + 1;
  return {
    levelId: level?.id ?? (typeof value.priority === 'number' ? `P${String(value.priority)}` : value.priority),
    levelLabel: level?.labels[lang] ?? null,
    rank,
    impact: labelAt(config?.impact.levels, value.impact, lang),
    urgency: labelAt(config?.urgency.levels, value.urgency, lang),
    jiraPriority: value.jiraPriority ?? level?.jiraPriorityName ?? null,
    overridden: value.overridden === true,
    overrideReason: value.overrideReason ?? null,
  };
}

/**
 * Lozenge colour by rank, the order Jira's own priority icons follow: the highest red, then yellow, then
 * blue, the rest grey.
 *
 * @example priorityAppearance(1) // 'removed'; priorityAppearance(3) // 'inprogress'; priorityAppearance(5) // 'default'
 */
export function priorityAppearance(rank: number | null): LozengeAppearance {
  if (rank === 1) return 'removed';
  if (rank === 2) return 'moved';
  if (rank === 3) return 'inprogress';
  return 'default';
}

export type Preview =
  | { readonly ok: true; readonly level: PriorityLevelView; readonly rank: number }
  | { readonly ok: false; readonly message: LocalizedText };

/**
 * The priority impact x urgency gives under the config, as the backend will compute it (same pure lookup).
 *
 * @example previewPriority(config, 2, 1) // { ok: true, level: { id: 'P2', ... }, rank: 2 }
 */
export function previewPriority(config: ConfigView, impact: number, urgency: number): Preview {
  const found = lookupPriority(config.matrix, impact, urgency);
  if (!found.ok) return { ok: false, message: found.error.message };
  const index = config.priorityLevels.findIndex((l) => l.id === found.level);
  const level = config.priorityLevels[index];
  if (level === undefined) return { ok: false, message: { ja: `優先度 ${found.level} が設定にありません。`, en: `Priority ${found.level} is not in the settings.` } };
  return { ok: true, level, rank: index + 1 };
}

/**
 * The option text setup gives each level in Jira's Impact / Urgency selects ("ja / en").
 *
 * @example optionValue({ id: 'one-person', labels: { ja: '特定個人', en: 'One person' } }) // '特定個人 / One person'
 */
export function optionValue(level: { readonly labels: LocalizedText }): string {
  return `${level.labels.ja} / ${level.labels.en}`;
}

/** Jira priority names the override may pick, highest first, without duplicates. */
export function overridePriorities(config: ConfigView): string[] {
  return [...new Set(config.priorityLevels.map((l) => l.jiraPriorityName))];
}
