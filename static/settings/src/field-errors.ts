import type { LocalizedText } from '../../shared/i18n/locale';

/** One problem with a field of the draft, from the client-side check or from the resolver. */
export interface DraftError {
  /** JSON-path style (`matrix[1][2]`, `impact.levels[0].labels.ja`); '' is the config as a whole. */
  readonly path: string;
  readonly message: LocalizedText;
}

/**
 * A resolver field path as the config parser writes it: the resolver prefixes the payload field it
 * checked (`config.`, `document.config.`), the editor addresses the config itself.
 *
 * @example configPath('config.matrix[1][2]') // 'matrix[1][2]'; configPath('config') // ''
 */
export function configPath(path: string): string {
  return path.replace(/^(?:document\.)?config(?:\.|$)/, '');
}

/**
 * Errors by path, without duplicates (the same message from the client check and the resolver shows once).
 *
 * @example indexErrors([{ path: 'matrix[0][0]', message }]).get('matrix[0][0]') // [message]
 */
export function indexErrors(errors: readonly DraftError[]): Map<string, LocalizedText[]> {
  const map = new Map<string, LocalizedText[]>();
  for (const e of errors) {
    const list = map.get(e.path) ?? [];
    if (!list.some((m) => m.en === e.message.en)) list.push(e.message);
    map.set(e.path, list);
  }
  return map;
}

/**
 * Whether an error path is at or under a prefix (`matrix` covers `matrix[1][2]`, not `matrixes`).
 *
 * @example isUnder('impact.levels[0].labels.ja', 'impact') // true
 */
export function isUnder(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** The top-level config keys each settings page edits (what "apply my changes to the latest" carries over). */
export const PAGE_SECTIONS = {
  matrix: ['impact', 'urgency', 'priorityLevels', 'matrix'],
  calendars: ['calendars'],
  'sla-goals': ['slaPolicies'],
  escalation: ['escalationLadders', 'securityIncident'],
  problems: ['problemManagement', 'priorityOverride'],
} as const;
export type EditorPage = keyof typeof PAGE_SECTIONS;

/**
 * The latest saved config with this page's sections replaced by the draft's: a conflicting save keeps
 * what the other admin changed elsewhere and re-applies only what this admin edited here.
 *
 * @example mergeSections({ matrix: [['P1']], calendars: ['x'] }, { matrix: [['P2']], calendars: ['y'] }, ['matrix']) // { matrix: [['P2']], calendars: ['x'] }
 */
export function mergeSections<T extends Record<string, unknown>>(latest: T, draft: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = { ...latest };
  for (const k of keys) if (k in draft) out[k] = draft[k];
  return out as T;
}
