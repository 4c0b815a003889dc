import { z } from 'zod';
import { MS_PER_DAY, MS_PER_MINUTE, daysFromCivil, daysInMonth } from '../calendar/civil-date';

/**
 * The normalized history of one issue, the SLA clock's only input: creation facts plus the changelog
 * exactly as Jira returns it (`/rest/api/3/issue/{key}/changelog` values) and the comments. Objects are
 * lenient (unknown keys are dropped) because Jira adds fields over time.
 */

const JIRA_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Epoch ms of an ISO-8601 / Jira timestamp (`2025-01-06T09:00:00.000+0900`), or null when malformed.
 *
 * @example parseJiraInstant('2025-01-06T09:00:00.000+0900') === Date.UTC(2025, 0, 6, 0, 0)
 */
export function parseJiraInstant(text: string): number | null {
  const m = JIRA_INSTANT.exec(text);
  if (m === null) return null;
  const [, ys, mos, ds, hs, mis, ss, fs, zs] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const millis = fs === undefined ? 0 : Math.floor(Number(`0.${fs}`) * 1000);
  let offsetMinutes = 0;
  if (zs !== undefined && zs !== 'Z') {
    const sign = zs.startsWith('-') ? -1 : 1;
    const digits = zs.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMinutes * MS_PER_MINUTE;
}

/** Accepted instants: 1970..2400 (a cheap guard against seconds-vs-ms mix-ups). */
const MIN_INSTANT = 0;
const MAX_INSTANT = daysFromCivil(2400, 1, 1) * MS_PER_DAY;

/** An instant: epoch ms, or a Jira/ISO timestamp string; parsed to epoch ms. */
export const InstantSchema = z
  .union([z.number().int(), z.string()])
  .transform((v, ctx) => {
    const ms = typeof v === 'number' ? v : parseJiraInstant(v);
    if (ms === null || ms < MIN_INSTANT || ms >= MAX_INSTANT) {
      ctx.addIssue({ code: 'custom', params: { code: 'invalid-instant' }, message: 'expected epoch ms or an ISO-8601 timestamp between 1970 and 2400' });
      return z.NEVER;
    }
    return ms;
  });

/** Jira ids are numeric strings; accept numbers too. */
const IdSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

/** An author as Jira sends it ({ accountId, displayName, ... }) or just the accountId; null for automation. */
const AuthorSchema = z
  .union([z.string(), z.looseObject({ accountId: z.string().optional() }), z.null()])
  .optional()
  .transform((a) => (a === undefined || a === null ? null : typeof a === 'string' ? a : (a.accountId ?? null)));

const NullableString = z.string().nullable().optional().transform((v) => v ?? null);

/** One item of a changelog entry, as Jira gives it. */
export const ChangelogItemSchema = z.object({
  field: z.string(),
  fieldtype: z.string().optional().default('jira'),
  fieldId: z.string().optional(),
  from: NullableString,
  fromString: NullableString,
  to: NullableString,
  toString: NullableString,
});
export type ChangelogItem = z.infer<typeof ChangelogItemSchema>;

export const ChangelogEntrySchema = z.object({
  id: IdSchema,
  created: InstantSchema,
  author: AuthorSchema,
  items: z.array(ChangelogItemSchema),
});
export type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;

export const CommentSchema = z.object({
  id: IdSchema,
  created: InstantSchema,
  author: AuthorSchema,
  /** Whether the author is a service agent (decided by the caller, e.g. from project roles). */
  isAgent: z.boolean(),
  /** Internal notes do not count as a response to the customer. */
  isPublic: z.boolean().optional().default(true),
});
export type Comment = z.infer<typeof CommentSchema>;

/** Jira status category keys. */
export const StatusCategorySchema = z.enum(['new', 'indeterminate', 'done']);
export type StatusCategory = z.infer<typeof StatusCategorySchema>;

export const StatusSchema = z.object({ id: IdSchema, name: z.string(), category: StatusCategorySchema.nullable().optional().transform((c) => c ?? null) });
export type Status = z.infer<typeof StatusSchema>;

export const PriorityValueSchema = z.object({ id: IdSchema.nullable().optional().transform((v) => v ?? null), name: NullableString });
export type PriorityValue = z.infer<typeof PriorityValueSchema>;

/** The issue as it was when created. */
export const CreationFactsSchema = z.object({
  status: StatusSchema,
  priority: PriorityValueSchema.nullable().optional().transform((v) => v ?? null),
  /** Incident kind id (inquiry / failure / security ...). */
  kind: NullableString,
  assignee: NullableString,
  reporter: NullableString,
  resolution: NullableString,
  /** Other fields goals may select on, by changelog field key (fieldId, else field name). */
  fields: z.record(z.string(), z.string().nullable()).optional().default({}),
});
export type CreationFacts = z.infer<typeof CreationFactsSchema>;

export const IssueHistorySchema = z.object({
  issueKey: z.string().min(1),
  created: InstantSchema,
  initial: CreationFactsSchema,
  /** Known statuses, so changelog status ids can be given their category. */
  statuses: z.array(StatusSchema).optional().default([]),
  /** The changelog field key (fieldId or name) that carries the incident kind, if it can change. */
  kindField: z.string().nullable().optional().transform((v) => v ?? null),
  changelog: z.array(ChangelogEntrySchema).optional().default([]),
  comments: z.array(CommentSchema).optional().default([]),
});
export type IssueHistory = z.infer<typeof IssueHistorySchema>;
export type IssueHistoryInput = z.input<typeof IssueHistorySchema>;
