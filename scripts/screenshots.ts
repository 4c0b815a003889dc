/**
 * Writes a screenshot of every Custom UI page, as it looks on the local Jira site, to screenshots/
 * (gitignored), so a reviewer can look at them: the issue view (SLA panel, badge, priority field,
 * intake helpers) in English and Japanese and in dark mode, the priority editor, every settings
 * sub-page, and the reports page.
 *
 *   npm run screenshots
 *
 * Builds the UI first when a build is missing or stale, then runs `npm run demo` on a free port.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startDemoProcess } from '../tests/e2e/support/demo-process';
import { frameOf } from '../tests/e2e/support/site';
import { ensureUiBuilt } from '../tests/e2e/support/ui-build';

const OUT = 'screenshots';
const SETTINGS_ROUTES = ['matrix', 'calendars', 'sla-goals', 'escalation', 'setup', 'import-export', 'history'];

async function shoot(browser: Browser, url: string, file: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(url);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    for (const frame of await page.$$('iframe.forge-frame')) {
      const f = await frame.contentFrame();
      // Every app frame shows its content or an error once loading is done.
      await f?.waitForFunction(() => !document.querySelector('[role="status"] svg') && (document.body.innerText || '').trim().length > 0, undefined, { timeout: 20_000 }).catch(() => undefined);
    }
    if (prepare) await prepare(page);
    await page.waitForTimeout(1200); // frame heights settle (the host resizes them every 500 ms)
    await page.screenshot({ path: path.join(OUT, file), fullPage: true });
    console.log(`  ${file}`);
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  ensureUiBuilt();
  mkdirSync(OUT, { recursive: true });
  const demo = await startDemoProcess();
  const browser = await launchChromium();
  try {
    const issue = demo.links.get('Issue view (agent)');
    const settings = demo.links.get('Project settings (admin)');
    const reports = demo.links.get('Reports (manager)');
    if (issue === undefined || settings === undefined || reports === undefined) throw new Error(`demo did not print the links:\n${demo.output()}`);
    console.log(`Screenshots from ${demo.url} into ${OUT}/`);
    const overdue = issue.replace(/INC-\d+/, 'INC-3');
    await shoot(browser, issue, 'issue-view-en.png');
    await shoot(browser, `${issue}&locale=ja-JP`, 'issue-view-ja.png');
    await shoot(browser, `${issue}&theme=dark`, 'issue-view-dark.png');
    await shoot(browser, `${overdue}&locale=ja-JP`, 'issue-view-other-ja.png');
    await shoot(browser, issue.replace('user-agent', 'user-admin'), 'priority-editor-en.png', async (page) => {
      const field = await frameOf(page, 'priority-matrix');
      await field.click('[data-testid="priority-edit"]', { timeout: 10_000 }).catch(() => undefined);
      await field.waitForSelector('[data-testid="priority-editor"]', { timeout: 10_000 }).catch(() => undefined);
    });
    for (const route of SETTINGS_ROUTES) {
      const url = settings.replace('/incident-desk?', `/incident-desk/${route}?`);
      await shoot(browser, url, `settings-${route}-en.png`);
      await shoot(browser, `${url}&locale=ja-JP`, `settings-${route}-ja.png`);
    }
    await shoot(browser, `${settings}&theme=dark`, 'settings-matrix-dark.png');
    await shoot(browser, reports, 'reports-en.png');
  } finally {
    await browser.close();
    await demo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
