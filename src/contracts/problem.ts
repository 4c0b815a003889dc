// zod/mini, like the other contracts: the issue panel's Problem section parses what it gets with these.
import * as z from 'zod/mini';
import { LocalizedTextSchema } from './envelope';

/**
 * problem/get, problem/link and problem/create-from-incidents: incidents <-> problems through the
 * catalog's link type ("Problem/Incident"). Issue data is always read and written AS THE USER, so the
 * panel shows and changes only what the viewer may see and edit in Jira.
 */

const IssueKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/));

/** The most incidents one "create problem" call takes (one search page). */
export const PROBLEM_MAX_INCIDENTS = 100;

// ---------------------------------------------------------------- problem/get
export const ProblemGetPayloadSchema = z.strictObject({ issueKey: z.optional(IssueKeySchema) });

const StatusCategoryView = z.nullable(z.enum(['new', 'indeterminate', 'done']));

export const LinkedIssueViewSchema = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.nullable(z.string()),
  statusCategory: StatusCategoryView,
});
export type LinkedIssueView = z.infer<typeof LinkedIssueViewSchema>;

export const ProblemIncidentViewSchema = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.nullable(z.string()),
  statusCategory: StatusCategoryView,
  /** Null when unassigned or when the viewer's search did not return it. */
  assignee: z.nullable(z.object({ accountId: z.string(), displayName: z.nullable(z.string()) })),
  created: z.nullable(z.number()),
});
export type ProblemIncidentView = z.infer<typeof ProblemIncidentViewSchema>;

export const RecurrenceViewSchema = z.object({
  recurring: z.boolean(),
  /** What matched: the affected service, the category, or either. */
  by: z.enum(['service', 'category', 'service-or-category']),
  windowDays: z.int(),
  /** Earlier incidents of the same service/category within the window, most recent first. */
  relatedKeys: z.array(z.string()),
  /** An existing problem most related incidents are linked to (offer "link"), else null. */
  suggestedProblemKey: z.nullable(z.string()),
  /** Draft summary of "create a problem from these incidents"; null once the incident is linked to a problem. */
  draftSummary: z.nullable(LocalizedTextSchema),
  checkedAt: z.number(),
});
export type RecurrenceView = z.infer<typeof RecurrenceViewSchema>;

export const ProblemGetResultSchema = z.object({
  issueKey: z.string(),
  /** What the issue is: an incident, a problem, or another type (nothing to show). */
  kind: z.enum(['incident', 'problem', 'other']),
  /** Incident: the problems it is linked to. */
  problems: z.array(LinkedIssueViewSchema),
  /** Incident: the recurrence flag set when it was created, or null when it did not recur. */
  recurrence: z.nullable(RecurrenceViewSchema),
  /** Problem: its incidents, oldest first. */
  incidents: z.array(ProblemIncidentViewSchema),
  /** Problem: how many incidents, and how many of them are still open. */
  count: z.int(),
  openCount: z.int(),
  /** Problem field values when set up (root cause analysis etc. are edited in Jira's own fields). */
  knownError: z.optional(z.boolean()),
});
export type ProblemGetResult = z.infer<typeof ProblemGetResultSchema>;

// ---------------------------------------------------------------- problem/link
export const ProblemLinkPayloadSchema = z.strictObject({
  /** Default: the issue in context. */
  incidentKey: z.optional(IssueKeySchema),
  problemKey: IssueKeySchema,
});
export type ProblemLinkPayload = z.infer<typeof ProblemLinkPayloadSchema>;

export const ProblemLinkResultSchema = z.object({
  incidentKey: z.string(),
  problemKey: z.string(),
  /** False when the two were linked already (nothing was written). */
  linked: z.boolean(),
});
export type ProblemLinkResult = z.infer<typeof ProblemLinkResultSchema>;

// ---------------------------------------------------------------- problem/create-from-incidents
/** Either incident keys (default: the issue in context) or a JQL selection; at most 100 incidents. */
export const ProblemCreatePayloadSchema = z.strictObject({
  issueKeys: z.optional(z.array(IssueKeySchema).check(z.minLength(1), z.maxLength(PROBLEM_MAX_INCIDENTS))),
  jql: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  /** The summary the user edited; default: the draft's in the viewer's language. */
  summary: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
});
export type ProblemCreatePayload = z.infer<typeof ProblemCreatePayloadSchema>;

export const ProblemCreateResultSchema = z.object({
  problemKey: z.string(),
  summary: z.string(),
  /** Incidents now linked to the new problem. */
  linked: z.array(z.string()),
  /** Links Jira refused (retry with problem/link); the problem exists either way. */
  failed: z.array(z.object({ incidentKey: z.string(), message: LocalizedTextSchema })),
  /** Problems some incidents were already linked to (they stay linked there too). */
  alreadyLinkedTo: z.array(z.string()),
});
export type ProblemCreateResult = z.infer<typeof ProblemCreateResultSchema>;
