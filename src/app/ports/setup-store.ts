import { z } from 'zod';
import { StatusCategorySchema } from '../../domain/sla';

/**
 * Port: per project, what setup did (for the Setup UI) and the Jira ids it found or created (for the
 * issue-event path, so events never look fields up by name). Implemented over `@forge/kvs` in
 * src/forge/storage/setup-store.ts (plain key `setup:<projectKey>`).
 */

export const SetupItemStateSchema = z.enum(['created', 'existing', 'failed', 'pending']);
export type SetupItemState = z.infer<typeof SetupItemStateSchema>;

export const SetupItemStatusSchema = z.object({
  /** Stable item id, e.g. `issue-type:incident`, `field:impact`, `screen:priority-matrix`, `link-type`. */
  id: z.string(),
  state: SetupItemStateSchema,
  /** The Jira id of what the item stands for (issue type id, field id, link type id ...), once known. */
  jiraId: z.string().nullable(),
  /** Why it failed (ja/en), null otherwise. */
  error: z.object({ ja: z.string(), en: z.string(), status: z.number().int() }).nullable(),
  at: z.number().int(),
});
export type SetupItemStatus = z.infer<typeof SetupItemStatusSchema>;

/** Option id -> config level id (impact/urgency levels, incident kinds, detection channels). */
const OptionMapSchema = z.record(z.string(), z.string());

export const CATALOG_FIELD_KEYS = [
  'impact',
  'urgency',
  'incidentKind',
  'detectionChannel',
  'occurredAt',
  'detectedAt',
  'recoveredAt',
  'affectedService',
  'impactScope',
  'workaround',
  'directCause',
  'rootCause',
  'category',
  'rootCauseAnalysis',
  'knownError',
  'permanentFix',
  'permanentFixOwner',
  'permanentFixDue',
  'priorityMatrix',
] as const;
export type CatalogFieldKey = (typeof CATALOG_FIELD_KEYS)[number];

/** The Jira ids the app works with in one project, as setup resolved them. */
export const SiteCatalogSchema = z.object({
  schemaVersion: z.literal(1),
  projectId: z.string(),
  projectKey: z.string(),
  /** The app's own user (authors of the app's changelog entries), when Jira told us. */
  appAccountId: z.string().nullable(),
  issueTypes: z.object({ incident: z.string().nullable(), problem: z.string().nullable(), incidentTask: z.string().nullable() }),
  /** Keys added in later app versions read as null until setup runs again. */
  fields: z.preprocess(
    (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...Object.fromEntries(CATALOG_FIELD_KEYS.map((k) => [k, null])), ...v } : v),
    z.record(z.enum(CATALOG_FIELD_KEYS), z.string().nullable()),
  ),
  options: z.object({
    impact: OptionMapSchema,
    urgency: OptionMapSchema,
    incidentKind: OptionMapSchema,
    detectionChannel: OptionMapSchema,
    knownError: OptionMapSchema.optional(),
  }),
  linkType: z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() }).nullable(),
  /** The project's statuses with their categories (the SLA engine matches on categories). */
  statuses: z.array(z.object({ id: z.string(), name: z.string(), category: StatusCategorySchema.nullable() })),
});
export type SiteCatalog = z.infer<typeof SiteCatalogSchema>;

export const SetupStatusSchema = z.object({
  schemaVersion: z.literal(1),
  projectKey: z.string(),
  /** `complete`: every item created or existing; `partial`: some failed (re-run to resume). */
  state: z.enum(['running', 'complete', 'partial']),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  /** accountId of the admin who ran it; null for the lifecycle trigger. */
  runBy: z.string().nullable(),
  items: z.array(SetupItemStatusSchema),
  /** Ids resolved so far (complete when `state` is complete). */
  catalog: SiteCatalogSchema,
});
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export interface SetupStore {
  load(projectKey: string): Promise<SetupStatus | null>;
  save(status: SetupStatus): Promise<void>;
  /** Keys of every project that has a setup status. */
  listProjects(): Promise<readonly string[]>;
}
