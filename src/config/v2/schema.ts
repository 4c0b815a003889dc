import { z } from 'zod';
import { CalendarDefinitionSchema } from '../../domain/calendar';
import { SlaPolicySchema } from '../../domain/sla';
import { ConfigV1Schema } from '../v1/schema';

/**
 * Schema version 2: v1 plus business calendars and SLA policies (their shapes live in the calendar and
 * SLA domains, so the engine and the admin config can never disagree). Escalation ladders stay a
 * placeholder for a later version.
 */
export const ConfigV2Schema = ConfigV1Schema.extend({
  schemaVersion: z.literal(2),
  calendars: z.array(CalendarDefinitionSchema).max(50),
  slaPolicies: z.array(SlaPolicySchema).max(50),
});
/** A parsed (output) v2 config. */
export type ConfigV2 = z.infer<typeof ConfigV2Schema>;
/** What may be stored as v2. */
export type ConfigV2Input = z.input<typeof ConfigV2Schema>;
