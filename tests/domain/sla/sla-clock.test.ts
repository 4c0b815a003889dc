import { describe, expect, it } from 'vitest';
import type { SlaCycle, SlaPolicy } from '../../../src/domain/sla';
import { IssueHistorySchema, SlaPolicySchema, computeSla, currentCycle, parseJiraInstant, selectSlaPolicy } from '../../../src/domain/sla';
import { H, HistoryBuilder, M, at, context, evaluate, metric, standardPolicy } from './sla-fixtures';

type Expect = Partial<SlaCycle>;

interface Scenario {
  readonly name: string;
  readonly history: HistoryBuilder;
  readonly now: string;
  readonly policy?: SlaPolicy;
  readonly expected: Readonly<Record<string, readonly Expect[]>>;
}

const lunchPolicy = standardPolicy({ calendar: { kind: 'fixed', calendarId: 'tokyo-lunch' } });
const nyPolicy = standardPolicy({ calendar: { kind: 'fixed', calendarId: 'new-york' } });
const teamPolicy = standardPolicy({
  calendar: { kind: 'assignee-team', fallbackCalendarId: 'tokyo', teams: [{ id: 'ny', labels: { ja: 'NY', en: 'NY' }, members: ['acc-ny'], calendarId: 'new-york' }] },
});

const scenarios: Scenario[] = [
  {
    name: 'first response met by an agent comment',
    history: new HistoryBuilder('INC-1', '2025-01-06T10:00:00.000+0900').comment('2025-01-06T10:20:00.000+0900'),
    now: '2025-01-06T12:00+09:00',
    expected: {
      'first-response': [{ state: 'met', breached: false, startedAt: at('2025-01-06T10:00+09:00'), stoppedAt: at('2025-01-06T10:20+09:00'), elapsedMs: 20 * M, goalMs: 120 * M, goalId: 'P3', remainingMs: 100 * M, breachAt: null }],
      resolution: [{ state: 'running', breached: false, elapsedMs: 2 * H, goalMs: 27 * H, remainingMs: 25 * H, breachAt: at('2025-01-09T10:00+09:00'), offCalendarMs: 0 }],
    },
  },
  {
    name: 'internal notes and customer comments are not a first response',
    history: new HistoryBuilder('INC-2', '2025-01-06T10:00:00.000+0900').comment('2025-01-06T10:05+09:00', { isPublic: false }).comment('2025-01-06T10:10+09:00', { agent: false }),
    now: '2025-01-06T11:00+09:00',
    expected: { 'first-response': [{ state: 'running', elapsedMs: H, breachAt: at('2025-01-06T12:00+09:00') }] },
  },
  {
    name: 'pause across a weekend',
    history: new HistoryBuilder('INC-3', '2025-01-16T17:00+09:00').comment('2025-01-16T17:30+09:00').transition('2025-01-17T10:00+09:00', 'waiting').transition('2025-01-20T11:00+09:00', 'progress'),
    now: '2025-01-20T12:00+09:00',
    expected: {
      'first-response': [{ state: 'met', elapsedMs: 30 * M, pauses: [] }],
      resolution: [
        {
          state: 'running',
          elapsedMs: 3 * H,
          pausedMs: 73 * H,
          offCalendarMs: 15 * H,
          remainingMs: 24 * H,
          breachAt: at('2025-01-22T18:00+09:00'),
          pauses: [{ from: at('2025-01-17T10:00+09:00'), to: at('2025-01-20T11:00+09:00'), reason: { on: 'status-entered', value: 'Waiting for customer', eventId: '9991' } }],
        },
      ],
    },
  },
  {
    name: 'priority raised halfway: goal re-selected for the whole cycle, elapsed kept',
    history: new HistoryBuilder('INC-4', '2025-01-20T09:00+09:00').comment('2025-01-20T09:10+09:00').setPriority('2025-01-21T09:00+09:00', 'Highest'),
    now: '2025-01-21T12:00+09:00',
    expected: {
      'first-response': [{ state: 'met', goalId: 'P3', goalMs: 120 * M, elapsedMs: 10 * M }],
      resolution: [{ state: 'running', breached: true, goalId: 'P1', goalMs: 4 * H, elapsedMs: 12 * H, remainingMs: -8 * H, breachAt: at('2025-01-20T13:00+09:00') }],
    },
  },
  {
    name: 'two cycles after a reopen',
    history: new HistoryBuilder('INC-5', '2025-01-20T09:00+09:00', { priority: 'High' })
      .comment('2025-01-20T09:20+09:00')
      .resolve('2025-01-20T15:00+09:00')
      .reopen('2025-01-21T10:00+09:00')
      .resolve('2025-01-22T10:00+09:00'),
    now: '2025-01-22T12:00+09:00',
    expected: {
      'first-response': [{ state: 'met', elapsedMs: 20 * M, goalMs: 30 * M }],
      resolution: [
        { index: 0, state: 'met', startedAt: at('2025-01-20T09:00+09:00'), stoppedAt: at('2025-01-20T15:00+09:00'), endedBy: 'stop', elapsedMs: 6 * H, remainingMs: 2 * H, breachAt: null },
        { index: 1, state: 'breached', breached: true, startedAt: at('2025-01-21T10:00+09:00'), stoppedAt: at('2025-01-22T10:00+09:00'), elapsedMs: 9 * H, remainingMs: -H, breachAt: at('2025-01-21T18:00+09:00') },
      ],
    },
  },
  {
    name: 'events after now are ignored (the same reopen, seen on the Tuesday)',
    history: new HistoryBuilder('INC-5', '2025-01-20T09:00+09:00', { priority: 'High' })
      .comment('2025-01-20T09:20+09:00')
      .resolve('2025-01-20T15:00+09:00')
      .reopen('2025-01-21T10:00+09:00')
      .resolve('2025-01-22T10:00+09:00'),
    now: '2025-01-21T12:00+09:00',
    expected: { resolution: [{ state: 'met' }, { state: 'running', elapsedMs: 2 * H, remainingMs: 6 * H, breachAt: at('2025-01-21T18:00+09:00') }] },
  },
  {
    name: 'Japanese holiday week (Golden Week 2025)',
    history: new HistoryBuilder('INC-6', '2025-04-28T17:00+09:00'),
    now: '2025-05-07T10:00+09:00',
    expected: {
      'first-response': [{ state: 'running', breached: true, elapsedMs: 29 * H, breachAt: at('2025-04-30T10:00+09:00') }],
      resolution: [{ state: 'running', breached: true, elapsedMs: 29 * H, remainingMs: -2 * H, breachAt: at('2025-05-02T17:00+09:00') }],
    },
  },
  {
    name: 'lunch break calendar',
    history: new HistoryBuilder('INC-7', '2025-01-06T11:30+09:00'),
    now: '2025-01-06T12:30+09:00',
    policy: lunchPolicy,
    expected: { 'first-response': [{ state: 'running', elapsedMs: 30 * M, offCalendarMs: 30 * M, remainingMs: 90 * M, breachAt: at('2025-01-06T14:30+09:00'), calendarId: 'tokyo-lunch' }] },
  },
  {
    name: 'created already in a paused status starts paused',
    history: new HistoryBuilder('INC-8', '2025-01-06T10:00+09:00', { status: 'waiting' }),
    now: '2025-01-06T10:30+09:00',
    expected: {
      'first-response': [{ state: 'paused', elapsedMs: 0, remainingMs: 120 * M, breachAt: null, pausedMs: 30 * M, pauses: [{ from: at('2025-01-06T10:00+09:00'), to: null, reason: { on: 'status-entered', value: 'Waiting for customer', eventId: 'created' } }] }],
    },
  },
  {
    name: 'created paused, then resumed',
    history: new HistoryBuilder('INC-9', '2025-01-06T10:00+09:00', { status: 'waiting' }).transition('2025-01-06T11:00+09:00', 'progress'),
    now: '2025-01-06T12:00+09:00',
    expected: { 'first-response': [{ state: 'running', elapsedMs: H, pausedMs: H, breachAt: at('2025-01-06T13:00+09:00') }] },
  },
  {
    name: 'America/New_York over the DST start weekend',
    history: new HistoryBuilder('INC-10', '2025-03-07T16:00-05:00'),
    now: '2025-03-10T09:30-04:00',
    policy: nyPolicy,
    expected: {
      'first-response': [{ state: 'running', elapsedMs: 1.5 * H, remainingMs: 30 * M, breachAt: at('2025-03-10T10:00-04:00'), offCalendarMs: 63 * H }],
      resolution: [{ breachAt: at('2025-03-13T11:00-04:00') }],
    },
  },
  {
    name: 'America/New_York over the DST end weekend',
    history: new HistoryBuilder('INC-11', '2025-10-31T16:00-04:00'),
    now: '2025-11-03T09:30-05:00',
    policy: nyPolicy,
    expected: { 'first-response': [{ elapsedMs: 1.5 * H, offCalendarMs: 65 * H, breachAt: at('2025-11-03T10:00-05:00') }] },
  },
  {
    name: "assignment to another team switches to that team's calendar",
    history: new HistoryBuilder('INC-12', '2025-01-06T10:00+09:00').assign('2025-01-06T12:00+09:00', 'acc-ny'),
    now: '2025-01-06T16:00-05:00',
    policy: teamPolicy,
    expected: { resolution: [{ elapsedMs: 9 * H, calendarId: 'new-york', breachAt: at('2025-01-09T10:00-05:00') }] },
  },
  {
    name: 'incident kind change re-selects a kind-specific goal',
    history: new HistoryBuilder('INC-13', '2025-01-06T09:00+09:00').setKind('2025-01-06T10:00+09:00', 'security'),
    now: '2025-01-06T11:00+09:00',
    policy: standardPolicy({
      metrics: [
        {
          id: 'resolution',
          kind: 'time-to-resolution',
          labels: { ja: '解決', en: 'Resolution' },
          start: [{ on: 'issue-created' }],
          stop: [{ on: 'resolution-set' }],
          goals: [
            { id: 'security', when: { kinds: ['security'] }, targetMinutes: 60 },
            { id: 'default', targetMinutes: 600 },
          ],
        },
      ],
    }),
    expected: { resolution: [{ goalId: 'security', goalMs: H, breached: true, elapsedMs: 2 * H, breachAt: at('2025-01-06T10:00+09:00') }] },
  },
  {
    name: 'reset cancels the cycle and starts a new one',
    history: new HistoryBuilder('INC-14', '2025-01-06T09:00+09:00').assign('2025-01-06T10:00+09:00', 'acc-1'),
    now: '2025-01-06T12:00+09:00',
    policy: standardPolicy({
      metrics: [
        {
          id: 'with-assignee',
          kind: 'time-to-resolution',
          labels: { ja: '担当者ごと', en: 'Per assignee' },
          start: [{ on: 'issue-created' }],
          stop: [{ on: 'resolution-set' }],
          reset: [{ on: 'assignee-changed' }],
          goals: [{ id: 'all', targetMinutes: 240 }],
        },
      ],
    }),
    expected: {
      'with-assignee': [
        { index: 0, state: 'cancelled', endedBy: 'reset', elapsedMs: H, stoppedAt: at('2025-01-06T10:00+09:00') },
        { index: 1, state: 'running', startedAt: at('2025-01-06T10:00+09:00'), elapsedMs: 2 * H, breachAt: at('2025-01-06T14:00+09:00') },
      ],
    },
  },
];

describe('SLA clock scenarios (exact instants)', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const evaluation = evaluate(s.history.build(), at(s.now), s.policy);
    for (const [metricId, cycles] of Object.entries(s.expected)) {
      const got = metric(evaluation, metricId).cycles;
      expect(got).toHaveLength(cycles.length);
      cycles.forEach((c, i) => expect(got[i]).toMatchObject(c));
    }
  });

  it('records the policy id and version in every cycle', () => {
    const policy = standardPolicy({ version: 7 });
    const e = evaluate(new HistoryBuilder('INC-20', '2025-01-06T10:00+09:00').resolve('2025-01-06T11:00+09:00').reopen('2025-01-06T12:00+09:00').build(), at('2025-01-06T13:00+09:00'), policy);
    const cycles = e.metrics.flatMap((m) => m.cycles);
    expect(cycles).toHaveLength(3);
    for (const c of cycles) expect([c.policyId, c.policyVersion]).toEqual(['standard', 7]);
    expect(currentCycle(metric(e, 'resolution'))?.index).toBe(1);
  });

  it('has no cycles before the issue exists', () => {
    const e = evaluate(new HistoryBuilder('INC-21', '2025-01-06T10:00+09:00').build(), at('2025-01-06T09:00+09:00'));
    expect(e.metrics.map((m) => m.cycles.length)).toEqual([0, 0]);
  });

  it('reports an unknown calendar as a typed error', () => {
    const policy = standardPolicy({ calendar: { kind: 'fixed', calendarId: 'mars' } });
    expect(computeSla(policy, new HistoryBuilder('INC-22', '2025-01-06T10:00+09:00').build(), context(), at('2025-01-06T11:00+09:00'))).toEqual({
      ok: false,
      error: { code: 'unknown-calendar', calendarId: 'mars' },
    });
  });

  it('selects the first policy that applies to the issue', () => {
    const security = standardPolicy({ id: 'security', appliesTo: { kinds: ['security'] } });
    const general = standardPolicy({ id: 'general' });
    expect(selectSlaPolicy([security, general], new HistoryBuilder('INC-23', '2025-01-06T10:00+09:00', { kind: 'inquiry' }).build())?.id).toBe('general');
    expect(selectSlaPolicy([security, general], new HistoryBuilder('INC-24', '2025-01-06T10:00+09:00', { kind: 'security' }).build())?.id).toBe('security');
  });
});

describe('input schemas', () => {
  it.each([
    ['2025-01-06T09:00:00.000+0900', Date.UTC(2025, 0, 6, 0)],
    ['2025-01-06T09:00:00+09:00', Date.UTC(2025, 0, 6, 0)],
    ['2025-03-09T02:30:00.123-0500', Date.UTC(2025, 2, 9, 7, 30, 0, 123)],
    ['2025-01-06T00:00Z', Date.UTC(2025, 0, 6)],
    ['2025-02-30T00:00:00Z', null],
    ['yesterday', null],
  ])('parseJiraInstant(%s)', (text, expected) => {
    expect(parseJiraInstant(text)).toBe(expected);
  });

  it('accepts a Jira changelog page as it comes, and reports bad entries by field', () => {
    const input = new HistoryBuilder('INC-30', '2025-01-06T10:00:00.000+0900').transition('2025-01-06T11:00:00.000+0900', 'progress').input();
    const jiraish = { ...input, changelog: input.changelog?.map((e) => ({ ...e, historyMetadata: { type: 'x' }, items: e.items.map((i) => ({ ...i, tmpFromAccountId: null })) })) };
    expect(IssueHistorySchema.safeParse(jiraish).success).toBe(true);
    const bad = IssueHistorySchema.safeParse({ ...input, created: 'soon' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['created']);
  });

  it('rejects a policy with duplicate metric ids or no stop condition', () => {
    const p = standardPolicy();
    const dup = SlaPolicySchema.safeParse({ ...p, metrics: [p.metrics[0], p.metrics[0]] });
    expect(dup.success ? [] : dup.error.issues.map((i) => [i.path.join('.'), i.code === 'custom' ? (i.params?.['code'] as unknown) : i.code])).toEqual([['metrics.1.id', 'duplicate-id']]);
    const noStop = SlaPolicySchema.safeParse({ ...p, metrics: [{ ...p.metrics[0], stop: [] }] });
    expect(noStop.success ? [] : noStop.error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['metrics.0.stop', 'too_small']]);
  });
});
