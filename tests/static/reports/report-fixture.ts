import * as z from 'zod/mini';
import { ReportGetResultSchema } from '../../../src/contracts/report';
import type { ReportGetResult } from '../../../src/contracts/report';

const FORMULA = {
  ja: '遵守率 = 達成 ÷ (達成 + 違反)（計測中・一時停止中は除外し、件数を別に表示）',
  en: 'Compliance = met ÷ (met + breached) (running and paused are excluded and shown separately)',
};

/** A three-day report as report/get would send it, parsed by the contract so a drift in either shows here. */
export function sampleReport(overrides: Partial<Record<keyof ReportGetResult, unknown>> = {}): ReportGetResult {
  return z.parse(ReportGetResultSchema, {
    period: { from: '2026-03-01', to: '2026-03-03', days: 3 },
    timeZone: 'Asia/Tokyo',
    totals: { opened: 6, closed: 4, openAtEnd: 5, recurringOpened: 2 },
    trend: [
      { day: '2026-03-01', opened: 3, closed: 1 },
      { day: '2026-03-02', opened: 0, closed: 0 },
      { day: '2026-03-03', opened: 3, closed: 3 },
    ],
    sla: [
      { metricId: 'first-response', label: { ja: '初回応答時間', en: 'Time to first response' }, met: 5, breached: 1, running: 2, paused: 1, compliance: 5 / 6 },
      { metricId: 'resolution', met: 0, breached: 0, running: 4, paused: 0, compliance: null },
    ],
    complianceFormula: FORMULA,
    mtta: { count: 5, wallMinutes: 90.4, businessCount: 4, businessMinutes: 30 },
    mttr: { count: 4, wallMinutes: 1530, businessCount: 0, businessMinutes: null },
    frequency: {
      byKind: [
        { value: 'failure', count: 4 },
        { value: 'security', count: 1 },
        { value: null, count: 1 },
      ],
      byPriority: [
        { value: 'P2', count: 3 },
        { value: 'P1', count: 3 },
      ],
      byService: [{ value: 'メール, "社内"', count: 6 }],
      byCategory: [],
      byTeam: [{ value: '=cmd', count: 6 }],
    },
    recurrenceRate: 2 / 6,
    topProblems: [{ problemKey: 'INC-40', incidents: 3, summary: 'Mail queue stalls' }],
    breachedIncidents: [
      { key: 'INC-7', summary: 'Mail down', priority: 'P1', assignee: { accountId: 'a1', displayName: '山田 太郎' }, metrics: ['first-response'], status: 'In Progress' },
      { key: 'INC-9', assignee: null, metrics: ['first-response', 'resolution'] },
    ],
    restrictedIncluded: false,
    options: { kinds: ['failure', 'security'], priorities: ['P1', 'P2'], services: ['メール, "社内"'], categories: [], teams: ['=cmd'] },
    drilldown: {
      opened: 'project = INC AND created >= "2026-03-01" AND created < "2026-03-04"',
      closed: 'project = INC AND resolved >= "2026-03-01" AND resolved < "2026-03-04"',
      breached: 'project = INC AND issue.property[incident-desk-sla].breached = true',
    },
    asOf: Date.parse('2026-03-03T06:00:00Z'),
    ...overrides,
  });
}

/** The same period with nothing in it. */
export function emptyReport(): ReportGetResult {
  const base = sampleReport();
  return sampleReport({
    totals: { opened: 0, closed: 0, openAtEnd: 0, recurringOpened: 0 },
    trend: base.trend.map((r) => ({ day: r.day, opened: 0, closed: 0 })),
    sla: [],
    mtta: { count: 0, wallMinutes: null, businessCount: 0, businessMinutes: null },
    mttr: { count: 0, wallMinutes: null, businessCount: 0, businessMinutes: null },
    frequency: { byKind: [], byPriority: [], byService: [], byCategory: [], byTeam: [] },
    recurrenceRate: null,
    topProblems: [],
    breachedIncidents: [],
  });
}
