import { z } from 'zod';

/**
 * Who may set an incident's Jira Priority by hand, away from what impact x urgency gives (config
 * `priorityOverride`, from schema version 4). Default: members of the project role "Administrators".
 */
export const PriorityOverrideSettingsSchema = z.strictObject({
  /** Project role names whose members may override. */
  projectRoles: z.array(z.string().trim().min(1).max(200)).max(20),
  /** Group names whose members may override. */
  groups: z.array(z.string().trim().min(1).max(200)).max(20),
});
export type PriorityOverrideSettings = z.infer<typeof PriorityOverrideSettingsSchema>;

/**
 * The seed: project administrators only. A fresh object each call.
 *
 * @example defaultPriorityOverride() // { projectRoles: ['Administrators'], groups: [] }
 */
export function defaultPriorityOverride(): PriorityOverrideSettings {
  return { projectRoles: ['Administrators'], groups: [] };
}
