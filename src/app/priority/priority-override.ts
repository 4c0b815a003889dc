import { z } from 'zod';
import type { Config } from '../../config';

/**
 * Who may set an incident's Jira Priority by hand, away from what impact x urgency gives. Read from
 * the config's `priorityOverride` (a later config version adds it to the schema; until then it is
 * read leniently, like the escalation helper reads `securityIncident`). Default: members of the
 * project role "Administrators".
 */
export const PriorityOverrideSettingsSchema = z.strictObject({
  /** Project role names whose members may override. */
  projectRoles: z.array(z.string().min(1).max(200)).max(20),
  /** Group names whose members may override. */
  groups: z.array(z.string().min(1).max(200)).max(20),
});
export type PriorityOverrideSettings = z.infer<typeof PriorityOverrideSettingsSchema>;

export const DEFAULT_PRIORITY_OVERRIDE: PriorityOverrideSettings = { projectRoles: ['Administrators'], groups: [] };

/**
 * @example priorityOverrideOf(defaultConfig()) // { projectRoles: ['Administrators'], groups: [] }
 */
export function priorityOverrideOf(config: Config): PriorityOverrideSettings {
  const raw: unknown = (config as Readonly<Record<string, unknown>>)['priorityOverride'];
  const parsed = PriorityOverrideSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_PRIORITY_OVERRIDE;
}

/** Cached verdict on one manual priority change, stored in the issue property `incident-desk-priority`. */
export const PRIORITY_PROPERTY_KEY = 'incident-desk-priority';

export const OverrideVerdictSchema = z.object({
  schemaVersion: z.literal(1),
  /** Changelog entry id of the manual change judged. */
  changeId: z.string(),
  author: z.string(),
  allowed: z.boolean(),
});
export type OverrideVerdict = z.infer<typeof OverrideVerdictSchema>;
