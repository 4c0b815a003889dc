import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvelopeSchema, SimilarIncidentsResultSchema, type ResolverError } from '../../../src/contracts';
import { defaultResolverDeps } from '../../../src/forge/resolvers/default-deps';
import { similarIncidentsJql } from '../../../src/forge/resolvers/incident-resolvers';
import { createResolverHandler } from '../../../src/forge/resolvers/resolver';
import { startBackend, type TestBackend } from '../../app/support/emulator-backend';
import { setUpIncidents } from '../../app/support/incident-fixture';

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpIncidents>>;

beforeEach(async () => {
  t = await startBackend();
  fx = await setUpIncidents(t);
  t.runtime.useHandlers({ resolver: createResolverHandler(() => defaultResolverDeps(t.backend)) });
});
afterEach(() => t.runtime.dispose());

async function similar(accountId: string, issueKey: string, payload: Record<string, unknown> = {}) {
  const p = t.jira.store.projectByIdOrKey('INC');
  const raw = await t.runtime.invoke({
    functionKey: 'incident/similar',
    payload,
    context: { moduleKey: 'issue-panel', accountId, project: { id: p?.id ?? '', key: 'INC' }, issue: { id: t.jira.store.issueByIdOrKey(issueKey)?.id ?? '', key: issueKey } },
  });
  expect(EnvelopeSchema.safeParse(raw).success).toBe(true);
  return raw as { ok: true; data: unknown } | { ok: false; error: ResolverError };
}

function incident(summary: string, service: string | null, at: string, by = 'user-reporter') {
  return t.jira.seed.createIssue({
    project: 'INC',
    issueType: 'Incident',
    summary,
    reporter: by,
    by,
    at,
    ...(service === null ? {} : { fields: { [fx.field('affectedService')]: service } }),
  });
}

describe('similarIncidentsJql', () => {
  it('quotes values and keeps text-search operators out of the terms', () => {
    expect(similarIncidentsJql({ projectKey: 'INC', incidentTypeId: '10003', issueKey: 'INC-9', match: [{ fieldId: 'customfield_10057', text: 'Mail (SMTP) "relay"' }] })).toBe(
      'project = "INC" AND issuetype = 10003 AND created >= -180d AND key != "INC-9" AND (cf[10057] ~ "Mail SMTP relay") ORDER BY created DESC',
    );
    expect(similarIncidentsJql({ projectKey: 'INC', incidentTypeId: '10003', issueKey: 'INC-9', match: [{ fieldId: 'customfield_1', text: '***' }] })).not.toContain('~');
  });
});

describe('incident/similar through @forge/resolver on the emulator', () => {
  it('ranks recent incidents of the same service first, with their problem, and leaves out old and hidden ones', async () => {
    const old = incident('メールが送信できない', 'Mail', '2025-08-01T00:00:00Z');
    const sameService = incident('メールが送信できない 添付', 'Mail', '2026-02-20T00:00:00Z');
    const sameServiceOther = incident('Calendar invites missing', 'Mail', '2026-02-21T00:00:00Z');
    const otherService = incident('会計サーバーの応答が遅い', 'Accounting', '2026-02-22T00:00:00Z');
    const hidden = incident('メールが送信できない 経営層', 'Mail', '2026-02-23T00:00:00Z', 'user-admin');
    const levels = t.jira.seed.createSecurityScheme({ name: 'Restricted', projects: ['INC'], levels: [{ name: 'Admins only', groups: ['jira-administrators'] }] });
    t.jira.seed.edit(hidden.key, { security: { id: levels['Admins only'] } }, { by: 'user-admin' });
    const problem = t.jira.seed.createIssue({ project: 'INC', issueType: 'Problem', summary: 'Mail relay capacity', by: 'user-agent' });
    t.jira.seed.link('Problem/Incident', problem.key, sameService.key, { by: 'user-agent' });
    const current = incident('メールが送信できない', 'Mail', '2026-03-01T00:00:00Z');

    const before = t.calls.length;
    const r = await similar('user-agent', current.key);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const data = SimilarIncidentsResultSchema.parse(r.data);
    // Same service (text or not) ranks above; another service never enters the page; old (> 180 days) and hidden ones are out.
    expect(data.incidents.map((i) => i.key)).toEqual([sameService.key, sameServiceOther.key]);
    expect(data.incidents[0]).toMatchObject({ summary: 'メールが送信できない 添付', sameService: true, sameCategory: false, problemKey: problem.key });
    expect(data.incidents[1]).toMatchObject({ sameService: true, problemKey: null });
    expect(data.incidents[0]?.score).toBeGreaterThan(data.incidents[1]?.score ?? 1);
    expect(data.incidents.map((i) => i.key)).not.toContain(old.key);
    expect(data.incidents.map((i) => i.key)).not.toContain(otherService.key);
    // One GET of the issue and one search page, both as the user.
    expect(t.calls.slice(before).map((c) => `${c.method} ${c.path.split('?')[0] ?? ''}`)).toEqual([`GET /rest/api/3/issue/${current.key}`, 'POST /rest/api/3/search/jql']);

    // The admin sees the restricted one too.
    const admin = await similar('user-admin', current.key, { limit: 2 });
    if (!admin.ok) throw new Error(JSON.stringify(admin.error));
    expect(SimilarIncidentsResultSchema.parse(admin.data).incidents.map((i) => i.key).sort()).toEqual([sameService.key, hidden.key].sort());
  });

  it('without a service, ranks the recent incidents by text; an issue the user cannot see is not-found', async () => {
    const a = incident('VPN に接続できない', null, '2026-02-25T00:00:00Z');
    incident('プリンタの追加手順', null, '2026-02-26T00:00:00Z');
    const current = incident('VPN に接続できない 在宅', null, '2026-03-01T00:00:00Z');
    const r = await similar('user-agent', current.key);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(SimilarIncidentsResultSchema.parse(r.data).incidents.map((i) => i.key)).toEqual([a.key]);
    const e = await similar('user-outsider', current.key);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.error.code).toBe('not-found');
  });
});
