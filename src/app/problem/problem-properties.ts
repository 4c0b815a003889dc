import { z } from 'zod';

/**
 * The issue properties the problem features keep on incidents (each far below Jira's 32 KB):
 * - `incident-desk-problem`: the problems an incident is linked to, for reports and JQL;
 * - `incident-desk-recurrence`: the recurrence flag set once when the incident was created.
 */

export const PROBLEM_LINK_PROPERTY_KEY = 'incident-desk-problem';
export const RECURRENCE_PROPERTY_KEY = 'incident-desk-recurrence';

export const ProblemLinkPropertySchema = z.object({
  schemaVersion: z.literal(1),
  /** Sorted; the first is the incident's problem for reports. */
  problemKeys: z.array(z.string()),
  problemKey: z.string().nullable(),
});
export type ProblemLinkProperty = z.infer<typeof ProblemLinkPropertySchema>;

/** The most related keys kept (the property must stay small). */
export const RECURRENCE_MAX_RELATED = 50;

export const RecurrencePropertySchema = z.object({
  schemaVersion: z.literal(1),
  recurring: z.boolean(),
  by: z.enum(['service', 'category', 'service-or-category']),
  windowDays: z.number().int(),
  /** Earlier incidents within the window, most recent first. */
  relatedKeys: z.array(z.string()),
  suggestedProblemKey: z.string().nullable(),
  /** "Create a problem from these incidents" — null once the incident is linked to a problem. */
  suggestion: z
    .object({
      summary: z.object({ ja: z.string(), en: z.string() }),
      /** This incident and the related ones, chronological. */
      incidentKeys: z.array(z.string()),
    })
    .nullable(),
  /** The problem that cleared the suggestion, if any. */
  linkedProblemKey: z.string().nullable(),
  checkedAt: z.number().int(),
});
export type RecurrenceProperty = z.infer<typeof RecurrencePropertySchema>;

/** A stored property, or null when unset or not ours. */
export function readRecurrenceProperty(value: unknown): RecurrenceProperty | null {
  const parsed = RecurrencePropertySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function readProblemLinkProperty(value: unknown): ProblemLinkProperty | null {
  const parsed = ProblemLinkPropertySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
