import type { Frame, Page } from 'playwright-core';

/** The emulator's control API and Jira REST, as the tests drive them (`X-Emulator-User` picks the actor). */
export class Site {
  constructor(readonly url: string) {}

  async control<T = unknown>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/__emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${path}: ${String(res.status)} ${JSON.stringify(json)}`);
    return json;
  }

  async rest<T = unknown>(method: string, path: string, as: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'X-Emulator-User': as },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  now(): Promise<{ now: string }> {
    return this.control('state');
  }

  /** Moves the clock forward, firing scheduled triggers and due events on the way. */
  advanceMinutes(minutes: number): Promise<unknown> {
    return this.control('clock', { advanceMinutes: minutes });
  }

  /** Sets the clock with no side effects (used once, before a test creates its incidents). */
  setClock(now: string): Promise<unknown> {
    return this.control('clock', { now, silent: true });
  }

  /** Calls a resolver as a user, from a module, as a frame would. */
  async invoke<T = unknown>(functionKey: string, payload: unknown, context: Record<string, unknown>): Promise<T> {
    const res = await this.control<{ result: T }>('invoke', { functionKey, payload, context });
    return res.result;
  }

  /** A custom field's id by its name (setup's Impact / Urgency / Incident kind). */
  async fieldId(name: string): Promise<string> {
    const res = await this.rest<{ id: string; name: string; custom: boolean }[]>('GET', '/rest/api/3/field', 'user-admin');
    const field = res.body.find((f) => f.custom && f.name === name);
    if (!field) throw new Error(`no custom field named ${name}: ${res.body.map((f) => f.name).join(', ')}`);
    return field.id;
  }
}

/** The content frame of a Forge module on the host page, once its app has rendered. */
export async function frameOf(page: Page, moduleKey: string, readySelector?: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe.forge-frame[data-module-key="${moduleKey}"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`iframe ${moduleKey} has no frame`);
  await frame.waitForLoadState('load');
  if (readySelector !== undefined) await frame.waitForSelector(readySelector, { timeout: 30_000 });
  return frame;
}
