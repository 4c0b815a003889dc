import { z } from 'zod';
import { ConfigV3Schema } from '../v3/schema';
import { PriorityOverrideSettingsSchema } from './priority-override';
import { ProblemManagementSettingsSchema } from './problem-management';

/**
 * Schema version 4: v3 plus who may override the matrix's priority (`priorityOverride`) and problem
 * management (`problemManagement`: rules on problem resolution, recurrence window and label).
 */
export const ConfigV4Schema = ConfigV3Schema.extend({
  schemaVersion: z.literal(4),
  priorityOverride: PriorityOverrideSettingsSchema,
  problemManagement: ProblemManagementSettingsSchema,
});
/** A parsed (output) v4 config. */
export type ConfigV4 = z.infer<typeof ConfigV4Schema>;
/** What may be stored as v4. */
export type ConfigV4Input = z.input<typeof ConfigV4Schema>;
