import { z } from 'zod';
import { StatusCategorySchema } from './issue-history';

/**
 * SLA policies as admins write them (stored in config, versioned). Conditions are facts from Jira's
 * changelog; each metric says which of them start, pause, resume, stop or reset its clock.
 */

/** Codes of the schema's own checks (zod `params.code`), so callers can translate them. */
export type SlaCheckCode = 'invalid-id' | 'blank-text' | 'duplicate-id';

const check = (code: SlaCheckCode, message: string) => ({ params: { code }, message });

const SlaIdSchema = z.string().refine((s) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s), check('invalid-id', 'id must be 1-64 letters, digits, "_" or "-"'));
const NonBlankTextSchema = z.string().max(200).refine((s) => s.trim() !== '', check('blank-text', 'text must not be blank'));
const LabelsSchema = z.strictObject({ ja: NonBlankTextSchema, en: NonBlankTextSchema });
const NamesSchema = z.array(z.string().min(1).max(200)).max(200);

/** Which statuses: by id or name (case-insensitive), or by status category; both empty means any status. */
const StatusFilter = {
  statuses: NamesSchema.optional().default([]),
  categories: z.array(StatusCategorySchema).optional().default([]),
};

export const SlaConditionSchema = z.discriminatedUnion('on', [
  /** The issue was created (also counts its initial status as entered, assignee as set, ...). */
  z.strictObject({ on: z.literal('issue-created') }),
  z.strictObject({ on: z.literal('status-entered'), ...StatusFilter }),
  z.strictObject({ on: z.literal('status-left'), ...StatusFilter }),
  /** An assignee was set on an unassigned issue. */
  z.strictObject({ on: z.literal('assignee-set') }),
  /** The assignee changed in any way (set, changed to someone else, or cleared). */
  z.strictObject({ on: z.literal('assignee-changed') }),
  z.strictObject({ on: z.literal('comment-by-agent'), publicOnly: z.boolean().optional().default(true) }),
  /** A resolution was set; optionally only these resolutions (id or name). */
  z.strictObject({ on: z.literal('resolution-set'), resolutions: NamesSchema.optional().default([]) }),
  z.strictObject({ on: z.literal('resolution-cleared') }),
  z.strictObject({ on: z.literal('priority-changed') }),
]);
export type SlaCondition = z.infer<typeof SlaConditionSchema>;
export type SlaConditionKind = SlaCondition['on'];

/** Matches the issue's current facts; every given list must contain the fact; empty matches all. */
export const GoalMatchSchema = z.strictObject({
  /** Priority level ids (P1..), Jira priority names or ids. */
  priorities: NamesSchema.optional().default([]),
  kinds: NamesSchema.optional().default([]),
  fields: z
    .array(z.strictObject({ field: z.string().min(1), values: z.array(z.string().nullable()).min(1).max(200) }))
    .max(20)
    .optional()
    .default([]),
});
export type GoalMatch = z.infer<typeof GoalMatchSchema>;

export const SlaGoalSchema = z.strictObject({
  id: SlaIdSchema,
  when: GoalMatchSchema.optional().default({ priorities: [], kinds: [], fields: [] }),
  /** Target in business minutes on the metric's calendar. */
  targetMinutes: z.number().int().min(1).max(10_000_000),
});
export type SlaGoal = z.infer<typeof SlaGoalSchema>;

export const SLA_METRIC_KINDS = ['time-to-first-response', 'time-to-resolution'] as const;
export const SlaMetricKindSchema = z.enum(SLA_METRIC_KINDS);
export type SlaMetricKind = z.infer<typeof SlaMetricKindSchema>;

const ConditionsSchema = z.array(SlaConditionSchema).max(50);

const uniqueIds = <T extends { id: string }>(items: readonly T[], ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], ...check('duplicate-id', `duplicate id ${item.id}`) });
    seen.add(item.id);
  });
};

export const SlaMetricSchema = z.strictObject({
  id: SlaIdSchema,
  kind: SlaMetricKindSchema,
  labels: LabelsSchema,
  start: ConditionsSchema.min(1),
  pause: ConditionsSchema.optional().default([]),
  resume: ConditionsSchema.optional().default([]),
  stop: ConditionsSchema.min(1),
  /** Cancels the running cycle and starts a new one at the same instant. */
  reset: ConditionsSchema.optional().default([]),
  /** First match wins; a cycle with no matching goal is tracked but cannot breach. */
  goals: z.array(SlaGoalSchema).min(1).max(200).superRefine(uniqueIds),
});
export type SlaMetric = z.infer<typeof SlaMetricSchema>;

export const SlaTeamSchema = z.strictObject({
  id: SlaIdSchema,
  labels: LabelsSchema,
  /** Atlassian account ids of the team's members. */
  members: z.array(z.string().min(1)).max(1000),
  calendarId: z.string().min(1),
});
export type SlaTeam = z.infer<typeof SlaTeamSchema>;

/** Which business calendar the clock runs on. */
export const SlaCalendarRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), calendarId: z.string().min(1) }),
  /** The calendar of the assignee's team; unassigned or team-less issues use the fallback. */
  z.strictObject({ kind: z.literal('assignee-team'), teams: z.array(SlaTeamSchema).max(100).superRefine(uniqueIds), fallbackCalendarId: z.string().min(1) }),
]);
export type SlaCalendarRule = z.infer<typeof SlaCalendarRuleSchema>;

export const SlaPolicySchema = z.strictObject({
  id: SlaIdSchema,
  /** Bumped on every change; each SLA cycle records the version it was computed with. */
  version: z.number().int().min(1),
  labels: LabelsSchema,
  /** Which issues the policy is for, matched on creation facts; empty matches all. */
  appliesTo: GoalMatchSchema.optional().default({ priorities: [], kinds: [], fields: [] }),
  calendar: SlaCalendarRuleSchema,
  metrics: z.array(SlaMetricSchema).min(1).max(20).superRefine(uniqueIds),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;

/** Calendar ids a policy refers to (for cross-checks against the configured calendars). */
export function policyCalendarIds(policy: SlaPolicy): string[] {
  switch (policy.calendar.kind) {
    case 'fixed':
      return [policy.calendar.calendarId];
    case 'assignee-team':
      return [...new Set([policy.calendar.fallbackCalendarId, ...policy.calendar.teams.map((t) => t.calendarId)])];
  }
}
