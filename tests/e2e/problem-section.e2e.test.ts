import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';
import { Site, frameOf } from './support/site';
import { ensureUiBuilt } from './support/ui-build';

/** The issue panel's Problem section on the local site in Chromium: recurrence suggestion -> problem -> its incidents. */

let demo: DemoProcess;
let browser: Browser;
let site: Site;
const SERVICE = 'E2E 再発テスト用サービス';

beforeAll(async () => {
  ensureUiBuilt();
  process.env.E2E_NO_BUILD = '1';
  demo = await startDemoProcess();
  browser = await launchChromium();
  site = new Site(demo.url);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function incident(summary: string, serviceField: string): Promise<string> {
  const res = await site.rest<{ key: string }>('POST', '/rest/api/3/issue', 'user-reporter', {
    fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary, [serviceField]: SERVICE },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await site.control('events/flush', {});
  return res.body.key;
}

describe('Problem section', () => {
  it('a recurring incident offers a problem; creating it links both incidents and the problem lists them', async () => {
    const serviceField = await site.fieldId('Affected service');
    const first = await incident('E2E: 決済が遅い', serviceField);
    const second = await incident('E2E: 決済がタイムアウト', serviceField);

    const page = await browser.newPage();
    await page.goto(`${demo.url}/browse/${second}?as=user-agent&locale=en-US`);
    const panel = await frameOf(page, 'sla-panel', '[data-testid="problem-recurrence"]');
    expect(await panel.textContent('[data-testid="problem-related"]')).toContain(first);
    expect(await panel.inputValue('[data-testid="problem-create"] input')).toBe(`Recurring: ${SERVICE} (2 incidents)`);

    // The link form checks the key before anything is sent.
    await panel.fill('[data-testid="problem-link-form"] input', 'not a key');
    await panel.click('[data-testid="problem-link-form"] button[type="submit"]');
    expect(await panel.textContent('[data-testid="problem-link-form"] [role="alert"]')).toContain('Enter an issue key such as INC-42');

    await panel.click('[data-testid="problem-create-button"]');
    await panel.waitForSelector('[data-testid="problem-linked"] li[data-problem]', { timeout: 20_000 });
    const problemKey = (await panel.getAttribute('[data-testid="problem-linked"] li[data-problem]', 'data-problem')) ?? '';
    expect(problemKey).toMatch(/^INC-\d+$/);
    await page.close();

    const problemPage = await browser.newPage();
    await problemPage.goto(`${demo.url}/browse/${problemKey}?as=user-agent&locale=ja-JP`);
    const problemPanel = await frameOf(problemPage, 'sla-panel', '[data-testid="problem-section"][data-kind="problem"]');
    expect(await problemPanel.textContent('[data-testid="problem-count"]')).toBe('インシデント 2 件（未完了 2 件）');
    const rows = await problemPanel.$$eval('[data-testid="problem-incidents"] tr[data-incident]', (trs) => trs.map((tr) => tr.getAttribute('data-incident')));
    expect(rows).toEqual([first, second]);
    await problemPage.close();
  });
  it('without a suggestion, an agent creates a problem from the incidents a JQL query selects (empty JQL refused first)', async () => {
    const keys: string[] = [];
    for (const summary of ['E2E: VPN 切断 (1)', 'E2E: VPN 切断 (2)']) {
      const res = await site.rest<{ key: string }>('POST', '/rest/api/3/issue', 'user-reporter', { fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      keys.push(res.body.key);
    }
    await site.control('events/flush', {});
    const [a, b] = keys as [string, string];

    const page = await browser.newPage();
    await page.goto(`${demo.url}/browse/${a}?as=user-agent&locale=ja-JP`);
    const panel = await frameOf(page, 'sla-panel', '[data-testid="problem-manual-open"]');
    await panel.click('[data-testid="problem-manual-open"]');
    await panel.check('[data-testid="problem-manual-jql-mode"]');
    await panel.click('[data-testid="problem-manual-create"]');
    expect(await panel.textContent('[data-testid="problem-manual"] [role="alert"]')).toContain('JQL を入力してください');

    await panel.fill('[data-testid="problem-manual-jql"]', `key in (${a}, ${b})`);
    await panel.click('[data-testid="problem-manual-create"]');
    await panel.waitForSelector('[data-testid="problem-linked"] li[data-problem]', { timeout: 20_000 });
    const problemKey = (await panel.getAttribute('[data-testid="problem-linked"] li[data-problem]', 'data-problem')) ?? '';
    expect(problemKey).toMatch(/^INC-\d+$/);
    await page.close();

    const problemPage = await browser.newPage();
    await problemPage.goto(`${demo.url}/browse/${problemKey}?as=user-agent&locale=en-US`);
    const problemPanel = await frameOf(problemPage, 'sla-panel', '[data-testid="problem-section"][data-kind="problem"]');
    const rows = await problemPanel.$$eval('[data-testid="problem-incidents"] tr[data-incident]', (trs) => trs.map((tr) => tr.getAttribute('data-incident')));
    expect(rows).toEqual([a, b]);
    await problemPage.close();
  });
});
