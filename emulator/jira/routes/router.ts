import type { SiteCore } from '../core';
import type { SearchEngine } from '../jql/search';
import type { Actor, SiteRequest, SiteResponse } from '../site-contract';

export interface RouteContext {
  core: SiteCore;
  search: SearchEngine;
  actor: Actor;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export type Handler = (ctx: RouteContext) => SiteResponse;
export type Method = SiteRequest['method'];

export interface Route {
  method: Method;
  pattern: string;
  handler: Handler;
}

interface Compiled extends Route {
  regex: RegExp;
  names: string[];
}

export const json = (status: number, body: unknown): SiteResponse => ({ status, headers: { 'content-type': 'application/json' }, body });
export const noContent = (): SiteResponse => ({ status: 204 });

/** Path-pattern router: `{name}` matches one segment. Literal routes win over parametrised ones. */
export class Router {
  private routes: Compiled[] = [];

  add(routes: readonly Route[]): this {
    for (const r of routes) {
      const names: string[] = [];
      const source = r.pattern
        .split('/')
        .map((seg) => {
          const m = /^\{(\w+)\}$/.exec(seg);
          if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(m[1] ?? '');
          return '([^/]+)';
        })
        .join('/');
      this.routes.push({ ...r, regex: new RegExp(`^${source}/?$`), names });
    }
    // Fewer parameters first, so /issuetype/project beats /issuetype/{id}.
    this.routes.sort((a, b) => a.names.length - b.names.length);
    return this;
  }

  match(method: Method, path: string): { handler: Handler; params: Record<string, string> } | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { handler: r.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}
