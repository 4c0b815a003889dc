/**
 * The priority level `steps` levels higher than `current` in the config's order (index 0 is the
 * highest), never past the highest. Null when the issue has no known level or is already at the top,
 * so the caller knows there is nothing to change.
 *
 * @example
 * raisedPriority(['P1', 'P2', 'P3', 'P4', 'P5'], 'P4', 2) // 'P2'
 * raisedPriority(['P1', 'P2', 'P3', 'P4', 'P5'], 'P2', 3) // 'P1'
 * raisedPriority(['P1', 'P2', 'P3', 'P4', 'P5'], 'P1', 1) // null
 */
export function raisedPriority(levels: readonly string[], current: string | null, steps: number): string | null {
  if (current === null) return null;
  const index = levels.indexOf(current);
  if (index <= 0) return null;
  return levels[Math.max(0, index - Math.max(1, Math.floor(steps)))] ?? null;
}
