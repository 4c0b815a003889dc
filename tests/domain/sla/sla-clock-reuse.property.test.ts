import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IssueHistory, SlaContext, StatusLookup } from '../../../src/domain/sla';
import { compileSlaPolicy, computeSla, evaluateSla, statusLookup } from '../../../src/domain/sla';
import type { PriorityName, StatusKey } from './sla-fixtures';
import { HistoryBuilder, M, PRIORITY_LEVELS, STATUSES, at, calendars, iso, standardPolicy } from './sla-fixtures';

/**
 * The clock reuses what it can: compiled calendars remember where their last lookup landed, one
 * evaluation's status lookup remembers its last resolution, fact objects are reused from event to
 * event. None of it may show: an evaluation on a long-lived compiled policy (calendars warmed by other
 * issues) equals one on a policy and calendars compiled just for it.
 */

const CREATED_MIN = Date.UTC(2025, 0, 1) / M;
const CREATED_MAX = Date.UTC(2025, 11, 1) / M;

type Op = { gap: number; kind: 'comment' | 'transition' | 'resolve' | 'reopen' | 'priority' | 'assign'; to: StatusKey; priority: PriorityName; agent: boolean };
const opArb: fc.Arbitrary<Op> = fc.record({
  gap: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  kind: fc.constantFrom('comment', 'transition', 'transition', 'resolve', 'reopen', 'priority', 'assign'),
  to: fc.constantFrom<StatusKey>('open', 'progress', 'waiting'),
  priority: fc.constantFrom<PriorityName>('Highest', 'High', 'Medium', 'Low', 'Lowest'),
  agent: fc.boolean(),
});

const caseArb = fc
  .record({
    created: fc.integer({ min: CREATED_MIN, max: CREATED_MAX }).map((m) => m * M),
    initialStatus: fc.constantFrom<StatusKey>('open', 'waiting'),
    ops: fc.array(opArb, { maxLength: 60 }),
    nowAfter: fc.integer({ min: 0, max: 90 * 24 * 60 }),
  })
  .map(({ created, initialStatus, ops, nowAfter }) => {
    const b = new HistoryBuilder('REUSE-1', iso(created), { status: initialStatus });
    let t = created;
    for (const op of ops) {
      t += op.gap * M;
      const when = iso(t);
      switch (op.kind) {
        case 'comment': b.comment(when, { agent: op.agent }); break;
        case 'transition': b.transition(when, op.to); break;
        case 'resolve': b.resolve(when); break;
        case 'reopen': b.reopen(when); break;
        case 'priority': b.setPriority(when, op.priority); break;
        case 'assign': b.assign(when, op.agent ? 'acc-1' : null); break;
      }
    }
    return { history: b.build(), now: created + nowAfter * M };
  });

function compiled(context: SlaContext) {
  const r = compileSlaPolicy(standardPolicy(), context);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('SLA clock reuse', () => {
  it('a long-lived compiled policy gives the same answer as one compiled for each evaluation', () => {
    const shared = compiled({ calendars: calendars(), priorityLevels: PRIORITY_LEVELS });
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 4 }), (cases) => {
        for (const { history, now } of cases) {
          const fresh = evaluateSla(compiled({ calendars: calendars(), priorityLevels: PRIORITY_LEVELS }), history, now);
          expect(evaluateSla(shared, history, now)).toEqual(fresh);
          // Twice in a row on the same history: nothing carried over from the first run.
          expect(evaluateSla(shared, history, now)).toEqual(fresh);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the status lookup resolves like a fresh lookup whatever it resolved before', () => {
    const history: IssueHistory = new HistoryBuilder('LOOKUP-1', '2025-01-06T01:00:00Z').build();
    const names = [...Object.values(STATUSES).flatMap((s) => [[s.id, s.name] as const, [s.id, null] as const, [null, s.name] as const]), ['99', 'Unknown'] as const, ['3', 'Renamed'] as const, [null, null] as const];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 30 }), (sequence) => {
        const lookup: StatusLookup = statusLookup(history);
        for (const [id, name] of sequence) {
          const ref = lookup.resolve(id, name);
          const expected = statusLookup(history).resolve(id, name);
          expect(ref === null ? null : { id: ref.id, name: ref.name, category: ref.category, idKey: ref.idKey, nameKey: ref.nameKey }).toEqual(
            expected === null ? null : { id: expected.id, name: expected.name, category: expected.category, idKey: expected.idKey, nameKey: expected.nameKey },
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('computeSla reuses a compile only for the same policy, calendars and levels objects', () => {
    const history = new HistoryBuilder('CACHE-1', '2025-01-06T09:00:00+09:00').comment('2025-01-06T10:00:00+09:00').build();
    const now = at('2025-01-06T12:00:00+09:00');
    const policy = standardPolicy();
    const context: SlaContext = { calendars: calendars(), priorityLevels: PRIORITY_LEVELS };
    const once = computeSla(policy, history, context, now);
    const uncached = evaluateSla(compiled({ calendars: calendars(), priorityLevels: PRIORITY_LEVELS }), history, now);
    expect(once).toEqual({ ok: true, value: uncached });
    expect(computeSla(policy, history, context, now)).toEqual(once);
    const firstResponse = (r: typeof once) => (r.ok ? r.value.metrics[0]?.cycles[0] : undefined);
    expect(firstResponse(once)).toMatchObject({ elapsedMs: 60 * M, goalId: 'P3', calendarId: 'tokyo' });

    // Same policy object, other calendars: 'tokyo' now names a New York calendar, so 09:00-10:00 Tokyo is off hours.
    const ny = calendars().get('new-york');
    if (ny === undefined) throw new Error('fixture');
    const swapped = computeSla(policy, history, { calendars: new Map([['tokyo', ny]]), priorityLevels: PRIORITY_LEVELS }, now);
    expect(firstResponse(swapped)).toMatchObject({ elapsedMs: 0 });

    // Other priority levels: Medium no longer maps to P3, so no goal applies.
    const levels = computeSla(policy, history, { calendars: context.calendars, priorityLevels: [] }, now);
    expect(firstResponse(levels)).toMatchObject({ goalId: null, goalMs: null });

    // A changed config is a new policy object: its goals apply at once.
    const edited = standardPolicy({ version: 2 });
    const firstMetric = edited.metrics[0];
    if (firstMetric === undefined) throw new Error('fixture');
    const tighter = { ...edited, metrics: [{ ...firstMetric, goals: firstMetric.goals.map((g) => ({ ...g, targetMinutes: 30 })) }, ...edited.metrics.slice(1)] };
    expect(firstResponse(computeSla(tighter, history, context, now))).toMatchObject({ goalMs: 30 * M, breached: true, policyVersion: 2 });
    // And the original policy still answers as before.
    expect(computeSla(policy, history, context, now)).toEqual(once);
  });
});
