import { describe, expect, it } from 'vitest';
import { ADMIN, AGENT, APP, T0, withProject, type TestSite } from './helpers/site';

const DAY = 86_400_000;

/** Five incidents with known fields, properties and app field values. */
function fixture(): TestSite {
  const t = withProject();
  const s = t.site.seed;
  s.createIssueType({ name: 'Incident' });
  s.createProject({ key: 'OPS', name: 'Operations' });
  s.createIssue({ project: 'INC', issueType: 'Incident', summary: 'Mail server down', priority: 'Highest', labels: ['mail', 'p1'], assignee: 'user-agent', at: T0 - 40 * DAY });
  s.createIssue({ project: 'INC', issueType: 'Incident', summary: 'VPN slow for Tokyo office', priority: 'High', labels: ['network'], at: T0 - 10 * DAY, description: 'Users in 東京 report latency' });
  s.createIssue({ project: 'INC', issueType: 'Task', summary: 'Renew certificate', priority: 'Low', at: T0 - 2 * DAY });
  s.createIssue({ project: 'OPS', summary: 'Disk full on db-1', priority: 'High', assignee: 'user-admin', at: T0 - 1 * DAY });
  s.createIssue({ project: 'INC', issueType: 'Incident', summary: 'Printer jam', priority: 'Lowest', at: T0 - 3 * 3_600_000 });
  s.transition('INC-1', 'Resolved', { at: T0 - 39 * DAY });
  s.transition('INC-2', 'In Progress', { at: T0 - 9 * DAY });
  s.transition('INC-2', 'Waiting for customer', { at: T0 - 8 * DAY });
  s.comment('INC-3', 'the certificate expires on Friday', { at: T0 - DAY });
  s.setProperty('INC-1', 'incident-desk-sla', { breached: 'true', dueAt: '2026-01-22T09:00:00.000Z', remainingMinutes: -120, note: 'first response late' });
  s.setProperty('INC-2', 'incident-desk-sla', { breached: 'false', dueAt: '2026-03-03T09:00:00.000Z', remainingMinutes: 240 });
  s.setProperty('INC-4', 'incident-desk-sla', { breached: 'false', dueAt: '2026-03-02T12:00:00.000Z', remainingMinutes: 60 });
  s.setAppFieldValue('customfield_10050', 'INC-1', { impact: 'high', score: 9 });
  s.setAppFieldValue('customfield_10050', 'INC-2', { impact: 'medium', score: 4 });
  return t;
}

async function keys(t: TestSite, jql: string, actor = APP): Promise<string[]> {
  const res = await t.call(actor, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 100 });
  if (res.status !== 200) throw new Error(`${jql}: ${String(res.status)} ${JSON.stringify(res.body)}`);
  return (res.body as { issues: { key: string }[] }).issues.map((i) => i.key);
}

async function error(t: TestSite, jql: string): Promise<unknown> {
  const res = await t.call(APP, 'POST', '/rest/api/3/search/jql', { jql });
  expect(res.status).toBe(400);
  return res.body;
}

describe('JQL subset', () => {
  const t = fixture();

  it.each([
    ['project = INC ORDER BY key', ['INC-1', 'INC-2', 'INC-3', 'INC-4']],
    ['project in (INC, OPS) ORDER BY key', ['INC-1', 'INC-2', 'INC-3', 'INC-4', 'OPS-1']],
    ['project = Operations', ['OPS-1']],
    ['issuetype = Incident ORDER BY key', ['INC-1', 'INC-2', 'INC-4']],
    ['type != Incident ORDER BY key', ['INC-3', 'OPS-1']],
    ['status = Open ORDER BY key', ['INC-3', 'INC-4', 'OPS-1']],
    ['status IN ("Waiting for customer", Resolved) ORDER BY key', ['INC-1', 'INC-2']],
    ['status NOT IN (Open) ORDER BY key', ['INC-1', 'INC-2']],
    ['statusCategory = Done', ['INC-1']],
    ['statusCategory = "In Progress"', ['INC-2']],
    ['statusCategory != Done AND project = INC ORDER BY key', ['INC-2', 'INC-3', 'INC-4']],
    ['priority in (Highest, High) ORDER BY key', ['INC-1', 'INC-2', 'OPS-1']],
    ['priority = 5', ['INC-4']],
    ['assignee = "user-agent"', ['INC-1']],
    ['assignee = "Alice Admin"', ['OPS-1']],
    ['assignee IS EMPTY ORDER BY key', ['INC-2', 'INC-3', 'INC-4']],
    ['assignee = EMPTY ORDER BY key', ['INC-2', 'INC-3', 'INC-4']],
    ['assignee IS NOT EMPTY ORDER BY key', ['INC-1', 'OPS-1']],
    ['assignee != "user-agent" ORDER BY key', ['OPS-1']],
    ['resolution = Unresolved ORDER BY key', ['INC-2', 'INC-3', 'INC-4', 'OPS-1']],
    ['resolution = Done', ['INC-1']],
    ['labels = mail', ['INC-1']],
    ['labels in (network, p1) ORDER BY key', ['INC-1', 'INC-2']],
    ['labels not in (mail) ORDER BY key', ['INC-2']],
    ['labels is EMPTY ORDER BY key', ['INC-3', 'INC-4', 'OPS-1']],
    ['key = INC-2', ['INC-2']],
    ['key in (INC-1, OPS-1) ORDER BY key', ['INC-1', 'OPS-1']],
    ['text ~ "certificate"', ['INC-3']],
    ['text ~ "friday"', ['INC-3']],
    ['summary ~ "vpn tokyo"', ['INC-2']],
    ['summary ~ "mail*"', ['INC-1']],
    ['summary ~ "\\"server down\\""', ['INC-1']],
    ['summary ~ "\\"down server\\""', []],
    ['description ~ "東京"', ['INC-2']],
    ['summary !~ "mail" AND project = INC ORDER BY key', ['INC-2', 'INC-3', 'INC-4']],
    ['project = INC AND (priority = Highest OR labels = network) ORDER BY key', ['INC-1', 'INC-2']],
    ['project = INC AND NOT priority = Highest ORDER BY key', ['INC-2', 'INC-3', 'INC-4']],
    ['NOT (project = INC OR priority = High)', []],
  ])('%s', async (jql, expected) => {
    expect(await keys(t, jql)).toEqual(expected);
  });

  it.each([
    ['created >= -30d ORDER BY key', ['INC-2', 'INC-3', 'INC-4', 'OPS-1']],
    ['created < -30d', ['INC-1']],
    ['created > "-2w" AND created <= -1w ORDER BY key', ['INC-2']],
    ['created >= startOfDay() ORDER BY key', ['INC-4']],
    ['created >= startOfDay(-1d) ORDER BY key', ['INC-4', 'OPS-1']],
    ['created >= "2026/02/28" ORDER BY key', ['INC-3', 'INC-4', 'OPS-1']],
    ['created >= "2026-02-28 09:01" ORDER BY key', ['INC-4', 'OPS-1']],
    ['updated >= -2h ORDER BY key', ['INC-1', 'INC-2']], // the app field values were set just now
    ['resolved >= -40d', ['INC-1']],
    ['resolutiondate is EMPTY AND project = OPS', ['OPS-1']],
  ])('dates: %s', async (jql, expected) => {
    expect(await keys(t, jql)).toEqual(expected);
  });

  it.each([
    ['issue.property[incident-desk-sla].breached = "true"', ['INC-1']],
    ['slaBreached = "false" ORDER BY key', ['INC-2', 'INC-4']],
    ['slaRemaining < 100 ORDER BY key', ['INC-1', 'INC-4']],
    ['issue.property[incident-desk-sla].remainingMinutes >= 60 ORDER BY slaRemaining DESC', ['INC-2', 'INC-4']],
    ['slaDue <= "2026-03-02 12:00" ORDER BY key', ['INC-1', 'INC-4']],
    ['slaDue > now()', ['INC-4', 'INC-2']], // no ORDER BY: newest first
    ['issue.property[incident-desk-sla].note ~ "late"', ['INC-1']],
    ['slaBreached is EMPTY ORDER BY key', ['INC-3', 'OPS-1']],
    ['matrixImpact = high', ['INC-1']],
    ['matrixScore > 3 ORDER BY matrixScore', ['INC-2', 'INC-1']],
  ])('properties and aliases: %s', async (jql, expected) => {
    expect(await keys(t, jql)).toEqual(expected);
  });

  it.each([
    ['project = INC ORDER BY created', ['INC-1', 'INC-2', 'INC-3', 'INC-4']],
    ['project = INC ORDER BY created DESC', ['INC-4', 'INC-3', 'INC-2', 'INC-1']],
    ['project = INC', ['INC-4', 'INC-3', 'INC-2', 'INC-1']],
    ['project = INC ORDER BY priority DESC', ['INC-1', 'INC-2', 'INC-3', 'INC-4']],
    ['project = INC ORDER BY priority ASC', ['INC-4', 'INC-3', 'INC-2', 'INC-1']],
    ['project in (INC, OPS) ORDER BY priority DESC, key DESC', ['INC-1', 'OPS-1', 'INC-2', 'INC-3', 'INC-4']],
    ['project = INC ORDER BY updated DESC', ['INC-2', 'INC-1', 'INC-4', 'INC-3']], // INC-1/2 tie: newest id first
    ['project = INC ORDER BY issue.property[incident-desk-sla].dueAt ASC', ['INC-1', 'INC-4', 'INC-2', 'INC-3']],
  ])('order: %s', async (jql, expected) => {
    expect(await keys(t, jql)).toEqual(expected);
  });

  it('resolves currentUser() to the caller', async () => {
    expect(await keys(t, 'assignee = currentUser()', AGENT)).toEqual(['INC-1']);
    expect(await keys(t, 'assignee = currentUser()', ADMIN)).toEqual(['OPS-1']);
  });

  it.each([
    ['project = ', /^Error in the JQL Query: /],
    ['slaBreached = true', /^Error in the JQL Query: .*'true'/],
    ['project = NOPE', /The value 'NOPE' does not exist for the field 'project'\./],
    ['status = Frozen', /The value 'Frozen' does not exist for the field 'status'\./],
    ['sprint = 1', /Field 'sprint' does not exist or you do not have permission to view it\./],
    ['status was Open', /not supported/],
    ['status changed', /not supported/],
    ['labels > a', /The operator '>' is not supported by the 'labels' field\./],
    ['summary = "x"', /The operator '=' is not supported by the 'summary' field\./],
    ['assignee = membersOf("x")', /Unable to find JQL function 'membersOf\(\)'/],
    ['created > "yesterday"', /Date value 'yesterday' for field 'created' is invalid/],
    ['issue.property[other].x = 1', /is not indexed/],
    ['slaRemaining > abc', /not a valid number/],
    ['key = INC-999', /An issue with key 'INC-999' does not exist/],
    ['"Priority matrix" = x', /object field/],
    ['project = INC ORDER BY sprint', /Field 'sprint' does not exist/],
  ])('refuses %s with a 400', async (jql, message) => {
    const body = (await error(t, jql)) as { errorMessages: string[]; errors: Record<string, string> };
    expect(body.errors).toEqual({});
    expect(body.errorMessages[0]).toMatch(message);
  });
});
