import type { PriorityLabels } from '../domain/priority';
import type { ConfigCore } from './validate';

/**
 * The config's names in the shape the priority domain's `explainPriority` takes, so the UI can
 * explain a decision with the admin's own labels.
 *
 * @example
 * const config = defaultConfig();
 * explainPriority(config.matrix, 2, 1, priorityLabelsOf(config));
 * // text.en: 'Impact: One department (2) x Urgency: Core business stopped (1) -> P2 (High)'
 */
export function priorityLabelsOf(config: ConfigCore): PriorityLabels {
  return {
    impact: config.impact.levels.map((l) => l.labels),
    urgency: config.urgency.levels.map((l) => l.labels),
    levels: Object.fromEntries(config.priorityLevels.map((l) => [l.id, l.labels])),
  };
}

/**
 * The Jira priority name a level maps to, or undefined for an unknown level.
 *
 * @example
 * jiraPriorityNameOf(defaultConfig(), 'P1'); // 'Highest'
 * jiraPriorityNameOf(defaultConfig(), 'P9'); // undefined
 */
export function jiraPriorityNameOf(config: ConfigCore, levelId: string): string | undefined {
  return config.priorityLevels.find((l) => l.id === levelId)?.jiraPriorityName;
}
