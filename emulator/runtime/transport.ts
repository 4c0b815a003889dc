import { randomUUID } from 'node:crypto';
import type { Actor, SiteRequest } from '../jira/site-contract';
import { faultResponse } from './faults';
import { currentInvocation } from './invocation-context';
import { dispatchJira, sleep, toFetchResponse, type JiraDispatchDeps } from './jira-dispatch';
import type { KvsStore } from './kvs/kvs-store';

/** Identity of the emulated installation, reported through `getAppContext()` and resolver contexts. */
export interface AppIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  installationId: string;
  cloudId: string;
  siteUrl: string;
  /** accountId the site records as author of asApp changes (how `ignoreSelf` recognises them). */
  appAccountId: string;
  scopes: string[];
}

/** The first argument the SDKs pass to `global.__forge_fetch__`. */
interface ForgeFetchMeta {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

type ForgeFetch = (meta: ForgeFetchMeta, path: string, init?: RequestInit) => Promise<Response>;

interface ForgeGlobals {
  __forge_fetch__?: ForgeFetch | undefined;
  __forge_runtime__?: unknown;
}

export interface TransportDeps extends JiraDispatchDeps {
  kvs: () => KvsStore;
  app: AppIdentity;
}

const METHODS = new Set<SiteRequest['method']>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/**
 * Install the Forge platform seams in this process: `global.__forge_fetch__` (every `requestJira` and
 * every `@forge/kvs` call) and `global.__forge_runtime__` (`getAppContext()`). Returns an uninstaller
 * that puts back whatever was there before.
 */
export function installForgeTransport(deps: TransportDeps): () => void {
  const g = globalThis as unknown as ForgeGlobals;
  const previousFetch = g.__forge_fetch__;
  const previousRuntime = g.__forge_runtime__;
  const forgeFetch: ForgeFetch = (meta, path, init) => handleForgeFetch(deps, meta, path, init);
  g.__forge_fetch__ = forgeFetch;
  g.__forge_runtime__ = createRuntimeGlobal(deps.app);
  return () => {
    if (g.__forge_fetch__ === forgeFetch) {
      g.__forge_fetch__ = previousFetch;
      g.__forge_runtime__ = previousRuntime;
    }
  };
}

async function handleForgeFetch(deps: TransportDeps, meta: ForgeFetchMeta, path: string, init: RequestInit | undefined): Promise<Response> {
  if (meta.type === 'kvs') return handleKvs(deps, path, init);
  if (meta.type === 'fpp' && meta.remote === 'jira') return handleJira(deps, meta, path, init);
  // Anything else (Confluence, GraphQL, remotes, egress) is outside this app: answer like the proxy does.
  return new Response(JSON.stringify({ message: `The emulator does not serve ${meta.type ?? '?'}:${meta.remote ?? '?'} ${path}` }), {
    status: 403,
    headers: { 'forge-proxy-error': 'PROXY_ERR', 'content-type': 'application/json' },
  });
}

async function handleKvs(deps: TransportDeps, path: string, init: RequestInit | undefined): Promise<Response> {
  const hit = deps.faults.take('kvs', 'POST', path);
  if (hit && hit.effect.kind !== 'latency') {
    const fault = faultResponse('kvs', hit.effect);
    return new Response(JSON.stringify(fault.body), { status: fault.status, headers: { ...fault.headers, 'content-type': 'application/json' } });
  }
  if (hit?.effect.kind === 'latency') await sleep(hit.effect.ms);
  let body: unknown;
  try {
    body = JSON.parse(await bodyText(init?.body));
  } catch {
    return new Response(JSON.stringify({ code: 'BAD_REQUEST', message: 'Request body is not JSON' }), { status: 400 });
  }
  const res = deps.kvs().handle(path, body);
  return new Response(res.body === undefined ? null : JSON.stringify(res.body), {
    status: res.status,
    headers: res.body === undefined ? {} : { 'content-type': 'application/json' },
  });
}

async function handleJira(deps: TransportDeps, meta: ForgeFetchMeta, path: string, init: RequestInit | undefined): Promise<Response> {
  let actor: Actor;
  if (meta.provider === 'user') {
    const accountId = meta.accountId ?? currentInvocation()?.accountId;
    if (accountId === undefined) {
      // What Forge does when asUser() runs where no user is present (a trigger, a scheduled function).
      return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
    }
    actor = { kind: 'user', accountId };
  } else {
    actor = { kind: 'app' };
  }
  const method = (init?.method ?? 'GET').toUpperCase() as SiteRequest['method'];
  if (!METHODS.has(method)) return jiraError(405, `Method ${method} is not allowed`);
  const text = await bodyText(init?.body);
  let body: unknown;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      return jiraError(400, 'Unexpected character in the request body: it must be JSON.');
    }
  }
  const res = await dispatchJira(deps, { method, path, actor, ...(body !== undefined ? { body } : {}) }, 'sdk');
  return toFetchResponse(res);
}

function jiraError(status: number, message: string): Response {
  return new Response(JSON.stringify({ errorMessages: [message], errors: {} }), { status, headers: { 'content-type': 'application/json' } });
}

async function bodyText(body: RequestInit['body'] | undefined): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new Response(body).text();
}

function createRuntimeGlobal(app: AppIdentity): unknown {
  const noopTimer = { measure: () => ({ stop: () => undefined }) };
  const metrics = { counter: () => ({ incr: () => undefined }), timing: () => noopTimer, gauge: () => ({ set: () => undefined }) };
  return {
    get appContext() {
      const invocation = currentInvocation();
      return {
        appId: app.appId,
        appVersion: app.appVersion,
        environmentId: app.environmentId,
        environmentType: app.environmentType,
        invocationId: invocation?.invocationId ?? randomUUID(),
        installationId: app.installationId,
        moduleKey: invocation?.moduleKey ?? '',
        license: undefined,
        installation: { ari: { installationId: app.installationId }, contexts: [{ cloudId: app.cloudId, siteUrl: app.siteUrl }] },
        permissions: { scopes: app.scopes, external: {} },
      };
    },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    metrics,
    proxy: { token: 'emulator', url: 'http://emulator.invalid' },
    tracing: { traceId: 'emulator', spanId: 'emulator' },
  };
}
