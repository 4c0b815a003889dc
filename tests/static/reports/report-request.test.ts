import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ReportGetPayloadSchema } from '../../../src/contracts/report';
import { DIMENSIONS, NO_FILTER, filterView, isEmptyReport, issueSearchUrl, optionsOf, reportPayload, selectedCount, toggleValue } from '../../../static/reports/src/model/report-request';
import { emptyReport, sampleReport } from './report-fixture';

const period = { from: '2026-03-01', to: '2026-03-31' };

describe('filter selection', () => {
  it('toggles a value on and off without touching the old selection', () => {
    const one = toggleValue(NO_FILTER, 'kinds', 'failure');
    const two = toggleValue(one, 'kinds', null);
    expect(NO_FILTER.kinds).toEqual([]);
    expect(one.kinds).toEqual(['failure']);
    expect(two.kinds).toEqual(['failure', null]);
    expect(toggleValue(two, 'kinds', 'failure').kinds).toEqual([null]);
    expect(selectedCount(toggleValue(two, 'teams', 'ops'))).toBe(3);
  });

  it('sends only the dimensions with a choice', () => {
    expect(filterView(NO_FILTER)).toEqual({});
    expect(filterView(toggleValue(toggleValue(NO_FILTER, 'services', 'mail'), 'teams', null))).toEqual({ services: ['mail'], teams: [null] });
  });

  it('toggling the same values twice gives back an empty filter (property)', () => {
    const list = fc.constantFrom(...DIMENSIONS.map((d) => d.list));
    fc.assert(
      fc.property(fc.array(fc.tuple(list, fc.option(fc.string({ maxLength: 5 }), { nil: null })), { maxLength: 20 }), (ops) => {
        let s = NO_FILTER;
        for (const [l, v] of ops) s = toggleValue(s, l, v);
        for (const [l, v] of [...ops].reverse()) s = toggleValue(s, l, v);
        expect(filterView(s)).toEqual({});
      }),
    );
  });
});

describe('reportPayload', () => {
  it('is a valid report/get payload with the project, period, filter and list sizes', () => {
    const payload = reportPayload('INC', period, toggleValue(NO_FILTER, 'priorities', 'P1'));
    expect(payload).toEqual({ projectKey: 'INC', period, filter: { priorities: ['P1'] }, topProblems: 10, breachedLimit: 50 });
    expect(z.safeParse(ReportGetPayloadSchema, payload).success).toBe(true);
    expect(reportPayload(null, period, NO_FILTER)).toEqual({ period, topProblems: 10, breachedLimit: 50 });
  });

  it('refuses what the contract refuses, naming the field', () => {
    expect(() => reportPayload('inc', period, NO_FILTER)).toThrow(/projectKey/);
    expect(() => reportPayload('INC', { from: '1.3.2026', to: '2026-03-31' }, NO_FILTER)).toThrow(/period/);
  });
});

describe('optionsOf', () => {
  const kinds = DIMENSIONS[0];
  it('offers the values seen, any still-selected value, then "no value"', () => {
    expect(optionsOf(sampleReport(), NO_FILTER, kinds)).toEqual(['failure', 'security', null]);
    expect(optionsOf(sampleReport(), toggleValue(NO_FILTER, 'kinds', 'inquiry'), kinds)).toEqual(['failure', 'security', 'inquiry', null]);
    expect(optionsOf(null, NO_FILTER, kinds)).toEqual([null]);
  });
});

describe('isEmptyReport', () => {
  it('is empty only when nothing opened, closed or was measured', () => {
    expect(isEmptyReport(emptyReport())).toBe(true);
    expect(isEmptyReport(sampleReport())).toBe(false);
    const onlyRunning = sampleReport({ totals: { opened: 0, closed: 0, openAtEnd: 3, recurringOpened: 0 }, breachedIncidents: [], sla: [{ metricId: 'resolution', met: 0, breached: 0, running: 3, paused: 0, compliance: null }] });
    expect(isEmptyReport(onlyRunning)).toBe(false);
  });
});

describe('issueSearchUrl', () => {
  it('puts the JQL in the query, encoded', () => {
    const jql = 'project = INC AND created >= "2026-03-01" & x';
    const url = issueSearchUrl(jql);
    expect(url).toBe('/issues/?jql=project%20%3D%20INC%20AND%20created%20%3E%3D%20%222026-03-01%22%20%26%20x');
    expect(new URL(url, 'https://example.atlassian.net').searchParams.get('jql')).toBe(jql);
  });
});
