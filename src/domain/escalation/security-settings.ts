import { z } from 'zod';
import { GroupRefSchema } from './escalation-schema';

/**
 * What the app does the moment a security incident is created (stored in config from schema version 3
 * as `securityIncident`): which issue security level restricts it, and which group is paged.
 */
export const SecurityLevelRefSchema = z
  .strictObject({ id: z.string().min(1).max(64).optional(), name: z.string().min(1).max(200).optional() })
  .refine((l) => l.id !== undefined || l.name !== undefined, { message: 'a security level needs id or name', path: ['name'] });
export type SecurityLevelRef = z.infer<typeof SecurityLevelRefSchema>;

export const SecurityIncidentSettingsSchema = z.strictObject({
  /** The issue security level to set; by id (preferred) or name. Null: leave visibility alone. */
  issueSecurityLevel: SecurityLevelRefSchema.nullable(),
  /** The CSIRT, paged at once on creation. Null: nobody is paged. */
  csirtGroup: GroupRefSchema.nullable(),
});
export type SecurityIncidentSettings = z.infer<typeof SecurityIncidentSettingsSchema>;
