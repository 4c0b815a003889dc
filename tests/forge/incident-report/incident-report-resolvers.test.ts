import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../static/shared/bridge/envelope';
import { IncidentReportGetResultSchema, IncidentReportPostResultSchema, type IncidentReportGetResult, type ResolverError } from '../../../src/contracts';
import { REPORT_FIELD_LABELS, REPORT_TEXT, escapeHtml, escapeMarkdown, formatReportDate, formatReportDuration, formatReportInstant, type ReportLocale } from '../../../src/domain/incident';
import { parseJiraInstant } from '../../../src/domain/sla';
import { defaultResolverDeps } from '../../../src/forge/resolvers/default-deps';
import { createResolverHandler } from '../../../src/forge/resolvers/resolver';
import { startBackend, writeCalls, type TestBackend } from '../../app/support/emulator-backend';
import { REPORT_VALUES, seedReportIncident } from './report-fixture';

let t: TestBackend;
let seeded: Awaited<ReturnType<typeof seedReportIncident>>;

beforeEach(async () => {
  t = await startBackend();
  seeded = await seedReportIncident(t);
  t.runtime.useHandlers({ resolver: createResolverHandler(() => defaultResolverDeps(t.backend)) });
  t.calls.length = 0;
});
afterEach(() => t.runtime.dispose());

type Answer = { ok: true; data: unknown } | { ok: false; error: ResolverError };

async function call(functionKey: string, payload: unknown, accountId: string, issue: { id: string; key: string }): Promise<Answer> {
  const raw = await t.runtime.invoke({ functionKey, payload, context: { moduleKey: 'sla-panel', accountId, locale: 'ja-JP', project: { id: t.jira.store.projectByIdOrKey('INC')?.id ?? '', key: 'INC' }, issue } });
  expect(parseEnvelope(functionKey, raw).ok).toBe((raw as { ok: boolean }).ok);
  return raw as Answer;
}
async function getReport(locale: ReportLocale, accountId = 'user-agent', issue = seeded.incident): Promise<IncidentReportGetResult> {
  const r = await call('incident-report/get', { locale }, accountId, issue);
  if (!r.ok) throw new Error(`expected a report, got ${JSON.stringify(r.error)}`);
  return IncidentReportGetResultSchema.parse(r.data);
}
const errorOf = (r: Answer): ResolverError => {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.data).slice(0, 200)}`);
  return r.error;
};
const TZ = 'Asia/Tokyo';
const instant = (iso: string, l: ReportLocale) => formatReportInstant(parseJiraInstant(iso) ?? 0, TZ, l);

/** Every template field as [label, value] in a language (values as the report shows them). */
function expectedFields(l: ReportLocale): [string, string][] {
  const L = (id: keyof typeof REPORT_FIELD_LABELS) => REPORT_FIELD_LABELS[id][l];
  return [
    [L('incidentNumber'), 'INC-20260302-001'],
    [L('issueKey'), seeded.incident.key],
    [L('reportDate'), instant('2026-03-03T01:00:00.000Z', l)],
    [L('reporter'), 'Carol Reporter'],
    [L('occurredAt'), instant(REPORT_VALUES.occurredAt, l)],
    [L('recoveredAt'), instant(REPORT_VALUES.recoveredAt, l)],
    [REPORT_TEXT.downtimeWall[l], formatReportDuration(5.5 * 3_600_000, l)],
    [REPORT_TEXT.downtimeBusiness[l], formatReportDuration((5 * 60 + 20) * 60_000, l)],
    [L('service'), REPORT_VALUES.service],
    [L('summary'), REPORT_VALUES.summary],
    [L('impactScope'), REPORT_VALUES.impactScope],
    [L('directCause'), REPORT_VALUES.directCause],
    [L('rootCause'), REPORT_VALUES.rootCause],
    [L('workaround'), REPORT_VALUES.workaround],
    [L('permanentFixes'), REPORT_VALUES.fix],
    [REPORT_TEXT.colOwner[l], REPORT_VALUES.fixOwner],
    [REPORT_TEXT.colDue[l], formatReportDate(REPORT_VALUES.fixDue, l)],
    [L('stakeholders'), 'Bob Agent'],
    [L('timeline'), REPORT_VALUES.comment],
    [L('escalations'), 'incident-agents'],
  ];
}

describe('incident-report/get through the emulator', () => {
  for (const l of ['ja', 'en'] as const) {
    it(`(${l}) every template field with its label and value is in the Markdown and the HTML`, async () => {
      const r = await getReport(l);
      expect(r).toMatchObject({ issueKey: seeded.incident.key, incidentNumber: 'INC-20260302-001', locale: l, timeZone: TZ, missing: [], fileBaseName: `INC-20260302-001_${seeded.incident.key}` });
      for (const [label, value] of expectedFields(l)) {
        expect(r.markdown, `markdown: ${label}`).toContain(escapeMarkdown(label));
        expect(r.markdown, `markdown: ${label} = ${value}`).toContain(escapeMarkdown(value));
        expect(r.html, `html: ${label}`).toContain(escapeHtml(label));
        expect(r.html, `html: ${label} = ${value}`).toContain(escapeHtml(value));
      }
      // Fields sit in the two-column table: label and value on one row.
      expect(r.markdown).toContain(`| ${escapeMarkdown(REPORT_FIELD_LABELS.reporter[l])} | Carol Reporter |`);
      expect(r.html).toMatch(/^<!DOCTYPE html>/i);
      expect(r.html).toContain('@media print');
    });
  }

  it('the model: timeline from changelog, comments and the fired escalation (who, when, what); fixes with owner and due; stakeholders with roles', async () => {
    const { model } = await getReport('en');
    const types = model.timeline.map((e) => e.type);
    for (const type of ['occurred', 'created', 'escalation', 'assignee', 'status', 'comment', 'recovered'] as const) expect(types).toContain(type);
    expect(model.timeline.map((e) => e.at)).toEqual([...model.timeline.map((e) => e.at)].sort((a, b) => a - b));
    expect(model.timeline.find((e) => e.type === 'escalation')).toMatchObject({ at: Date.parse('2026-03-02T04:05:00.000Z'), level: '50% (resolution)', targets: ['incident-agents'], action: 'notified; added a comment' });
    expect(model.timeline.find((e) => e.type === 'assignee')).toMatchObject({ by: 'Bob Agent', to: 'Bob Agent' });
    expect(model.timeline.find((e) => e.type === 'status' && e.to === 'Resolved')).toMatchObject({ by: 'Bob Agent', at: Date.parse('2026-03-02T05:45:00.000Z') });
    expect(model.comments.map((c) => [c.author, c.body])).toEqual([['Bob Agent', REPORT_VALUES.comment]]);
    expect(model.permanentFixes).toEqual([{ description: REPORT_VALUES.fix, owner: 'Eri Agent', due: REPORT_VALUES.fixDue, done: false, issueKey: seeded.problem.key }]);
    expect(model.stakeholders).toEqual(
      expect.arrayContaining([
        { name: 'Carol Reporter', role: 'Reporter', contact: expect.any(String) as unknown },
        expect.objectContaining({ name: 'Bob Agent', role: 'Assignee, Responder' }),
        expect.objectContaining({ name: 'Eri Agent', role: 'Permanent fix owner' }),
        expect.objectContaining({ name: 'incident-agents', role: 'Escalation contact' }),
      ]),
    );
    expect(model.downtime?.wallMs).toBe(5.5 * 3_600_000);
    // Business time under the project's calendar (weekdays from 09:00 Tokyo): 09:00-14:20.
    expect(model.downtime?.businessMs).toBe((5 * 60 + 20) * 60_000);
  });

  it('reads as the user only: GET + the problem search, no write', async () => {
    await getReport('ja');
    expect(writeCalls(t.calls)).toEqual([]);
    expect(t.calls.map((c) => `${c.method} ${c.path.split('?')[0] ?? ''}`)).toEqual([`GET /rest/api/3/issue/${seeded.incident.key}`, 'POST /rest/api/3/search/jql']);
  });

  it('lists missing required fields with ja/en labels before export', async () => {
    const r = await getReport('ja', 'user-agent', seeded.bare);
    expect(r.incidentNumber).toBe('INC-20260303-001');
    expect(r.missing.map((m) => m.field)).toEqual(['occurredAt', 'recoveredAt', 'impactScope', 'directCause', 'rootCause', 'workaround', 'permanentFixes']);
    expect(r.missing.find((m) => m.field === 'rootCause')).toEqual({ field: 'rootCause', label: { ja: '根本原因', en: 'Root cause' }, reason: 'missing', message: { ja: '根本原因: 未入力', en: 'Root cause: missing' } });
    expect(r.markdown).toContain(`*${REPORT_TEXT.notProvided.ja}*`);
  });

  it('a user who cannot see the issue gets not-found (ja/en) for the report and for posting; nothing is posted', async () => {
    const before = t.jira.store.issueByIdOrKey(seeded.incident.key)?.commentIds.length;
    for (const key of ['incident-report/get', 'incident-report/post-comment']) {
      const e = errorOf(await call(key, { force: key.endsWith('comment') ? true : undefined }, 'user-outsider', seeded.incident));
      expect(e.code).toBe('not-found');
      expect(e.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
      expect(e.message.en).toMatch(/permission/);
    }
    expect(t.jira.store.issueByIdOrKey(seeded.incident.key)?.commentIds.length).toBe(before);
  });

  it('not an incident: a clear refusal in ja and en', async () => {
    const e = errorOf(await call('incident-report/get', {}, 'user-agent', seeded.problem));
    expect(e).toMatchObject({ code: 'forbidden', meta: { reason: 'not-an-incident' }, message: { en: expect.stringContaining('Incident issue') as unknown } });
  });
});

describe('incident-report/post-comment through the emulator', () => {
  it('posts the ADF report as the user; the comment is on the issue and later reports leave it out', async () => {
    const r = await call('incident-report/post-comment', { locale: 'ja' }, 'user-agent', seeded.incident);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const posted = IncidentReportPostResultSchema.parse(r.data);
    expect(posted).toMatchObject({ issueKey: seeded.incident.key, incidentNumber: 'INC-20260302-001', locale: 'ja', missing: [] });
    const comment = t.jira.store.comments.get(posted.commentId);
    expect(comment?.authorAccountId).toBe('user-agent');
    const body = JSON.stringify(comment?.body);
    expect(body).toContain('"type":"table"');
    for (const [label, value] of expectedFields('ja')) {
      expect(body).toContain(JSON.stringify(label).slice(1, -1));
      expect(body).toContain(JSON.stringify(value).slice(1, -1));
    }
    expect(writeCalls(t.calls).map((c) => `${c.method} ${c.path}`)).toEqual([`POST /rest/api/3/issue/${seeded.incident.key}/comment`]);
    // The posted report is not a comment of the incident's own story.
    const again = await getReport('ja');
    expect(again.model.comments.map((c) => c.body)).toEqual([REPORT_VALUES.comment]);
  });

  it('refuses while required fields are missing, naming each in ja and en; force posts anyway', async () => {
    const refused = errorOf(await call('incident-report/post-comment', { locale: 'en' }, 'user-agent', seeded.bare));
    expect(refused).toMatchObject({ code: 'conflict', meta: { reason: 'missing-fields', missing: expect.arrayContaining(['rootCause', 'permanentFixes']) as unknown } });
    expect(refused.message.ja).toContain('根本原因');
    expect(refused.message.en).toContain('Root cause');
    expect(refused.fieldErrors?.map((f) => f.path)).toContain('impactScope');
    expect(writeCalls(t.calls)).toEqual([]);
    const forced = await call('incident-report/post-comment', { locale: 'en', force: true }, 'user-agent', seeded.bare);
    if (!forced.ok) throw new Error(JSON.stringify(forced.error));
    const posted = IncidentReportPostResultSchema.parse(forced.data);
    expect(posted.missing.length).toBeGreaterThan(0);
    expect(JSON.stringify(t.jira.store.comments.get(posted.commentId)?.body)).toContain('Incident report INC-20260303-001');
  });

  it('a payload that breaks the contract is invalid-payload with the field named', async () => {
    const e = errorOf(await call('incident-report/post-comment', { locale: 'fr', force: 'yes' }, 'user-agent', seeded.incident));
    expect(e.code).toBe('invalid-payload');
    expect(e.fieldErrors?.map((f) => f.path).sort()).toEqual(['force', 'locale']);
  });
});
