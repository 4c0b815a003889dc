import { z } from 'zod';
import { ProblemResolvedRuleSchema } from '../../domain/problem';

/**
 * Problem management settings (config `problemManagement`, from schema version 4): what happens to a
 * problem's open incidents when it is resolved, and when incidents count as recurring.
 */

/**
 * Which incidents count as "the same": same affected service, same category, or either (an incident
 * recurs when an earlier one shares its service or its category).
 */
export const RecurrenceMatchSchema = z.enum(['service', 'category', 'service-or-category']);
export type RecurrenceMatch = z.infer<typeof RecurrenceMatchSchema>;

export const RecurrenceSettingsSchema = z.strictObject({
  /** Incidents within this many days of each other recur. */
  windowDays: z.number().int().min(1).max(365),
  /** How many incidents (this one included) make a recurrence worth a problem. */
  minIncidents: z.number().int().min(2).max(100),
  by: RecurrenceMatchSchema,
});
export type RecurrenceSettings = z.infer<typeof RecurrenceSettingsSchema>;

/** Jira labels cannot contain spaces and are at most 255 characters. */
export const JiraLabelSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/\s/.test(s), { params: { code: 'invalid-label' } });

export const ProblemManagementSettingsSchema = z.strictObject({
  /** Carried out in order on every open incident linked to a problem when the problem is resolved. */
  onProblemResolved: z.array(ProblemResolvedRuleSchema).max(10),
  recurrence: RecurrenceSettingsSchema,
  /** Label put on recurring incidents. */
  autoLabel: JiraLabelSchema,
});
export type ProblemManagementSettings = z.infer<typeof ProblemManagementSettingsSchema>;

/**
 * The seed: tell the assignee and reporter of each open incident when its problem is resolved; flag
 * incidents with the same service or category within 30 days.
 *
 * @example defaultProblemManagement().recurrence // { windowDays: 30, minIncidents: 2, by: 'service-or-category' }
 */
export function defaultProblemManagement(): ProblemManagementSettings {
  return {
    onProblemResolved: [{ action: 'notify', recipients: ['assignee', 'reporter'] }],
    recurrence: { windowDays: 30, minIncidents: 2, by: 'service-or-category' },
    autoLabel: 'recurring',
  };
}
