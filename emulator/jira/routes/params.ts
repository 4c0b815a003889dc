import { fail } from '../errors';

export function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A request body that must be a JSON object. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) fail(400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

export function intParam(q: URLSearchParams, name: string, fallback: number, opts: { min?: number; max?: number } = {}): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) fail(400, `The '${name}' parameter must be an integer.`);
  if (opts.min !== undefined && n < opts.min) fail(400, `The '${name}' parameter must be at least ${String(opts.min)}.`);
  return opts.max !== undefined ? Math.min(n, opts.max) : n;
}

export function boolParam(q: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = q.get(name);
  if (raw === null || raw === '') return fallback;
  return raw.toLowerCase() === 'true';
}

/** Repeated or comma-separated list parameter (`fields=a,b&fields=c`). */
export function listParam(q: URLSearchParams, name: string): string[] {
  return q
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function stringList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (Array.isArray(v)) return v.map(String);
  return undefined;
}

/** A start/max page over an array, in Jira's PageBean shape. */
export function pageBean<T>(self: string, all: readonly T[], startAt: number, maxResults: number) {
  const values = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= all.length;
  return {
    self,
    ...(isLast ? {} : { nextPage: `${self.split('?')[0] ?? self}?startAt=${String(startAt + values.length)}&maxResults=${String(maxResults)}` }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values,
  };
}
