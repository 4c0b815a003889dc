import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { Actor, SiteRequest } from '../../jira/site-contract';
import { DeliveryOptionsSchema } from '../event-delivery';
import { FaultRuleInputSchema } from '../faults';
import type { ForgeRuntime } from '../forge-runtime';
import { dispatchJira } from '../jira-dispatch';
import { REPO_ROOT } from '../manifest';
import { UiContextInputSchema } from '../ui-context';
import { decodeFrameToken, fileInResource, injectShim, isBuilt, placeholderPage, resourceDir, shimConfig } from './frames';
import { homePage, issuePage, projectAppPage, projectIssuesPage, projectSettingsPage, type PageResult, type Viewer } from './pages';

export interface EmulatorServerOptions {
  /** Port to listen on; 0 picks a free one. If the port is busy, a free one is used instead. */
  port?: number;
  host?: string;
  /** Called by `POST /__emulator/reset` with `{"seed": true}` after the runtime is reset. */
  seed?: (runtime: ForgeRuntime) => Promise<unknown>;
  /** The acting user of pages when no ?as= or cookie says otherwise. */
  defaultUser?: string;
}

export interface EmulatorServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** One entry of what Custom UI frames did through the bridge (flags, navigation, submit), for tests. */
export interface UiLogEntry {
  at: number;
  method: string;
  frame: { moduleKey?: string | undefined; accountId?: string | undefined };
  payload: unknown;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly name2 = 'Error',
  ) {
    super(message);
  }
}

/**
 * The local Jira site over HTTP: Jira-like pages hosting the Custom UI frames, the frames' bridge,
 * Jira REST under its real paths, and the `/__emulator/*` control API.
 */
export async function startEmulatorServer(runtime: ForgeRuntime, options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const uiLog: UiLogEntry[] = [];
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(runtime, options, uiLog, req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : err instanceof z.ZodError ? 400 : 500;
      const message = err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err);
      if (status === 500) console.error('[emulator] request failed', req.method, req.url, err);
      if (!res.headersSent) sendJson(res, status, { error: { name: err instanceof Error ? err.name : 'Error', message } });
      else res.end();
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return {
    url,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      if (err.code === 'EADDRINUSE' && port !== 0) {
        console.warn(`[emulator] port ${port} is busy; using a free port instead`);
        server.listen(0, host);
        return;
      }
      reject(err);
    };
    server.on('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
    server.listen(port, host);
  });
}

async function handle(runtime: ForgeRuntime, options: EmulatorServerOptions, uiLog: UiLogEntry[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const method = (req.method ?? 'GET').toUpperCase();
  const p = url.pathname;

  if (p.startsWith('/rest/')) return restPassthrough(runtime, req, res, method, `${p}${url.search}`);
  if (p === '/__emulator/bridge' && method === 'POST') return bridge(runtime, uiLog, req, res);
  if (p.startsWith('/__emulator/')) return control(runtime, options, uiLog, req, res, method, url);
  if (p.startsWith('/static/')) return serveStatic(runtime, res, url);
  if (p === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (method !== 'GET') throw new HttpError(405, `${method} is not allowed on ${p}`);

  const viewer = viewerOf(req, url, res, options.defaultUser ?? 'user-agent');
  const route = p.replace(/\/+$/, '') || '/';
  let m: RegExpExecArray | null;
  let page: PageResult | undefined;
  if (route === '/' || route === '/projects') page = await homePage(runtime, viewer, route);
  else if ((m = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/i.exec(route))) page = await issuePage(runtime, viewer, m[1]!.toUpperCase(), route);
  else if ((m = /^\/projects\/([^/]+)\/settings\/apps\/incident-desk(?:\/([\w-]+))?$/.exec(route))) page = await projectSettingsPage(runtime, viewer, m[1]!, m[2], route);
  else if ((m = /^\/projects\/([^/]+)\/apps\/incident-desk$/.exec(route))) page = await projectAppPage(runtime, viewer, m[1]!, route);
  else if ((m = /^\/projects\/([^/]+)(?:\/issues)?$/.exec(route))) page = await projectIssuesPage(runtime, viewer, m[1]!, route);
  if (!page) throw new HttpError(404, `No page at ${p}`);
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page.html);
}

// ------------------------------------------------------------------ viewer (acting user, locale)

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out[k] = decodeURIComponent(v.join('='));
  }
  return out;
}

function viewerOf(req: IncomingMessage, url: URL, res: ServerResponse, defaultUser: string): Viewer {
  const jar = cookies(req);
  const set: string[] = [];
  let user = jar['emulator-user'] ?? defaultUser;
  const as = url.searchParams.get('as');
  if (as !== null) {
    user = as === '' ? 'anonymous' : as;
    set.push(`emulator-user=${encodeURIComponent(user)}; Path=/; SameSite=Lax`);
  }
  let locale = jar['emulator-locale'] ?? 'en-US';
  const loc = url.searchParams.get('locale');
  if (loc !== null && /^[a-z]{2}-[A-Z]{2}$/.test(loc)) {
    locale = loc;
    set.push(`emulator-locale=${encodeURIComponent(loc)}; Path=/; SameSite=Lax`);
  }
  const theme = url.searchParams.get('theme') === 'dark' || (url.searchParams.get('theme') === null && jar['emulator-theme'] === 'dark') ? 'dark' : 'light';
  if (url.searchParams.get('theme') !== null) set.push(`emulator-theme=${theme}; Path=/; SameSite=Lax`);
  if (set.length > 0) res.setHeader('set-cookie', set);
  return { ...(user !== 'anonymous' ? { accountId: user } : {}), locale, colorMode: theme };
}

// ------------------------------------------------------------------ REST passthrough

function actorFromHeaders(req: IncomingMessage): Actor {
  const header = req.headers['x-emulator-user'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader !== undefined && fromHeader !== '' && fromHeader !== 'app') return { kind: 'user', accountId: fromHeader };
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const user = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0];
    if (user) return { kind: 'user', accountId: user };
  }
  return { kind: 'app' };
}

async function restPassthrough(runtime: ForgeRuntime, req: IncomingMessage, res: ServerResponse, method: string, pathWithQuery: string): Promise<void> {
  if (!['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(method)) throw new HttpError(405, `Method ${method} is not allowed`);
  const text = await readBody(req);
  let body: unknown;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      sendJson(res, 400, { errorMessages: ['Unexpected character in the request body: it must be JSON.'], errors: {} });
      return;
    }
  }
  const out = await dispatchJira(
    { site: () => runtime.site, faults: runtime.faults, clock: runtime.clock, calls: runtime.jiraCalls },
    { method: method as SiteRequest['method'], path: pathWithQuery, actor: actorFromHeaders(req), ...(body !== undefined ? { body } : {}) },
    'http',
  );
  const headers: Record<string, string> = { ...(out.headers ?? {}) };
  if (out.body === undefined || out.status === 204) {
    res.writeHead(out.status, headers);
    res.end();
    return;
  }
  res.writeHead(out.status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(out.body));
}

// ------------------------------------------------------------------ bridge (Custom UI frames)

const BridgeCallSchema = z.object({ frame: z.string().min(1), method: z.string().min(1), payload: z.unknown() });
const InvokePayloadSchema = z.object({ functionKey: z.string().min(1), payload: z.unknown().optional() });
const FetchProductSchema = z.object({
  product: z.string(),
  restPath: z.string().startsWith('/'),
  fetchRequestInit: z.object({ method: z.string().optional(), body: z.string().nullish() }).loose().optional(),
});

async function bridge(runtime: ForgeRuntime, uiLog: UiLogEntry[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const call = BridgeCallSchema.parse(JSON.parse(await readBody(req)));
  let input;
  try {
    input = decodeFrameToken(call.frame);
  } catch {
    throw new HttpError(400, 'The frame token is not valid');
  }
  const log = (payload: unknown): void => {
    uiLog.push({ at: runtime.clock.now(), method: call.method, frame: { moduleKey: input.moduleKey, accountId: input.accountId }, payload });
    if (uiLog.length > 1000) uiLog.splice(0, uiLog.length - 1000);
  };
  switch (call.method) {
    case 'getContext':
      return sendJson(res, 200, { result: runtime.uiContext(input) });
    case 'invoke': {
      const { functionKey, payload } = InvokePayloadSchema.parse(call.payload);
      try {
        const result = await runtime.invoke({ functionKey, payload, context: input });
        return sendJson(res, 200, { result: result ?? null });
      } catch (err) {
        // Forge answers a failed resolver with a generic error in the frame; the details go to the logs.
        const e = err instanceof Error ? err : new Error(String(err));
        log({ functionKey, error: { name: e.name, message: e.message } });
        return sendJson(res, 500, { error: { name: e.name, message: e.message } });
      }
    }
    case 'fetchProduct': {
      const fp = FetchProductSchema.parse(call.payload);
      if (fp.product !== 'jira') throw new HttpError(400, `The emulator only serves Jira, not ${fp.product}`);
      if (input.accountId === undefined) return sendJson(res, 200, { result: { status: 401, statusText: 'Unauthorized', headers: {}, body: '', isAttachment: false } });
      const text = fp.fetchRequestInit?.body ?? '';
      let body: unknown;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 200, { result: { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorMessages: ['Request body must be JSON'], errors: {} }), isAttachment: false } });
        }
      }
      const out = await dispatchJira(
        { site: () => runtime.site, faults: runtime.faults, clock: runtime.clock, calls: runtime.jiraCalls },
        {
          method: (fp.fetchRequestInit?.method ?? 'GET').toUpperCase() as SiteRequest['method'],
          path: fp.restPath,
          actor: { kind: 'user', accountId: input.accountId },
          ...(body !== undefined ? { body } : {}),
        },
        'bridge',
      );
      return sendJson(res, 200, {
        result: {
          status: out.status,
          statusText: '',
          headers: { ...(out.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(out.headers ?? {}) },
          body: out.body === undefined ? '' : JSON.stringify(out.body),
          isAttachment: false,
        },
      });
    }
    case 'submit':
      log(call.payload);
      return sendJson(res, 200, { result: true });
    case 'record':
      log(call.payload);
      return sendJson(res, 200, { result: null });
    default:
      throw new HttpError(400, `Bridge method ${call.method} is not handled by the server`);
  }
}

// ------------------------------------------------------------------ static frames

function serveStatic(runtime: ForgeRuntime, res: ServerResponse, url: URL): void {
  const m = /^\/static\/([^/]+)\/(.*)$/.exec(url.pathname);
  if (!m) throw new HttpError(404, 'No such resource');
  const resourceKey = decodeURIComponent(m[1]!);
  const rest = m[2] === '' ? 'index.html' : decodeURIComponent(m[2]!);
  const dir = resourceDir(runtime.manifest, resourceKey);
  if (dir === undefined) throw new HttpError(404, `No resource "${resourceKey}" in manifest.yml`);

  if (rest.startsWith('__LOCALES__/')) return serveLocales(runtime, res, rest.slice('__LOCALES__/'.length));

  if (rest === 'index.html') {
    const token = url.searchParams.get('frame');
    let html = isBuilt(runtime.manifest, resourceKey)
      ? readFileSync(path.join(dir, 'index.html'), 'utf8')
      : placeholderPage(resourceKey, runtime.manifest.resources.get(resourceKey));
    if (token !== null) {
      let input;
      try {
        input = decodeFrameToken(token);
      } catch {
        throw new HttpError(400, 'The frame token is not valid');
      }
      html = injectShim(html, shimConfig(token, input));
    }
    res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' });
    res.end(html);
    return;
  }
  const file = fileInResource(dir, rest);
  if (file === undefined) throw new HttpError(404, `No file ${rest} in resource ${resourceKey}`);
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

function serveLocales(runtime: ForgeRuntime, res: ServerResponse, name: string): void {
  const translations = runtime.manifest.translations;
  if (name === 'i18n-info.json') {
    return sendJson(res, 200, { config: { locales: [...translations.keys()], fallback: { default: runtime.manifest.fallbackLocale } } });
  }
  const locale = name.replace(/\.json$/, '');
  const file = translations.get(locale);
  if (file === undefined) throw new HttpError(404, `No translations for ${locale}`);
  res.writeHead(200, { 'content-type': MIME['.json']! });
  res.end(readFileSync(path.join(REPO_ROOT, file)));
}

// ------------------------------------------------------------------ control API

const ClockSchema = z.union([
  z.object({ now: z.string().min(1), silent: z.boolean().optional() }),
  z.object({ advanceMinutes: z.number().min(0) }),
  z.object({ running: z.boolean() }),
]);
const InvokeSchema = z.object({ functionKey: z.string().min(1), payload: z.unknown().optional(), context: UiContextInputSchema.partial().optional() });
const TickSchema = z.object({ key: z.string().optional() }).optional();
const ResetSchema = z.object({ seed: z.boolean().optional() }).optional();
const LifecycleSchema = z.object({ kind: z.enum(['installed', 'upgraded']).default('installed'), installerAccountId: z.string().optional() }).optional();

async function control(
  runtime: ForgeRuntime,
  options: EmulatorServerOptions,
  uiLog: UiLogEntry[],
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  url: URL,
): Promise<void> {
  const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
  const json = async (): Promise<unknown> => {
    const text = await readBody(req);
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'The request body must be JSON');
    }
  };
  const state = () => ({
    now: new Date(runtime.clock.now()).toISOString(),
    running: runtime.clock.isRunning(),
    delivery: runtime.events.currentOptions(),
    pendingEvents: runtime.events.pending().length,
    faults: runtime.faults.describe(),
  });
  switch (route) {
    case 'GET /__emulator/state':
      return sendJson(res, 200, state());
    case 'POST /__emulator/clock': {
      const body = ClockSchema.parse(await json());
      if ('advanceMinutes' in body) await runtime.advanceMinutes(body.advanceMinutes);
      else if ('running' in body) runtime.clock.setRunning(body.running);
      else if (body.silent === true) runtime.setClockSilently(body.now);
      else await runtime.advanceTo(body.now);
      return sendJson(res, 200, state());
    }
    case 'POST /__emulator/invoke': {
      const body = InvokeSchema.parse(await json());
      try {
        const result = await runtime.invoke({ functionKey: body.functionKey, payload: body.payload, context: body.context ?? {} });
        return sendJson(res, 200, { result: result ?? null });
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        return sendJson(res, 500, { error: { name: e.name, message: e.message } });
      }
    }
    case 'GET /__emulator/faults':
      return sendJson(res, 200, { faults: runtime.faults.describe() });
    case 'POST /__emulator/faults': {
      const body = await json();
      const rules = Array.isArray(body) ? body : [body];
      const added = rules.map((r) => runtime.faults.add(FaultRuleInputSchema.parse(r)).id);
      return sendJson(res, 200, { added, faults: runtime.faults.describe() });
    }
    case 'DELETE /__emulator/faults':
      runtime.faults.clear();
      return sendJson(res, 200, { faults: [] });
    case 'GET /__emulator/events': {
      const since = Number(url.searchParams.get('since') ?? '0');
      return sendJson(res, 200, {
        emitted: runtime.emitted.filter((e) => e.seq > since),
        deliveries: runtime.deliveries.filter((d) => (d.seq ?? Number.MAX_SAFE_INTEGER) > since || d.seq === undefined),
        pending: runtime.events.pending(),
        delivery: runtime.events.currentOptions(),
      });
    }
    case 'POST /__emulator/events/delivery':
      return sendJson(res, 200, { delivery: runtime.configureDelivery(DeliveryOptionsSchema.partial().parse((await json()) ?? {})) });
    case 'POST /__emulator/events/flush':
      await runtime.settle();
      return sendJson(res, 200, { pending: runtime.events.pending().length });
    case 'POST /__emulator/tick': {
      const body = TickSchema.parse(await json());
      return sendJson(res, 200, { deliveries: await runtime.tick(body?.key) });
    }
    case 'POST /__emulator/lifecycle': {
      const body = LifecycleSchema.parse(await json());
      return sendJson(res, 200, { deliveries: await runtime.lifecycle(body?.kind ?? 'installed', body?.installerAccountId) });
    }
    case 'POST /__emulator/reset': {
      const body = ResetSchema.parse(await json());
      await runtime.reset();
      uiLog.length = 0;
      let seeded: unknown = null;
      if (body?.seed === true) {
        if (!options.seed) throw new HttpError(400, 'This server was started without a seed function');
        seeded = await options.seed(runtime);
      }
      return sendJson(res, 200, { ...state(), seeded });
    }
    case 'GET /__emulator/kvs':
      return sendJson(res, 200, runtime.kvs.dump());
    case 'GET /__emulator/jira-calls':
      return sendJson(res, 200, { calls: runtime.jiraCalls });
    case 'GET /__emulator/ui-log':
      return sendJson(res, 200, { entries: uiLog });
    default:
      throw new HttpError(404, `No control endpoint ${route}`);
  }
}

// ------------------------------------------------------------------ helpers

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 10 * 1024 * 1024) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
