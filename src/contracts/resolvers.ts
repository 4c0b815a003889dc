// zod/mini, like the envelope: the Custom UI pages import these to type and check what they get.
import * as z from 'zod/mini';
import { LocalizedTextSchema } from './envelope';

/**
 * Payload and result of every resolver key. The backend parses each payload with its schema before
 * anything else; the UI parses each result. Objects are strict on the way in (a misspelt field is a
 * field error, not silently ignored) and lenient on the way out (a newer backend may add fields).
 *
 * The project and issue come from the Forge context of the calling module; a payload may name them
 * only where the context has none, and never to reach another project than the context's.
 */

export const RESOLVER_KEYS = {
  ping: 'app/ping',
  slaGet: 'sla/get',
  configGet: 'config/get',
  configSave: 'config/save',
  configHistory: 'config/history',
  configRestore: 'config/restore',
  configExport: 'config/export',
  configImport: 'config/import',
  setupRun: 'setup/run',
  setupStatus: 'setup/status',
  priorityPreview: 'priority/preview',
  reportGet: 'report/get',
  incidentSimilar: 'incident/similar',
  // Added with the problem/report/export issue; contracts for these live in their own files
  // (src/contracts/report.ts, problem.ts, incident-report.ts, evidence.ts, priority-override.ts).
  priorityOverride: 'priority/override',
  problemGet: 'problem/get',
  problemLink: 'problem/link',
  problemCreateFromIncidents: 'problem/create-from-incidents',
  incidentReportGet: 'incident-report/get',
  incidentReportPostComment: 'incident-report/post-comment',
  evidenceList: 'evidence/list',
  evidenceAdd: 'evidence/add',
} as const;
export type ResolverKey = (typeof RESOLVER_KEYS)[keyof typeof RESOLVER_KEYS];

const ProjectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/));
const IssueKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/));
const Version = z.int().check(z.minimum(0));
const ProjectScoped = { projectKey: z.optional(ProjectKeySchema) };

// ---------------------------------------------------------------- app/ping
export const PingPayloadSchema = z.object({});
export const PingResultSchema = z.object({ app: z.string().check(z.minLength(1)) });
export type PingResult = z.infer<typeof PingResultSchema>;

// ---------------------------------------------------------------- sla/get
export const SlaGetPayloadSchema = z.strictObject({ issueKey: z.optional(IssueKeySchema) });

const PauseSchema = z.object({
  from: z.number(),
  to: z.nullable(z.number()),
  reason: z.object({ on: z.string(), value: z.nullable(z.string()), eventId: z.string() }),
});
export const SlaCycleViewSchema = z.object({
  index: z.int(),
  policyId: z.string(),
  policyVersion: z.int(),
  startedAt: z.number(),
  stoppedAt: z.nullable(z.number()),
  endedBy: z.nullable(z.enum(['stop', 'reset'])),
  state: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
  breached: z.boolean(),
  pauses: z.array(PauseSchema),
  pausedMs: z.number(),
  offCalendarMs: z.number(),
  elapsedMs: z.number(),
  goalId: z.nullable(z.string()),
  goalMs: z.nullable(z.number()),
  breachAt: z.nullable(z.number()),
  remainingMs: z.nullable(z.number()),
  calendarId: z.string(),
});
export const SlaMetricViewSchema = z.object({
  metricId: z.string(),
  kind: z.enum(['time-to-first-response', 'time-to-resolution']),
  cycles: z.array(SlaCycleViewSchema),
});
export const FiredEscalationSchema = z.object({
  key: z.string(),
  metricId: z.string(),
  cycle: z.int(),
  ladderId: z.string(),
  levelId: z.string(),
  levelLabels: z.object({ ja: z.string(), en: z.string() }),
  firedAt: z.number(),
  actions: z.array(
    z.object({
      type: z.string(),
      state: z.enum(['done', 'skipped', 'failed', 'pending']),
      assignee: z.optional(z.nullable(z.string())),
      priorityName: z.optional(z.nullable(z.string())),
      detail: z.optional(z.nullable(z.string())),
    }),
  ),
});
export const SlaGetResultSchema = z.object({
  issueKey: z.string(),
  /** When the SLA was computed (now, from the issue's full changelog). */
  evaluatedAt: z.number(),
  /** The policy that applies; null when none does (metrics is then empty). */
  policy: z.nullable(z.object({ id: z.string(), version: z.int() })),
  metrics: z.array(SlaMetricViewSchema),
  /** Escalations fired on this issue, oldest first. */
  escalations: z.array(FiredEscalationSchema),
});
export type SlaGetResult = z.infer<typeof SlaGetResultSchema>;

// ---------------------------------------------------------------- config/*
export const ConfigVersionMetaViewSchema = z.object({
  projectKey: z.string(),
  version: z.int(),
  schemaVersion: z.nullable(z.int()),
  savedAt: z.number(),
  savedBy: z.nullable(z.string()),
  note: z.nullable(z.string()),
});
export type ConfigVersionMetaView = z.infer<typeof ConfigVersionMetaViewSchema>;

const FieldErrorViewSchema = z.object({ path: z.string(), message: LocalizedTextSchema });

export const ConfigGetPayloadSchema = z.strictObject({ ...ProjectScoped });
export const ConfigGetResultSchema = z.object({
  projectKey: z.string(),
  /** missing: never saved (config holds the defaults); invalid: stored but unreadable (config holds the raw value, errors say why). */
  state: z.enum(['ok', 'missing', 'invalid']),
  /** The version to send back as `expectedVersion` (0 when never saved). */
  version: Version,
  config: z.unknown(),
  errors: z.array(FieldErrorViewSchema),
  meta: z.nullable(ConfigVersionMetaViewSchema),
  /** The stored config was an older schema version, migrated on read; saving stores it upgraded. */
  migratedFrom: z.nullable(z.int()),
  /** The caller administers the project (may save, restore, import). */
  canEdit: z.boolean(),
});
export type ConfigGetResult = z.infer<typeof ConfigGetResultSchema>;

export const ConfigSavePayloadSchema = z.strictObject({
  ...ProjectScoped,
  /** The version the edit started from (`config/get`'s `version`). */
  expectedVersion: Version,
  config: z.unknown(),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export const ConfigSaveResultSchema = z.object({ meta: ConfigVersionMetaViewSchema });
export type ConfigSaveResult = z.infer<typeof ConfigSaveResultSchema>;

export const ConfigHistoryPayloadSchema = z.strictObject({
  ...ProjectScoped,
  cursor: z.optional(z.string().check(z.maxLength(1000))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
});
export const ConfigHistoryResultSchema = z.object({ versions: z.array(ConfigVersionMetaViewSchema), cursor: z.nullable(z.string()) });
export type ConfigHistoryResult = z.infer<typeof ConfigHistoryResultSchema>;

export const ConfigRestorePayloadSchema = z.strictObject({
  ...ProjectScoped,
  /** The past version to bring back (saved as a new version; history is never rewritten). */
  version: z.int().check(z.minimum(1)),
  expectedVersion: Version,
});
export const ConfigRestoreResultSchema = z.object({ meta: ConfigVersionMetaViewSchema, restoredFrom: z.int() });
export type ConfigRestoreResult = z.infer<typeof ConfigRestoreResultSchema>;

/** The JSON file of `config/export`, and what `config/import` accepts (or a bare config). */
export const CONFIG_EXPORT_FORMAT = 'incident-desk-config';
export const ConfigExportDocumentSchema = z.object({
  format: z.literal(CONFIG_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  projectKey: z.string(),
  version: Version,
  exportedAt: z.number(),
  config: z.unknown(),
});
export type ConfigExportDocument = z.infer<typeof ConfigExportDocumentSchema>;

export const ConfigExportPayloadSchema = z.strictObject({ ...ProjectScoped });
export const ConfigExportResultSchema = z.object({ fileName: z.string(), document: ConfigExportDocumentSchema });
export type ConfigExportResult = z.infer<typeof ConfigExportResultSchema>;

export const ConfigChangeSchema = z.object({
  /** Field path (`matrix[1][2]`, `priorityLevels[0].labels.ja`). */
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
export type ConfigChange = z.infer<typeof ConfigChangeSchema>;

export const ConfigImportPayloadSchema = z.strictObject({
  ...ProjectScoped,
  /** preview: validate and diff, write nothing; apply: validate and save. */
  mode: z.enum(['preview', 'apply']),
  expectedVersion: Version,
  /** An export document, or a bare config object (with `schemaVersion`). */
  document: z.unknown(),
});
export const ConfigImportResultSchema = z.object({
  mode: z.enum(['preview', 'apply']),
  /** Differences from the current config (before -> after), in field order. */
  changes: z.array(ConfigChangeSchema),
  /** The imported config, migrated to the current schema version. */
  config: z.unknown(),
  /** The saved version (apply only). */
  meta: z.nullable(ConfigVersionMetaViewSchema),
});
export type ConfigImportResult = z.infer<typeof ConfigImportResultSchema>;

// ---------------------------------------------------------------- setup/*
export const SetupRunPayloadSchema = z.strictObject({ ...ProjectScoped });
export const SetupStatusPayloadSchema = z.strictObject({ ...ProjectScoped });
/** Owned by the setup use case; passed through as it reports. */
export const SetupResultSchema = z.unknown();

// ---------------------------------------------------------------- priority/preview
export const PriorityPreviewPayloadSchema = z.strictObject({
  ...ProjectScoped,
  impact: z.int().check(z.minimum(1), z.maximum(10)),
  urgency: z.int().check(z.minimum(1), z.maximum(10)),
});
const AxisViewSchema = z.object({ index: z.int(), label: z.optional(LocalizedTextSchema) });
export const PriorityPreviewResultSchema = z.object({
  level: z.string(),
  levelLabel: z.optional(LocalizedTextSchema),
  /** The Jira priority the level sets. */
  jiraPriorityName: z.nullable(z.string()),
  impact: AxisViewSchema,
  urgency: AxisViewSchema,
  sameLevelCells: z.array(z.object({ impact: z.int(), urgency: z.int() })),
  /** "Impact: … x Urgency: … -> P2 (High)" in both languages. */
  text: LocalizedTextSchema,
});
export type PriorityPreviewResult = z.infer<typeof PriorityPreviewResultSchema>;

// report/get: see ./report.ts

// ---------------------------------------------------------------- incident/similar
/**
 * Similar past incidents for the intake helpers on an incident (issue panel): same service or category
 * and text match, ranked by src/domain/problem/similar-incidents.ts. Read as the user (only incidents they
 * may see). Until a resolver is registered the UI shows "not available yet".
 */
export const SimilarIncidentsPayloadSchema = z.strictObject({
  issueKey: z.optional(IssueKeySchema),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
});
export const SimilarIncidentsResultSchema = z.object({
  incidents: z.array(
    z.object({
      key: z.string(),
      summary: z.optional(z.string()),
      /** 0..1, best first. */
      score: z.number(),
      sameService: z.optional(z.boolean()),
      sameCategory: z.optional(z.boolean()),
      /** The problem the incident is linked to (a known cause / workaround), if any. */
      problemKey: z.optional(z.nullable(z.string())),
    }),
  ),
});
export type SimilarIncidentsResult = z.infer<typeof SimilarIncidentsResultSchema>;
