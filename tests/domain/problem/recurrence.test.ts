import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RecurrenceRuleSchema,
  analyseRecurrence,
  compareIssueKeys,
  incidentsByProblem,
  recurrenceAtIntake,
  type ProblemIncident,
} from '../../../src/domain/problem';
import { DAY, T0, incident } from './problem-fixtures';

const rule = (windowDays: number, matchOn: 'service' | 'category' | 'service-and-category' = 'service', minIncidents = 2) =>
  RecurrenceRuleSchema.parse({ windowDays, matchOn, minIncidents });

describe('analyseRecurrence', () => {
  it('flags incidents within the window after another of the same service and clusters chains', () => {
    const incidents = [
      incident('OPS-1', 0),
      incident('OPS-2', 3),
      incident('OPS-3', 10), // 7 days after OPS-2: inside a 7-day window (inclusive)
      incident('OPS-4', 17.001), // just over 7 days after OPS-3
      incident('OPS-5', 40),
      incident('OPS-6', 1, { service: 'mail' }),
      incident('OPS-7', 2, { service: null }),
      incident('OPS-8', 2.5, { service: null }),
    ];
    expect(analyseRecurrence(incidents, rule(7))).toEqual({
      recurring: ['OPS-2', 'OPS-3'],
      recursAfter: { 'OPS-2': 'OPS-1', 'OPS-3': 'OPS-2' },
      clusters: [
        {
          group: { service: 'pay', category: null },
          incidentKeys: ['OPS-1', 'OPS-2', 'OPS-3'],
          earliest: T0,
          latest: T0 + 10 * DAY,
          suggestion: { type: 'create-problem', incidentKeys: ['OPS-1', 'OPS-2', 'OPS-3'] },
        },
      ],
    });
  });

  it.each<[string, ReturnType<typeof rule>, string[]]>([
    ['service', rule(7, 'service'), ['OPS-2', 'OPS-3']],
    ['category', rule(7, 'category'), ['OPS-3']],
    ['service and category', rule(7, 'service-and-category'), ['OPS-3']],
    ['a wider window', rule(30, 'service'), ['OPS-2', 'OPS-3']],
  ])('matches on %s', (_name, r, recurring) => {
    const incidents = [
      incident('OPS-1', 0, { category: 'db' }),
      incident('OPS-2', 1, { category: 'network' }),
      incident('OPS-3', 2, { category: 'db', service: 'pay' }),
    ];
    expect(analyseRecurrence(incidents, r).recurring).toEqual(recurring);
  });

  it.each<[string, ProblemIncident[], unknown]>([
    ['all unlinked', [incident('OPS-1', 0), incident('OPS-2', 1)], { type: 'create-problem', incidentKeys: ['OPS-1', 'OPS-2'] }],
    ['some linked', [incident('OPS-1', 0, { problemKey: 'PRB-1' }), incident('OPS-2', 1), incident('OPS-3', 2)], { type: 'link-to-problem', problemKey: 'PRB-1', incidentKeys: ['OPS-2', 'OPS-3'] }],
    ['all linked to one', [incident('OPS-1', 0, { problemKey: 'PRB-1' }), incident('OPS-2', 1, { problemKey: 'PRB-1' })], { type: 'already-linked', problemKey: 'PRB-1' }],
    ['linked to two: the majority wins', [incident('OPS-1', 0, { problemKey: 'PRB-9' }), incident('OPS-2', 1, { problemKey: 'PRB-10' }), incident('OPS-3', 2, { problemKey: 'PRB-10' }), incident('OPS-4', 3)], { type: 'link-to-problem', problemKey: 'PRB-10', incidentKeys: ['OPS-4'] }],
    ['linked to two, tie: lowest key', [incident('OPS-1', 0, { problemKey: 'PRB-10' }), incident('OPS-2', 1, { problemKey: 'PRB-9' }), incident('OPS-4', 3)], { type: 'link-to-problem', problemKey: 'PRB-9', incidentKeys: ['OPS-4'] }],
  ])('suggests for a cluster with %s', (_name, incidents, suggestion) => {
    expect(analyseRecurrence(incidents, rule(7)).clusters.map((c) => c.suggestion)).toEqual([suggestion]);
  });

  it('needs minIncidents for a cluster but still flags recurrence', () => {
    const r = analyseRecurrence([incident('OPS-1', 0), incident('OPS-2', 1)], rule(7, 'service', 3));
    expect(r.recurring).toEqual(['OPS-2']);
    expect(r.clusters).toEqual([]);
  });

  it('orders clusters by earliest incident, and is independent of input order and duplicates', () => {
    const incidents = [incident('OPS-1', 5, { service: 'b' }), incident('OPS-2', 6, { service: 'b' }), incident('OPS-3', 0, { service: 'a' }), incident('OPS-4', 1, { service: 'a' })];
    const expected = analyseRecurrence(incidents, rule(7));
    expect(expected.clusters.map((c) => c.group.service)).toEqual(['a', 'b']);
    fc.assert(
      fc.property(fc.shuffledSubarray(incidents, { minLength: incidents.length }), fc.integer({ min: 0, max: 3 }), (shuffled, dup) => {
        const withDup = [...shuffled, ...shuffled.slice(0, dup)];
        expect(analyseRecurrence(withDup, rule(7))).toEqual(expected);
      }),
    );
  });

  it('flags exactly the incidents with an earlier same-group incident within the window (brute force)', () => {
    const arb = fc.array(fc.record({ day: fc.integer({ min: 0, max: 60 }), hour: fc.integer({ min: 0, max: 23 }), service: fc.constantFrom('a', 'b', null) }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 10 }), (rows, windowDays) => {
        const incidents = rows.map((r, i) => incident(`OPS-${String(i + 1)}`, r.day + r.hour / 24, { service: r.service }));
        const got = new Set(analyseRecurrence(incidents, rule(windowDays)).recurring);
        for (const x of incidents) {
          const earlier = incidents.some(
            (y) => y !== x && x.service !== null && y.service === x.service && (y.createdAt < x.createdAt || (y.createdAt === x.createdAt && compareIssueKeys(y.key, x.key) < 0)) && x.createdAt - y.createdAt <= windowDays * DAY,
          );
          expect(got.has(x.key)).toBe(earlier);
        }
      }),
    );
  });
});

describe('recurrenceAtIntake', () => {
  it('lists earlier same-group incidents within the window, most recent first, with the problem to link', () => {
    const history = [
      incident('OPS-1', 0, { problemKey: 'PRB-2' }),
      incident('OPS-2', 4, { problemKey: 'PRB-2' }),
      incident('OPS-3', 5, { problemKey: 'PRB-1' }),
      incident('OPS-4', 6, { service: 'mail' }),
      incident('OPS-5', 20), // after the new incident
    ];
    expect(recurrenceAtIntake(incident('OPS-9', 7), history, rule(7))).toEqual({
      recurring: true,
      previous: [
        { key: 'OPS-3', createdAt: T0 + 5 * DAY, problemKey: 'PRB-1' },
        { key: 'OPS-2', createdAt: T0 + 4 * DAY, problemKey: 'PRB-2' },
        { key: 'OPS-1', createdAt: T0, problemKey: 'PRB-2' },
      ],
      suggestedProblemKey: 'PRB-2',
    });
    expect(recurrenceAtIntake(incident('OPS-9', 7.5), history, rule(7)).previous.map((p) => p.key)).toEqual(['OPS-3', 'OPS-2']);
    expect(recurrenceAtIntake(incident('OPS-9', 7, { service: null }), history, rule(7))).toEqual({ recurring: false, previous: [], suggestedProblemKey: null });
  });
});

describe('incidentsByProblem', () => {
  it('counts and lists incidents per problem, most first', () => {
    const incidents = [
      incident('OPS-3', 2, { problemKey: 'PRB-1', statusCategory: 'done', status: 'Closed' }),
      incident('OPS-1', 0, { problemKey: 'PRB-1' }),
      incident('OPS-2', 1, { problemKey: 'PRB-2' }),
      incident('OPS-4', 3),
      incident('OPS-1', 0, { problemKey: 'PRB-1' }),
    ];
    expect(incidentsByProblem(incidents)).toEqual([
      {
        problemKey: 'PRB-1',
        count: 2,
        openCount: 1,
        incidents: [
          { key: 'OPS-1', createdAt: T0, status: 'Open', open: true },
          { key: 'OPS-3', createdAt: T0 + 2 * DAY, status: 'Closed', open: false },
        ],
      },
      { problemKey: 'PRB-2', count: 1, openCount: 1, incidents: [{ key: 'OPS-2', createdAt: T0 + DAY, status: 'Open', open: true }] },
    ]);
  });
});
