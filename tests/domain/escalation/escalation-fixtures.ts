import { EscalationLadderSchema, type EscalationLadder, type EscalationLadderInput } from '../../../src/domain/escalation';
import type { SlaCycle, SlaEvaluation } from '../../../src/domain/sla';
import { calendar } from '../calendar/calendar-fixtures';

export { at, H, M } from '../calendar/calendar-fixtures';

/** Tokyo, Mon-Fri 09:00-18:00, id 'tokyo'. */
export const tokyoCalendar = () => calendar({ id: 'tokyo', timeZone: 'Asia/Tokyo' });

export function ladder(input: Partial<EscalationLadderInput> & Pick<EscalationLadderInput, 'levels'>): EscalationLadder {
  return EscalationLadderSchema.parse({ id: 'std', labels: { ja: '標準', en: 'Standard' }, ...input });
}

/** The usual 50/75/100/150 % ladder with one comment action per level. */
export const percentLadder = (id = 'std', when?: EscalationLadderInput['when']): EscalationLadder =>
  ladder({
    id,
    ...(when !== undefined ? { when } : {}),
    levels: [50, 75, 100, 150].map((percent) => ({
      id: `p${String(percent)}`,
      labels: { ja: `${String(percent)}%`, en: `${String(percent)}%` },
      trigger: { kind: 'percent-of-goal' as const, percent },
      actions: [{ type: 'add-comment' as const, text: { ja: `${String(percent)}% 経過`, en: `${String(percent)}% elapsed` } }],
    })),
  });

export function cycle(partial: Partial<SlaCycle> & Pick<SlaCycle, 'startedAt' | 'elapsedMs'>): SlaCycle {
  return {
    index: 0,
    policyId: 'pol',
    policyVersion: 1,
    stoppedAt: null,
    endedBy: null,
    state: 'running',
    breached: false,
    pauses: [],
    pausedMs: 0,
    offCalendarMs: 0,
    goalId: 'g',
    goalMs: 4 * 3_600_000,
    breachAt: null,
    remainingMs: null,
    calendarId: 'tokyo',
    ...partial,
  };
}

export function evaluation(evaluatedAt: number, cycles: SlaCycle[], metricId = 'ttr'): SlaEvaluation {
  return {
    issueKey: 'INC-1',
    policyId: 'pol',
    policyVersion: 1,
    evaluatedAt,
    metrics: [{ metricId, kind: 'time-to-resolution', cycles }],
  };
}
