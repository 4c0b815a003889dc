import { z } from 'zod';
import { defaultPriorityOverride, type Config, type PriorityOverrideSettings } from '../../config';

/**
 * Who may set an incident's Jira Priority by hand, away from what impact x urgency gives: the
 * config's `priorityOverride` (schema version 4; the shape lives in src/config/v4). Default: members
 * of the project role "Administrators".
 */
export { PriorityOverrideSettingsSchema, type PriorityOverrideSettings } from '../../config';

export const DEFAULT_PRIORITY_OVERRIDE: PriorityOverrideSettings = defaultPriorityOverride();

/**
 * @example priorityOverrideOf(defaultConfig()) // { projectRoles: ['Administrators'], groups: [] }
 */
export function priorityOverrideOf(config: Config): PriorityOverrideSettings {
  return config.priorityOverride;
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
