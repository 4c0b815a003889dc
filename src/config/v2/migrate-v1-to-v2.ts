import { fromZodIssues } from '../errors';
import type { MigrationStep } from '../migrate';
import { messages } from '../messages';
import { ConfigV1Schema } from '../v1/schema';
import { defaultCalendars, defaultSlaPolicies, seedYear } from './sla-defaults';

/**
 * v1 -> v2: v1 only had empty placeholders for calendars and SLA policies, so an empty list gets the
 * seed calendar (with the Japanese holidays of this year and the next) and the seed policy. Anything
 * already in a placeholder is carried over untouched, for the v2 schema to check and report by field —
 * never dropped. (Written without migrate.ts's helper so the two modules do not import each other.)
 *
 * @example
 * migrateV1ToV2({ ...v1Config, calendars: [], slaPolicies: [] }, 2025)
 * // { ok: true, value: { ...v1Config, schemaVersion: 2, calendars: [jp-business-hours], slaPolicies: [standard] } }
 */
export function migrateV1ToV2(config: Readonly<Record<string, unknown>>, year: number = seedYear()): ReturnType<MigrationStep> {
  const parsed = ConfigV1Schema.safeParse(config, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: fromZodIssues(parsed.error.issues).map((e) => ({ ...e, message: messages.migrationInputInvalid(1, e.message) })) };
  }
  const v1 = parsed.data;
  return {
    ok: true,
    value: {
      ...v1,
      schemaVersion: 2,
      calendars: v1.calendars.length === 0 ? defaultCalendars(year) : v1.calendars,
      slaPolicies: v1.slaPolicies.length === 0 ? defaultSlaPolicies() : v1.slaPolicies,
    },
  };
}

/** The registered step (seeds with the current year in Japan). */
export const v1ToV2: MigrationStep = (config) => migrateV1ToV2(config);
