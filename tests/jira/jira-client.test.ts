import { route } from '@forge/api';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { JiraApiError } from '../../src/app/ports/jira-error';
import { JiraClient, type JiraFetch, type JiraRequestInit } from '../../src/jira/jira-client';

/** A scripted transport (the client's injected seam, not a module mock): answers in order, records requests. */
function scripted(answers: ({ status: number; body?: unknown; headers?: Record<string, string> } | Error)[]) {
  const requests: { path: string; init: JiraRequestInit }[] = [];
  const fetch: JiraFetch = (r, init) => {
    requests.push({ path: r.value, init });
    const next = answers.shift();
    if (next === undefined) return Promise.reject(new Error('no more answers'));
    if (next instanceof Error) return Promise.reject(next);
    const text = next.body === undefined ? '' : JSON.stringify(next.body);
    return Promise.resolve({ status: next.status, headers: { get: (n: string) => next.headers?.[n] ?? null }, text: () => Promise.resolve(text) });
  };
  return { fetch, requests };
}

function client(answers: Parameters<typeof scripted>[0], extra: { maxTotalDelayMs?: number } = {}) {
  const s = scripted(answers);
  const sleeps: number[] = [];
  const calls: number[] = [];
  const c = new JiraClient({
    fetch: s.fetch,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 1,
    onCall: (r) => calls.push(r.status),
    ...(extra.maxTotalDelayMs === undefined ? {} : { retry: { maxTotalDelayMs: extra.maxTotalDelayMs } }),
  });
  return { c, sleeps, calls, requests: s.requests };
}

const Thing = z.object({ id: z.string() });

describe('Jira client', () => {
  it('parses a 2xx body with the schema and sends JSON', async () => {
    const { c, requests } = client([{ status: 201, body: { id: '7', extra: true } }]);
    const r = await c.send('POST', route`/rest/api/3/issue/${'INC-1'}/comment`, { body: { a: 1 }, schema: Thing });
    expect(r).toEqual({ id: '7' });
    expect(requests[0]?.init).toEqual({ method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{"a":1}' });
  });

  it('turns a 400 into a JiraApiError with errorMessages and errors, without retrying', async () => {
    const { c, calls } = client([{ status: 400, body: { errorMessages: ['Bad JQL'], errors: { jql: 'unexpected token' } } }]);
    const error = await c.get(route`/rest/api/3/field`, Thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraApiError);
    expect(error).toMatchObject({ status: 400, kind: 'bad-request', errorMessages: ['Bad JQL'], errors: { jql: 'unexpected token' }, attempts: 1, transient: false });
    expect(calls).toEqual([400]);
  });

  it('answers null for statuses the caller expects (404 for a missing property)', async () => {
    const { c } = client([{ status: 404, body: { errorMessages: ['nope'] } }]);
    expect(await c.get(route`/rest/api/3/issue/${'1'}/properties/${'x'}`, Thing, { nullOn: [404] })).toBeNull();
  });

  it('retries 429 with Retry-After and 5xx with backoff, then gives up as rate-limited', async () => {
    const { c, sleeps, calls } = client([
      { status: 429, headers: { 'Retry-After': '4' } },
      { status: 503 },
      { status: 429 },
      { status: 429 },
      { status: 429, body: { errorMessages: ['Rate limit exceeded'] } },
    ]);
    const error = await c.get(route`/rest/api/3/myself`, Thing).catch((e: unknown) => e);
    expect(sleeps).toEqual([4000, 1000, 2000, 4000]);
    expect(calls).toEqual([429, 503, 429, 429, 429]);
    expect(error).toMatchObject({ kind: 'rate-limited', attempts: 5, transient: true, errorMessages: ['Rate limit exceeded'] });
  });

  it('stops retrying when the total wait would exceed its budget', async () => {
    const { c, sleeps } = client([{ status: 429, headers: { 'Retry-After': '8' } }, { status: 429, headers: { 'Retry-After': '8' } }, { status: 200, body: { id: '1' } }], { maxTotalDelayMs: 10_000 });
    await expect(c.get(route`/rest/api/3/myself`, Thing)).rejects.toMatchObject({ status: 429, attempts: 2 });
    expect(sleeps).toEqual([8000]);
  });

  it('does not repeat a creating POST after a 500, but does for an idempotent one', async () => {
    const a = client([{ status: 500 }]);
    await expect(a.c.send('POST', route`/rest/api/3/issueLink`, { body: {} })).rejects.toMatchObject({ kind: 'server', attempts: 1 });
    const b = client([{ status: 500 }, { status: 200, body: { id: 'x' } }]);
    expect(await b.c.send('POST', route`/rest/api/3/search/jql`, { body: {}, schema: Thing, idempotent: true })).toEqual({ id: 'x' });
  });

  it('retries network failures of reads, and reports a 2xx body of the wrong shape', async () => {
    const n = client([new Error('socket hang up'), { status: 200, body: { id: '1' } }]);
    expect(await n.c.get(route`/rest/api/3/myself`, Thing)).toEqual({ id: '1' });
    expect(n.calls).toEqual([0, 200]);
    const bad = client([{ status: 200, body: { id: 5 } }]);
    await expect(bad.c.get(route`/rest/api/3/myself`, Thing)).rejects.toMatchObject({ kind: 'unexpected-response', errors: { id: expect.any(String) as unknown } });
  });

  it('keeps the route tag real: a path segment cannot smuggle a query or traverse', () => {
    expect(() => route`/rest/api/3/issue/${'INC-1?expand=x'}`).toThrow(/path manipulation/);
    expect(() => route`/rest/api/3/issue/${'../myself'}`).toThrow(/path manipulation/);
  });
});
