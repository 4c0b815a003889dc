import { z } from 'zod';
import type { CustomCheckCode } from '../errors';

/**
 * Schema version 1 of one project's admin config. Objects are strict: an unknown key is reported
 * (a misspelt "lables" must not vanish silently). Cross-field rules live in ../validate.ts.
 */

const check = (code: CustomCheckCode) => ({ params: { code } });

/** Text with at least one visible character. */
export const NonBlankTextSchema = z.string().refine((s) => s.trim() !== '', check('blank-text'));

/** Ids are stored and compared verbatim, so keep them to a plain, URL- and JQL-safe alphabet. */
export const IdSchema = z.string().refine((s) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s), check('invalid-id'));

export const LocalizedTextSchema = z.strictObject({ ja: NonBlankTextSchema, en: NonBlankTextSchema });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const ScaleLevelSchema = z.strictObject({
  id: IdSchema,
  labels: LocalizedTextSchema,
  descriptions: LocalizedTextSchema.optional(),
});
export type ScaleLevel = z.infer<typeof ScaleLevelSchema>;

/** An impact or urgency scale; `levels[0]` is the highest (impact / urgency 1). */
export const ScaleSchema = z.strictObject({ levels: z.array(ScaleLevelSchema).min(1).max(10) });
export type Scale = z.infer<typeof ScaleSchema>;

export const PriorityLevelSchema = z.strictObject({
  id: IdSchema,
  labels: LocalizedTextSchema,
  /** The Jira priority this level sets on the issue, e.g. "Highest". */
  jiraPriorityName: NonBlankTextSchema,
});
export type PriorityLevel = z.infer<typeof PriorityLevelSchema>;

export const INCIDENT_KIND_IDS = ['inquiry', 'failure', 'security'] as const;
export const IncidentKindIdSchema = z.enum(INCIDENT_KIND_IDS);
export type IncidentKindId = z.infer<typeof IncidentKindIdSchema>;

export const IncidentHandlingSchema = z.strictObject({
  /** Only the reporter, the assignee and the security group may see the issue. */
  restrictedVisibility: z.boolean(),
  /** Notify the CSIRT on creation. */
  pageCsirt: z.boolean(),
  /** Keep attachments, comments and history as evidence (no deletion). */
  keepEvidence: z.boolean(),
});
export type IncidentHandling = z.infer<typeof IncidentHandlingSchema>;

export const IncidentKindSchema = z.strictObject({
  id: IncidentKindIdSchema,
  labels: LocalizedTextSchema,
  descriptions: LocalizedTextSchema.optional(),
  handling: IncidentHandlingSchema,
});
export type IncidentKind = z.infer<typeof IncidentKindSchema>;

/** Rows are impact levels, columns urgency levels, cells priority level ids (see src/domain/priority). */
export const MatrixSchema = z.array(z.array(z.string()));

export const ConfigV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  impact: ScaleSchema,
  urgency: ScaleSchema,
  priorityLevels: z.array(PriorityLevelSchema).min(1).max(10),
  matrix: MatrixSchema,
  incidentKinds: z.array(IncidentKindSchema),
  // Placeholders: later versions give these a shape (calendars, SLA policies, escalation ladders).
  calendars: z.array(z.unknown()).default([]),
  slaPolicies: z.array(z.unknown()).default([]),
  escalationLadders: z.array(z.unknown()).default([]),
});
/** A parsed (output) v1 config. */
export type ConfigV1 = z.infer<typeof ConfigV1Schema>;
/** What may be stored as v1: the placeholders may be left out. */
export type ConfigV1Input = z.input<typeof ConfigV1Schema>;
