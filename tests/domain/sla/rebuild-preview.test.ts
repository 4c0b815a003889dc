import { describe, expect, it } from 'vitest';
import { previewPolicyChange } from '../../../src/domain/sla';
import { H, HistoryBuilder, at, context, standardPolicy } from './sla-fixtures';

describe('previewPolicyChange', () => {
  const histories = [
    // Resolved after 3h at P3: met under 27h, breached under a 2h goal.
    new HistoryBuilder('INC-1', '2025-01-06T09:00+09:00').comment('2025-01-06T09:10+09:00').resolve('2025-01-06T12:00+09:00').build(),
    // Resolved after 30 minutes: met either way, goal changes only.
    new HistoryBuilder('INC-2', '2025-01-06T09:00+09:00').comment('2025-01-06T09:05+09:00').resolve('2025-01-06T09:30+09:00').build(),
    // Still open at 12:00 after 3h at P3: on track, then breached.
    new HistoryBuilder('INC-3', '2025-01-06T09:00+09:00').comment('2025-01-06T09:05+09:00').build(),
  ];
  const oldPolicy = standardPolicy({ version: 3 });
  const newPolicy = (() => {
    const p = standardPolicy({ version: 4 });
    const resolution = p.metrics[1];
    if (resolution === undefined) throw new Error('fixture');
    return { ...p, metrics: [p.metrics[0], { ...resolution, goals: resolution.goals.map((g) => (g.id === 'P3' ? { ...g, targetMinutes: 120 } : g)) }].filter((m) => m !== undefined) };
  })();

  it('lists, per issue and cycle, what a new policy version would change', () => {
    const r = previewPolicyChange(histories, oldPolicy, newPolicy, context(), at('2025-01-06T12:00+09:00'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ policyId: 'standard', fromVersion: 3, toVersion: 4, issuesChecked: 3, transitions: { 'met->breached': 1, same: 1, 'on-track->breached': 1 } });
    expect(r.value.issues.map((i) => [i.issueKey, i.changes.map((c) => [c.metricId, c.cycleIndex, c.transition])])).toEqual([
      ['INC-1', [['resolution', 0, 'met->breached']]],
      ['INC-2', [['resolution', 0, 'same']]],
      ['INC-3', [['resolution', 0, 'on-track->breached']]],
    ]);
    const inc1 = r.value.issues[0]?.changes[0];
    expect(inc1?.old).toMatchObject({ state: 'met', goalMs: 27 * H, breachAt: null });
    expect(inc1?.new).toMatchObject({ state: 'breached', goalMs: 2 * H, breachAt: at('2025-01-06T11:00+09:00'), remainingMs: -H });
  });

  it('reports nothing when the policy does not change any outcome', () => {
    const r = previewPolicyChange(histories, oldPolicy, standardPolicy({ version: 4 }), context(), at('2025-01-06T12:00+09:00'));
    expect(r.ok && r.value.issues).toEqual([]);
  });

  it('shows cycles that appear or disappear when conditions change', () => {
    const reopened = new HistoryBuilder('INC-4', '2025-01-06T09:00+09:00').resolve('2025-01-06T10:00+09:00').reopen('2025-01-06T11:00+09:00').build();
    const p = standardPolicy({ version: 5 });
    const noRestart = { ...p, metrics: p.metrics.map((m) => (m.id === 'resolution' ? { ...m, start: [{ on: 'issue-created' as const }] } : m)) };
    const r = previewPolicyChange([reopened], p, noRestart, context(), at('2025-01-06T11:30+09:00'));
    expect(r.ok && r.value.issues[0]?.changes.map((c) => [c.cycleIndex, c.transition])).toEqual([[1, 'on-track->none']]);
  });

  it('passes an unknown calendar through as a typed error', () => {
    const bad = standardPolicy({ version: 2, calendar: { kind: 'fixed', calendarId: 'nowhere' } });
    expect(previewPolicyChange(histories, oldPolicy, bad, context(), at('2025-01-06T12:00+09:00'))).toEqual({ ok: false, error: { code: 'unknown-calendar', calendarId: 'nowhere' } });
  });
});
