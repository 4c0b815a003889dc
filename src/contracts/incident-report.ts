// zod/mini, like the other contracts: the issue panel's report section parses what it gets with these.
import * as z from 'zod/mini';
import { LocalizedTextSchema } from './envelope';

/**
 * incident-report/get and incident-report/post-comment: the incident report (インシデント報告書) of one
 * incident, built from its fields, changelog, comments and fired escalations. The issue is read AS THE
 * USER: who cannot see it gets `not-found`; the comment is posted as the user (Jira's comment permission
 * applies). Posting refuses while required fields are missing (`conflict`, `meta.reason:
 * 'missing-fields'`, one field error per field) unless `force: true`.
 */

const IssueKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/));
export const IncidentReportLocaleSchema = z.enum(['ja', 'en']);
export type IncidentReportLocale = z.infer<typeof IncidentReportLocaleSchema>;

export const IncidentReportGetPayloadSchema = z.strictObject({
  issueKey: z.optional(IssueKeySchema),
  /** Language of the rendered outputs; default: the caller's Jira locale. */
  locale: z.optional(IncidentReportLocaleSchema),
});
export type IncidentReportGetPayload = z.infer<typeof IncidentReportGetPayloadSchema>;

export const IncidentReportPostPayloadSchema = z.strictObject({
  issueKey: z.optional(IssueKeySchema),
  locale: z.optional(IncidentReportLocaleSchema),
  /** Post even though required fields are missing. */
  force: z.optional(z.boolean()),
});
export type IncidentReportPostPayload = z.infer<typeof IncidentReportPostPayloadSchema>;

export const MissingReportFieldViewSchema = z.object({
  field: z.string(),
  label: LocalizedTextSchema,
  reason: z.enum(['missing', 'invalid', 'incomplete']),
  message: LocalizedTextSchema,
});
export type MissingReportFieldView = z.infer<typeof MissingReportFieldViewSchema>;

const Instant = z.number();
const Text = z.nullable(z.string());

export const ReportTimelineEntryViewSchema = z.object({
  type: z.enum(['created', 'occurred', 'recovered', 'status', 'assignee', 'priority', 'comment', 'escalation']),
  at: Instant,
  by: z.optional(Text),
  from: z.optional(Text),
  to: z.optional(Text),
  excerpt: z.optional(z.string()),
  level: z.optional(z.string()),
  targets: z.optional(z.array(z.string())),
  action: z.optional(z.string()),
});

/** The report model (src/domain/incident IncidentReport) as sent; the UI shows its fields, the renderers made the texts. */
export const IncidentReportModelViewSchema = z.object({
  issueKey: z.string(),
  incidentNumber: Text,
  reportDate: Instant,
  reporter: z.nullable(z.object({ accountId: Text, displayName: z.string() })),
  kind: Text,
  priority: Text,
  status: Text,
  service: Text,
  occurredAt: z.nullable(Instant),
  recoveredAt: z.nullable(Instant),
  downtime: z.nullable(z.object({ wallMs: z.number(), businessMs: z.nullable(z.number()) })),
  summary: Text,
  impactScope: Text,
  directCause: Text,
  rootCause: Text,
  workaround: Text,
  timeline: z.array(ReportTimelineEntryViewSchema),
  comments: z.array(z.object({ id: z.string(), at: Instant, author: Text, body: z.string() })),
  escalations: z.array(z.object({ id: z.string(), firedAt: Instant, level: z.string(), targets: z.array(z.string()), action: z.string() })),
  permanentFixes: z.array(z.object({ description: z.string(), owner: Text, due: Text, done: z.boolean(), issueKey: Text })),
  stakeholders: z.array(z.object({ name: z.string(), role: Text, contact: Text })),
});
export type IncidentReportModelView = z.infer<typeof IncidentReportModelViewSchema>;

export const IncidentReportGetResultSchema = z.object({
  issueKey: z.string(),
  incidentNumber: Text,
  locale: IncidentReportLocaleSchema,
  /** The zone every instant in the texts is shown in (the project's calendar). */
  timeZone: z.string(),
  model: IncidentReportModelViewSchema,
  /** Required fields not filled, in template order (empty: ready to export). */
  missing: z.array(MissingReportFieldViewSchema),
  markdown: z.string(),
  /** A whole printable page (`<!DOCTYPE html>` ... with `@media print` CSS). */
  html: z.string(),
  /** Suggested file name without extension, e.g. `INC-20260302-001_INC-1`. */
  fileBaseName: z.string(),
});
export type IncidentReportGetResult = z.infer<typeof IncidentReportGetResultSchema>;

export const IncidentReportPostResultSchema = z.object({
  issueKey: z.string(),
  commentId: z.string(),
  incidentNumber: Text,
  locale: IncidentReportLocaleSchema,
  /** Fields still missing when it was posted with `force`. */
  missing: z.array(MissingReportFieldViewSchema),
});
export type IncidentReportPostResult = z.infer<typeof IncidentReportPostResultSchema>;
