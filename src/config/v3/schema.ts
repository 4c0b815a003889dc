import { z } from 'zod';
import { EscalationLaddersSchema, SecurityIncidentSettingsSchema } from '../../domain/escalation';
import { ConfigV2Schema } from '../v2/schema';

/**
 * Schema version 3: v2 plus escalation ladders (per priority and SLA metric, levels at % of goal or
 * minutes before/after the breach, tagged actions) and the security incident intake (issue security
 * level, CSIRT group). Their shapes live in src/domain/escalation, so engine and config agree.
 */
export const ConfigV3Schema = ConfigV2Schema.extend({
  schemaVersion: z.literal(3),
  escalationLadders: EscalationLaddersSchema,
  securityIncident: SecurityIncidentSettingsSchema,
});
/** A parsed (output) v3 config. */
export type ConfigV3 = z.infer<typeof ConfigV3Schema>;
/** What may be stored as v3. */
export type ConfigV3Input = z.input<typeof ConfigV3Schema>;
