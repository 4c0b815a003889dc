/**
 * The in-memory Jira Cloud site (REST v3 subset, JQL, changelog, permissions, product events).
 * The runtime (emulator/runtime) wires it to the real @forge/api through `__forge_fetch__`.
 */
export { createJiraSite, type EmulatedJira, type JiraSiteOptions } from './site';
export { SeedError, type Seeder, type SeedIssue, type SeedOptions } from './seed';
export type { ManifestInput } from './manifest';
export type { Actor, Clock, ForgeProductEvent, JiraSite, SiteRequest, SiteResponse } from './site-contract';
export type { NotificationRecord } from './state/model';
export { adfParagraph, adfText } from './format/adf';
export {
  APP_ACCOUNT_ID,
  DEFAULT_GROUPS,
  DEFAULT_LINK_TYPES,
  DEFAULT_PRIORITIES,
  DEFAULT_STATUSES,
  DEFAULT_TRANSITIONS,
  DEFAULT_USERS,
  ROLE_ADMINISTRATORS,
  ROLE_DEVELOPERS,
  ROLE_USERS,
} from './state/defaults';
export { SEARCH_MAX_IDS_ONLY, SEARCH_MAX_WITH_FIELDS } from './routes/search';
