import { describe, expect, it } from 'vitest';
import { badgeStatus, mostUrgent, remainingOf, summarizeMetric, type SlaCycleView, type SlaMetricView } from '../../../static/shared/sla/sla-model';

const MIN = 60_000;

function cycle(over: Partial<SlaCycleView> = {}): SlaCycleView {
  return {
    index: 0,
    policyId: 'standard',
    policyVersion: 1,
    startedAt: 0,
    stoppedAt: null,
    endedBy: null,
    state: 'running',
    breached: false,
    pauses: [],
    pausedMs: 0,
    offCalendarMs: 0,
    elapsedMs: 30 * MIN,
    goalId: 'P3',
    goalMs: 120 * MIN,
    breachAt: 10_000_000,
    remainingMs: 90 * MIN,
    calendarId: 'jp-business-hours',
    ...over,
  };
}

const metric = (metricId: string, cycles: SlaCycleView[], kind: SlaMetricView['kind'] = 'time-to-resolution'): SlaMetricView => ({ metricId, kind, cycles });

describe('remainingOf', () => {
  it('is goal minus elapsed, negative once overdue, null without a goal', () => {
    expect(remainingOf({ goalMs: 60 * MIN, elapsedMs: 75 * MIN, remainingMs: null })).toBe(-15 * MIN);
    expect(remainingOf({ goalMs: 60 * MIN, elapsedMs: 20 * MIN, remainingMs: 40 * MIN })).toBe(40 * MIN);
    expect(remainingOf({ goalMs: null, elapsedMs: 20 * MIN, remainingMs: null })).toBeNull();
  });
});

describe('summarizeMetric', () => {
  it('takes the highest-index cycle as current and lists the others newest first', () => {
    const s = summarizeMetric(metric('resolution', [cycle({ index: 1, stoppedAt: 5, state: 'met' }), cycle({ index: 2 }), cycle({ index: 0, stoppedAt: 3, state: 'breached', breached: true })]));
    expect(s.current?.index).toBe(2);
    expect(s.past.map((c) => c.index)).toEqual([1, 0]);
    expect(s.active).toBe(true);
    expect(s.band).toBe('ok'); // 30 of 120 minutes = 25 %
  });

  it.each([
    [59, 'ok'],
    [60, 'notice'],
    [90, 'warning'],
    [120, 'warning'],
    [121, 'breached'],
  ] as const)('%i of 120 minutes elapsed is band %s', (minutes, band) => {
    expect(summarizeMetric(metric('m', [cycle({ elapsedMs: minutes * MIN })])).band).toBe(band);
  });

  it('an open cycle past its goal is active and breached; a stopped breached one is not active', () => {
    const open = summarizeMetric(metric('m', [cycle({ elapsedMs: 130 * MIN, breached: true })]));
    expect(open).toMatchObject({ active: true, breached: true, remainingMs: -10 * MIN });
    const stopped = summarizeMetric(metric('m', [cycle({ elapsedMs: 130 * MIN, stoppedAt: 9, state: 'breached', breached: true })]));
    expect(stopped).toMatchObject({ active: false, breached: true });
  });

  it('a metric that never started has no current cycle', () => {
    expect(summarizeMetric(metric('m', []))).toMatchObject({ current: null, band: null, active: false });
  });
});

describe('mostUrgent and the badge', () => {
  it('prefers the open metric closest to (or furthest past) its breach', () => {
    const a = summarizeMetric(metric('a', [cycle({ elapsedMs: 100 * MIN })])); // 20m left
    const b = summarizeMetric(metric('b', [cycle({ elapsedMs: 130 * MIN, breached: true })])); // 10m overdue
    const c = summarizeMetric(metric('c', [cycle({ stoppedAt: 5, state: 'met' })]));
    expect(mostUrgent([a, c, b])?.metricId).toBe('b');
    expect(mostUrgent([c, a])?.metricId).toBe('a');
    expect(mostUrgent([c])?.metricId).toBe('c');
    expect(mostUrgent([summarizeMetric(metric('d', []))])).toBeNull();
  });

  it('says remaining time of the most urgent open metric, and whether it is paused', () => {
    const result = {
      metrics: [
        metric('first-response', [cycle({ elapsedMs: 10 * MIN, goalMs: 30 * MIN, stoppedAt: 2, state: 'met' })], 'time-to-first-response'),
        metric('resolution', [cycle({ elapsedMs: 400 * MIN, goalMs: 480 * MIN, state: 'paused' })]),
      ],
    };
    expect(badgeStatus(result)).toMatchObject({ kind: 'remaining', remainingMs: 80 * MIN, paused: true });
  });

  it('says breached with the overdue time, met when every metric is done in time, none without metrics', () => {
    expect(badgeStatus({ metrics: [metric('r', [cycle({ elapsedMs: 125 * MIN, breached: true })])] })).toMatchObject({ kind: 'breached', overdueMs: 5 * MIN });
    expect(badgeStatus({ metrics: [metric('r', [cycle({ stoppedAt: 1, state: 'breached', breached: true, elapsedMs: 125 * MIN })])] })).toMatchObject({ kind: 'breached', overdueMs: null });
    expect(badgeStatus({ metrics: [metric('r', [cycle({ stoppedAt: 1, state: 'met' })])] }).kind).toBe('met');
    expect(badgeStatus({ metrics: [] }).kind).toBe('none');
    expect(badgeStatus({ metrics: [metric('r', [cycle({ goalMs: null, remainingMs: null })])] }).kind).toBe('running-no-goal');
  });
});
