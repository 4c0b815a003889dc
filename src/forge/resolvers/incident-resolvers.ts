import { z } from 'zod';
import type { IssueSnapshot } from '../../app/ports/issue-gateway';
import { SetupStatusSchema, type SiteCatalog } from '../../app/ports/setup-store';
import { RESOLVER_KEYS, SimilarIncidentsPayloadSchema, type Envelope, type FieldError, type SimilarIncidentsResult } from '../../contracts';
import { rankSimilarIncidents, type ProblemIncident } from '../../domain/problem';
import { adfToText } from '../../jira/adf';
import { resolverSpec } from './define-resolver';
import { fail, ok } from './resolver-errors';

/**
 * `incident/similar`: past incidents like the one in context, for first-line staff at intake. Read AS
 * THE USER (the issue and the search), so nobody learns of an incident Jira would hide from them. One
 * GET and one bounded JQL page (the 100 newest incidents of the project within {@link SIMILAR_WINDOW_DAYS}
 * days that share the affected service or category, or all of them when the incident has neither),
 * ranked in memory by src/domain/problem/similar-incidents.ts.
 */

export const SIMILAR_WINDOW_DAYS = 180;
export const SIMILAR_PAGE = 100;

/** Jira text-search operators and quotes; left out of `~` terms so a service name cannot change the query. */
const TEXT_RESERVED = /[+\-&|!(){}[\]^~*?\\:"'/]/g;

const jqlString = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const clauseOf = (fieldId: string): string => {
  const m = /^customfield_(\d+)$/.exec(fieldId);
  return m === null ? jqlString(fieldId) : `cf[${m[1] ?? ''}]`;
};

/**
 * The JQL of the candidates: same project and incident type, created in the window, sharing the service
 * or category (text fields: `~` on the words; the exact match is decided after, on the values).
 *
 * @example
 * similarIncidentsJql({ projectKey: 'INC', incidentTypeId: '10003', issueKey: 'INC-9', match: [{ fieldId: 'customfield_10057', text: 'Mail (SMTP)' }] })
 * // 'project = "INC" AND issuetype = 10003 AND created >= -180d AND key != "INC-9" AND (cf[10057] ~ "Mail SMTP") ORDER BY created DESC'
 */
export function similarIncidentsJql(input: {
  readonly projectKey: string;
  readonly incidentTypeId: string;
  readonly issueKey: string;
  readonly match: readonly { readonly fieldId: string; readonly text: string }[];
}): string {
  const terms = input.match.flatMap((m) => {
    const words = m.text.replace(TEXT_RESERVED, ' ').replace(/\s+/g, ' ').trim();
    return words === '' ? [] : [`${clauseOf(m.fieldId)} ~ ${jqlString(words)}`];
  });
  const where = [
    `project = ${jqlString(input.projectKey)}`,
    `issuetype = ${input.incidentTypeId}`,
    `created >= -${String(SIMILAR_WINDOW_DAYS)}d`,
    `key != ${jqlString(input.issueKey)}`,
    ...(terms.length === 0 ? [] : [`(${terms.join(' OR ')})`]),
  ];
  return `${where.join(' AND ')} ORDER BY created DESC`;
}

/** A text field's value (plain string, or an option's `value`), trimmed; null when empty. */
function textOf(raw: unknown): string | null {
  const s = typeof raw === 'string' ? raw : typeof raw === 'object' && raw !== null && typeof (raw as { value?: unknown }).value === 'string' ? (raw as { value: string }).value : null;
  return s === null || s.trim() === '' ? null : s.trim();
}

const LinkSchema = z.looseObject({
  type: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String).optional(), name: z.string().optional() }).optional(),
  inwardIssue: z.looseObject({ key: z.string(), fields: z.looseObject({ issuetype: z.looseObject({ id: z.string() }).optional() }).optional() }).optional(),
  outwardIssue: z.looseObject({ key: z.string(), fields: z.looseObject({ issuetype: z.looseObject({ id: z.string() }).optional() }).optional() }).optional(),
});

/** The problem an incident is linked to through the app's Problem/Incident link type (the other side, of the Problem type). */
function problemKeyOf(issue: IssueSnapshot, catalog: SiteCatalog): string | null {
  const links = z.array(z.unknown()).safeParse(issue.fields['issuelinks']);
  if (!links.success || catalog.linkType === null) return null;
  for (const raw of links.data) {
    const link = LinkSchema.safeParse(raw);
    if (!link.success) continue;
    const type = link.data.type;
    if (type?.id !== catalog.linkType.id && type?.name !== catalog.linkType.name) continue;
    for (const other of [link.data.inwardIssue, link.data.outwardIssue]) {
      if (other === undefined) continue;
      const typeId = other.fields?.issuetype?.id;
      if (typeId === undefined || typeId === catalog.issueTypes.problem) return other.key;
    }
  }
  return null;
}

export const incidentSimilar = resolverSpec({
  key: RESOLVER_KEYS.incidentSimilar,
  payload: SimilarIncidentsPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<SimilarIncidentsResult>> {
    if (ctx.accountId === null) return fail('forbidden', { message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } });
    const issueKey = payload.issueKey ?? ctx.issueKey;
    if (issueKey === null) {
      const fieldErrors: FieldError[] = [{ path: 'issueKey', message: { ja: 'issueKey は必須ですが、指定されていません。', en: 'issueKey is required but missing.' } }];
      return fail('invalid-payload', { fieldErrors });
    }
    if (deps.setup === null) return fail('not-implemented', { detail: 'incident/similar: no setup service is wired' });
    const projectKey = issueKey.slice(0, issueKey.lastIndexOf('-'));
    const status = SetupStatusSchema.safeParse(await deps.setup.status({ projectKey }));
    const catalog = status.success ? status.data.catalog : null;
    const incidentType = catalog?.issueTypes.incident ?? null;
    if (catalog === null || incidentType === null) {
      return fail('not-found', {
        message: { ja: 'このプロジェクトはまだ Incident Desk のセットアップが済んでいません。', en: 'Incident Desk is not set up in this project yet.' },
      });
    }
    const serviceField = catalog.fields.affectedService;
    const categoryField = catalog.fields.category;
    const extra = [serviceField, categoryField].filter((f): f is string => f !== null);
    const gateway = deps.gateways.asUser;
    const issue = await gateway.getIssue(issueKey, { fields: ['description', ...extra] });
    if (issue === null) return fail('not-found');
    const service = serviceField === null ? null : textOf(issue.fields[serviceField]);
    const category = categoryField === null ? null : textOf(issue.fields[categoryField]);
    const match = [
      ...(serviceField !== null && service !== null ? [{ fieldId: serviceField, text: service }] : []),
      ...(categoryField !== null && category !== null ? [{ fieldId: categoryField, text: category }] : []),
    ];
    const page = await gateway.searchJql({
      jql: similarIncidentsJql({ projectKey: issue.projectKey, incidentTypeId: incidentType, issueKey: issue.key, match }),
      fields: ['summary', 'description', 'issuelinks', ...extra],
      maxResults: SIMILAR_PAGE,
    });
    const candidates: ProblemIncident[] = page.issues.map((c) => ({
      key: c.key,
      createdAt: c.created,
      summary: c.summary,
      description: adfToText(c.fields['description']),
      service: serviceField === null ? null : textOf(c.fields[serviceField]),
      category: categoryField === null ? null : textOf(c.fields[categoryField]),
      status: c.status.name,
      statusCategory: c.status.category ?? 'indeterminate',
      problemKey: problemKeyOf(c, catalog),
    }));
    const ranked = rankSimilarIncidents(
      { key: issue.key, summary: issue.summary, description: adfToText(issue.fields['description']), service, category },
      candidates,
      { k: payload.limit ?? 5 },
    );
    const summaries = new Map(candidates.map((c) => [c.key, c.summary]));
    return ok({
      incidents: ranked.map((r) => ({
        key: r.key,
        summary: summaries.get(r.key) ?? '',
        score: Math.min(1, r.score),
        sameService: r.sameService,
        sameCategory: r.sameCategory,
        problemKey: r.problemKey,
      })),
    });
  },
});
