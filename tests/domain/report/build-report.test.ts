import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ReportFilterSchema,
  ReportPeriodSchema,
  buildReport,
  csvField,
  reportToCsv,
  rollupFromScratch,
  type IncidentFacts,
  type ReportFilterInput,
} from '../../../src/domain/report';
import { H, M, arbFacts, at, facts, intlDay } from './report-fixtures';

const TZ = 'Asia/Tokyo';
const period = (from: string, to: string) => ReportPeriodSchema.parse({ from, to });
const filter = (f: ReportFilterInput = {}) => ReportFilterSchema.parse(f);

/** Five incidents in early January 2025 (JST). */
const dataset: IncidentFacts[] = [
  facts({
    key: 'OPS-1', createdAt: at('2025-01-06T09:00:00+09:00'), acknowledgedAt: at('2025-01-06T09:10:00+09:00'), resolvedAt: at('2025-01-06T11:00:00+09:00'),
    businessMsToAcknowledge: 10 * M, businessMsToResolve: 2 * H, kind: 'failure', priority: 'P1', service: 'pay', category: 'db', team: 'ops', problemKey: 'PRB-1',
    sla: [{ metricId: 'ttfr', state: 'met', at: at('2025-01-06T09:10:00+09:00') }, { metricId: 'ttr', state: 'met', at: at('2025-01-06T11:00:00+09:00') }],
  }),
  facts({
    key: 'OPS-2', createdAt: at('2025-01-06T23:59:00+09:00'), acknowledgedAt: at('2025-01-07T00:29:00+09:00'), resolvedAt: at('2025-01-08T00:00:00+09:00'),
    businessMsToAcknowledge: 0, businessMsToResolve: 9 * H, kind: 'failure', priority: 'P1', service: 'pay', category: 'db', team: 'ops', recurring: true, problemKey: 'PRB-1',
    sla: [{ metricId: 'ttfr', state: 'met', at: at('2025-01-07T00:29:00+09:00') }, { metricId: 'ttr', state: 'breached', at: at('2025-01-07T08:00:00+09:00') }],
  }),
  facts({
    key: 'OPS-3', createdAt: at('2025-01-07T10:00:00+09:00'), kind: 'inquiry', priority: 'P3', service: 'mail', category: null, team: 'dev',
    sla: [{ metricId: 'ttfr', state: 'running', at: null }, { metricId: 'ttr', state: 'paused', at: null }],
  }),
  facts({
    key: 'SEC-1', createdAt: at('2025-01-07T12:00:00+09:00'), acknowledgedAt: at('2025-01-07T12:05:00+09:00'), kind: 'security', priority: 'P1', service: 'pay',
    category: 'auth', team: 'csirt', restricted: true, sla: [{ metricId: 'ttfr', state: 'met', at: at('2025-01-07T12:05:00+09:00') }],
  }),
  facts({
    key: 'OPS-0', createdAt: at('2024-12-28T10:00:00+09:00'), kind: 'failure', priority: 'P2', service: 'pay', category: 'net', team: 'ops', recurring: true, problemKey: 'PRB-2',
  }),
];

describe('buildReport', () => {
  const rollup = rollupFromScratch(dataset, TZ);

  it('computes exact counts, trend, compliance, means, frequency, recurrence and problems', () => {
    const r = buildReport(rollup, period('2025-01-06', '2025-01-08'), filter());
    expect(r.period).toEqual({ from: '2025-01-06', to: '2025-01-08', days: 3 });
    expect(r.totals).toEqual({ opened: 3, closed: 2, openAtEnd: 2, recurringOpened: 1 });
    expect(r.trend).toEqual([
      { day: '2025-01-06', opened: 2, closed: 1 },
      { day: '2025-01-07', opened: 1, closed: 0 },
      { day: '2025-01-08', opened: 0, closed: 1 },
    ]);
    expect(r.sla).toEqual([
      { metricId: 'ttfr', met: 2, breached: 0, running: 1, paused: 0, compliance: 1 },
      { metricId: 'ttr', met: 1, breached: 1, running: 0, paused: 1, compliance: 0.5 },
    ]);
    expect(r.complianceFormula.en).toBe('Compliance = met ÷ (met + breached) (running and paused are excluded and shown separately)');
    // MTTA: 10 and 30 min; MTTR: 2 h and 24 h 1 min wall-clock, 2 h and 9 h business
    expect(r.mtta).toEqual({ count: 2, wallMinutes: 20, businessCount: 2, businessMinutes: 5 });
    expect(r.mttr).toEqual({ count: 2, wallMinutes: (120 + 1441) / 2, businessCount: 2, businessMinutes: 330 });
    expect(r.frequency.byService).toEqual([{ value: 'pay', count: 2 }, { value: 'mail', count: 1 }]);
    expect(r.frequency.byCategory).toEqual([{ value: 'db', count: 2 }, { value: null, count: 1 }]);
    expect(r.frequency.byKind).toEqual([{ value: 'failure', count: 2 }, { value: 'inquiry', count: 1 }]);
    expect(r.recurrenceRate).toBeCloseTo(1 / 3, 15);
    expect(r.topProblems).toEqual([{ problemKey: 'PRB-1', incidents: 2 }]);
  });

  it('counts restricted incidents only for viewers allowed to see them', () => {
    const r = buildReport(rollup, period('2025-01-06', '2025-01-08'), filter({ includeRestricted: true }));
    expect(r.totals).toEqual({ opened: 4, closed: 2, openAtEnd: 3, recurringOpened: 1 });
    expect(r.sla[0]).toEqual({ metricId: 'ttfr', met: 3, breached: 0, running: 1, paused: 0, compliance: 1 });
    // SEC-1 has no business duration: the business mean stays over the two that have one
    expect(r.mtta).toEqual({ count: 3, wallMinutes: 15, businessCount: 2, businessMinutes: 5 });
  });

  it.each<[string, ReportFilterInput, { opened: number; closed: number; openAtEnd: number }]>([
    ['priority P1', { priorities: ['P1'] }, { opened: 2, closed: 2, openAtEnd: 0 }],
    ['service mail', { services: ['mail'] }, { opened: 1, closed: 0, openAtEnd: 1 }],
    ['no category', { categories: [null] }, { opened: 1, closed: 0, openAtEnd: 1 }],
    ['team ops or dev', { teams: ['ops', 'dev'] }, { opened: 3, closed: 2, openAtEnd: 2 }],
    ['kind security, not allowed', { kinds: ['security'] }, { opened: 0, closed: 0, openAtEnd: 0 }],
    ['kind security, allowed', { kinds: ['security'], includeRestricted: true }, { opened: 1, closed: 0, openAtEnd: 1 }],
  ])('filters by %s', (_name, f, totals) => {
    expect(buildReport(rollup, period('2025-01-06', '2025-01-08'), filter(f)).totals).toMatchObject(totals);
  });

  it('counts the backlog from before the period', () => {
    const r = buildReport(rollup, period('2025-01-01', '2025-01-05'), filter());
    expect(r.totals).toEqual({ opened: 0, closed: 0, openAtEnd: 1, recurringOpened: 0 });
    expect(r.trend).toHaveLength(5);
    expect(r.recurrenceRate).toBeNull();
    expect(r.sla).toEqual([]);
    expect(r.mttr).toEqual({ count: 0, wallMinutes: null, businessCount: 0, businessMinutes: null });
  });

  it('refuses a backwards or too long period', () => {
    expect(ReportPeriodSchema.safeParse({ from: '2025-02-01', to: '2025-01-01' }).success).toBe(false);
    expect(ReportPeriodSchema.safeParse({ from: '2015-01-01', to: '2025-12-31' }).success).toBe(false);
    expect(ReportPeriodSchema.safeParse({ from: '2025-02-30', to: '2025-03-01' }).success).toBe(false);
  });

  it('matches an independent recomputation from the raw facts (property)', () => {
    const arbSet = fc.array(fc.nat(), { maxLength: 25 }).chain((xs) => fc.tuple(...xs.map((_, i) => arbFacts(`OPS-${String(i + 1)}`))));
    const arbFilter = fc.record({
      priorities: fc.subarray(['P1', 'P2', 'P3', null]),
      services: fc.subarray(['pay', 'mail', null]),
      includeRestricted: fc.boolean(),
    });
    fc.assert(
      fc.property(arbSet, arbFilter, fc.constantFrom('Asia/Tokyo', 'America/New_York', 'UTC'), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 20 }), (set, f, zone, start, len) => {
        const from = `2025-01-${String(start).padStart(2, '0')}`;
        const toDate = new Date(Date.UTC(2025, 0, start + len));
        const to = toDate.toISOString().slice(0, 10);
        const report = buildReport(rollupFromScratch(set, zone), period(from, to), filter(f));
        const admitted = set.filter(
          (x) =>
            (f.includeRestricted || !x.restricted) &&
            (f.priorities.length === 0 || f.priorities.includes(x.priority)) &&
            (f.services.length === 0 || f.services.includes(x.service)),
        );
        const inPeriod = (t: number): boolean => {
          const d = intlDay(t, zone);
          return d >= from && d <= to;
        };
        const openedSet = admitted.filter((x) => inPeriod(x.createdAt));
        const closedSet = admitted.filter((x) => x.resolvedAt !== null && inPeriod(x.resolvedAt));
        expect(report.totals.opened).toBe(openedSet.length);
        expect(report.totals.closed).toBe(closedSet.length);
        expect(report.totals.recurringOpened).toBe(openedSet.filter((x) => x.recurring).length);
        expect(report.totals.openAtEnd).toBe(
          admitted.filter((x) => intlDay(x.createdAt, zone) <= to).length - admitted.filter((x) => x.resolvedAt !== null && intlDay(x.resolvedAt, zone) <= to).length,
        );
        for (const metricId of ['ttfr', 'ttr']) {
          let met = 0;
          let breached = 0;
          for (const x of admitted) {
            for (const s of x.sla) {
              if (s.metricId !== metricId || !inPeriod(s.at ?? x.createdAt)) continue;
              if (s.state === 'met') met++;
              if (s.state === 'breached') breached++;
            }
          }
          const row = report.sla.find((r) => r.metricId === metricId);
          expect(row?.compliance ?? null).toBe(met + breached === 0 ? null : met / (met + breached));
        }
        const mttrSet = closedSet.filter((x) => x.resolvedAt !== null);
        const mttrWall = mttrSet.reduce((s, x) => s + ((x.resolvedAt ?? 0) - x.createdAt), 0);
        expect(report.mttr.count).toBe(mttrSet.length);
        expect(report.mttr.wallMinutes).toBe(mttrSet.length === 0 ? null : Math.round((mttrWall / mttrSet.length / M) * 100) / 100);
        const business = mttrSet.filter((x) => x.businessMsToResolve !== null);
        const businessSum = business.reduce((s, x) => s + (x.businessMsToResolve ?? 0), 0);
        expect(report.mttr.businessMinutes).toBe(business.length === 0 ? null : Math.round((businessSum / business.length / M) * 100) / 100);
      }),
      { numRuns: 200 },
    );
  });
});

describe('reportToCsv', () => {
  const rollup = rollupFromScratch(dataset, TZ);
  const report = buildReport(rollup, period('2025-01-06', '2025-01-07'), filter({ services: ['pay'] }));

  it('writes a BOM, CRLF rows and exact figures (en)', () => {
    const csv = reportToCsv(report, 'en');
    expect(csv.startsWith('\uFEFFSection,Item,Detail,Value\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Period,From,,2025-01-06',
        'Period,To,,2025-01-07',
        'Period,Time zone,,Asia/Tokyo',
        'Counts,Opened,,2',
        'Counts,Closed,,1',
        'Counts,Recurrence rate (%),,50',
        'Daily trend,2025-01-06,Opened,2',
        'Daily trend,2025-01-07,Closed,0',
        'SLA,ttr,Met,1',
        'SLA,ttr,Breached,1',
        'SLA,ttr,Compliance (%),50',
        'MTTA,Mean wall-clock minutes,,20',
        'MTTR,Mean wall-clock minutes,,120',
        'By service,pay,,2',
        'Top problems,PRB-1,,2',
      ]),
    );
    expect(lines).toContain('SLA,Formula,,Compliance = met ÷ (met + breached) (running and paused are excluded and shown separately)');
  });

  it('writes Japanese labels', () => {
    const csv = reportToCsv(report, 'ja');
    expect(csv.startsWith('\uFEFF区分,項目,詳細,値\r\n')).toBe(true);
    expect(csv).toContain('\r\nSLA,ttr,遵守率 (%),50\r\n');
    expect(csv).toContain('\r\n件数,起票,,2\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['決済,API', '"決済,API"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    [-2, '-2'],
    [0.5, '0.5'],
    [null, ''],
  ] as const)('quotes %j as %s', (value, out) => {
    expect(csvField(value)).toBe(out);
  });

  it('keeps a service name with commas and quotes intact in a full CSV', () => {
    const tricky = rollupFromScratch([facts({ key: 'X-1', createdAt: at('2025-01-06T10:00:00+09:00'), service: 'Pay, "EU"' })], TZ);
    const csv = reportToCsv(buildReport(tricky, period('2025-01-06', '2025-01-06'), filter()), 'en');
    expect(csv).toContain('\r\nBy service,"Pay, ""EU""",,1\r\n');
    expect(csv).toContain('\r\nBy category,(none),,1\r\n');
  });
});
