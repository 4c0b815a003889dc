import type { z } from 'zod';
import { JiraApiError, jiraErrorKindOf } from '../app/ports/jira-error';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, mayRetry, retryAfterMs, type RetryPolicy } from './retry-policy';

/**
 * The one way the app talks to Jira REST: a thin layer over `requestJira` that sends JSON, parses
 * every response with a zod schema, turns failures into `JiraApiError`, and retries 429/5xx with
 * Retry-After and bounded backoff. Transport-agnostic: src/jira/forge-fetch.ts plugs in `@forge/api`.
 */

/** A `Route` from `@forge/api`'s `route` tag (only `value` is read here). */
export interface RouteLike {
  readonly value: string;
}

/** What `requestJira` returns, reduced to what the client reads. */
export interface JiraResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface JiraRequestInit {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export type JiraFetch = (route: RouteLike, init: JiraRequestInit) => Promise<JiraResponseLike>;

/** One HTTP attempt, reported to `onCall` (count calls per event, measure, log). */
export interface JiraCallRecord {
  readonly method: string;
  readonly path: string;
  /** 0 when the request failed before a response. */
  readonly status: number;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly durationMs: number;
}

export interface JiraClientOptions {
  readonly fetch: JiraFetch;
  readonly retry?: Partial<RetryPolicy>;
  /** Waits between retries; tests pass a recorder that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1]. */
  readonly random?: () => number;
  readonly now?: () => number;
  readonly onCall?: (record: JiraCallRecord) => void;
}

export interface SendOptions<S extends z.ZodType> {
  readonly body?: unknown;
  /** Schema of a 2xx body; omit for calls answered with 204 / ignored bodies. */
  readonly schema?: S;
  /** Statuses that are an answer, not a failure (e.g. 404 for "no such property"): returned as `null`. */
  readonly nullOn?: readonly number[];
  /** A POST that changes nothing or can be repeated safely (search, permission checks, field values): retried like PUT. */
  readonly idempotent?: boolean;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface ErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

function errorBodyOf(text: string): ErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return { errorMessages: text === '' ? [] : [text.slice(0, 500)], errors: {} };
    const rec = parsed as Record<string, unknown>;
    const messages = Array.isArray(rec['errorMessages']) ? rec['errorMessages'].filter((m): m is string => typeof m === 'string') : [];
    if (typeof rec['message'] === 'string') messages.push(rec['message']);
    const errors: Record<string, string> = {};
    if (typeof rec['errors'] === 'object' && rec['errors'] !== null) {
      for (const [k, v] of Object.entries(rec['errors'] as Record<string, unknown>)) errors[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return { errorMessages: messages, errors };
  } catch {
    return { errorMessages: text === '' ? [] : [text.slice(0, 500)], errors: {} };
  }
}

export class JiraClient {
  private readonly fetchImpl: JiraFetch;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly onCall: ((record: JiraCallRecord) => void) | undefined;

  constructor(options: JiraClientOptions) {
    this.fetchImpl = options.fetch;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => Date.now());
    this.onCall = options.onCall;
  }

  get<S extends z.ZodType>(route: RouteLike, schema: S): Promise<z.output<S>>;
  get<S extends z.ZodType>(route: RouteLike, schema: S, options: { readonly nullOn: readonly number[] }): Promise<z.output<S> | null>;
  async get<S extends z.ZodType>(route: RouteLike, schema: S, options?: { readonly nullOn: readonly number[] }): Promise<z.output<S> | null> {
    const result = await this.send('GET', route, { schema, nullOn: options?.nullOn ?? [] });
    // With a schema a 2xx always yields a value; an empty body would have failed the schema.
    return result === undefined ? null : result;
  }

  /**
   * Sends one request (with retries). Returns the parsed body, `undefined` without a schema, or
   * `null` for a status listed in `nullOn`. Throws `JiraApiError` otherwise.
   */
  async send<S extends z.ZodType>(method: JiraRequestInit['method'], route: RouteLike, options: SendOptions<S> = {}): Promise<z.output<S> | null | undefined> {
    const path = route.value;
    const init: JiraRequestInit =
      options.body === undefined
        ? { method, headers: { Accept: 'application/json' } }
        : { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(options.body) };
    // A POST that creates something is only repeated when Jira says it was not processed.
    const retryAs = method === 'POST' && options.idempotent === true ? 'PUT' : method;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const started = this.now();
      let response: JiraResponseLike;
      try {
        response = await this.fetchImpl(route, init);
      } catch (cause) {
        this.onCall?.({ method, path, status: 0, attempt, durationMs: this.now() - started });
        const delay = backoffDelayMs(this.policy, attempt, null, this.random);
        // Network trouble: safe to repeat only for requests that do not create anything.
        if (retryAs !== 'POST' && attempt <= this.policy.maxRetries && waited + delay <= this.policy.maxTotalDelayMs) {
          waited += delay;
          await this.sleep(delay);
          continue;
        }
        const message = cause instanceof Error ? cause.message : String(cause);
        throw new JiraApiError({ method, path, status: 0, errorMessages: [message], errors: {}, attempts: attempt }, 'network');
      }
      const text = await response.text();
      this.onCall?.({ method, path, status: response.status, attempt, durationMs: this.now() - started });
      if (response.status >= 200 && response.status < 300) return this.parse(method, path, text, options.schema, attempt);
      if (options.nullOn?.includes(response.status) === true) return null;
      if (mayRetry(retryAs, response.status) && attempt <= this.policy.maxRetries) {
        const delay = backoffDelayMs(this.policy, attempt, retryAfterMs(response.headers.get('Retry-After'), this.now()), this.random);
        if (waited + delay <= this.policy.maxTotalDelayMs) {
          waited += delay;
          await this.sleep(delay);
          continue;
        }
      }
      const body = errorBodyOf(text);
      throw new JiraApiError({ method, path, status: response.status, ...body, attempts: attempt }, jiraErrorKindOf(response.status));
    }
  }

  private parse<S extends z.ZodType>(method: string, path: string, text: string, schema: S | undefined, attempts: number): z.output<S> | undefined {
    if (schema === undefined) return undefined;
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new JiraApiError({ method, path, status: 200, errorMessages: ['Response is not JSON'], errors: {}, attempts }, 'unexpected-response');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.slice(0, 10).map((i) => [i.path.join('.') || '(body)', i.message]));
      throw new JiraApiError({ method, path, status: 200, errorMessages: ['Response does not have the expected shape'], errors, attempts }, 'unexpected-response');
    }
    return parsed.data;
  }
}
