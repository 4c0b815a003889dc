/**
 * The one error type every Jira call fails with, whatever adapter made it. Use cases branch on
 * `status` / `kind`, never on message text.
 */

/** Why a Jira call failed, coarsely; `status` has the detail. */
export type JiraErrorKind =
  /** 400: Jira refused the request (bad JQL, invalid field value ...). */
  | 'bad-request'
  /** 401/403: the caller (app or user) may not do this. */
  | 'forbidden'
  /** 404: no such issue/field/... or the caller cannot see it. */
  | 'not-found'
  /** 409: conflicting change. */
  | 'conflict'
  /** 429 after every retry was used up. */
  | 'rate-limited'
  /** 5xx after every retry was used up. */
  | 'server'
  /** The network call itself failed (no status). */
  | 'network'
  /** Jira answered 2xx but the body did not have the expected shape. */
  | 'unexpected-response';

export interface JiraErrorDetails {
  readonly method: string;
  /** The REST path without the site (e.g. `/rest/api/3/issue/INC-1`). */
  readonly path: string;
  /** HTTP status; 0 for network failures. */
  readonly status: number;
  /** Jira's `errorMessages` (empty when none). */
  readonly errorMessages: readonly string[];
  /** Jira's `errors` (field -> message; empty when none). */
  readonly errors: Readonly<Record<string, string>>;
  /** How many attempts were made (1 = no retry). */
  readonly attempts: number;
}

/** How an HTTP status maps to a kind. */
export function jiraErrorKindOf(status: number): JiraErrorKind {
  if (status === 0) return 'network';
  if (status === 400) return 'bad-request';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** A failed Jira REST call. */
export class JiraApiError extends Error implements JiraErrorDetails {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorMessages: readonly string[];
  readonly errors: Readonly<Record<string, string>>;
  readonly attempts: number;
  readonly kind: JiraErrorKind;

  constructor(details: JiraErrorDetails, kind: JiraErrorKind = jiraErrorKindOf(details.status)) {
    const reasons = [...details.errorMessages, ...Object.entries(details.errors).map(([k, v]) => `${k}: ${v}`)];
    super(`Jira ${details.method} ${details.path} failed (${details.status === 0 ? 'network' : String(details.status)})${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`);
    this.name = 'JiraApiError';
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorMessages = details.errorMessages;
    this.errors = details.errors;
    this.attempts = details.attempts;
    this.kind = kind;
  }

  /** Whether trying again later may succeed (rate limit, server or network trouble). */
  get transient(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'server' || this.kind === 'network';
  }
}

export function isJiraApiError(error: unknown): error is JiraApiError {
  return error instanceof JiraApiError;
}

/** True for a 404 from Jira (issue deleted, or not visible to the caller). */
export function isNotFound(error: unknown): boolean {
  return isJiraApiError(error) && error.kind === 'not-found';
}
