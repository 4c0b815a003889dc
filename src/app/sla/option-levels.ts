/**
 * Reads a select field's value (`{ id, value }` as Jira returns options) as a config level id: by the
 * option id setup recorded, else by the option text matching a level's id or ja/en label. Labels are
 * compared loosely (NFKC, case, spaces) because admins rename options by hand.
 */

export interface LabelledLevel {
  readonly id: string;
  readonly labels: { readonly ja: string; readonly en: string };
}

const loose = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * @example
 * optionLevelId({ id: '10100', value: '全部門' }, {}, impactLevels) // 'all-departments'
 * optionLevelId({ id: '10100', value: 'x' }, { '10100': 'one-person' }, impactLevels) // 'one-person'
 */
export function optionLevelId(raw: unknown, optionMap: Readonly<Record<string, string>>, levels: readonly LabelledLevel[]): string | null {
  if (raw === null || raw === undefined) return null;
  let id: string | undefined;
  let text: string | undefined;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'object') {
    const r = raw as { id?: unknown; value?: unknown; name?: unknown };
    if (typeof r.id === 'string' || typeof r.id === 'number') id = String(r.id);
    if (typeof r.value === 'string') text = r.value;
    else if (typeof r.name === 'string') text = r.name;
  }
  if (id !== undefined) {
    const mapped = optionMap[id];
    if (mapped !== undefined && levels.some((l) => l.id === mapped)) return mapped;
  }
  if (text === undefined) return null;
  const wanted = loose(text);
  // Setup writes options as "ja / en"; admins may have kept either language alone.
  const level = levels.find(
    (l) => loose(l.id) === wanted || loose(l.labels.ja) === wanted || loose(l.labels.en) === wanted || loose(`${l.labels.ja} / ${l.labels.en}`) === wanted,
  );
  return level?.id ?? null;
}

/** 1-based position of a level (matrix index), or null. */
export function levelIndex(levelId: string | null, levels: readonly LabelledLevel[]): number | null {
  if (levelId === null) return null;
  const i = levels.findIndex((l) => l.id === levelId);
  return i < 0 ? null : i + 1;
}
