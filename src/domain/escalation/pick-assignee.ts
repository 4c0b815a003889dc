import type { AssigneeStrategy } from './escalation-schema';

/**
 * Functional escalation picks one member of a pool. The pick must be deterministic (a retry after a
 * crash must choose the same person) and fair over time, so it depends only on the pool, the stored
 * rotation state and, for least-loaded, the members' open-incident counts.
 */

/** What the app stores per pool between sweeps: the last member picked. */
export interface RotationState {
  readonly lastPicked: string | null;
}

export interface PickInput {
  /** Account ids of the pool's active members (any order; duplicates ignored). */
  readonly members: readonly string[];
  readonly strategy: AssigneeStrategy;
  readonly rotation: RotationState;
  /** Open incidents per member, for least-loaded (a missing member counts as 0). */
  readonly loads?: ReadonlyMap<string, number>;
  /** Never pick this account (the current assignee: escalating to them changes nothing). */
  readonly exclude?: string | null;
}

/** Members in rotation order: sorted by account id, starting after the last pick and wrapping. */
function rotationOrder(members: readonly string[], lastPicked: string | null): string[] {
  const sorted = [...new Set(members)].sort();
  if (lastPicked === null) return sorted;
  const after = sorted.findIndex((m) => m > lastPicked);
  return after <= 0 ? sorted : [...sorted.slice(after), ...sorted.slice(0, after)];
}

/**
 * The member to assign, or null when the pool has nobody else to give the issue to. Round-robin takes
 * the next account id after the last pick (so members joining or leaving never reset the rotation);
 * least-loaded takes the member with the fewest open incidents, ties broken in rotation order.
 *
 * @example
 * pickAssignee({ members: ['c', 'a', 'b'], strategy: 'round-robin', rotation: { lastPicked: 'a' } }) // 'b'
 * pickAssignee({ members: ['a', 'b', 'c'], strategy: 'least-loaded', rotation: { lastPicked: null },
 *   loads: new Map([['a', 3], ['b', 1], ['c', 1]]) }) // 'b'
 */
export function pickAssignee(input: PickInput): string | null {
  const order = rotationOrder(input.members, input.rotation.lastPicked).filter((m) => m !== input.exclude);
  if (order.length === 0) return null;
  switch (input.strategy) {
    case 'round-robin':
      return order[0] ?? null;
    case 'least-loaded': {
      let best: string | null = null;
      let bestLoad = Number.POSITIVE_INFINITY;
      for (const m of order) {
        const load = input.loads?.get(m) ?? 0;
        if (load < bestLoad) {
          best = m;
          bestLoad = load;
        }
      }
      return best;
    }
  }
}
