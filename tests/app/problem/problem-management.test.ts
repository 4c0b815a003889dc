import api, { route } from '@forge/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvelopeSchema, ProblemCreateResultSchema, ProblemGetResultSchema, type ResolverError } from '../../../src/contracts';
import { PROBLEM_LINK_PROPERTY_KEY, RECURRENCE_PROPERTY_KEY, readProblemLinkProperty, readRecurrenceProperty } from '../../../src/app/problem';
import { kvsProblemResolutionLedger } from '../../../src/forge/storage/problem-resolution-ledger-store';
import { defaultResolverDeps } from '../../../src/forge/resolvers/default-deps';
import { createResolverHandler } from '../../../src/forge/resolvers/resolver';
import { defaultConfig, type Config } from '../../../src/config';
import { startBackend, type TestBackend } from '../support/emulator-backend';
import { setUpIncidents } from '../support/incident-fixture';

/**
 * Problem management end to end on the emulated platform: the real triggers (src/index.ts) get every
 * product event the site emits, and the resolvers are called through the real @forge/resolver.
 */

let t: TestBackend;
let fx: Awaited<ReturnType<typeof setUpIncidents>>;

beforeEach(async () => {
  const index = (await import('../../../src/index')) as unknown as Record<string, unknown>;
  t = await startBackend({ handlers: index });
  fx = await setUpIncidents(t);
  t.runtime.useHandlers({ ...index, resolver: createResolverHandler(() => defaultResolverDeps(t.backend)) });
  // Days pass between incidents here; the five-minute escalation sweep is not what is tested.
  t.runtime.setScheduledMode('off');
});
afterEach(() => t.runtime.dispose());

const day = (n: number, hh = '01') => new Date(Date.parse(`2026-03-02T${hh}:00:00.000Z`) + n * 86_400_000).toISOString();

async function incident(summary: string, fields: { service?: string; category?: string }, at: string) {
  await t.runtime.advanceTo(at);
  const created = t.jira.seed.createIssue({
    project: 'INC',
    issueType: 'Incident',
    summary,
    reporter: 'user-reporter',
    by: 'user-reporter',
    fields: {
      ...(fields.service === undefined ? {} : { [fx.field('affectedService')]: fields.service }),
      ...(fields.category === undefined ? {} : { [fx.field('category')]: fields.category }),
    },
  });
  await t.runtime.settle();
  return created;
}

async function call(functionKey: string, payload: Record<string, unknown>, issueKey: string, accountId = 'user-agent', locale = 'ja-JP') {
  const p = t.jira.store.projectByIdOrKey('INC');
  const raw = await t.runtime.invoke({
    functionKey,
    payload,
    context: { moduleKey: 'issue-panel', accountId, locale, project: { id: p?.id ?? '', key: 'INC' }, issue: { id: t.jira.store.issueByIdOrKey(issueKey)?.id ?? '', key: issueKey } },
  });
  expect(EnvelopeSchema.safeParse(raw).success).toBe(true);
  return raw as { ok: true; data: unknown } | { ok: false; error: ResolverError };
}

const property = (issueKey: string, key: string): unknown => t.jira.store.issueByIdOrKey(issueKey)?.properties.get(key);
const labels = (issueKey: string): readonly string[] => t.jira.store.issueByIdOrKey(issueKey)?.labels ?? [];
/** Searches the app made (on the event path only the recurrence check searches; the sweep is off). */
const searchCalls = () => t.runtime.jiraCalls.filter((c) => c.actor.kind === 'app' && c.path.startsWith('/rest/api/3/search/jql')).length;

async function saveConfig(edit: (c: Config) => Config) {
  const loaded = await t.backend.configs.load('INC');
  const base = loaded.kind === 'ok' ? loaded.config : defaultConfig();
  const saved = await t.backend.configs.save({ projectKey: 'INC', config: edit(base), expectedVersion: loaded.kind === 'missing' ? 0 : loaded.meta.version, savedBy: 'user-admin' });
  if (!saved.ok) throw new Error('fixture: config conflict');
}

describe('recurrence at intake', () => {
  it('flags the second incident of a service within the window, labels it and suggests a problem the panel shows', async () => {
    const a = await incident('決済APIがタイムアウトする', { service: '決済API' }, day(0));
    const other = await incident('メールが届かない', { service: 'Mail' }, day(1));
    const b = await incident('決済APIで 504 エラー', { service: '決済API' }, day(3));

    expect(property(a.key, RECURRENCE_PROPERTY_KEY)).toBeUndefined();
    expect(property(other.key, RECURRENCE_PROPERTY_KEY)).toBeUndefined();
    const flagged = readRecurrenceProperty(property(b.key, RECURRENCE_PROPERTY_KEY));
    expect(flagged).toMatchObject({ recurring: true, by: 'service-or-category', windowDays: 30, relatedKeys: [a.key], suggestedProblemKey: null, linkedProblemKey: null });
    expect(flagged?.suggestion).toEqual({ summary: { ja: '【再発】決済API: インシデント 2 件', en: 'Recurring: 決済API (2 incidents)' }, incidentKeys: [a.key, b.key] });
    expect(labels(b.key)).toContain('recurring');
    expect(labels(a.key)).not.toContain('recurring');

    const view = await call('problem/get', {}, b.key);
    expect(view.ok).toBe(true);
    const data = ProblemGetResultSchema.parse(view.ok ? view.data : null);
    expect(data).toMatchObject({ kind: 'incident', problems: [], recurrence: { recurring: true, relatedKeys: [a.key], draftSummary: { ja: '【再発】決済API: インシデント 2 件' } } });
  });

  it('matches on category too, ignores incidents outside the window, and searches once per created incident only', async () => {
    await incident('DB 接続エラー（古い）', { service: 'Billing', category: 'database' }, day(0));
    const recent = await incident('在庫 DB が遅い', { service: 'Inventory', category: 'database' }, day(40));
    const searchesBefore = searchCalls();
    const c = await incident('会計 DB が落ちた', { service: 'Accounting', category: 'database' }, day(45));
    expect(searchCalls() - searchesBefore).toBe(1);
    expect(readRecurrenceProperty(property(c.key, RECURRENCE_PROPERTY_KEY))?.relatedKeys).toEqual([recent.key]);

    // Updates (and a second copy of the created event) run no new search.
    const before = searchCalls();
    t.jira.seed.comment(c.key, '調査中', { by: 'user-agent' });
    t.jira.seed.transition(c.key, 'In Progress', { by: 'user-agent' });
    await t.runtime.settle();
    expect(searchCalls()).toBe(before);
  });

  it('an incident with neither service nor category costs no search', async () => {
    const before = searchCalls();
    const x = await incident('何かがおかしい', {}, day(2));
    expect(searchCalls()).toBe(before);
    expect(property(x.key, RECURRENCE_PROPERTY_KEY)).toBeUndefined();
  });
});

describe('problems from incidents and links', () => {
  it('creates the problem as the user, links every incident both ways, and the link trigger clears the suggestion', async () => {
    const a = await incident('決済APIがタイムアウトする', { service: '決済API' }, day(0));
    const b = await incident('決済APIで 504 エラー', { service: '決済API' }, day(2));
    expect(readRecurrenceProperty(property(b.key, RECURRENCE_PROPERTY_KEY))?.suggestion?.incidentKeys).toEqual([a.key, b.key]);

    const created = await call('problem/create-from-incidents', { issueKeys: [a.key, b.key] }, b.key);
    expect(created.ok).toBe(true);
    const result = ProblemCreateResultSchema.parse(created.ok ? created.data : null);
    expect(result).toMatchObject({ summary: '【再発】決済API: インシデント 2 件', linked: [a.key, b.key], failed: [], alreadyLinkedTo: [] });
    const problem = t.jira.store.issueByIdOrKey(result.problemKey);
    expect(t.jira.store.issueTypes.get(problem?.issueTypeId ?? '')?.name).toBe('Problem');
    expect(problem?.reporterId).toBe('user-agent');
    await t.runtime.settle();

    for (const k of [a.key, b.key]) expect(readProblemLinkProperty(property(k, PROBLEM_LINK_PROPERTY_KEY))).toEqual({ schemaVersion: 1, problemKeys: [result.problemKey], problemKey: result.problemKey });
    expect(readRecurrenceProperty(property(b.key, RECURRENCE_PROPERTY_KEY))).toMatchObject({ suggestion: null, linkedProblemKey: result.problemKey });

    const fromIncident = await call('problem/get', {}, a.key);
    expect(fromIncident.ok && ProblemGetResultSchema.parse(fromIncident.data).problems.map((p) => p.key)).toEqual([result.problemKey]);
    const fromProblem = await call('problem/get', {}, result.problemKey);
    const pv = ProblemGetResultSchema.parse(fromProblem.ok ? fromProblem.data : null);
    expect(pv).toMatchObject({ kind: 'problem', count: 2, openCount: 2 });
    expect(pv.incidents.map((i) => [i.key, i.status])).toEqual([
      [a.key, 'Open'],
      [b.key, 'Open'],
    ]);
  });

  it('links an incident to an existing problem once, refuses a non-problem with a field error, and unlinking updates the property', async () => {
    const a = await incident('VPN 切断', { service: 'VPN' }, day(0));
    const other = await incident('別件', { service: 'Mail' }, day(0, '02'));
    const problem = t.jira.seed.createIssue({ project: 'INC', issueType: 'Problem', summary: 'VPN gateway firmware', by: 'user-agent' });
    await t.runtime.settle();

    const first = await call('problem/link', { problemKey: problem.key }, a.key);
    expect(first).toEqual({ ok: true, data: { incidentKey: a.key, problemKey: problem.key, linked: true } });
    const again = await call('problem/link', { problemKey: problem.key }, a.key);
    expect(again).toEqual({ ok: true, data: { incidentKey: a.key, problemKey: problem.key, linked: false } });
    await t.runtime.settle();
    expect(readProblemLinkProperty(property(a.key, PROBLEM_LINK_PROPERTY_KEY))?.problemKeys).toEqual([problem.key]);

    const wrong = await call('problem/link', { problemKey: other.key }, a.key);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.code).toBe('invalid-payload');
      expect(wrong.error.fieldErrors?.map((e) => e.path)).toEqual(['problemKey']);
      expect(wrong.error.message.en).toBe(`${other.key} is not a problem.`);
      expect(wrong.error.message.ja).toBe(`${other.key} は問題（Problem）ではありません。`);
    }
    const missing = await call('problem/link', { problemKey: 'INC-999' }, a.key);
    expect(!missing.ok && missing.error.code).toBe('not-found');

    // The agent removes the link in Jira: the deleted-link event empties the incident's problem list.
    const linkId = [...(t.jira.store.issueByIdOrKey(a.key)?.linkIds ?? [])][0] ?? '';
    const res = await t.runtime.runAs({ accountId: 'user-agent' }, () => api.asUser().requestJira(route`/rest/api/3/issueLink/${linkId}`, { method: 'DELETE' }));
    expect(res.status).toBe(204);
    await t.runtime.settle();
    expect(readProblemLinkProperty(property(a.key, PROBLEM_LINK_PROPERTY_KEY))).toEqual({ schemaVersion: 1, problemKeys: [], problemKey: null });
  });

  it('links Jira refuses are reported and nothing is lost: the problem is kept, lists every incident, and linking them again completes it', async () => {
    const a = await incident('DNS 解決失敗', { service: 'DNS' }, day(0));
    const b = await incident('DNS タイムアウト', { service: 'DNS' }, day(1));
    const c = await incident('DNS 応答遅延', { category: 'network' }, day(2));
    t.runtime.faults.add({ path: '/rest/api/3/issueLink', method: 'POST', target: 'jira', effect: { kind: 'serverError', status: 503 }, times: 20 });
    const linkCalls = () => t.runtime.jiraCalls.filter((x) => x.path === '/rest/api/3/issueLink' && x.method === 'POST').length;
    const before = linkCalls();
    // A JQL selection (its ORDER BY is replaced by the app's own, oldest first).
    const created = await call('problem/create-from-incidents', { jql: 'summary ~ "DNS" ORDER BY key DESC' }, a.key, 'user-agent', 'en-US');
    expect(created.ok).toBe(true);
    const result = ProblemCreateResultSchema.parse(created.ok ? created.data : null);
    expect(linkCalls() - before).toBeGreaterThanOrEqual(3);
    // Every link failed while the fault held: all reported, none lost, the problem exists and lists them.
    expect(result.linked).toEqual([]);
    expect(result.failed.map((f) => f.incidentKey)).toEqual([a.key, b.key, c.key]);
    expect(result.failed[0]?.message.en).toBe(`Could not link ${a.key} (Jira: 503); try again.`);
    expect(result.summary).toBe('Common cause of 3 incidents');
    const problem = t.jira.store.issueByIdOrKey(result.problemKey);
    expect(JSON.stringify(problem?.description)).toContain(c.key);

    t.runtime.faults.clear();
    for (const f of result.failed) {
      const again = await call('problem/link', { incidentKey: f.incidentKey, problemKey: result.problemKey }, f.incidentKey);
      expect(again.ok && again.data).toMatchObject({ linked: true });
    }
    await t.runtime.settle();
    const view = await call('problem/get', {}, result.problemKey);
    expect(view.ok && ProblemGetResultSchema.parse(view.data).count).toBe(3);
  });

  it('refuses a JQL selection over 100 incidents and a mix of keys and JQL, in both languages', async () => {
    const a = await incident('x', { service: 'S' }, day(0));
    const issuesBefore = t.jira.store.issues.size;
    const both = await call('problem/create-from-incidents', { issueKeys: [a.key], jql: 'project = INC' }, a.key);
    expect(!both.ok && [both.error.code, both.error.message.en]).toEqual(['invalid-payload', 'Give either issueKeys or jql, not both.']);
    const tooMany = await call('problem/create-from-incidents', { issueKeys: Array.from({ length: 101 }, (_, i) => `INC-${String(i + 1)}`) }, a.key);
    expect(!tooMany.ok && tooMany.error.code).toBe('invalid-payload');
    const bad = await call('problem/create-from-incidents', { jql: 'project = = INC' }, a.key, 'user-agent', 'en-US');
    expect(!bad.ok && bad.error.fieldErrors?.map((e) => e.path)).toEqual(['jql']);
    const unknown = await call('problem/create-from-incidents', { issueKeys: [a.key, 'INC-999'] }, a.key);
    expect(!unknown.ok && [unknown.error.code, unknown.error.fieldErrors?.map((e) => e.path)]).toEqual(['not-found', ['issueKeys']]);
    expect(t.jira.store.issues.size).toBe(issuesBefore);
  });
});

describe('a problem resolved acts on its open incidents per config, once', () => {
  it('notifies, transitions and comments on open incidents only, exactly once with every event delivered twice', async () => {
    await saveConfig((c) => ({
      ...c,
      problemManagement: {
        ...c.problemManagement,
        onProblemResolved: [
          { action: 'notify', recipients: ['assignee', 'reporter'] },
          { action: 'transition', toStatus: 'Resolved', comment: { ja: '{problem} の恒久対策により解決', en: 'Resolved by the permanent fix of {problem}' } },
          { action: 'comment', text: { ja: '問題 {problem} は {resolution} で解決しました', en: 'Problem {problem} resolved: {resolution}' } },
        ],
      },
    }));
    const a = await incident('決済API 遅延', { service: '決済API' }, day(0));
    const b = await incident('決済API 504', { service: '決済API' }, day(1));
    const closed = await incident('決済API 再起動', { service: '決済API' }, day(2));
    t.jira.seed.transition(closed.key, 'Closed', { by: 'user-agent' });
    await t.runtime.settle();
    const created = await call('problem/create-from-incidents', { issueKeys: [a.key, b.key, closed.key] }, a.key);
    const problemKey = ProblemCreateResultSchema.parse(created.ok ? created.data : null).problemKey;
    await t.runtime.settle();

    t.runtime.configureDelivery({ duplicate: true });
    const notesBefore = t.jira.store.notifications.length;
    t.jira.seed.transition(problemKey, 'Resolved', { by: 'user-agent', resolution: 'Done' });
    await t.runtime.settle();

    const status = (k: string) => t.jira.store.statuses.get(t.jira.store.issueByIdOrKey(k)?.statusId ?? '')?.name;
    expect([status(a.key), status(b.key), status(closed.key)]).toEqual(['Resolved', 'Resolved', 'Closed']);
    const notes = t.jira.store.notifications.slice(notesBefore);
    expect(notes.map((n) => n.issueKey).sort()).toEqual([a.key, b.key]);
    expect(notes[0]?.subject).toContain(problemKey);
    const texts = async (k: string) => ((await t.backend.gateways.asApp.getIssue(k, { comments: true }))?.comments ?? []).map((c) => c.text);
    for (const k of [a.key, b.key]) {
      const cs = await texts(k);
      expect(cs.filter((x) => x.includes(`${problemKey} の恒久対策により解決`))).toHaveLength(1);
      expect(cs.filter((x) => x.includes(`Problem ${problemKey} resolved: Done`))).toHaveLength(1);
    }
    expect((await texts(closed.key)).some((x) => x.includes(problemKey))).toBe(false);

    const problemId = t.jira.store.issueByIdOrKey(problemKey)?.id ?? '';
    const resolveSeq = t.runtime.emitted.filter((e) => (e.event['issue'] as { id?: string } | undefined)?.id === problemId).at(-1)?.seq;
    const outcomes = t.runtime.deliveries
      .filter((d) => d.seq === resolveSeq && d.eventType === 'avi:jira:updated:issue')
      .map((d) => (d.result as { outcome?: { kind?: string; reason?: string } } | undefined)?.outcome)
      .map((o) => (o?.kind === 'skipped' ? o.reason : o?.kind));
    expect(outcomes).toEqual(['acted', 'already-done']);

    const changeId = t.jira.store.issueByIdOrKey(problemKey)?.changelog.at(-1)?.id ?? '';
    const record = await t.runtime.runAs({}, () => kvsProblemResolutionLedger.get(`${problemId}:${changeId}`));
    expect(record?.state).toBe('done');
    expect(record?.skipped).toEqual([{ incidentKey: closed.key, reason: 'closed' }]);
  });

  it('a reopened and re-resolved problem acts again (a new resolution change); a problem edit that is not a resolution costs no call', async () => {
    const a = await incident('印刷できない', { service: 'Print' }, day(0));
    const problem = t.jira.seed.createIssue({ project: 'INC', issueType: 'Problem', summary: 'Print spooler', by: 'user-agent' });
    t.jira.seed.link('Problem/Incident', a.key, problem.key, { by: 'user-agent' });
    await t.runtime.settle();
    const calls = t.runtime.jiraCalls.length;
    t.jira.seed.edit(problem.key, { summary: 'Print spooler leaks handles' }, { by: 'user-agent' });
    await t.runtime.settle();
    expect(t.runtime.jiraCalls.slice(calls).filter((c) => c.path.includes(`/issue/${problem.id}`) || c.path.includes(`/issue/${problem.key}`))).toEqual([]);

    t.jira.seed.transition(problem.key, 'Resolved', { by: 'user-agent', resolution: 'Done' });
    await t.runtime.settle();
    t.jira.seed.transition(problem.key, 'Open', { by: 'user-agent' });
    t.jira.seed.transition(problem.key, 'Resolved', { by: 'user-agent', resolution: 'Done' });
    await t.runtime.settle();
    expect(t.jira.store.notifications.filter((n) => n.issueKey === a.key && (n.subject ?? '').includes(problem.key))).toHaveLength(2);
  });
});
