// zod/mini, like the other contracts: the priority field's Custom UI imports these.
import * as z from 'zod/mini';

/**
 * `priority/override` (RESOLVER_KEYS.priorityOverride): someone allowed to override (config
 * `priorityOverride`: project roles / groups, default the Administrators role) sets an incident's Jira
 * Priority away from what impact x urgency give, with a typed reason. The reason is kept in the
 * priority-matrix field value (`overrideReason`), in the issue's history (a comment) and in the issue
 * property the event path reads, so the next issue event keeps the override instead of putting the
 * matrix priority back. A later impact or urgency change re-applies the matrix.
 */

const IssueKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/));

export const PRIORITY_OVERRIDE_REASON_MAX = 500;

export const PriorityOverridePayloadSchema = z.strictObject({
  /** Default: the issue of the calling module. */
  issueKey: z.optional(IssueKeySchema),
  /** A Jira priority name the config maps a level to (e.g. "Highest"). */
  priority: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  /** Why the matrix is not followed: required, 1..500 characters after trimming. */
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(PRIORITY_OVERRIDE_REASON_MAX)),
});
export type PriorityOverridePayload = z.infer<typeof PriorityOverridePayloadSchema>;

export const PriorityOverrideResultSchema = z.object({
  issueKey: z.string(),
  /** Jira's Priority now. */
  priority: z.string(),
  /** What impact x urgency give (null when they are not both set). */
  matrixPriority: z.nullable(z.string()),
  reason: z.string(),
  overriddenBy: z.string(),
  /** Epoch ms of the override. */
  at: z.number(),
  /** The history comment's id (null if Jira refused the comment; the override still stands). */
  commentId: z.nullable(z.string()),
});
export type PriorityOverrideResult = z.infer<typeof PriorityOverrideResultSchema>;
