import { z } from 'zod';
import { IsoDateSchema } from '../calendar/calendar-schema';
import { ChangelogEntrySchema, InstantSchema } from '../sla/issue-history';
import { IncidentNumberTextSchema } from './incident-number';
import { REPORT_FIELD_IDS, REPORT_FIELD_LABELS, REPORT_TEXT, type LocalizedLabel, type ReportFieldId } from './report-labels';

/**
 * The incident report (インシデント報告書) of one incident: the seed's template fields gathered by the shell
 * (issue fields, changelog, comments, fired escalations) and turned into one ordered model that the
 * Markdown, HTML and ADF renderers all read, so the three outputs cannot disagree.
 */

/** Free text; blank (only whitespace) counts as not provided. */
const TextSchema = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : s.trim()));

export const ReportPersonSchema = z.object({
  accountId: z.string().nullable().optional().transform((v) => v ?? null),
  displayName: z.string().trim().min(1),
});
export type ReportPerson = z.infer<typeof ReportPersonSchema>;

export const ReportCommentSchema = z.object({
  id: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
  created: InstantSchema,
  /** accountId (resolved through `users`) or null for automation. */
  author: z.string().nullable().optional().transform((v) => v ?? null),
  /** Plain text of the comment (the shell flattens ADF). */
  body: z.string(),
});
export type ReportComment = z.infer<typeof ReportCommentSchema>;

export const FiredEscalationSchema = z.object({
  id: z.string().min(1),
  firedAt: InstantSchema,
  /** The ladder level or rule name, e.g. "Level 2 (30 min)". */
  level: z.string().min(1),
  /** Who was notified or assigned (display names or group names). */
  targets: z.array(z.string().min(1)),
  /** What was done, e.g. "notified on-call manager by email". */
  action: z.string().min(1),
});
export type FiredEscalation = z.infer<typeof FiredEscalationSchema>;

export const PermanentFixSchema = z.object({
  description: z.string().trim().min(1),
  owner: TextSchema,
  /** Due date `YYYY-MM-DD` in the project's calendar. */
  due: IsoDateSchema.nullable().optional().transform((v) => v ?? null),
  done: z.boolean().optional().default(false),
  /** The Jira issue tracking the fix, if any. */
  issueKey: TextSchema,
});
export type PermanentFix = z.infer<typeof PermanentFixSchema>;

export const StakeholderSchema = z.object({
  name: z.string().trim().min(1),
  role: TextSchema,
  contact: TextSchema,
});
export type Stakeholder = z.infer<typeof StakeholderSchema>;

export const IncidentReportInputSchema = z.object({
  issueKey: z.string().min(1),
  incidentNumber: IncidentNumberTextSchema.nullable().optional().transform((v) => v ?? null),
  /** The issue's creation instant (the first timeline entry). */
  createdAt: InstantSchema,
  /** When the report is produced; the caller's `now`. */
  reportDate: InstantSchema,
  reporter: ReportPersonSchema.nullable().optional().transform((v) => v ?? null),
  kind: TextSchema,
  priority: TextSchema,
  status: TextSchema,
  service: TextSchema,
  occurredAt: InstantSchema.nullable().optional().transform((v) => v ?? null),
  recoveredAt: InstantSchema.nullable().optional().transform((v) => v ?? null),
  summary: TextSchema,
  impactScope: TextSchema,
  directCause: TextSchema,
  rootCause: TextSchema,
  workaround: TextSchema,
  /** Jira's changelog values, as for the SLA engine. */
  changelog: z.array(ChangelogEntrySchema).optional().default([]),
  comments: z.array(ReportCommentSchema).optional().default([]),
  escalations: z.array(FiredEscalationSchema).optional().default([]),
  permanentFixes: z.array(PermanentFixSchema).optional().default([]),
  stakeholders: z.array(StakeholderSchema).optional().default([]),
  /** accountId -> display name, to name changelog and comment authors. */
  users: z.record(z.string(), z.string()).optional().default({}),
});
export type IncidentReportInput = z.infer<typeof IncidentReportInputSchema>;
export type IncidentReportInputRaw = z.input<typeof IncidentReportInputSchema>;

/** One line of the timeline; `by` is a display name, null for automation or unknown. */
export type TimelineEntry =
  | { readonly type: 'created'; readonly at: number; readonly by: string | null }
  | { readonly type: 'occurred'; readonly at: number }
  | { readonly type: 'recovered'; readonly at: number }
  | { readonly type: 'status'; readonly at: number; readonly by: string | null; readonly from: string | null; readonly to: string | null }
  | { readonly type: 'assignee'; readonly at: number; readonly by: string | null; readonly from: string | null; readonly to: string | null }
  | { readonly type: 'priority'; readonly at: number; readonly by: string | null; readonly from: string | null; readonly to: string | null }
  | { readonly type: 'comment'; readonly at: number; readonly by: string | null; readonly commentId: string; readonly excerpt: string }
  | { readonly type: 'escalation'; readonly at: number; readonly level: string; readonly targets: readonly string[]; readonly action: string };

export interface ReportCommentView {
  readonly id: string;
  readonly at: number;
  readonly author: string | null;
  readonly body: string;
}

export interface Downtime {
  readonly wallMs: number;
  /** Null when no business-time function was given. */
  readonly businessMs: number | null;
}

export interface IncidentReport {
  readonly issueKey: string;
  readonly incidentNumber: string | null;
  readonly reportDate: number;
  readonly reporter: ReportPerson | null;
  readonly kind: string | null;
  readonly priority: string | null;
  readonly status: string | null;
  readonly service: string | null;
  readonly occurredAt: number | null;
  readonly recoveredAt: number | null;
  /** Null unless both instants are known and recovery is not before occurrence. */
  readonly downtime: Downtime | null;
  readonly summary: string | null;
  readonly impactScope: string | null;
  readonly directCause: string | null;
  readonly rootCause: string | null;
  readonly workaround: string | null;
  readonly timeline: readonly TimelineEntry[];
  readonly comments: readonly ReportCommentView[];
  readonly escalations: readonly FiredEscalation[];
  readonly permanentFixes: readonly PermanentFix[];
  readonly stakeholders: readonly Stakeholder[];
}

export interface BuildReportOptions {
  /** Business ms between two instants under the incident's calendar (e.g. `businessMsBetween.bind(null, cal)`). */
  readonly businessMsBetween?: (from: number, to: number) => number;
}

const TYPE_RANK: Readonly<Record<TimelineEntry['type'], number>> = {
  occurred: 0,
  created: 1,
  status: 2,
  assignee: 3,
  priority: 4,
  comment: 5,
  escalation: 6,
  recovered: 7,
};

const EXCERPT_LENGTH = 120;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= EXCERPT_LENGTH ? flat : `${chars.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
}

function compareNumericIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the report model: timeline from the changelog (status, assignee, priority), comments and
 * fired escalations, plus occurrence and recovery, in time order; downtime in wall-clock and, when a
 * business-time function is given, business ms.
 *
 * @example
 * const input = IncidentReportInputSchema.parse({
 *   issueKey: 'OPS-1', createdAt: '2025-01-06T09:05:00+09:00', reportDate: '2025-01-07T10:00:00+09:00',
 *   occurredAt: '2025-01-06T09:00:00+09:00', recoveredAt: '2025-01-06T11:30:00+09:00',
 * });
 * buildIncidentReport(input).downtime // { wallMs: 9_000_000, businessMs: null }
 * buildIncidentReport(input).timeline.map((e) => e.type) // ['occurred', 'created', 'recovered']
 */
export function buildIncidentReport(input: IncidentReportInput, options: BuildReportOptions = {}): IncidentReport {
  const name = (accountId: string | null): string | null => (accountId === null ? null : (input.users[accountId] ?? accountId));
  const keyed: { entry: TimelineEntry; id: string }[] = [];
  keyed.push({ entry: { type: 'created', at: input.createdAt, by: input.reporter?.displayName ?? null }, id: '' });
  if (input.occurredAt !== null) keyed.push({ entry: { type: 'occurred', at: input.occurredAt }, id: '' });
  if (input.recoveredAt !== null) keyed.push({ entry: { type: 'recovered', at: input.recoveredAt }, id: '' });

  const seen = new Set<string>();
  for (const e of input.changelog) {
    if (seen.has(e.id)) continue; // Jira pages can overlap; an entry counts once
    seen.add(e.id);
    const by = name(e.author);
    for (const item of e.items) {
      const field = (item.fieldId ?? item.field).toLowerCase();
      switch (field) {
        case 'status':
          keyed.push({ entry: { type: 'status', at: e.created, by, from: item.fromString ?? item.from, to: item.toString ?? item.to }, id: e.id });
          break;
        case 'assignee':
          keyed.push({
            entry: { type: 'assignee', at: e.created, by, from: item.fromString ?? name(item.from), to: item.toString ?? name(item.to) },
            id: e.id,
          });
          break;
        case 'priority':
          keyed.push({ entry: { type: 'priority', at: e.created, by, from: item.fromString ?? item.from, to: item.toString ?? item.to }, id: e.id });
          break;
        default:
          break;
      }
    }
  }

  const comments: ReportCommentView[] = [];
  const seenComments = new Set<string>();
  for (const c of input.comments) {
    if (seenComments.has(c.id)) continue;
    seenComments.add(c.id);
    comments.push({ id: c.id, at: c.created, author: name(c.author), body: c.body });
    keyed.push({ entry: { type: 'comment', at: c.created, by: name(c.author), commentId: c.id, excerpt: excerpt(c.body) }, id: c.id });
  }
  comments.sort((a, b) => a.at - b.at || compareNumericIds(a.id, b.id));

  const escalations = [...input.escalations].sort((a, b) => a.firedAt - b.firedAt || compareNumericIds(a.id, b.id));
  for (const x of escalations) {
    keyed.push({ entry: { type: 'escalation', at: x.firedAt, level: x.level, targets: x.targets, action: x.action }, id: x.id });
  }

  // Stable sort: within one changelog entry, items keep Jira's order.
  keyed.sort((a, b) => a.entry.at - b.entry.at || TYPE_RANK[a.entry.type] - TYPE_RANK[b.entry.type] || compareNumericIds(a.id, b.id));

  let downtime: Downtime | null = null;
  if (input.occurredAt !== null && input.recoveredAt !== null && input.recoveredAt >= input.occurredAt) {
    const business = options.businessMsBetween;
    downtime = {
      wallMs: input.recoveredAt - input.occurredAt,
      businessMs: business === undefined ? null : business(input.occurredAt, input.recoveredAt),
    };
  }

  return {
    issueKey: input.issueKey,
    incidentNumber: input.incidentNumber,
    reportDate: input.reportDate,
    reporter: input.reporter,
    kind: input.kind,
    priority: input.priority,
    status: input.status,
    service: input.service,
    occurredAt: input.occurredAt,
    recoveredAt: input.recoveredAt,
    downtime,
    summary: input.summary,
    impactScope: input.impactScope,
    directCause: input.directCause,
    rootCause: input.rootCause,
    workaround: input.workaround,
    timeline: keyed.map((k) => k.entry),
    comments,
    escalations,
    permanentFixes: input.permanentFixes,
    stakeholders: input.stakeholders,
  };
}

/** Fields a report must have before export, unless the caller passes its own list. */
export const DEFAULT_REQUIRED_REPORT_FIELDS = [
  'incidentNumber',
  'reporter',
  'occurredAt',
  'recoveredAt',
  'summary',
  'impactScope',
  'directCause',
  'rootCause',
  'workaround',
  'permanentFixes',
  'stakeholders',
] as const satisfies readonly ReportFieldId[];

export interface MissingReportField {
  readonly field: ReportFieldId;
  readonly label: LocalizedLabel;
  /** `missing`: empty; `invalid`: present but wrong (recovery before occurrence); `incomplete`: a fix lacks owner or due date. */
  readonly reason: 'missing' | 'invalid' | 'incomplete';
  /** One line to show next to the field. */
  readonly message: LocalizedLabel;
}

function isMissing(report: IncidentReport, field: ReportFieldId): boolean {
  switch (field) {
    case 'incidentNumber':
      return report.incidentNumber === null;
    case 'issueKey':
      return report.issueKey === '';
    case 'reportDate':
      return false;
    case 'reporter':
      return report.reporter === null;
    case 'kind':
      return report.kind === null;
    case 'priority':
      return report.priority === null;
    case 'status':
      return report.status === null;
    case 'service':
      return report.service === null;
    case 'occurredAt':
      return report.occurredAt === null;
    case 'recoveredAt':
      return report.recoveredAt === null;
    case 'downtime':
      return report.downtime === null;
    case 'summary':
      return report.summary === null;
    case 'impactScope':
      return report.impactScope === null;
    case 'directCause':
      return report.directCause === null;
    case 'rootCause':
      return report.rootCause === null;
    case 'timeline':
      return report.timeline.length === 0;
    case 'comments':
      return report.comments.length === 0;
    case 'escalations':
      return report.escalations.length === 0;
    case 'workaround':
      return report.workaround === null;
    case 'permanentFixes':
      return report.permanentFixes.length === 0;
    case 'stakeholders':
      return report.stakeholders.length === 0;
  }
}

/**
 * What must be filled in before export, in template order, each with its field id and ja/en label.
 * Besides empty fields: recovery before occurrence is `invalid`, and a permanent fix without an owner
 * or a due date makes `permanentFixes` `incomplete`.
 *
 * @example
 * missingRequiredFields(buildIncidentReport(IncidentReportInputSchema.parse({
 *   issueKey: 'OPS-1', createdAt: 0, reportDate: 0, summary: 'DB down',
 * })), ['summary', 'rootCause'])
 * // [{ field: 'rootCause', label: { ja: '根本原因', en: 'Root cause' }, reason: 'missing', message: { ja: '根本原因: 未入力', en: 'Root cause: missing' } }]
 */
export function missingRequiredFields(report: IncidentReport, required: readonly ReportFieldId[] = DEFAULT_REQUIRED_REPORT_FIELDS): MissingReportField[] {
  const wanted = new Set(required);
  const out: MissingReportField[] = [];
  const add = (field: ReportFieldId, reason: MissingReportField['reason'], detail?: LocalizedLabel): void => {
    const label = REPORT_FIELD_LABELS[field];
    const reasonText = REPORT_TEXT[reason];
    out.push({
      field,
      label,
      reason,
      message: {
        ja: `${label.ja}: ${reasonText.ja}${detail === undefined ? '' : `（${detail.ja}）`}`,
        en: `${label.en}: ${reasonText.en}${detail === undefined ? '' : ` (${detail.en})`}`,
      },
    });
  };
  const backwards = report.occurredAt !== null && report.recoveredAt !== null && report.recoveredAt < report.occurredAt;
  const invalidOrder = { ja: '発生日時より前です', en: 'before the occurrence' };
  for (const field of REPORT_FIELD_IDS) {
    if (!wanted.has(field)) continue;
    if (field === 'downtime' && report.occurredAt !== null && report.recoveredAt !== null) {
      // Downtime is derived: only its cause (a backwards recovery) is reported, once.
      if (backwards && !wanted.has('recoveredAt')) add(field, 'invalid', invalidOrder);
      continue;
    }
    if (isMissing(report, field)) {
      add(field, 'missing');
      continue;
    }
    if (field === 'recoveredAt' && backwards) add(field, 'invalid', invalidOrder);
    if (field === 'permanentFixes') {
      const lacking = report.permanentFixes.filter((f) => f.owner === null || f.due === null).length;
      if (lacking > 0) {
        add(field, 'incomplete', {
          ja: `担当者または期限のない対策が ${String(lacking)} 件`,
          en: `${String(lacking)} without an owner or due date`,
        });
      }
    }
  }
  return out;
}
