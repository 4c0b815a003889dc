import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config';
import { fieldText, linkedProblemKeys, reportInputOf, unnamedAccountIds, type ReportSources } from '../../../src/app/incident';
import { ESCALATION_PROPERTY_KEY, refMarker } from '../../../src/app/escalation/escalation-history';
import type { IssueSnapshot } from '../../../src/app/ports/issue-gateway';
import type { SiteCatalog } from '../../../src/app/ports/setup-store';
import { IncidentReportInputSchema } from '../../../src/domain/incident';

const catalog: SiteCatalog = {
  schemaVersion: 1,
  projectId: '10000',
  projectKey: 'INC',
  appAccountId: 'app-1',
  issueTypes: { incident: '1', problem: '2', incidentTask: null },
  fields: {
    impact: null,
    urgency: null,
    incidentKind: null,
    detectionChannel: null,
    occurredAt: 'cf_occ',
    detectedAt: null,
    recoveredAt: 'cf_rec',
    affectedService: 'cf_svc',
    impactScope: 'cf_scope',
    workaround: 'cf_wa',
    directCause: 'cf_dc',
    rootCause: 'cf_rc',
    category: null,
    rootCauseAnalysis: 'cf_rca',
    knownError: null,
    permanentFix: 'cf_fix',
    permanentFixOwner: 'cf_owner',
    permanentFixDue: 'cf_due',
    priorityMatrix: null,
  },
  options: { impact: {}, urgency: {}, incidentKind: {}, detectionChannel: {} },
  linkType: null,
  statuses: [],
};

const adf = (...paragraphs: string[]) => ({ type: 'doc', version: 1, content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

function issue(over: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    id: '100',
    key: 'INC-1',
    projectId: '10000',
    projectKey: 'INC',
    issueType: { id: '1', name: 'Incident', subtask: false },
    summary: 'DB down',
    status: { id: '1', name: 'Open', category: 'new' },
    priority: { id: '2', name: 'High' },
    assignee: 'u-bob',
    reporter: 'u-carol',
    resolution: null,
    securityLevel: null,
    labels: [],
    created: Date.UTC(2026, 2, 2, 0, 0),
    updated: Date.UTC(2026, 2, 2, 0, 0),
    fields: {
      reporter: { accountId: 'u-carol', displayName: 'Carol', emailAddress: 'carol@example.com' },
      assignee: { accountId: 'u-bob', displayName: 'Bob' },
      cf_scope: adf('Tokyo office', 'and Osaka'),
      cf_rc: '   ',
    },
    changelog: [{ id: '1', created: Date.UTC(2026, 2, 2, 1, 0), author: 'u-dan', items: [{ field: 'status', fieldtype: 'jira', from: '1', fromString: 'Open', to: '3', toString: 'In Progress' }] }],
    comments: [
      { id: '10', created: Date.UTC(2026, 2, 2, 2, 0), author: 'u-bob', isPublic: true, text: 'Failing over' },
      { id: '11', created: Date.UTC(2026, 2, 2, 2, 5), author: 'u-bob', isPublic: false, text: 'internal: vendor ticket 123' },
      { id: '12', created: Date.UTC(2026, 2, 2, 2, 6), author: 'app-1', isPublic: true, text: `[Incident Desk] escalation\n${refMarker('k#history')}` },
      { id: '13', created: Date.UTC(2026, 2, 2, 2, 7), author: 'u-bob', isPublic: true, text: 'Incident report INC-20260302-001\nField Value' },
      { id: '14', created: Date.UTC(2026, 2, 2, 2, 8), author: 'u-bob', isPublic: true, text: 'インシデント報告書 INC-1' },
      { id: '15', created: Date.UTC(2026, 2, 2, 2, 9), author: 'u-bob', isPublic: true, text: 'Incident report sent to the customer' },
    ],
    properties: {},
    ...over,
  };
}

const sources = (over: Partial<ReportSources> = {}): ReportSources => ({
  issue: issue(),
  catalog,
  config: defaultConfig(),
  locale: 'en',
  incidentNumber: 'INC-20260302-001',
  problems: [],
  names: {},
  now: Date.UTC(2026, 2, 3, 0, 0),
  ...over,
});

describe('fieldText', () => {
  it.each([
    ['plain text', '  Disk full ', 'Disk full'],
    ['blank', ' \n ', null],
    ['ADF paragraphs (API v3 textarea)', adf('line one', 'line two'), 'line one\nline two'],
    ['ADF with a hard break', { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] }] }, 'a\nb'],
    ['an option', { value: 'Mail' }, 'Mail'],
    ['a number', 42, null],
    ['null', null, null],
  ])('%s', (_name, raw, expected) => {
    expect(fieldText(raw)).toBe(expected);
  });
});

describe('reportInputOf', () => {
  it('only public comments of people: not internal ones, not escalation history, not earlier reports', () => {
    const input = IncidentReportInputSchema.parse(reportInputOf(sources()));
    expect(input.comments.map((c) => c.id)).toEqual(['10', '15']);
  });

  it('text fields from ADF; a blank root cause falls back to the linked problems\' analysis', () => {
    const input = IncidentReportInputSchema.parse(
      reportInputOf(sources({ problems: [{ key: 'INC-9', summary: 'p', done: true, fields: { cf_rca: adf('Index missing'), cf_fix: 'Add index', cf_owner: { accountId: 'u-eri', displayName: 'Eri' }, cf_due: '2026-04-01' } }] })),
    );
    expect(input.impactScope).toBe('Tokyo office\nand Osaka');
    expect(input.rootCause).toBe('Index missing');
    expect(input.permanentFixes).toEqual([{ description: 'Add index', owner: 'Eri', due: '2026-04-01', done: true, issueKey: 'INC-9' }]);
  });

  it('stakeholders: each person once with all their roles, the app left out; names from the lookup for people the JSON did not name', () => {
    const s = sources({ names: { 'u-dan': 'Dan' } });
    expect(unnamedAccountIds(s.issue, catalog, s.config, [])).toEqual(['u-dan']);
    const input = IncidentReportInputSchema.parse(reportInputOf(s));
    expect(input.stakeholders).toEqual([
      { name: 'Carol', role: 'Reporter', contact: 'carol@example.com' },
      { name: 'Bob', role: 'Assignee, Responder', contact: null },
      { name: 'Dan', role: 'Responder', contact: null },
    ]);
    const ja = IncidentReportInputSchema.parse(reportInputOf({ ...s, locale: 'ja' }));
    expect(ja.stakeholders[1]).toEqual({ name: 'Bob', role: '担当者、対応者', contact: null });
  });

  it('fired escalations from the property: level, targets from the config ladder, outcome per action', () => {
    const config = defaultConfig();
    const ladder = config.escalationLadders[0];
    const level = ladder?.levels[0];
    if (ladder === undefined || level === undefined) throw new Error('default config has no ladder');
    const property = {
      schemaVersion: 1,
      fired: [{ key: 'k1', metricId: 'resolution', cycle: 0, ladderId: ladder.id, levelId: level.id, levelLabels: level.labels, firedAt: Date.UTC(2026, 2, 2, 3, 0), actions: level.actions.map((a) => ({ type: a.type, state: 'failed', detail: 'Jira said no' })) }],
    };
    const input = IncidentReportInputSchema.parse(reportInputOf(sources({ issue: issue({ properties: { [ESCALATION_PROPERTY_KEY]: property } }) })));
    expect(input.escalations).toHaveLength(1);
    expect(input.escalations[0]).toMatchObject({ id: 'k1', firedAt: Date.UTC(2026, 2, 2, 3, 0), level: `${level.labels.en} (resolution)` });
    expect(input.escalations[0]?.action).toContain('(failed: Jira said no)');
  });

  it('linked problems: either link direction, Problem type only, keys checked before they reach JQL', () => {
    const links = [
      { type: { name: 'Problem/Incident' }, outwardIssue: { key: 'INC-9', fields: { issuetype: { id: '2' } } } },
      { type: { name: 'Problem/Incident' }, inwardIssue: { key: 'INC-3', fields: { issuetype: { id: '2' } } } },
      { type: { name: 'Blocks' }, inwardIssue: { key: 'INC-4', fields: { issuetype: { id: '1' } } } },
      { type: { name: 'Problem/Incident' }, inwardIssue: { key: 'INC-5) OR project = X', fields: { issuetype: { id: '2' } } } },
    ];
    expect(linkedProblemKeys(issue({ fields: { issuelinks: links } }), catalog)).toEqual(['INC-3', 'INC-9']);
  });
});
