import { fromZodIssues } from '../errors';
import { messages } from '../messages';
import type { MigrationStep } from '../migrate';
import { ConfigV3Schema } from '../v3/schema';
import { defaultPriorityOverride } from './priority-override';
import { defaultProblemManagement } from './problem-management';

/**
 * v3 -> v4: fills `problemManagement` with the seed. `priorityOverride` was read leniently before v4
 * (an extra key v3's strict schema would refuse), so a stored one is lifted out of the input before
 * the v3 check and carried over for v4 to check by field; otherwise the seed. (Written without
 * migrate.ts's helper so the two modules do not import each other.)
 *
 * @example
 * migrateV3ToV4(v3Config)
 * // { ok: true, value: { ...v3Config, schemaVersion: 4, priorityOverride: { projectRoles: ['Administrators'], groups: [] },
 * //   problemManagement: { onProblemResolved: [{ action: 'notify', recipients: ['assignee', 'reporter'] }], recurrence: { ... }, autoLabel: 'recurring' } } }
 */
export const migrateV3ToV4: MigrationStep = (config) => {
  const { priorityOverride, ...rest } = config;
  const parsed = ConfigV3Schema.safeParse(rest, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: fromZodIssues(parsed.error.issues).map((e) => ({ ...e, message: messages.migrationInputInvalid(3, e.message) })) };
  }
  return {
    ok: true,
    value: {
      ...parsed.data,
      schemaVersion: 4,
      priorityOverride: priorityOverride ?? defaultPriorityOverride(),
      problemManagement: defaultProblemManagement(),
    },
  };
};
