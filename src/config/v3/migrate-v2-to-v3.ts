import { fromZodIssues } from '../errors';
import { messages } from '../messages';
import type { MigrationStep } from '../migrate';
import { ConfigV2Schema } from '../v2/schema';
import { defaultEscalationLadders, defaultSecurityIncident } from './escalation-defaults';

/**
 * v2 -> v3: v2 only had an empty placeholder for escalation ladders, so an empty list gets the seed
 * ladder; anything already there is carried over untouched for the v3 schema to check and report by
 * field — never dropped. The security intake gets the seed settings. (Written without migrate.ts's
 * helper so the two modules do not import each other.)
 *
 * @example
 * migrateV2ToV3({ ...v2Config, escalationLadders: [] })
 * // { ok: true, value: { ...v2Config, schemaVersion: 3, escalationLadders: [standard], securityIncident: { ... } } }
 */
export const migrateV2ToV3: MigrationStep = (config) => {
  const parsed = ConfigV2Schema.safeParse(config, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: fromZodIssues(parsed.error.issues).map((e) => ({ ...e, message: messages.migrationInputInvalid(2, e.message) })) };
  }
  const v2 = parsed.data;
  return {
    ok: true,
    value: {
      ...v2,
      schemaVersion: 3,
      escalationLadders: v2.escalationLadders.length === 0 ? defaultEscalationLadders() : v2.escalationLadders,
      securityIncident: defaultSecurityIncident(),
    },
  };
};
