import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';

let demo: DemoProcess;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemoProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function frameOf(page: Page, moduleKey: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe.forge-frame[data-module-key="${moduleKey}"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`iframe ${moduleKey} has no frame`);
  await frame.waitForLoadState('load');
  return frame;
}

interface BridgeWindow {
  __bridge: { callBridge: (method: string, payload?: unknown) => Promise<unknown> };
}

describe('npm run demo in headless Chromium', () => {
  it('serves the issue view with the SLA panel frame, whose bridge reports the issue and reaches the resolver', async () => {
    const issueUrl = demo.links.get('Issue view (agent)');
    expect(issueUrl, demo.output()).toBeDefined();
    const issueKey = /\/browse\/([A-Z]+-\d+)/.exec(issueUrl!)?.[1];
    const page = await browser.newPage();
    const response = await page.goto(issueUrl!);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('[data-testid="issue-key"]')).toBe(issueKey);

    const panel = await frameOf(page, 'sla-panel');
    // The shim is the first thing in the frame's <head>, before the app bundle.
    const firstHeadScript = await panel.evaluate(() => document.head.firstElementChild?.hasAttribute('data-forge-emulator-bridge') ?? false);
    expect(firstHeadScript).toBe(true);
    const context = (await panel.evaluate(() => (window as unknown as BridgeWindow).__bridge.callBridge('getContext'))) as {
      accountId: string;
      moduleKey: string;
      extension: { type: string; issue: { key: string } };
    };
    expect(context).toMatchObject({ accountId: 'user-agent', moduleKey: 'sla-panel', extension: { type: 'jira:issuePanel', issue: { key: issueKey } } });
    const ping = await panel.evaluate(() => (window as unknown as BridgeWindow).__bridge.callBridge('invoke', { functionKey: 'app/ping', payload: {} }));
    expect(ping).toMatchObject({ ok: true });
    // Whatever the frame shows (the built app or the placeholder), it rendered something.
    await panel.waitForFunction(() => (document.body.innerText || '').trim().length > 0);

    await frameOf(page, 'sla-badge');
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/e2e-issue-view.png', fullPage: true });
    await page.close();
  });

  it('hides the issue from an outsider and shows project settings to the admin', async () => {
    const page = await browser.newPage();
    const outsider = await page.goto(demo.links.get('As an outsider (sees nothing)')!);
    expect(outsider?.status()).toBe(404);
    expect(await page.locator('iframe.forge-frame').count()).toBe(0);

    const settings = await page.goto(demo.links.get('Project settings (admin)')!);
    expect(settings?.status()).toBe(200);
    const frame = await frameOf(page, 'settings');
    const context = (await frame.evaluate(() => (window as unknown as BridgeWindow).__bridge.callBridge('getContext'))) as { accountId: string; extension: { type: string } };
    expect(context).toMatchObject({ accountId: 'user-admin', extension: { type: 'jira:projectSettingsPage' } });
    await page.close();
  });
});
