import type { Config } from '../../config';
import { REPORT_TEXT, type IncidentReportInputRaw, type PermanentFix, type ReportLocale, type Stakeholder } from '../../domain/incident';
import { parseJiraInstant } from '../../domain/sla';
import { readEscalationProperty, ESCALATION_PROPERTY_KEY, refMarker } from '../escalation/escalation-history';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { optionLevelId } from '../sla/option-levels';
import { escalationAccountIds, reportEscalations } from './report-escalations';
import { fieldText, userOf, type JiraUserLike } from './report-text';

/**
 * The report's input from what the report use case fetched: the incident (fields, full changelog and
 * comments, number and escalation properties), its linked problems, and display names. Pure mapping.
 *
 * Where the template fields come from:
 * - 管理番号: the `incident-desk-number` property (or the counter's record when the PUT has not landed);
 * - reporter: Jira's reporter; summary: Jira's summary (+ the description's text);
 * - occurred/recovered at, affected service, impact scope, direct cause, workaround: the setup fields;
 * - root cause: the incident's field, else the linked problems' root cause analysis;
 * - permanent fixes: the incident's own permanent fix fields and each linked problem's (owner, due, done
 *   when the problem is in a done status);
 * - timeline: changelog (status, assignee, priority), public comments, fired escalations;
 * - stakeholders: everyone involved — reporter, assignee, fix owners, escalation targets, responders
 *   (authors of changes and comments), each with their roles.
 */

export interface LinkedProblem {
  readonly key: string;
  readonly summary: string;
  readonly done: boolean;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface ReportSources {
  readonly issue: IssueSnapshot;
  readonly catalog: SiteCatalog;
  readonly config: Config;
  readonly locale: ReportLocale;
  readonly incidentNumber: string | null;
  readonly problems: readonly LinkedProblem[];
  /** accountId -> display name from a user lookup, for ids the issue JSON did not name. */
  readonly names: Readonly<Record<string, string>>;
  readonly now: number;
}

/** Fields the report reads on the incident (custom field ids from the catalog, plus Jira's own). */
export function reportIssueFields(catalog: SiteCatalog): string[] {
  const f = catalog.fields;
  const custom = [
    f.incidentKind,
    f.occurredAt,
    f.recoveredAt,
    f.affectedService,
    f.impactScope,
    f.workaround,
    f.directCause,
    f.rootCause,
    f.permanentFix,
    f.permanentFixOwner,
    f.permanentFixDue,
  ].filter((id): id is string => typeof id === 'string');
  return ['description', 'issuelinks', ...custom];
}

/** Fields the report reads on linked problems. */
export function problemFields(catalog: SiteCatalog): string[] {
  const f = catalog.fields;
  return [f.rootCauseAnalysis, f.rootCause, f.permanentFix, f.permanentFixOwner, f.permanentFixDue].filter((id): id is string => typeof id === 'string');
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** Keys of the issues linked to the incident that are of the Problem type (either link direction). */
export function linkedProblemKeys(issue: IssueSnapshot, catalog: SiteCatalog): string[] {
  const links = issue.fields['issuelinks'];
  const problemType = catalog.issueTypes.problem;
  if (!Array.isArray(links) || problemType === null) return [];
  const keys = new Set<string>();
  for (const link of links) {
    if (link === null || typeof link !== 'object') continue;
    const l = link as { inwardIssue?: unknown; outwardIssue?: unknown };
    for (const side of [l.inwardIssue, l.outwardIssue]) {
      if (side === null || typeof side !== 'object') continue;
      const s = side as { key?: unknown; fields?: { issuetype?: { id?: unknown } } };
      if (typeof s.key === 'string' && ISSUE_KEY.test(s.key) && s.fields?.issuetype?.id === problemType) keys.add(s.key);
    }
  }
  return [...keys].sort();
}

const instantOf = (raw: unknown): number | null => (typeof raw === 'string' ? parseJiraInstant(raw) : null);
const fieldOf = (fields: Readonly<Record<string, unknown>>, id: string | null): unknown => (id === null ? undefined : fields[id]);
const dateOf = (raw: unknown): string | null => (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null);

/** Comments that belong in the report: public ones, not our own report or escalation-history comments. */
function reportComments(issue: IssueSnapshot): NonNullable<IssueSnapshot['comments']> {
  // A posted report starts with its heading: the title, then the number (or the key when it had none).
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^(?:${escape(REPORT_TEXT.title.ja)}|${escape(REPORT_TEXT.title.en)}) (?:INC-\\d{8}-\\d{3,4}|${escape(issue.key)})(?:\\s|$)`);
  const marker = refMarker('').trim().replace(/\)$/, '');
  return (issue.comments ?? []).filter((c) => c.isPublic && !heading.test(c.text.trimStart()) && !c.text.includes(marker));
}

/** Users named anywhere in the issue JSON (reporter, assignee, user pickers, comment authors). */
export function knownUsers(issue: IssueSnapshot, catalog: SiteCatalog, problems: readonly LinkedProblem[]): Map<string, JiraUserLike> {
  const out = new Map<string, JiraUserLike>();
  const add = (raw: unknown) => {
    const u = userOf(raw);
    if (u !== null && (u.displayName !== null || !out.has(u.accountId))) out.set(u.accountId, u);
  };
  add(issue.fields['reporter']);
  add(issue.fields['assignee']);
  add(fieldOf(issue.fields, catalog.fields.permanentFixOwner));
  for (const p of problems) add(fieldOf(p.fields, catalog.fields.permanentFixOwner));
  const page = issue.fields['comment'];
  const comments = page !== null && typeof page === 'object' ? (page as { comments?: unknown }).comments : undefined;
  if (Array.isArray(comments)) for (const c of comments) add((c as { author?: unknown } | null)?.author);
  return out;
}

/** Account ids the report will name but the issue JSON did not (changelog authors, escalation targets, later comment pages). */
export function unnamedAccountIds(issue: IssueSnapshot, catalog: SiteCatalog, config: Config, problems: readonly LinkedProblem[]): string[] {
  const known = knownUsers(issue, catalog, problems);
  const ids = new Set<string>();
  for (const e of issue.changelog ?? []) if (e.author !== null) ids.add(e.author);
  for (const c of reportComments(issue)) if (c.author !== null) ids.add(c.author);
  for (const id of escalationAccountIds(readEscalationProperty(issue.properties[ESCALATION_PROPERTY_KEY]).fired, config)) ids.add(id);
  for (const fields of [issue.fields, ...problems.map((p) => p.fields)]) {
    const owner = userOf(fieldOf(fields, catalog.fields.permanentFixOwner));
    if (owner !== null) ids.add(owner.accountId);
  }
  if (catalog.appAccountId !== null) ids.delete(catalog.appAccountId);
  return [...ids].filter((id) => known.get(id)?.displayName == null).sort();
}

const ROLES = {
  reporter: { ja: '報告者', en: 'Reporter' },
  assignee: { ja: '担当者', en: 'Assignee' },
  fixOwner: { ja: '恒久対策担当', en: 'Permanent fix owner' },
  escalation: { ja: 'エスカレーション先', en: 'Escalation contact' },
  responder: { ja: '対応者', en: 'Responder' },
} as const;

/** The report input (see the module comment); `IncidentReportInputSchema.parse` checks it. */
export function reportInputOf(s: ReportSources): IncidentReportInputRaw {
  const { issue, catalog, config, locale } = s;
  const f = catalog.fields;
  const known = knownUsers(issue, catalog, s.problems);
  const users: Record<string, string> = { ...s.names };
  for (const [id, u] of known) if (u.displayName !== null) users[id] = u.displayName;
  const name = (id: string): string => users[id] ?? id;
  const isApp = (id: string | null): boolean => id !== null && id === catalog.appAccountId;

  const kindId = f.incidentKind === null ? null : optionLevelId(issue.fields[f.incidentKind], catalog.options.incidentKind, config.incidentKinds);
  const kind = kindId === null ? null : (config.incidentKinds.find((k) => k.id === kindId)?.labels[locale] ?? kindId);

  const description = fieldText(issue.fields['description']);
  const summary = description === null ? issue.summary : `${issue.summary}\n\n${description}`;

  const problemRootCauses = s.problems.map((p) => fieldText(fieldOf(p.fields, f.rootCauseAnalysis)) ?? fieldText(fieldOf(p.fields, f.rootCause))).filter((t): t is string => t !== null);
  const rootCause = fieldText(fieldOf(issue.fields, f.rootCause)) ?? (problemRootCauses.length === 0 ? null : problemRootCauses.join('\n\n'));

  const fixes: PermanentFix[] = [];
  const fixOwners: string[] = [];
  const fixOf = (fields: Readonly<Record<string, unknown>>, issueKey: string | null, done: boolean) => {
    const description = fieldText(fieldOf(fields, f.permanentFix));
    if (description === null) return;
    const owner = userOf(fieldOf(fields, f.permanentFixOwner));
    if (owner !== null) fixOwners.push(owner.accountId);
    fixes.push({ description, owner: owner === null ? null : name(owner.accountId), due: dateOf(fieldOf(fields, f.permanentFixDue)), done, issueKey });
  };
  fixOf(issue.fields, null, issue.status.category === 'done');
  for (const p of s.problems) fixOf(p.fields, p.key, p.done);

  const fired = readEscalationProperty(issue.properties[ESCALATION_PROPERTY_KEY]).fired;
  const { escalations, targets } = reportEscalations(fired, config, locale, name);

  const comments = reportComments(issue);

  // Stakeholders: each person or group once, roles in a fixed order.
  const roles = new Map<string, { name: string; roles: string[]; contact: string | null }>();
  const addPerson = (key: string, display: string, role: { ja: string; en: string }, contact: string | null = null) => {
    const entry = roles.get(key) ?? { name: display, roles: [], contact };
    if (!entry.roles.includes(role[locale])) entry.roles.push(role[locale]);
    entry.contact ??= contact;
    roles.set(key, entry);
  };
  const addAccount = (id: string | null, role: { ja: string; en: string }) => {
    if (id === null || isApp(id)) return;
    addPerson(`u:${id}`, name(id), role, known.get(id)?.emailAddress ?? null);
  };
  addAccount(issue.reporter, ROLES.reporter);
  addAccount(issue.assignee, ROLES.assignee);
  for (const id of fixOwners) addAccount(id, ROLES.fixOwner);
  for (const t of targets.values()) {
    for (const id of t.accountIds) addAccount(id, ROLES.escalation);
    for (const g of t.groups) addPerson(`g:${g}`, g, ROLES.escalation);
  }
  for (const e of issue.changelog ?? []) addAccount(e.author, ROLES.responder);
  for (const c of comments) addAccount(c.author, ROLES.responder);
  const stakeholders: Stakeholder[] = [...roles.values()].map((r) => ({ name: r.name, role: r.roles.join(locale === 'ja' ? '、' : ', '), contact: r.contact }));

  const reporter = issue.reporter === null ? null : { accountId: issue.reporter, displayName: name(issue.reporter) };
  return {
    issueKey: issue.key,
    incidentNumber: s.incidentNumber,
    createdAt: issue.created,
    reportDate: s.now,
    reporter,
    kind,
    priority: issue.priority?.name ?? null,
    status: issue.status.name,
    service: fieldText(fieldOf(issue.fields, f.affectedService)),
    occurredAt: instantOf(fieldOf(issue.fields, f.occurredAt)),
    recoveredAt: instantOf(fieldOf(issue.fields, f.recoveredAt)),
    summary,
    impactScope: fieldText(fieldOf(issue.fields, f.impactScope)),
    directCause: fieldText(fieldOf(issue.fields, f.directCause)),
    rootCause,
    workaround: fieldText(fieldOf(issue.fields, f.workaround)),
    changelog: issue.changelog ?? [],
    comments: comments.map((c) => ({ id: c.id, created: c.created, author: c.author, body: c.text })),
    escalations,
    permanentFixes: fixes,
    stakeholders,
    users,
  };
}
