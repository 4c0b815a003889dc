import { describe, expect, it } from 'vitest';
import { ESCALATION_PROPERTY_MAX_ENTRIES, historyComment, readEscalationProperty, withFired, type FiringRecord } from '../../../src/app/escalation';

const record = (n: number, extra: Partial<FiringRecord> = {}): FiringRecord => ({
  schemaVersion: 1,
  key: `1:ttr:0:std:l${String(n)}`,
  issueId: '1',
  issueKey: 'INC-1',
  projectKey: 'INC',
  metricId: 'ttr',
  cycle: 0,
  ladderId: 'std',
  levelId: `l${String(n)}`,
  levelLabels: { ja: `段階${String(n)}`, en: `Level ${String(n)}` },
  state: 'pending',
  createdAt: 1000 + n,
  completedAt: null,
  attempts: 1,
  actions: [{ index: 0, idempotencyKey: `1:ttr:0:std:l${String(n)}#0`, action: { type: 'add-label', label: 'x' }, state: 'done' }],
  recorded: false,
  ...extra,
});

describe('the fired-list property', () => {
  it('merges by key: a re-run replaces in place and never duplicates; new firings go last', () => {
    const once = withFired(readEscalationProperty(undefined), [record(1), record(2)]);
    const again = withFired(once, [record(1, { actions: [{ index: 0, idempotencyKey: 'k', action: { type: 'add-label', label: 'x' }, state: 'failed', detail: '400' }] }), record(3)]);
    expect(again.fired.map((f) => [f.levelId, f.actions[0]?.state])).toEqual([['l1', 'failed'], ['l2', 'done'], ['l3', 'done']]);
  });

  it(`keeps the newest ${String(ESCALATION_PROPERTY_MAX_ENTRIES)} entries, far below Jira's 32 KB`, () => {
    const many = withFired(readEscalationProperty(null), Array.from({ length: 150 }, (_, i) => record(i)));
    expect(many.fired).toHaveLength(ESCALATION_PROPERTY_MAX_ENTRIES);
    expect(many.fired[0]?.levelId).toBe('l50');
    expect(JSON.stringify(many).length).toBeLessThan(32 * 1024);
  });

  it('reads anything unreadable as empty', () => {
    expect(readEscalationProperty({ schemaVersion: 9 })).toEqual({ schemaVersion: 1, fired: [] });
  });
});

describe('historyComment', () => {
  it('says what fired in both languages and ends with the ref marker', () => {
    const text = historyComment(record(1));
    expect(text.split('\n\n')).toEqual([
      '[Incident Desk] エスカレーション「段階1」（ttr / サイクル 1）: ラベル x を追加',
      '[Incident Desk] Escalation "Level 1" (ttr, cycle 1): added label x',
      '(Incident Desk ref 1:ttr:0:std:l1#history)',
    ]);
  });
});
