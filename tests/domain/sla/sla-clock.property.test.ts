import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMsBetween } from '../../../src/domain/calendar';
import type { IssueHistory, IssueHistoryInput } from '../../../src/domain/sla';
import { IssueHistorySchema } from '../../../src/domain/sla';
import type { PriorityName, StatusKey } from './sla-fixtures';
import { HistoryBuilder, M, calendars, evaluate, metric } from './sla-fixtures';

const iso = (ms: number): string => new Date(ms).toISOString();
const CREATED_MIN = Date.UTC(2025, 0, 1);
const CREATED_MAX = Date.UTC(2025, 11, 1);

type Op =
  | { kind: 'comment'; agent: boolean; isPublic: boolean }
  | { kind: 'transition'; to: StatusKey }
  | { kind: 'resolve' }
  | { kind: 'reopen' }
  | { kind: 'priority'; to: PriorityName }
  | { kind: 'assign'; to: string | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('comment' as const), agent: fc.boolean(), isPublic: fc.boolean() }),
  fc.record({ kind: fc.constant('transition' as const), to: fc.constantFrom<StatusKey>('open', 'progress', 'waiting') }),
  fc.constant({ kind: 'resolve' as const }),
  fc.constant({ kind: 'reopen' as const }),
  fc.record({ kind: fc.constant('priority' as const), to: fc.constantFrom<PriorityName>('Highest', 'High', 'Medium', 'Low', 'Lowest') }),
  fc.record({ kind: fc.constant('assign' as const), to: fc.constantFrom('acc-1', 'acc-ny', null) }),
);

/** A random but Jira-consistent history: ops at increasing minute offsets (several may share one instant). */
const historyArb = fc
  .record({
    created: fc.integer({ min: CREATED_MIN / M, max: CREATED_MAX / M }).map((m) => m * M),
    initialStatus: fc.constantFrom<StatusKey>('open', 'waiting'),
    priority: fc.constantFrom<PriorityName>('High', 'Medium', 'Low'),
    ops: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), opArb), { maxLength: 40 }),
    nowAfter: fc.integer({ min: 0, max: 30 * 24 * 60 }),
  })
  .map(({ created, initialStatus, priority, ops, nowAfter }) => {
    const b = new HistoryBuilder('PROP-1', iso(created), { status: initialStatus, priority });
    let t = created;
    for (const [gap, op] of ops) {
      t += gap * M;
      const when = iso(t);
      switch (op.kind) {
        case 'comment': b.comment(when, { agent: op.agent, isPublic: op.isPublic }); break;
        case 'transition': b.transition(when, op.to); break;
        case 'resolve': b.resolve(when); break;
        case 'reopen': b.reopen(when); break;
        case 'priority': b.setPriority(when, op.to); break;
        case 'assign': b.assign(when, op.to); break;
      }
    }
    return { input: b.input(), now: created + nowAfter * M };
  });

const parse = (input: IssueHistoryInput): IssueHistory => IssueHistorySchema.parse(input);

describe('SLA clock properties', () => {
  it('elapsed, paused and off-calendar time are never negative, and cycles never overlap', () => {
    fc.assert(
      fc.property(historyArb, ({ input, now }) => {
        const e = evaluate(parse(input), now);
        for (const m of e.metrics) {
          let previousEnd = -Infinity;
          for (const c of m.cycles) {
            expect(c.elapsedMs).toBeGreaterThanOrEqual(0);
            expect(c.pausedMs).toBeGreaterThanOrEqual(0);
            expect(c.offCalendarMs).toBeGreaterThanOrEqual(0);
            const end = c.stoppedAt ?? now;
            expect(c.elapsedMs + c.pausedMs + c.offCalendarMs).toBe(end - c.startedAt);
            expect(c.startedAt).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = end;
            if (c.goalMs !== null) expect(c.remainingMs).toBe(c.goalMs - c.elapsedMs);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shuffled or duplicated changelog entries and comments give the same result', () => {
    fc.assert(
      fc.property(historyArb, fc.infiniteStream(fc.nat()), fc.nat(), ({ input, now }, randoms, dupSeed) => {
        const it = randoms[Symbol.iterator]();
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const a = [...xs];
          for (let i = a.length - 1; i > 0; i--) {
            const j = (it.next().value ?? 0) % (i + 1);
            [a[i], a[j]] = [a[j] as T, a[i] as T];
          }
          return a;
        };
        const log = input.changelog ?? [];
        const comments = input.comments ?? [];
        const dupLog = log.length > 0 ? [log[dupSeed % log.length]] : [];
        const dupComments = comments.length > 0 ? [comments[dupSeed % comments.length]] : [];
        const messy = { ...input, changelog: shuffle([...log, ...dupLog].filter((x) => x !== undefined)), comments: shuffle([...comments, ...dupComments].filter((x) => x !== undefined)) };
        expect(evaluate(parse(messy), now)).toEqual(evaluate(parse(input), now));
      }),
      { numRuns: 200 },
    );
  });

  it('a projected breach instant is exactly the remaining business time away', () => {
    const tokyo = calendars().get('tokyo');
    if (tokyo === undefined) throw new Error('fixture');
    fc.assert(
      fc.property(historyArb, ({ input, now }) => {
        for (const m of evaluate(parse(input), now).metrics) {
          const c = m.cycles.at(-1);
          if (c === undefined || c.state !== 'running' || c.breached || c.breachAt === null || c.remainingMs === null) continue;
          expect(businessMsBetween(tokyo, now, c.breachAt)).toBe(c.remainingMs);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('without priority changes, evaluating at the breach instant shows elapsed exactly equal to the goal', () => {
    fc.assert(
      fc.property(historyArb, ({ input, now }) => {
        const noPriority = { ...input, changelog: (input.changelog ?? []).filter((e) => e.items.every((i) => i.field !== 'priority')) };
        const history = parse(noPriority);
        for (const m of evaluate(history, now).metrics) {
          for (const c of m.cycles) {
            if (!c.breached || c.breachAt === null) continue;
            const then = metric(evaluate(history, c.breachAt), m.metricId).cycles[c.index];
            expect(then?.elapsedMs).toBe(c.goalMs);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('pausing never shortens the remaining time', () => {
    // Base: priority changes and agent-free comments; pauses are disjoint windows in "Waiting for customer".
    const arb = fc.record({
      created: fc.integer({ min: CREATED_MIN / M, max: CREATED_MAX / M }).map((m) => m * M),
      priorities: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.constantFrom<PriorityName>('Highest', 'High', 'Medium', 'Low')), { maxLength: 5 }),
      points: fc.uniqueArray(fc.integer({ min: 1, max: 7 * 24 * 60 }), { minLength: 2, maxLength: 12 }),
      extra: fc.nat(),
      nowAfter: fc.integer({ min: 0, max: 10 * 24 * 60 }),
    });
    fc.assert(
      fc.property(arb, ({ created, priorities, points, extra, nowAfter }) => {
        const sorted = [...points].sort((a, b) => a - b);
        const windows: [number, number][] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) windows.push([sorted[i] ?? 0, sorted[i + 1] ?? 0]);
        const added = extra % windows.length;
        const build = (withAdded: boolean): IssueHistory => {
          const events: [number, (b: HistoryBuilder, when: string) => void][] = [];
          for (const [offset, p] of priorities) events.push([offset, (b, w) => b.setPriority(w, p)]);
          windows.forEach(([from, to], i) => {
            if (i === added && !withAdded) return;
            events.push([from, (b, w) => b.transition(w, 'waiting')], [to, (b, w) => b.transition(w, 'progress')]);
          });
          events.sort((a, b) => a[0] - b[0]);
          const b = new HistoryBuilder('PAUSE-1', iso(created), { status: 'progress' });
          for (const [offset, apply] of events) apply(b, iso(created + offset * M));
          return b.build();
        };
        const now = created + nowAfter * M;
        const without = evaluate(build(false), now);
        const withPause = evaluate(build(true), now);
        for (const m of without.metrics) {
          const a = m.cycles[0];
          const b = metric(withPause, m.metricId).cycles[0];
          if (a === undefined || b === undefined || a.remainingMs === null || b.remainingMs === null) continue;
          expect(b.remainingMs).toBeGreaterThanOrEqual(a.remainingMs);
          expect(b.elapsedMs).toBeLessThanOrEqual(a.elapsedMs);
        }
      }),
      { numRuns: 200 },
    );
  });
});
