import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendars } from '../../../src/config/v2/sla-defaults';
import { businessMsBetween, compileCalendar, workingIntervals } from '../../../src/domain/calendar';
import { cycleSegments, totalOf, type PauseReason } from '../../../static/issue-panel/src/timeline-model';

const reason = (eventId: string): PauseReason => ({ on: 'status-entered', value: 'Waiting for customer', eventId });
const calendar = compileCalendar(defaultCalendars(2026)[0]!);
const working = (from: number, to: number) => workingIntervals(calendar, from, to);
const at = (iso: string) => Date.parse(iso);

describe('cycleSegments', () => {
  it('without a calendar: running around the pauses', () => {
    expect(cycleSegments({ startedAt: 0, stoppedAt: 100, pauses: [{ from: 40, to: 60, reason: reason('7') }] }, 999, null)).toEqual([
      { kind: 'running', from: 0, to: 40 },
      { kind: 'paused', from: 40, to: 60, reason: reason('7') },
      { kind: 'running', from: 60, to: 100 },
    ]);
  });

  it('an open pause lasts until now; an open cycle ends now', () => {
    expect(cycleSegments({ startedAt: 0, stoppedAt: null, pauses: [{ from: 50, to: null, reason: reason('8') }] }, 80, null)).toEqual([
      { kind: 'running', from: 0, to: 50 },
      { kind: 'paused', from: 50, to: 80, reason: reason('8') },
    ]);
  });

  it('splits a Friday-evening-to-Monday cycle on the Tokyo 9-18 calendar (instants exact)', () => {
    // Fri 2026-03-06 17:00 JST to Mon 2026-03-09 10:00 JST.
    const segments = cycleSegments({ startedAt: at('2026-03-06T08:00:00Z'), stoppedAt: at('2026-03-09T01:00:00Z'), pauses: [] }, 0, working);
    expect(segments).toEqual([
      { kind: 'running', from: at('2026-03-06T08:00:00Z'), to: at('2026-03-06T09:00:00Z') },
      { kind: 'outside', from: at('2026-03-06T09:00:00Z'), to: at('2026-03-09T00:00:00Z') },
      { kind: 'running', from: at('2026-03-09T00:00:00Z'), to: at('2026-03-09T01:00:00Z') },
    ]);
  });

  it('a pause that covers a night stays one paused segment', () => {
    const pause = { from: at('2026-03-05T08:30:00Z'), to: at('2026-03-06T00:30:00Z'), reason: reason('9') };
    const segments = cycleSegments({ startedAt: at('2026-03-05T08:00:00Z'), stoppedAt: at('2026-03-06T01:00:00Z'), pauses: [pause] }, 0, working);
    expect(segments.map((s) => s.kind)).toEqual(['running', 'paused', 'running']);
    expect(totalOf(segments, 'running')).toBe(60 * 60_000);
  });

  it('property: segments tile the cycle, and running time equals business time outside the pauses', () => {
    const base = at('2026-03-02T00:00:00Z');
    const span = 14 * 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: span }),
        fc.integer({ min: 0, max: span }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span / 4 })), { maxLength: 4 }),
        (a, length, raw) => {
          const start = base + a;
          const end = start + length;
          // Pauses as the engine reports them: ordered and disjoint.
          const sorted = raw.map(([f, d]) => [start + (f % (length + 1)), d] as const).sort((x, y) => x[0] - y[0]);
          const pauses: { from: number; to: number; reason: PauseReason }[] = [];
          let cursor = start;
          for (const [f, d] of sorted) {
            const from = Math.max(f, cursor);
            const to = Math.min(end, from + d);
            if (to > from) pauses.push({ from, to, reason: reason(String(from)) });
            cursor = Math.max(cursor, to);
          }
          const segments = cycleSegments({ startedAt: start, stoppedAt: end, pauses }, 0, working);
          let prev = start;
          for (const s of segments) {
            expect(s.from).toBe(prev);
            expect(s.to).toBeGreaterThan(s.from);
            prev = s.to;
          }
          expect(prev).toBe(length === 0 ? start : end);
          const gaps: [number, number][] = [];
          let c = start;
          for (const p of pauses) {
            gaps.push([c, p.from]);
            c = p.to;
          }
          gaps.push([c, end]);
          const business = gaps.reduce((n, [f, t]) => n + (t > f ? businessMsBetween(calendar, f, t) : 0), 0);
          expect(totalOf(segments, 'running')).toBe(business);
          expect(totalOf(segments, 'paused')).toBe(pauses.reduce((n, p) => n + p.to - p.from, 0));
        },
      ),
      { numRuns: 200 },
    );
  });
});
