export {
  CLIENT_ERROR_CODES,
  EnvelopeSchema,
  FieldErrorSchema,
  LocalizedTextSchema,
  ResolverErrorSchema,
  parseEnvelope,
  transportError,
} from './envelope';
export type { FieldError, ResolverError, ResolverResult } from './envelope';
export { invokeResolver } from './invoke-resolver';
export type { ResolverPayload } from './invoke-resolver';
export { ForgeContextSchema, fieldValueOf, isEditEntryPoint, issueOf, loadForgeContext, projectOf } from './forge-context';
export type { EntityRef, ForgeContext } from './forge-context';
export { APP_CHANGED_EVENT, DEFAULT_REFRESH_EVENTS, JIRA_ISSUE_CHANGED, notifyAppChanged, subscribeRefresh } from './refresh';
export type { RefreshOptions, RefreshReason } from './refresh';
export { useRefresh, useResolver } from './hooks';
export { PING_KEY, PingResultSchema } from './ping';
export type { PingResult } from './ping';
export type { RefreshState, ResolverState } from './hooks';
