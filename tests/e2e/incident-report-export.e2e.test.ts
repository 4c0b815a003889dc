import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';
import { Site, frameOf } from './support/site';
import { ensureUiBuilt } from './support/ui-build';

/** Incident report export in the issue panel, on the local site in Chromium: number, missing fields, Markdown, comment. */

let demo: DemoProcess;
let browser: Browser;
let site: Site;
let key: string;

const IMPACT_SCOPE = 'E2E: every branch office loses VPN access';
const NUMBER = /^INC-\d{8}-\d{3,4}$/;

beforeAll(async () => {
  ensureUiBuilt();
  process.env.E2E_NO_BUILD = '1';
  demo = await startDemoProcess();
  browser = await launchChromium();
  site = new Site(demo.url);
  const scopeField = await site.fieldId('Impact scope');
  const res = await site.rest<{ key: string }>('POST', '/rest/api/3/issue', 'user-reporter', {
    fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary: 'E2E: VPN concentrator down', [scopeField]: IMPACT_SCOPE },
  });
  expect(res.status).toBe(201);
  key = res.body.key;
  // Deliver the created event: the app gives the incident its 管理番号.
  await site.control('events/flush', {});
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('incident report export', () => {
  it('shows the number and the missing fields, downloads the Markdown, and posts the report as a comment', async () => {
    const stored = await site.rest<{ value: { number: string } }>('GET', `/rest/api/3/issue/${key}/properties/incident-desk-number`, 'user-admin');
    expect(stored.status).toBe(200);
    const number = stored.body.value.number;
    expect(number).toMatch(NUMBER);

    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${demo.url}/browse/${key}?as=user-agent&locale=en-US`);
    const panel = await frameOf(page, 'sla-panel', '[data-testid="incident-report-number"]');
    expect(await panel.textContent('[data-testid="incident-report-number"]')).toBe(number);

    // Before export: what is missing, by field, in the viewer's language.
    const missing = await panel.$$eval('[data-testid="incident-report-missing"] li', (lis) => lis.map((li) => li.getAttribute('data-field')));
    expect(missing).toEqual(expect.arrayContaining(['occurredAt', 'recoveredAt', 'directCause', 'rootCause', 'workaround', 'permanentFixes']));
    expect(missing).not.toContain('impactScope');
    expect(await panel.textContent('[data-testid="incident-report-missing"]')).toContain('Root cause: missing');

    const [download] = await Promise.all([page.waitForEvent('download'), panel.click('button:has-text("Download Markdown")')]);
    expect(download.suggestedFilename()).toBe(`${number}_${key}.md`);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown.split('\n')[0]).toBe(`# Incident report ${number}`);
    expect(markdown).toContain(`| Incident number | ${number} |`);
    expect(markdown).toContain(`| Issue key | ${key} |`);
    expect(markdown).toContain('| Reporter | Carol Reporter |');
    expect(markdown).toContain('## Impact scope');
    expect(markdown).toContain(IMPACT_SCOPE);
    expect(markdown).toContain('## Root cause');
    expect(markdown).toContain('*(not provided)*');

    // Printable page: a new tab where popups are allowed (the local site) ...
    const [popup] = await Promise.all([page.waitForEvent('popup'), panel.click('button:has-text("Open printable page")')]);
    await popup.waitForLoadState('load');
    expect(await popup.textContent('h1')).toBe(`Incident report ${number}`);
    expect(await popup.locator('button', { hasText: 'Print / save as PDF' }).count()).toBe(1);
    await popup.emulateMedia({ media: 'print' });
    expect(await popup.locator('.incident-desk-toolbar').isVisible()).toBe(false);
    await popup.close();
    // ... and, where the iframe may not open popups (Forge's sandbox has no allow-popups), the same page as a download.
    await panel.evaluate(() => {
      window.open = () => null;
    });
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), panel.click('button:has-text("Open printable page")')]);
    expect(htmlDownload.suggestedFilename()).toBe(`${number}_${key}.html`);
    const printable = readFileSync(await htmlDownload.path(), 'utf8');
    expect(printable).toContain('onclick="window.print()"');
    expect(printable).toContain('@media print');
    expect(printable).toContain(IMPACT_SCOPE);
    await panel.waitForSelector('p[role="status"]:has-text("downloaded instead")');

    // Japanese report (the panel itself stays in the viewer's language): re-rendered by the resolver.
    await panel.check('[data-testid="incident-report"] input[value="ja"]');
    await panel.waitForSelector('[data-testid="incident-report-body"][data-locale="ja"]', { timeout: 15_000 });
    const [jaDownload] = await Promise.all([page.waitForEvent('download'), panel.click('button:has-text("Download Markdown")')]);
    const jaMarkdown = readFileSync(await jaDownload.path(), 'utf8');
    expect(jaMarkdown.split('\n')[0]).toBe(`# インシデント報告書 ${number}`);
    expect(jaMarkdown).toContain(`| 管理番号 | ${number} |`);
    expect(jaMarkdown).toContain('## 根本原因');

    // Posting with missing fields asks first; "Post anyway" posts the Japanese report as the agent.
    await panel.click('button:has-text("Post as comment")');
    await panel.waitForSelector('[role="alertdialog"]');
    await panel.click('[role="alertdialog"] button:has-text("Post anyway")');
    await panel.waitForSelector('[data-testid="incident-report-posted"]', { timeout: 15_000 });

    const comments = await site.rest<{ comments: { author: { accountId: string }; body: unknown }[] }>('GET', `/rest/api/3/issue/${key}/comment`, 'user-admin');
    const report = comments.body.comments.find((c) => JSON.stringify(c.body).includes(`インシデント報告書 ${number}`));
    expect(report?.author.accountId).toBe('user-agent');
    const body = JSON.stringify(report?.body);
    expect(body).toContain('"type":"table"');
    expect(body).toContain('影響範囲');
    expect(body).toContain(IMPACT_SCOPE);
    await page.close();
  });
});
