import { validateMatrix, type MatrixIssue } from '../domain/priority';
import { formatPath, type ConfigError } from './errors';
import { messages } from './messages';
import { INCIDENT_KIND_IDS, type IncidentKind, type LocalizedText, type PriorityLevel, type Scale } from './v1/schema';

/**
 * The parts of a config the cross-field rules look at. Every schema version that keeps these fields
 * (v1 and whatever follows) can be checked with {@link validateConfigCore} and add its own rules.
 */
export interface ConfigCore {
  readonly impact: Scale;
  readonly urgency: Scale;
  readonly priorityLevels: readonly PriorityLevel[];
  readonly matrix: readonly (readonly string[])[];
  readonly incidentKinds: readonly IncidentKind[];
}

// Labels that differ only in case, width or spacing look the same to a person choosing from a list.
const sameLabel = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

function duplicatesIn<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  report: (index: number, firstIndex: number, value: string) => ConfigError,
): ConfigError[] {
  const first = new Map<string, number>();
  const errors: ConfigError[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else errors.push(report(index, seen, key));
  });
  return errors;
}

function idAndLabelErrors(listPath: readonly PropertyKey[], items: readonly { id: string; labels: LocalizedText }[]): ConfigError[] {
  const at = (i: number, ...rest: string[]): string => formatPath([...listPath, i, ...rest]);
  const ids = duplicatesIn(
    items,
    (item) => item.id,
    (i, first, id) => ({ path: at(i, 'id'), code: 'duplicate-id', message: messages.duplicateId(at(i, 'id'), id, at(first, 'id')) }),
  );
  const labels = (['ja', 'en'] as const).flatMap((lang) =>
    duplicatesIn(
      items,
      (item) => sameLabel(item.labels[lang]),
      (i, first) => {
        const path = at(i, 'labels', lang);
        const shown = items[i]?.labels[lang] ?? '';
        return { path, code: 'duplicate-label', message: messages.duplicateLabel(path, lang, shown, at(first, 'labels', lang)) } as const;
      },
    ),
  );
  return [...ids, ...labels];
}

function matrixError(issue: MatrixIssue, config: ConfigCore): ConfigError {
  const path = formatPath(['matrix', ...issue.path]);
  switch (issue.kind) {
    case 'size-out-of-range':
      return { path, code: 'matrix-size-out-of-range', message: messages.matrixSizeOutOfRange(path, issue.axis, issue.size, issue.min, issue.max) };
    case 'size-mismatch':
      return { path, code: 'matrix-size-mismatch', message: messages.matrixSizeMismatch(path, issue.axis, issue.expected, issue.actual) };
    case 'non-rectangular':
      return { path, code: 'matrix-not-rectangular', message: messages.matrixNotRectangular(path, issue.expected, issue.actual) };
    case 'unknown-level':
      return { path, code: 'unknown-priority', message: messages.unknownPriority(path, issue.level, config.priorityLevels.map((l) => l.id)) };
    case 'unmapped-level': {
      // The problem is the level definition nobody can reach, so point at it rather than at the matrix.
      const levelPath = formatPath(['priorityLevels', config.priorityLevels.findIndex((l) => l.id === issue.level)]);
      return { path: levelPath, code: 'unreferenced-priority', message: messages.unreferencedPriority(levelPath, issue.level) };
    }
  }
}

function incidentKindErrors(kinds: readonly IncidentKind[]): ConfigError[] {
  const present = new Set(kinds.map((k) => k.id));
  return INCIDENT_KIND_IDS.filter((id) => !present.has(id)).map((id) => ({
    path: 'incidentKinds',
    code: 'missing-incident-kind',
    message: messages.missingIncidentKind('incidentKinds', id),
  }));
}

/**
 * The rules a schema cannot express alone: unique ids and labels (per list, per language), a matrix
 * that is rectangular, matches the scales and names only defined priorities, every priority reachable,
 * and all three incident kinds present. An empty list means the config is consistent.
 *
 * @example
 * const config = defaultConfig();
 * validateConfigCore(config); // []
 * validateConfigCore({ ...config, matrix: [['P1', 'P2', 'P3'], ['P2', 'P3'], ['P3', 'P4', 'P5']] });
 * // [{ path: 'matrix[1]', code: 'matrix-not-rectangular', message: { ja: 'matrix[1] の列数が 2 です。…', en: 'matrix[1] has 2 cells; …' } }]
 */
export function validateConfigCore(config: ConfigCore): ConfigError[] {
  const matrixIssues = validateMatrix(config.matrix, {
    levels: config.priorityLevels.map((l) => l.id),
    size: { impact: config.impact.levels.length, urgency: config.urgency.levels.length },
  });
  return [
    ...idAndLabelErrors(['impact', 'levels'], config.impact.levels),
    ...idAndLabelErrors(['urgency', 'levels'], config.urgency.levels),
    ...idAndLabelErrors(['priorityLevels'], config.priorityLevels),
    ...idAndLabelErrors(['incidentKinds'], config.incidentKinds),
    ...incidentKindErrors(config.incidentKinds),
    ...matrixIssues.map((issue) => matrixError(issue, config)),
  ];
}
