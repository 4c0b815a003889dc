import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { defaultConfig } from '../../src/config';
import { businessMorningAfter } from './support/business-day';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';
import { Site, frameOf } from './support/site';
import { ensureUiBuilt } from './support/ui-build';

/**
 * The Custom UI on the local Jira site, in headless Chromium, against the real resolvers and triggers:
 * what an agent and an admin see and do, in English and Japanese. Expected values come from the seed
 * config and the clock the test sets, never from the resolver under test.
 */

let demo: DemoProcess;
let browser: Browser;
let site: Site;
const seed = defaultConfig();

beforeAll(async () => {
  ensureUiBuilt();
  demo = await startDemoProcess();
  browser = await launchChromium();
  site = new Site(demo.url);
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const goalMinutes = (metric: string, level: string): number => {
  const goal = seed.slaPolicies[0]?.metrics.find((m) => m.id === metric)?.goals.find((g) => g.when.priorities.includes(level));
  if (goal === undefined) throw new Error(`no seed goal for ${metric} ${level}`);
  return goal.targetMinutes;
};

async function openIssue(key: string, as: string, locale = 'en-US'): Promise<{ page: Page; panel: Frame; badge: Frame }> {
  const page = await browser.newPage();
  await page.clock.install();
  const res = await page.goto(`${demo.url}/browse/${key}?as=${as}&locale=${locale}`);
  expect(res?.status()).toBe(200);
  const panel = await frameOf(page, 'sla-panel', '[data-testid="sla-panel"]:not([aria-busy="true"])');
  const badge = await frameOf(page, 'sla-badge', '[data-testid="sla-badge"]');
  return { page, panel, badge };
}

async function createIncident(summary: string, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await site.rest<{ key: string }>('POST', '/rest/api/3/issue', 'user-reporter', {
    fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary, labels: ['kind-failure'], ...fields },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await site.control('events/flush', {});
  return res.body.key;
}

const text = async (frame: Frame, selector: string): Promise<string> => ((await frame.textContent(selector)) ?? '').trim();

describe('SLA panel and badge', () => {
  let key: string;
  let start: string;

  it('an agent opens an incident and sees the right remaining time', async () => {
    start = businessMorningAfter((await site.now()).now);
    await site.setClock(start);
    key = await createIncident('E2E: mail server slow', { priority: { name: 'High' } });
    await site.advanceMinutes(10);

    const firstResponse = goalMinutes('first-response', 'P2'); // 30
    const resolution = goalMinutes('resolution', 'P2'); // 480
    const { page, panel, badge } = await openIssue(key, 'user-agent');
    const fr = '[data-testid="sla-metric-first-response"]';
    const rs = '[data-testid="sla-metric-resolution"]';
    expect(await text(panel, `${fr} [data-testid="sla-remaining"]`)).toBe(`${String(firstResponse - 10)}m left`);
    expect(await text(panel, `${rs} [data-testid="sla-remaining"]`)).toBe(`${String(Math.floor((resolution - 10) / 60))}h ${String((resolution - 10) % 60)}m left`);
    expect(await text(panel, `${fr} [data-testid="sla-state"]`)).toBe('Running');
    expect(await text(panel, `${fr} [data-testid="sla-goal"]`)).toBe('30m');
    // Breach instant in the viewer's zone (the site's users are in Tokyo): start + 30 business minutes.
    const breach = new Date(Date.parse(start) + firstResponse * 60_000);
    expect(await text(panel, `${fr} [data-testid="sla-breach-at"]`)).toContain(`${String(breach.getUTCHours() + 9)}:${String(breach.getUTCMinutes()).padStart(2, '0')}`);
    expect(await text(badge, '[data-testid="sla-badge"]')).toContain(`${String(firstResponse - 10)}m left`);
    expect(await panel.getAttribute(fr, 'aria-label')).toBe('Time to first response');
    await page.close();
  });

  it('the clock passes the goal: the panel shows the breach and the fired escalation, without a reload', async () => {
    const { page, panel, badge } = await openIssue(key, 'user-agent');
    await site.advanceMinutes(25); // 35 business minutes: 5 past the 30-minute goal; the sweep runs every 5 minutes
    // The panel re-reads the SLA every minute on its own.
    await page.clock.runFor(61_000);
    const fr = '[data-testid="sla-metric-first-response"]';
    await panel.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('overdue') ?? false, `${fr} [data-testid="sla-remaining"]`, { timeout: 15_000 });
    expect(await text(panel, `${fr} [data-testid="sla-remaining"]`)).toBe('5m overdue');
    expect(await text(panel, `${fr} [data-testid="sla-state"]`)).toBe('Breached');
    const escalations = await panel.$$eval('[data-testid="sla-escalation"]', (items) => items.map((i) => i.textContent ?? ''));
    expect(escalations.some((e) => e.includes('SLA breached') && e.includes('Time to first response') && e.includes('Add label') && e.includes('Done')), escalations.join('\n')).toBe(true);
    expect(escalations.some((e) => e.includes('75% of the goal used')), escalations.join('\n')).toBe(true);
    await page.clock.runFor(61_000);
    await badge.waitForFunction(() => document.querySelector('[data-testid="sla-badge"]')?.getAttribute('data-status') === 'breached', undefined, { timeout: 15_000 });
    expect(await text(badge, '[data-testid="sla-badge"]')).toContain('Breached');
    // The label the ladder added is on the issue in Jira too.
    const issue = await site.rest<{ fields: { labels: string[] } }>('GET', `/rest/api/3/issue/${key}?fields=labels`, 'user-agent');
    expect(issue.body.fields.labels).toContain('sla-breached');
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/e2e-breached.png', fullPage: true });
    await page.close();
  });

  it('the same issue page in Japanese and English', async () => {
    const ja = await openIssue(key, 'user-agent', 'ja-JP');
    expect(await ja.panel.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await text(ja.panel, '[data-testid="sla-metric-first-response"] [data-testid="sla-remaining"]')).toBe('5分 超過');
    expect(await text(ja.panel, '[data-testid="sla-metric-first-response"] [data-testid="sla-state"]')).toBe('違反');
    expect(await text(ja.panel, '[data-testid="sla-metric-resolution"] [data-testid="sla-state"]')).toBe('計測中');
    expect(await text(ja.badge, '[data-testid="sla-badge"]')).toContain('違反');
    expect(await ja.panel.textContent('[data-testid="sla-escalations"] h3')).toBe('エスカレーション');
    expect(await ja.panel.textContent('[data-testid="intake-helpers"] h3')).toBe('受付');
    const jaRemaining = await text(ja.panel, '[data-testid="sla-metric-resolution"] [data-testid="sla-remaining"]');
    await ja.page.close();

    const en = await openIssue(key, 'user-agent', 'en-US');
    expect(await en.panel.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await text(en.panel, '[data-testid="sla-metric-first-response"] [data-testid="sla-state"]')).toBe('Breached');
    expect(await en.panel.textContent('[data-testid="sla-escalations"] h3')).toBe('Escalations');
    const enRemaining = await text(en.panel, '[data-testid="sla-metric-resolution"] [data-testid="sla-remaining"]');
    // 480 - 35 = 445 business minutes = 7h 25m, in each language's words.
    expect(enRemaining).toBe('7h 25m left');
    expect(jaRemaining).toBe('残り 7時間25分');
    await en.page.close();
  });
});

describe('project settings', () => {
  const settingsUrl = (route: string, locale = 'en-US') => `${demo.url}/projects/INC/settings/apps/incident-desk/${route}?as=user-admin&locale=${locale}`;

  async function openMatrix(locale = 'en-US'): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.newPage();
    await page.goto(settingsUrl('matrix', locale));
    const frame = await frameOf(page, 'settings', '[data-testid="matrix-grid"]');
    return { page, frame };
  }

  const configVersion = async (): Promise<number> =>
    (await site.invoke<{ ok: boolean; data: { version: number } }>('config/get', {}, { moduleKey: 'settings', accountId: 'user-admin', project: { id: '10000', key: 'INC' } })).data.version;

  it('an invalid matrix shows a field-named error, and the resolver refuses it with the same field', async () => {
    const before = await configVersion();
    const { page, frame } = await openMatrix();
    // The only P5 cell becomes P4: no cell gives P5 any more.
    await frame.selectOption('[data-testid="cell-2-2"]', 'P4');
    const summary = frame.locator('[data-testid="validation-summary"]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('priorityLevels[4]');
    expect(await summary.textContent()).toContain('no matrix cell gives the priority "P5"');
    expect(await frame.locator('[data-testid="field-error"][data-path="priorityLevels[4]"]').textContent()).toContain('P5');
    await frame.click('[data-testid="settings-save"]');
    await frame.waitForSelector('text=The settings have errors');
    expect(await configVersion()).toBe(before);
    // Nothing typed is lost.
    expect(await frame.inputValue('[data-testid="cell-2-2"]')).toBe('P4');
    await page.close();
  });

  it('a stale save shows the conflict and keeps the draft; applying it on the latest version saves', async () => {
    const { page, frame } = await openMatrix();
    await frame.selectOption('[data-testid="cell-0-2"]', 'P2');
    // Another admin saves meanwhile.
    const ctx = { moduleKey: 'settings', accountId: 'user-admin', project: { id: '10000', key: 'INC' } };
    const current = await site.invoke<{ data: { version: number; config: unknown } }>('config/get', {}, ctx);
    const other = await site.invoke<{ ok: boolean }>('config/save', { expectedVersion: current.data.version, config: current.data.config, note: 'other admin' }, ctx);
    expect(other.ok).toBe(true);
    await frame.click('[data-testid="settings-save"]');
    await frame.waitForSelector('[data-testid="conflict"]');
    expect(await frame.textContent('[data-testid="conflict"]')).toContain('Someone else saved the settings first');
    expect(await frame.inputValue('[data-testid="cell-0-2"]')).toBe('P2');
    await frame.click('[data-testid="conflict-apply"]');
    expect(await frame.inputValue('[data-testid="cell-0-2"]')).toBe('P2');
    await frame.click('[data-testid="settings-save"]');
    await frame.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.startsWith('Saved as version') ?? false);
    const saved = await site.invoke<{ data: { config: { matrix: string[][] } } }>('config/get', {}, ctx);
    expect(saved.data.config.matrix[0]?.[2]).toBe('P2');
    await page.close();
  });

  it('an admin edits the matrix and saves; a new incident gets the new priority', async () => {
    const { page, frame } = await openMatrix();
    // One person x part of the work impaired: P4 (Low) in the seed; now P5 (Lowest). P4 stays in use elsewhere.
    await frame.selectOption('[data-testid="cell-2-1"]', 'P5');
    await frame.selectOption('[data-testid="preview-impact"]', '3');
    await frame.selectOption('[data-testid="preview-urgency"]', '2');
    expect(await frame.textContent('[data-testid="preview-result"]')).toContain('P5 Lowest');
    await frame.click('[data-testid="settings-save"]');
    await frame.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.startsWith('Saved as version') ?? false);
    await page.close();

    const impact = await site.fieldId('Impact');
    const urgency = await site.fieldId('Urgency');
    const key = await createIncident('E2E: one person cannot print', { [impact]: { value: '特定個人 / One person' }, [urgency]: { value: '一部業務に支障 / Part of the work impaired' } });
    let priority = '';
    for (let i = 0; i < 20 && priority !== 'Lowest'; i++) {
      const issue = await site.rest<{ fields: { priority: { name: string } } }>('GET', `/rest/api/3/issue/${key}?fields=priority`, 'user-admin');
      priority = issue.body.fields.priority.name;
      if (priority !== 'Lowest') await new Promise((r) => setTimeout(r, 250));
    }
    expect(priority).toBe('Lowest');

    // The priority field on the issue shows the new level with its impact x urgency.
    const issuePage = await browser.newPage();
    await issuePage.goto(`${demo.url}/browse/${key}?as=user-agent`);
    const field = await frameOf(issuePage, 'priority-matrix', '[data-testid="priority-field-value"]');
    await field.waitForSelector('[data-testid="priority-lozenge"]');
    expect(await text(field, '[data-testid="priority-lozenge"]')).toBe('P5 Lowest');
    expect(await text(field, '[data-testid="priority-product"]')).toBe('Impact One person × Urgency Part of the work impaired');
    await issuePage.close();
  });

  it('the settings page in Japanese and English', async () => {
    const ja = await openMatrix('ja-JP');
    expect(await ja.frame.textContent('h1')).toBe('Incident Desk 設定 · 優先度マトリクス');
    expect(await ja.frame.getAttribute('[data-testid="cell-0-0"]', 'aria-label')).toBe('影響度「全部門」× 緊急度「基幹業務停止」の優先度');
    await ja.page.close();
    const en = await openMatrix('en-US');
    expect(await en.frame.textContent('h1')).toBe('Incident Desk settings · Priority matrix');
    expect(await en.frame.getAttribute('[data-testid="cell-0-0"]', 'aria-label')).toBe('Priority for impact “All departments” and urgency “Core business stopped”');
    await en.page.close();
  });
});
