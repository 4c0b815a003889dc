import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';
import { Site, frameOf } from './support/site';
import { ensureUiBuilt } from './support/ui-build';

/** Evidence register in the issue panel of a security incident, on the local site in Chromium. */

let demo: DemoProcess;
let browser: Browser;
let site: Site;
let key: string;

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  ensureUiBuilt();
  process.env.E2E_NO_BUILD = '1';
  demo = await startDemoProcess();
  browser = await launchChromium();
  site = new Site(demo.url);
  const kindField = await site.fieldId('Incident kind');
  const res = await site.rest<{ key: string }>('POST', '/rest/api/3/issue', 'user-reporter', {
    fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary: 'E2E: phishing mail opened', [kindField]: { value: 'セキュリティインシデント / Security incident' } },
  });
  expect(res.status).toBe(201);
  key = res.body.key;
  await site.control('events/flush', {});
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('evidence register', () => {
  it('CSIRT adds a text item and a file hashed in the browser; both are listed with their SHA-256 and the chain verifies', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/browse/${key}?as=user-csirt&locale=en-US`);
    const panel = await frameOf(page, 'sla-panel', '[data-testid="evidence-register"]');
    expect(await panel.textContent('[data-testid="evidence-chain-status"]')).toBe('Chain verified (0 records)');

    const text = 'Received from phish@example.test at 09:12, link to hxxp://203.0.113.9/login';
    await panel.fill('[data-testid="evidence-add"] input:not([type])', 'Mail header');
    await panel.fill('[data-testid="evidence-add"] textarea', text);
    await panel.click('[data-testid="evidence-add"] button[type="submit"]');
    await panel.waitForSelector('[data-testid="evidence-items"] tr[data-item="ev-1"]', { timeout: 15_000 });
    const row = '[data-testid="evidence-items"] tr[data-item="ev-1"]';
    expect(await panel.getAttribute(`${row} code`, 'data-hash')).toBe(sha256(text));
    expect(await panel.textContent(`${row} code`)).toBe(`${sha256(text).slice(0, 12)}…${sha256(text).slice(-4)}`);
    // Who: the display name, read from Jira as the viewer.
    await panel.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Ken CSIRT') ?? false, row, { timeout: 15_000 });

    const bytes = Buffer.from('MZ\u0090\u0000 not really a binary');
    await panel.check('[data-testid="evidence-add"] input[type="radio"][value="file"]');
    await panel.setInputFiles('[data-testid="evidence-add"] input[type="file"]', { name: 'dropper.exe', mimeType: 'application/octet-stream', buffer: bytes });
    await panel.waitForSelector('[data-testid="evidence-file-hash"]');
    expect(await panel.textContent('[data-testid="evidence-file-hash"]')).toContain(sha256(bytes));
    await panel.click('[data-testid="evidence-add"] button[type="submit"]');
    await panel.waitForSelector('[data-testid="evidence-items"] tr[data-item="ev-2"]', { timeout: 15_000 });
    expect(await panel.getAttribute('[data-testid="evidence-items"] tr[data-item="ev-2"] code', 'data-hash')).toBe(sha256(bytes));
    expect(await panel.textContent('[data-testid="evidence-items"] tr[data-item="ev-2"]')).toContain('dropper.exe');
    expect(await panel.textContent('[data-testid="evidence-chain-status"]')).toMatch(/^Chain verified \(\d+ records\)$/);

    // Export for hand-over: a download of the whole register, and the export itself in the custody log.
    await panel.click('[data-testid="evidence-export"] button');
    await panel.waitForSelector('[data-testid="evidence-export-download"]', { timeout: 15_000 });
    const href = (await panel.getAttribute('[data-testid="evidence-export-download"]', 'href')) ?? '';
    const doc = JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1))) as { issueKey: string; records: unknown[]; verification: { status: string } };
    expect(doc).toMatchObject({ issueKey: key, verification: { status: 'verified' } });
    await panel.waitForFunction(() => document.querySelector('[data-testid="evidence-custody"]')?.textContent?.includes('exported the register') ?? false, undefined, { timeout: 15_000 });
    await page.close();
  });

  it('after the incident is resolved the register is shown locked, in Japanese, without the add form', async () => {
    const transitions = await site.rest<{ transitions: { id: string; name: string }[] }>('GET', `/rest/api/3/issue/${key}/transitions`, 'user-csirt');
    const resolve = transitions.body.transitions.find((t) => t.name === 'Resolve');
    expect(resolve).toBeDefined();
    const moved = await site.rest('POST', `/rest/api/3/issue/${key}/transitions`, 'user-csirt', { transition: { id: resolve?.id } });
    expect(moved.status).toBe(204);
    await site.control('events/flush', {});
    const page = await browser.newPage();
    await page.goto(`${demo.url}/browse/${key}?as=user-csirt&locale=ja-JP`);
    const panel = await frameOf(page, 'sla-panel', '[data-testid="evidence-locked"]');
    expect(await panel.textContent('[data-testid="evidence-locked"]')).toContain('ロックされています');
    expect(await panel.locator('[data-testid="evidence-add"]').count()).toBe(0);
    expect(await panel.locator('[data-testid="evidence-items"] tr[data-item]').count()).toBe(2);
    await page.close();
  });
});
