import { z } from 'zod';

/**
 * Escalation ladders as admins write them (stored in config from schema version 3). A ladder applies
 * to the SLA metrics and priorities it names; each level fires once per (issue, metric, cycle) when the
 * cycle's elapsed business time reaches the level's threshold, and runs its actions.
 *
 * Thresholds are measured in business time on the metric's own calendar, like the SLA goal itself, so a
 * paused clock (waiting for customer) or a night outside working hours never escalates.
 */

/** Codes of the schema's own checks (zod `params.code`), matching the config error codes. */
export type EscalationCheckCode = 'invalid-id' | 'blank-text' | 'duplicate-id';

const check = (code: EscalationCheckCode, message: string) => ({ params: { code }, message });

const EscalationIdSchema = z.string().refine((s) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s), check('invalid-id', 'id must be 1-64 letters, digits, "_" or "-"'));
const NonBlankTextSchema = z.string().max(2000).refine((s) => s.trim() !== '', check('blank-text', 'text must not be blank'));
const ShortTextSchema = z.string().max(200).refine((s) => s.trim() !== '', check('blank-text', 'text must not be blank'));

/** Text in both UI languages. */
export const EscalationTextSchema = z.strictObject({ ja: NonBlankTextSchema, en: NonBlankTextSchema });
export type EscalationText = z.infer<typeof EscalationTextSchema>;

const LabelsSchema = z.strictObject({ ja: ShortTextSchema, en: ShortTextSchema });

const uniqueIds = <T extends { id: string }>(items: readonly T[], ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], ...check('duplicate-id', `duplicate id ${item.id}`) });
    seen.add(item.id);
  });
};

/** A Jira group, by its stable id (preferred) or by name; at least one is required. */
export const GroupRefSchema = z
  .strictObject({ groupId: ShortTextSchema.optional(), name: ShortTextSchema.optional() })
  .refine((g) => g.groupId !== undefined || g.name !== undefined, { message: 'a group needs groupId or name', path: ['name'] });
export type GroupRef = z.infer<typeof GroupRefSchema>;

const AccountIdSchema = z.string().min(1).max(128);

/** When a level fires, as a threshold on the cycle's elapsed business time. */
export const EscalationTriggerSchema = z.discriminatedUnion('kind', [
  /** At this share of the goal, e.g. 50, 75, 100 (the breach) or 150. */
  z.strictObject({ kind: z.literal('percent-of-goal'), percent: z.number().int().min(1).max(1000) }),
  /** This many business minutes before the breach (at the start if the goal is shorter). */
  z.strictObject({ kind: z.literal('before-breach'), minutes: z.number().int().min(1).max(1_000_000) }),
  /** This many business minutes after the breach (0 = at the breach). */
  z.strictObject({ kind: z.literal('after-breach'), minutes: z.number().int().min(0).max(1_000_000) }),
]);
export type EscalationTrigger = z.infer<typeof EscalationTriggerSchema>;

/** How functional escalation picks one member: stable rotation, or the member with fewest open incidents. */
export const AssigneeStrategySchema = z.enum(['round-robin', 'least-loaded']);
export type AssigneeStrategy = z.infer<typeof AssigneeStrategySchema>;

/** Who a reassignment picks from. */
export const AssigneePoolSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('group'), group: GroupRefSchema }),
  /** A project role by name (e.g. "Incident managers"): its user actors in the issue's project. */
  z.strictObject({ kind: z.literal('project-role'), roleName: ShortTextSchema }),
]);
export type AssigneePool = z.infer<typeof AssigneePoolSchema>;

/** What a level does. Every action is idempotent per (issue, cycle, level) through the fired ledger. */
export const EscalationActionSchema = z.discriminatedUnion('type', [
  /** Jira's notify API to these users and groups (and optionally the assignee, reporter, watchers). */
  z.strictObject({
    type: z.literal('notify'),
    users: z.array(AccountIdSchema).max(50).optional().default([]),
    groups: z.array(GroupRefSchema).max(20).optional().default([]),
    assignee: z.boolean().optional().default(false),
    reporter: z.boolean().optional().default(false),
    watchers: z.boolean().optional().default(false),
    message: EscalationTextSchema.optional(),
  }),
  /** Hierarchical escalation: tell the managers' group(s). */
  z.strictObject({ type: z.literal('notify-managers'), groups: z.array(GroupRefSchema).min(1).max(10), message: EscalationTextSchema.optional() }),
  /** Functional escalation: hand the issue to a member of a group or role. */
  z.strictObject({ type: z.literal('reassign'), pool: AssigneePoolSchema, strategy: AssigneeStrategySchema.optional().default('round-robin') }),
  /** Move the priority this many levels towards the highest (never past it). */
  z.strictObject({ type: z.literal('raise-priority'), steps: z.number().int().min(1).max(9).optional().default(1) }),
  z.strictObject({ type: z.literal('add-label'), label: z.string().regex(/^[^\s]{1,255}$/) }),
  z.strictObject({ type: z.literal('add-comment'), text: EscalationTextSchema }),
]);
export type EscalationAction = z.infer<typeof EscalationActionSchema>;
export type EscalationActionType = EscalationAction['type'];

export const EscalationLevelSchema = z.strictObject({
  id: EscalationIdSchema,
  labels: LabelsSchema,
  trigger: EscalationTriggerSchema,
  actions: z.array(EscalationActionSchema).min(1).max(20),
});
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;

/** Which (priority, metric) pairs a ladder covers; an empty list matches everything. */
export const LadderMatchSchema = z.strictObject({
  /** Priority level ids (P1..) or Jira priority names, case-insensitive. */
  priorities: z.array(z.string().min(1).max(200)).max(50).optional().default([]),
  /** SLA metric ids or kinds (time-to-first-response, time-to-resolution). */
  metrics: z.array(z.string().min(1).max(200)).max(50).optional().default([]),
});
export type LadderMatch = z.infer<typeof LadderMatchSchema>;

export const EscalationLadderSchema = z.strictObject({
  id: EscalationIdSchema,
  labels: LabelsSchema,
  when: LadderMatchSchema.optional().default({ priorities: [], metrics: [] }),
  levels: z.array(EscalationLevelSchema).min(1).max(20).superRefine(uniqueIds),
});
export type EscalationLadder = z.infer<typeof EscalationLadderSchema>;
export type EscalationLadderInput = z.input<typeof EscalationLadderSchema>;

/** All ladders of a project; first match wins per (issue, metric). */
export const EscalationLaddersSchema = z.array(EscalationLadderSchema).max(100).superRefine(uniqueIds);
