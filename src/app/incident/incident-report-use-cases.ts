import type { Config } from '../../config';
import { defaultConfig } from '../../config';
import type { IncidentReportGetResult, IncidentReportModelView, IncidentReportPostResult, LocalizedText, MissingReportFieldView } from '../../contracts';
import { businessMsBetween, compileCalendar } from '../../domain/calendar';
import {
  IncidentReportInputSchema,
  buildIncidentReport,
  missingRequiredFields,
  renderReportAdf,
  renderReportHtml,
  renderReportMarkdown,
  type IncidentReport,
  type ReportLocale,
} from '../../domain/incident';
import { ESCALATION_PROPERTY_KEY } from '../escalation/escalation-history';
import type { Clock } from '../ports/clock';
import type { ConfigStore } from '../ports/config-store';
import type { IssueGateway } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { INCIDENT_NUMBER_PROPERTY_KEY, incidentNumberOfProperty } from './assign-incident-number';
import type { IncidentCounterStore } from './incident-counter-port';
import { projectCalendarOf } from './project-time-zone';
import { linkedProblemKeys, problemFields, reportInputOf, reportIssueFields, unnamedAccountIds, type LinkedProblem } from './report-input-of';

/**
 * incident-report/get and incident-report/post-comment over ports. Everything about the incident is read
 * AS THE CALLER (the gateway given is the user's), so a report never shows what the caller cannot see
 * in Jira, and the comment is posted under the caller's name with Jira's comment permission.
 *
 * REST calls (as the user): 1 GET of the incident with changelog, comments and properties; + 1 search
 * when it links problems; + 1 user lookup when someone in the history is not named in the issue JSON;
 * post: + 1 comment POST.
 */

export interface IncidentReportDeps {
  /** The CALLER's gateway (asUser). */
  readonly gateway: IssueGateway;
  readonly configs: ConfigStore;
  readonly catalogOf: (projectKey: string) => Promise<SiteCatalog | null>;
  /** The counter's record, for an incident whose number property has not landed yet. */
  readonly counters: Pick<IncidentCounterStore, 'assignmentOf'>;
  /** Display names of account ids (one lookup, as the caller); may return fewer than asked. */
  readonly userNames: (accountIds: readonly string[]) => Promise<Readonly<Record<string, string>>>;
  readonly clock: Clock;
}

export type IncidentReportFailure =
  | { readonly code: 'not-found'; readonly message: LocalizedText }
  | { readonly code: 'not-set-up'; readonly message: LocalizedText }
  | { readonly code: 'not-an-incident'; readonly message: LocalizedText }
  | { readonly code: 'invalid-config'; readonly message: LocalizedText }
  | { readonly code: 'missing-fields'; readonly message: LocalizedText; readonly missing: readonly MissingReportFieldView[] };

export type IncidentReportOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: IncidentReportFailure };

const NOT_FOUND: LocalizedText = { ja: 'インシデントが見つからないか、閲覧する権限がありません。', en: 'The incident does not exist, or you do not have permission to see it.' };
const NOT_SET_UP: LocalizedText = {
  ja: 'このプロジェクトでは Incident Desk のセットアップが完了していません。管理者に設定を依頼してください。',
  en: 'Incident Desk is not set up in this project yet. Ask a project administrator to run setup.',
};
const NOT_AN_INCIDENT: LocalizedText = { ja: 'インシデント報告書はインシデントの課題でのみ作成できます。', en: 'An incident report can only be made for an Incident issue.' };
const INVALID_CONFIG: LocalizedText = {
  ja: 'プロジェクトの設定に誤りがあるため報告書を作成できません。管理者に設定の修正を依頼してください。',
  en: 'The project settings have errors, so the report cannot be made. Ask a project administrator to fix the settings.',
};

/** The refusal of a post while required fields are missing, naming each field. */
export function missingFieldsMessage(missing: readonly MissingReportFieldView[]): LocalizedText {
  return {
    ja: `必須項目が入力されていないため、報告書をコメントとして投稿できません: ${missing.map((m) => m.message.ja).join('、')}。入力してから投稿するか、未入力のまま投稿してください。`,
    en: `The report cannot be posted as a comment because required fields are not filled in: ${missing.map((m) => m.message.en).join('; ')}. Fill them in first, or post it anyway.`,
  };
}

interface BuiltReport {
  readonly report: IncidentReport;
  readonly missing: MissingReportFieldView[];
  readonly timeZone: string;
  readonly locale: ReportLocale;
}

async function configOf(deps: IncidentReportDeps, projectKey: string): Promise<Config | null> {
  const loaded = await deps.configs.load(projectKey);
  switch (loaded.kind) {
    case 'ok':
      return loaded.config;
    case 'missing':
      return defaultConfig();
    case 'invalid':
      return null;
  }
}

async function buildReport(deps: IncidentReportDeps, input: { readonly issueKey: string; readonly locale: ReportLocale }): Promise<IncidentReportOutcome<BuiltReport>> {
  const projectKey = input.issueKey.slice(0, input.issueKey.lastIndexOf('-'));
  const catalog = await deps.catalogOf(projectKey);
  const issue = await deps.gateway.getIssue(input.issueKey, {
    changelog: true,
    comments: true,
    fields: catalog === null ? [] : reportIssueFields(catalog),
    properties: [INCIDENT_NUMBER_PROPERTY_KEY, ESCALATION_PROPERTY_KEY],
  });
  // Visibility first: someone who cannot see the issue learns nothing about the project's setup.
  if (issue === null) return { ok: false, failure: { code: 'not-found', message: NOT_FOUND } };
  if (catalog === null || catalog.issueTypes.incident === null) return { ok: false, failure: { code: 'not-set-up', message: NOT_SET_UP } };
  if (issue.issueType.id !== catalog.issueTypes.incident) return { ok: false, failure: { code: 'not-an-incident', message: NOT_AN_INCIDENT } };
  const config = await configOf(deps, issue.projectKey);
  if (config === null) return { ok: false, failure: { code: 'invalid-config', message: INVALID_CONFIG } };

  const problems = await linkedProblems(deps, catalog, linkedProblemKeys(issue, catalog));
  const unnamed = unnamedAccountIds(issue, catalog, config, problems);
  const names = unnamed.length === 0 ? {} : await deps.userNames(unnamed);
  const incidentNumber = incidentNumberOfProperty(issue.properties[INCIDENT_NUMBER_PROPERTY_KEY]) ?? (await deps.counters.assignmentOf(issue.id))?.number ?? null;
  const now = deps.clock.now();
  const raw = reportInputOf({ issue, catalog, config, locale: input.locale, incidentNumber, problems, names, now });
  const calendar = projectCalendarOf(config);
  const compiled = calendar === null ? null : compileCalendar(calendar);
  const report = buildIncidentReport(IncidentReportInputSchema.parse(raw), compiled === null ? {} : { businessMsBetween: (from, to) => businessMsBetween(compiled, from, to) });
  const missing = missingRequiredFields(report).map((m) => ({ field: m.field, label: { ...m.label }, reason: m.reason, message: { ...m.message } }));
  return { ok: true, value: { report, missing, timeZone: calendar?.timeZone ?? 'UTC', locale: input.locale } };
}

async function linkedProblems(deps: IncidentReportDeps, catalog: SiteCatalog, keys: readonly string[]): Promise<LinkedProblem[]> {
  if (keys.length === 0) return [];
  // Keys come from Jira's own link JSON and are checked against the issue-key pattern before they reach JQL.
  const page = await deps.gateway.searchJql({ jql: `key in (${keys.join(', ')}) ORDER BY key ASC`, fields: problemFields(catalog), maxResults: Math.min(100, keys.length) });
  return page.issues.map((p) => ({ key: p.key, summary: p.summary, done: p.status.category === 'done', fields: p.fields }));
}

/** A file name without extension: the number and the key, only characters every file system takes. */
export function reportFileBaseName(incidentNumber: string | null, issueKey: string): string {
  return `${incidentNumber === null ? 'incident-report' : incidentNumber}_${issueKey}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

function modelView(report: IncidentReport): IncidentReportModelView {
  // The report is plain data already; copying through JSON drops readonly-ness and any undefined.
  return JSON.parse(JSON.stringify(report)) as IncidentReportModelView;
}

/** incident-report/get: the model, what is missing, and the Markdown and printable HTML in one language. */
export async function getIncidentReport(deps: IncidentReportDeps, input: { readonly issueKey: string; readonly locale: ReportLocale }): Promise<IncidentReportOutcome<IncidentReportGetResult>> {
  const built = await buildReport(deps, input);
  if (!built.ok) return built;
  const { report, missing, timeZone, locale } = built.value;
  const options = { locale, timeZone };
  return {
    ok: true,
    value: {
      issueKey: report.issueKey,
      incidentNumber: report.incidentNumber,
      locale,
      timeZone,
      model: modelView(report),
      missing,
      markdown: renderReportMarkdown(report, options),
      html: renderReportHtml(report, options),
      fileBaseName: reportFileBaseName(report.incidentNumber, report.issueKey),
    },
  };
}

/** incident-report/post-comment: the ADF rendering as a comment by the caller; refused while fields are missing unless forced. */
export async function postIncidentReport(
  deps: IncidentReportDeps,
  input: { readonly issueKey: string; readonly locale: ReportLocale; readonly force: boolean },
): Promise<IncidentReportOutcome<IncidentReportPostResult>> {
  const built = await buildReport(deps, input);
  if (!built.ok) return built;
  const { report, missing, timeZone, locale } = built.value;
  if (missing.length > 0 && !input.force) return { ok: false, failure: { code: 'missing-fields', message: missingFieldsMessage(missing), missing } };
  const adf = renderReportAdf(report, { locale, timeZone });
  const comment = await deps.gateway.addComment(report.issueKey, { type: 'doc', version: 1, content: adf.content });
  return { ok: true, value: { issueKey: report.issueKey, commentId: comment.id, incidentNumber: report.incidentNumber, locale, missing } };
}

