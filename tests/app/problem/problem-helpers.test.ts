import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemLinksOf, relatedIncidents, resolvingChangeId, selectionJql } from '../../../src/app/problem';
import type { SiteCatalog } from '../../../src/app/ports/setup-store';
import type { ProblemIncident } from '../../../src/domain/problem';

const DAY = 86_400_000;
const inc = (key: string, day: number, service: string | null, category: string | null, problemKey: string | null = null): ProblemIncident => ({
  key,
  createdAt: day * DAY,
  summary: key,
  description: '',
  service,
  category,
  status: 'Open',
  statusCategory: 'new',
  problemKey,
});

describe('relatedIncidents', () => {
  const now = inc('INC-9', 40, 'pay', 'db');
  const history = [inc('INC-1', 5, 'pay', 'net'), inc('INC-2', 20, 'mail', 'db', 'INC-50'), inc('INC-3', 30, 'pay', 'app', 'INC-50'), inc('INC-4', 39, 'mail', 'net')];

  it.each([
    ['service', ['INC-3'], 'INC-50'],
    ['category', ['INC-2'], 'INC-50'],
    ['service-or-category', ['INC-3', 'INC-2'], 'INC-50'],
  ] as const)('by %s: earlier incidents within 30 days, most recent first, and their most common problem', (by, keys, problem) => {
    const r = relatedIncidents(now, history, { windowDays: 30, minIncidents: 2, by });
    expect(r.related.map((x) => x.key)).toEqual(keys);
    expect(r.suggestedProblemKey).toBe(problem);
  });

  it('service-or-category is exactly the union of the two single rules (property)', () => {
    const arb = fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 60 }), service: fc.constantFrom('a', 'b', null), category: fc.constantFrom('x', 'y', null) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 40 }), (rows, windowDays) => {
        const all = rows.map((r, i) => inc(`INC-${String(i + 1)}`, r.day, r.service, r.category));
        const me = inc('INC-999', 60, 'a', 'x');
        const keys = (by: 'service' | 'category' | 'service-or-category') => relatedIncidents(me, all, { windowDays, minIncidents: 2, by }).related.map((x) => x.key);
        expect(new Set(keys('service-or-category'))).toEqual(new Set([...keys('service'), ...keys('category')]));
      }),
    );
  });
});

const catalog = {
  issueTypes: { incident: '100', problem: '200', incidentTask: null },
  linkType: { id: '10010', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
  statuses: [
    { id: '1', name: 'Open', category: 'new' },
    { id: '5', name: 'Resolved', category: 'done' },
  ],
} as unknown as SiteCatalog;

describe('problemLinksOf', () => {
  const linked = (key: string, typeId: string) => ({ id: key.replace(/\D/g, ''), key, fields: { summary: `s ${key}`, status: { name: 'Open', statusCategory: { key: 'new' } }, issuetype: { id: typeId } } });
  it('reads either direction, keeps only the problem link type and the wanted issue type, once each', () => {
    const fields = {
      issuelinks: [
        { id: '1', type: { id: '10010' }, outwardIssue: linked('INC-5', '200') },
        { id: '2', type: { id: '10010' }, inwardIssue: linked('INC-6', '200') },
        { id: '3', type: { id: '10000', name: 'Blocks' }, outwardIssue: linked('INC-7', '200') },
        { id: '4', type: { id: '10010' }, outwardIssue: linked('INC-8', '100') },
        { id: '5', type: { id: '10010' }, inwardIssue: linked('INC-5', '200') },
        { id: '6', type: { id: '10010' } },
      ],
    };
    expect(problemLinksOf(fields, catalog, 'problem').map((l) => [l.linkId, l.key, l.statusCategory])).toEqual([
      ['1', 'INC-5', 'new'],
      ['2', 'INC-6', 'new'],
    ]);
    expect(problemLinksOf(fields, catalog, 'incident').map((l) => l.key)).toEqual(['INC-8']);
    expect(problemLinksOf({}, catalog, 'problem')).toEqual([]);
  });
});

describe('resolvingChangeId', () => {
  const entry = (id: string, items: { field: string; to: string | null }[]) => ({
    id,
    created: 0,
    author: null,
    items: items.map((i) => ({ field: i.field, fieldtype: 'jira', from: null, fromString: null, to: i.to, toString: i.to === null ? null : `name ${i.to}` })),
  });
  it('is the latest change that set a resolution or entered a done status; "created" when none did', () => {
    const history = [entry('10', [{ field: 'resolution', to: '1' }]), entry('11', [{ field: 'resolution', to: null }]), entry('12', [{ field: 'status', to: '5' }]), entry('13', [{ field: 'summary', to: 'x' }])];
    expect(resolvingChangeId({ changelog: history }, catalog)).toBe('12');
    expect(resolvingChangeId({ changelog: history.slice(0, 2) }, catalog)).toBe('10');
    expect(resolvingChangeId({ changelog: [entry('20', [{ field: 'status', to: '1' }])] }, catalog)).toBe('created');
    expect(resolvingChangeId({ changelog: null }, catalog)).toBe('created');
  });
});

describe('selectionJql', () => {
  it('drops the user ORDER BY and scopes to the project incidents', () => {
    expect(selectionJql('INC', '100', 'summary ~ "DNS" order by key desc')).toBe('project = "INC" AND issuetype = 100 AND (summary ~ "DNS") ORDER BY created ASC');
    expect(selectionJql('INC', '100', 'ORDER BY created')).toBe('project = "INC" AND issuetype = 100 ORDER BY created ASC');
  });
});
