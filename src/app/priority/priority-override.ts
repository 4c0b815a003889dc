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

/**
 * A priority the app set on purpose away from the matrix: an override through `priority/override`
 * (with the user's reason) or an escalation's raise-priority action. Stored in the same property
 * BEFORE Jira's Priority is changed, so the event path that sees the app's change keeps it instead of
 * putting the matrix priority back. A later impact/urgency change re-applies the matrix.
 */
export const AcceptedPrioritySchema = z.object({
  priority: z.string().min(1),
  source: z.enum(['override', 'escalation']),
  /** accountId of the user who overrode; the app's account for escalations. */
  by: z.string(),
  reason: z.string(),
  /** Epoch ms when it was decided (compared with the last impact/urgency change). */
  at: z.number().int(),
});
export type AcceptedPriority = z.infer<typeof AcceptedPrioritySchema>;

/** The whole `incident-desk-priority` property: the cached verdict (flat, as before) and the accepted priority. */
export interface PriorityProperty {
  readonly verdict: OverrideVerdict | null;
  readonly accepted: AcceptedPriority | null;
}

/** Reads the property leniently: a part that does not parse is treated as absent. */
export function readPriorityProperty(raw: unknown): PriorityProperty {
  const verdict = OverrideVerdictSchema.safeParse(raw);
  const accepted = AcceptedPrioritySchema.safeParse((raw as { accepted?: unknown } | null | undefined)?.accepted);
  return { verdict: verdict.success ? verdict.data : null, accepted: accepted.success ? accepted.data : null };
}

/** The property value to store (verdict fields flat, so older readers still find them). */
export function priorityPropertyValue(p: PriorityProperty): Record<string, unknown> {
  return { schemaVersion: 1, ...(p.verdict === null ? {} : p.verdict), ...(p.accepted === null ? {} : { accepted: p.accepted }) };
}

/** What the override check needs from Jira (both on the app's gateway). */
export interface OverrideCheckGateway {
  userGroups(accountId: string): Promise<readonly string[]>;
  projectRoleActors(projectIdOrKey: string, roleName: string): Promise<{ readonly users: readonly string[]; readonly groups: readonly string[] } | null>;
}

/**
 * Whether a user may override, per the settings: a member of one of the groups, or of one of the project
 * roles (as a user actor or through a group actor). 0-3 REST calls (groups asked at most once).
 */
export async function mayOverridePriority(gateway: OverrideCheckGateway, projectKey: string, accountId: string, settings: PriorityOverrideSettings): Promise<boolean> {
  let groupsOfUser: Set<string> | null = null;
  const userGroups = async (): Promise<Set<string>> => (groupsOfUser ??= new Set((await gateway.userGroups(accountId)).map((g) => g.toLowerCase())));
  if (settings.groups.length > 0) {
    const mine = await userGroups();
    if (settings.groups.some((g) => mine.has(g.toLowerCase()))) return true;
  }
  for (const role of settings.projectRoles) {
    const actors = await gateway.projectRoleActors(projectKey, role);
    if (actors === null) continue;
    if (actors.users.includes(accountId)) return true;
    if (actors.groups.length > 0) {
      const mine = await userGroups();
      if (actors.groups.some((g) => mine.has(g.toLowerCase()))) return true;
    }
  }
  return false;
}

/**
 * Who may override, for messages.
 *
 * @example whoMayOverride({ projectRoles: ['Administrators'], groups: ['sre'] }) // { ja: 'ロール「Administrators」、グループ「sre」', en: 'role "Administrators", group "sre"' }
 */
export function whoMayOverride(settings: PriorityOverrideSettings): { ja: string; en: string } {
  return {
    ja: [...settings.projectRoles.map((r) => `ロール「${r}」`), ...settings.groups.map((g) => `グループ「${g}」`)].join('、') || '-',
    en: [...settings.projectRoles.map((r) => `role "${r}"`), ...settings.groups.map((g) => `group "${g}"`)].join(', ') || '-',
  };
}
