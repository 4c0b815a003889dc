import type { Config } from '../../config';
import type { ProblemCreateResult, ProblemGetResult, ProblemIncidentView, ProblemLinkResult } from '../../contracts';
import { PROBLEM_MAX_INCIDENTS } from '../../contracts';
import { compareIssueKeys, draftProblemFromIncidents } from '../../domain/problem';
import type { Clock } from '../ports/clock';
import type { AdfDocument, IssueGateways, IssueSnapshot } from '../ports/issue-gateway';
import { isJiraApiError } from '../ports/jira-error';
import type { SiteCatalog } from '../ports/setup-store';
import { ISSUE_LINKS_FIELD, problemLinksOf, problemRoleOf } from './issue-links';
import { problemIncidentFields, problemIncidentOf } from './problem-incident-of';
import { RECURRENCE_PROPERTY_KEY, readRecurrenceProperty } from './problem-properties';

/**
 * The issue panel's Problem section: read the links of the issue in context, link an incident to a
 * problem, create a problem from incidents. Every Jira call here is made AS THE USER (the resolvers pass
 * the asUser gateway), so Jira's permissions decide what is shown and what may be linked or created.
 */

export interface ProblemServiceDeps {
  readonly gateways: Pick<IssueGateways, 'asUser'>;
  readonly catalogOf: (projectKey: string) => Promise<SiteCatalog | null>;
  readonly configOf: (projectKey: string) => Promise<Config | null>;
  readonly clock: Clock;
}

type Text = { readonly ja: string; readonly en: string };
export type ProblemFailure = {
  readonly code: 'not-found' | 'not-set-up' | 'invalid' | 'too-many' | 'invalid-config';
  readonly message: Text;
  readonly path?: string;
};
export type ProblemResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ProblemFailure };

const failure = (code: ProblemFailure['code'], message: Text, path?: string): { ok: false; failure: ProblemFailure } => ({
  ok: false,
  failure: path === undefined ? { code, message } : { code, message, path },
});
const projectOfKey = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));
const notSetUp = (projectKey: string) =>
  failure('not-set-up', {
    ja: `プロジェクト ${projectKey} は Incident Desk のセットアップが済んでいません（問題の種別やリンクの種類がありません）。`,
    en: `Incident Desk is not set up in project ${projectKey} yet (no Problem type or link type).`,
  });
const notFound = (key: string, path: string) =>
  failure('not-found', { ja: `${key} が見つからないか、閲覧する権限がありません。`, en: `${key} does not exist, or you may not see it.` }, path);

const statusCategoryOf = (issue: IssueSnapshot) => issue.status.category;

function assigneeOf(issue: IssueSnapshot): ProblemIncidentView['assignee'] {
  if (issue.assignee === null) return null;
  const raw = issue.fields['assignee'];
  const name = typeof raw === 'object' && raw !== null && typeof (raw as { displayName?: unknown }).displayName === 'string' ? (raw as { displayName: string }).displayName : null;
  return { accountId: issue.assignee, displayName: name };
}

/** `problem/get`: an incident's problems and recurrence flag, or a problem's incidents with count, status and assignee. */
export async function getProblemView(deps: ProblemServiceDeps, issueKey: string): Promise<ProblemResult<ProblemGetResult>> {
  const projectKey = projectOfKey(issueKey);
  const catalog = await deps.catalogOf(projectKey);
  if (catalog === null) return notSetUp(projectKey);
  const knownErrorField = catalog.fields.knownError;
  const issue = await deps.gateways.asUser.getIssue(issueKey, {
    fields: [...problemIncidentFields(catalog), ...(knownErrorField === null ? [] : [knownErrorField])],
    properties: [RECURRENCE_PROPERTY_KEY],
  });
  if (issue === null) return notFound(issueKey, 'issueKey');
  const kind = problemRoleOf(issue, catalog);
  const empty: ProblemGetResult = { issueKey: issue.key, kind, problems: [], recurrence: null, incidents: [], count: 0, openCount: 0 };
  switch (kind) {
    case 'other':
      return { ok: true, value: empty };
    case 'incident': {
      const problems = problemLinksOf(issue.fields, catalog, 'problem')
        .sort((a, b) => compareIssueKeys(a.key, b.key))
        .map((p) => ({ key: p.key, summary: p.summary, status: p.status, statusCategory: p.statusCategory }));
      const r = readRecurrenceProperty(issue.properties[RECURRENCE_PROPERTY_KEY]);
      const recurrence =
        r === null || !r.recurring
          ? null
          : {
              recurring: true,
              by: r.by,
              windowDays: r.windowDays,
              relatedKeys: r.relatedKeys,
              suggestedProblemKey: r.suggestedProblemKey,
              // A problem linked since: nothing left to suggest.
              draftSummary: problems.length > 0 ? null : (r.suggestion?.summary ?? null),
              checkedAt: r.checkedAt,
            };
      return { ok: true, value: { ...empty, problems, recurrence } };
    }
    case 'problem': {
      const links = problemLinksOf(issue.fields, catalog, 'incident');
      const keys = links.map((l) => l.key).slice(0, PROBLEM_MAX_INCIDENTS);
      const found = new Map<string, IssueSnapshot>();
      if (keys.length > 0) {
        const page = await deps.gateways.asUser.searchJql({ jql: `key in (${keys.join(', ')})`, fields: ['assignee'], maxResults: PROBLEM_MAX_INCIDENTS });
        for (const i of page.issues) found.set(i.key, i);
      }
      const incidents = links
        .map((l): ProblemIncidentView => {
          const i = found.get(l.key);
          return {
            key: l.key,
            summary: i?.summary ?? l.summary,
            status: i?.status.name ?? l.status,
            statusCategory: i === undefined ? l.statusCategory : statusCategoryOf(i),
            assignee: i === undefined ? null : assigneeOf(i),
            created: i?.created ?? null,
          };
        })
        .sort((a, b) => (a.created ?? Number.MAX_SAFE_INTEGER) - (b.created ?? Number.MAX_SAFE_INTEGER) || compareIssueKeys(a.key, b.key));
      const knownError = knownErrorField === null ? undefined : Array.isArray(issue.fields[knownErrorField]) && (issue.fields[knownErrorField] as unknown[]).length > 0;
      return {
        ok: true,
        value: {
          ...empty,
          incidents,
          count: incidents.length,
          openCount: incidents.filter((i) => i.statusCategory !== 'done').length,
          ...(knownError === undefined ? {} : { knownError }),
        },
      };
    }
  }
}

/** `problem/link`: links an incident to an existing problem with the catalog's link type (idempotent). */
export async function linkIncidentToProblem(deps: ProblemServiceDeps, input: { readonly incidentKey: string; readonly problemKey: string }): Promise<ProblemResult<ProblemLinkResult>> {
  const { incidentKey, problemKey } = input;
  if (incidentKey === problemKey) {
    return failure('invalid', { ja: 'インシデント自身を問題としてリンクすることはできません。', en: 'An incident cannot be linked to itself.' }, 'problemKey');
  }
  const projectKey = projectOfKey(incidentKey);
  const catalog = await deps.catalogOf(projectKey);
  if (catalog === null || catalog.linkType === null) return notSetUp(projectKey);
  const incident = await deps.gateways.asUser.getIssue(incidentKey, { fields: [ISSUE_LINKS_FIELD] });
  if (incident === null) return notFound(incidentKey, 'incidentKey');
  if (problemRoleOf(incident, catalog) !== 'incident') {
    return failure('invalid', { ja: `${incidentKey} はインシデントではありません。`, en: `${incidentKey} is not an incident.` }, 'incidentKey');
  }
  if (problemLinksOf(incident.fields, catalog, 'problem').some((p) => p.key === problemKey)) {
    return { ok: true, value: { incidentKey: incident.key, problemKey, linked: false } };
  }
  const problemCatalog = projectOfKey(problemKey) === projectKey ? catalog : await deps.catalogOf(projectOfKey(problemKey));
  const problem = await deps.gateways.asUser.getIssue(problemKey);
  if (problem === null) return notFound(problemKey, 'problemKey');
  if (problemCatalog === null || problemRoleOf(problem, problemCatalog) !== 'problem') {
    return failure('invalid', { ja: `${problemKey} は問題（Problem）ではありません。`, en: `${problemKey} is not a problem.` }, 'problemKey');
  }
  await deps.gateways.asUser.linkIssues({ typeName: catalog.linkType.name, inwardIssueKey: incident.key, outwardIssueKey: problem.key });
  return { ok: true, value: { incidentKey: incident.key, problemKey: problem.key, linked: true } };
}

/** The user's JQL without its ORDER BY, so it can be combined with the app's own clauses. */
export function selectionJql(projectKey: string, incidentTypeId: string, userJql: string): string {
  const where = userJql.replace(/\border\s+by\b[\s\S]*$/i, '').trim();
  return `project = "${projectKey}" AND issuetype = ${incidentTypeId}${where === '' ? '' : ` AND (${where})`} ORDER BY created ASC`;
}

function adfOf(text: string): AdfDocument {
  const content = text.split('\n').map((line) => (line === '' ? { type: 'paragraph', content: [] } : { type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', version: 1, content };
}

/**
 * `problem/create-from-incidents`: the incidents (keys, or a JQL selection of at most 100), a drafted
 * problem created as the user, and every incident linked to it. A link Jira refuses is reported and the
 * rest go on: the problem and its description (which lists every incident) are kept either way.
 */
export async function createProblemFromIncidents(
  deps: ProblemServiceDeps,
  input: { readonly projectKey: string; readonly issueKeys?: readonly string[]; readonly jql?: string; readonly summary?: string; readonly lang: 'ja' | 'en' },
): Promise<ProblemResult<ProblemCreateResult>> {
  const { projectKey } = input;
  const catalog = await deps.catalogOf(projectKey);
  const incidentType = catalog?.issueTypes.incident ?? null;
  const problemType = catalog?.issueTypes.problem ?? null;
  if (catalog === null || catalog.linkType === null || incidentType === null || problemType === null) return notSetUp(projectKey);
  const config = await deps.configOf(projectKey);
  if (config === null) return failure('invalid-config', { ja: '設定に誤りがあります。設定画面で修正してください。', en: 'The settings have errors; fix them in the settings page.' });

  const keys = input.issueKeys === undefined ? [] : [...new Set(input.issueKeys)];
  if (input.jql === undefined && keys.length === 0) {
    return failure('invalid', { ja: 'インシデントを 1 件以上選択してください。', en: 'Select at least one incident.' }, 'issueKeys');
  }
  const jql = input.jql !== undefined ? selectionJql(projectKey, incidentType, input.jql) : `key in (${keys.join(', ')}) ORDER BY created ASC`;
  let page;
  try {
    page = await deps.gateways.asUser.searchJql({ jql, fields: problemIncidentFields(catalog), maxResults: PROBLEM_MAX_INCIDENTS });
  } catch (error) {
    if (isJiraApiError(error) && error.kind === 'bad-request') {
      const detail = error.errorMessages.join(' ');
      // A key Jira does not know (or the user may not see) makes `key in (...)` a bad request too.
      if (input.jql === undefined) {
        return failure('not-found', { ja: `見つからないか閲覧できないインシデントがあります: ${detail}`, en: `Some incidents do not exist or you may not see them: ${detail}` }, 'issueKeys');
      }
      return failure('invalid', { ja: `JQL が正しくありません: ${detail}`, en: `The JQL is not valid: ${detail}` }, 'jql');
    }
    throw error;
  }
  if (page.nextPageToken !== null) {
    return failure(
      'too-many',
      {
        ja: `選択されたインシデントが ${String(PROBLEM_MAX_INCIDENTS)} 件を超えています。条件を絞り込んでください。`,
        en: `The selection has more than ${String(PROBLEM_MAX_INCIDENTS)} incidents; narrow it down.`,
      },
      'jql',
    );
  }
  const missing = keys.filter((k) => !page.issues.some((i) => i.key === k));
  if (missing.length > 0) return notFound(missing.join(', '), 'issueKeys');
  const notIncidents = page.issues.filter((i) => problemRoleOf(i, catalog) !== 'incident').map((i) => i.key);
  if (notIncidents.length > 0) {
    return failure('invalid', { ja: `${notIncidents.join(', ')} はインシデントではありません。`, en: `${notIncidents.join(', ')} ${notIncidents.length === 1 ? 'is' : 'are'} not incidents.` }, 'issueKeys');
  }
  const draft = draftProblemFromIncidents(
    page.issues.map((i) => problemIncidentOf(i, catalog)),
    config.calendars[0]?.timeZone ?? 'Asia/Tokyo',
  );
  if (!draft.ok) return failure('invalid', draft.error.message, input.jql === undefined ? 'issueKeys' : 'jql');

  const summary = input.summary?.trim() ?? draft.value.summary[input.lang];
  const created = await deps.gateways.asUser.createIssue({
    fields: { project: { key: projectKey }, issuetype: { id: problemType }, summary, description: adfOf(draft.value.description[input.lang]) },
  });
  const linked: string[] = [];
  const failed: ProblemCreateResult['failed'] = [];
  for (const incidentKey of draft.value.incidentKeys) {
    try {
      await deps.gateways.asUser.linkIssues({ typeName: catalog.linkType.name, inwardIssueKey: incidentKey, outwardIssueKey: created.key });
      linked.push(incidentKey);
    } catch (error) {
      if (!isJiraApiError(error)) throw error;
      failed.push({
        incidentKey,
        message: { ja: `${incidentKey} をリンクできませんでした（Jira: ${String(error.status)}）。再試行してください。`, en: `Could not link ${incidentKey} (Jira: ${String(error.status)}); try again.` },
      });
    }
  }
  return { ok: true, value: { problemKey: created.key, summary, linked, failed, alreadyLinkedTo: [...draft.value.alreadyLinkedTo] } };
}
