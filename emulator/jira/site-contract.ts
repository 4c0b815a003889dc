/**
 * The seam between the two halves of the local Jira site:
 * - emulator/jira/   (the in-memory Jira: state, REST v3 subset, JQL, changelog, permissions) implements JiraSite;
 * - emulator/runtime (transport for @forge/api + @forge/kvs, clock, faults, event delivery, HTTP host, demo)
 *   calls it.
 * Keep this file small and stable: both halves depend on it.
 */

/** Who is calling: the app itself (asApp) or a user (asUser / a browser acting as that user). */
export type Actor = { kind: 'app' } | { kind: 'user'; accountId: string };

export interface SiteRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path with query string, e.g. `/rest/api/3/issue/INC-1?expand=changelog`. */
  path: string;
  /** Parsed JSON body, if any. */
  body?: unknown;
  actor: Actor;
}

export interface SiteResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable body; undefined for 204. */
  body?: unknown;
}

/**
 * A Forge product event as the app's trigger handler receives it (first argument), e.g.
 * `{ eventType: 'avi:jira:updated:issue', issue: {...}, atlassianId, changelog: { items: [...] } }`.
 */
export interface ForgeProductEvent {
  eventType: string;
  [key: string]: unknown;
}

/** Read the clock through this, never Date.now(): the runtime controls time. */
export interface Clock {
  now(): number;
}

export interface JiraSite {
  /** Handle one REST call as Jira Cloud would (status codes and error bodies included). */
  request(req: SiteRequest): Promise<SiteResponse>;
  /** Subscribe to product events emitted by mutations; the runtime delivers them to handlers. */
  onEvent(listener: (event: ForgeProductEvent) => void): () => void;
}
