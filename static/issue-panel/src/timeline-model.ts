import type { SlaCycleView } from '../../shared/sla/sla-model';

export type PauseReason = SlaCycleView['pauses'][number]['reason'];

/** A stretch of a cycle's life: counting, stopped for a reason, or outside the calendar's working hours. */
export type TimelineSegment =
  | { readonly kind: 'running'; readonly from: number; readonly to: number }
  | { readonly kind: 'outside'; readonly from: number; readonly to: number }
  | { readonly kind: 'paused'; readonly from: number; readonly to: number; readonly reason: PauseReason };

/** Working intervals of the cycle's calendar between two instants (sorted, disjoint, half-open). */
export type WorkingIntervalsFn = (from: number, to: number) => readonly { readonly start: number; readonly end: number }[];

/**
 * Splits a cycle from its start to its stop (or `until` while open) into segments. Pauses come from the
 * SLA result; the time between them is working ("running") or not ("outside") according to the
 * calendar. Without a calendar (`workingIntervals` null) the time between pauses is all "running".
 * Adjacent segments of the same kind (and reason) are merged; empty ones are dropped.
 *
 * @example
 * cycleSegments({ startedAt: 0, stoppedAt: 100, pauses: [{ from: 40, to: 60, reason }] }, 100, null)
 * // [{ kind: 'running', from: 0, to: 40 }, { kind: 'paused', from: 40, to: 60, reason }, { kind: 'running', from: 60, to: 100 }]
 */
export function cycleSegments(
  cycle: Pick<SlaCycleView, 'startedAt' | 'stoppedAt' | 'pauses'>,
  until: number,
  workingIntervals: WorkingIntervalsFn | null,
): TimelineSegment[] {
  const start = cycle.startedAt;
  const end = Math.max(start, cycle.stoppedAt ?? until);
  const pauses = [...cycle.pauses]
    .map((p) => ({ from: Math.max(start, p.from), to: Math.min(end, p.to ?? end), reason: p.reason }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const out: TimelineSegment[] = [];
  const push = (segment: TimelineSegment): void => {
    if (segment.to <= segment.from) return;
    const last = out.at(-1);
    if (last !== undefined && last.kind === segment.kind && last.to === segment.from && (segment.kind !== 'paused' || (last.kind === 'paused' && last.reason.eventId === segment.reason.eventId))) {
      out[out.length - 1] = { ...last, to: segment.to };
      return;
    }
    out.push(segment);
  };
  const counting = (from: number, to: number): void => {
    if (to <= from) return;
    if (workingIntervals === null) return push({ kind: 'running', from, to });
    let cursor = from;
    for (const interval of workingIntervals(from, to)) {
      const s = Math.max(from, interval.start);
      const e = Math.min(to, interval.end);
      if (e <= s) continue;
      push({ kind: 'outside', from: cursor, to: s });
      push({ kind: 'running', from: s, to: e });
      cursor = e;
    }
    push({ kind: 'outside', from: cursor, to });
  };
  let cursor = start;
  for (const pause of pauses) {
    if (pause.from > cursor) counting(cursor, pause.from);
    const from = Math.max(cursor, pause.from);
    push({ kind: 'paused', from, to: pause.to, reason: pause.reason });
    cursor = Math.max(cursor, pause.to);
  }
  counting(cursor, end);
  return out;
}

/** Total length of the segments of one kind. */
export function totalOf(segments: readonly TimelineSegment[], kind: TimelineSegment['kind']): number {
  return segments.reduce((sum, s) => (s.kind === kind ? sum + (s.to - s.from) : sum), 0);
}
