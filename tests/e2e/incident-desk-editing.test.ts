import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { businessMorningAfter } from './support/business-day';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';
import { Site, frameOf } from './support/site';
import { ensureUiBuilt } from './support/ui-build';

/** Editing on the local site: the priority field (inputs and override), the intake checklist, calendars, history, import. */

let demo: DemoProcess;
let browser: Browser;
let site: Site;
let key: string;

beforeAll(async () => {
  ensureUiBuilt();
  demo = await startDemoProcess();
  browser = await launchChromium();
  site = new Site(demo.url);
  await site.setClock(businessMorningAfter((await site.now()).now));
  const res = await site.rest<{ key: string }>('POST', '/rest/api/3/issue', 'user-reporter', {
    fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary: 'E2E: VPN drops every hour', labels: ['kind-security'] },
  });
  expect(res.status).toBe(201);
  key = res.body.key;
  await site.control('events/flush', {});
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function issuePage(as: string, locale = 'en-US'): Promise<{ page: Page; field: Frame; panel: Frame }> {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/browse/${key}?as=${as}&locale=${locale}`);
  const field = await frameOf(page, 'priority-matrix', '[data-testid="priority-field-value"]');
  const panel = await frameOf(page, 'sla-panel', '[data-testid="intake-helpers"]');
  return { page, field, panel };
}

const jiraPriority = async (): Promise<string> => (await site.rest<{ fields: { priority: { name: string } } }>('GET', `/rest/api/3/issue/${key}?fields=priority`, 'user-admin')).body.fields.priority.name;

describe('priority matrix field', () => {
  it('an agent picks impact and urgency, sees the resulting priority live, and saves it', async () => {
    const { page, field, panel } = await issuePage('user-agent');
    const goal = '[data-testid="sla-metric-first-response"] [data-testid="sla-goal"]';
    expect(await panel.textContent(goal)).toBe('2h'); // created without a priority: Medium (P3), 120 minutes
    await field.click('[data-testid="priority-edit"]');
    await field.waitForSelector('[data-testid="priority-editor"]');
    // The descriptions and labels come from the config; the override is for administrators only.
    expect(await field.locator('[data-testid="priority-override"]').count()).toBe(0);
    await field.check('[data-testid="impact-picker"] input[value="one-department"]');
    expect(await field.textContent('[data-testid="priority-preview"]')).toContain('Pick an impact and an urgency.');
    await field.check('[data-testid="urgency-picker"] input[value="core-business-stopped"]');
    expect(await field.textContent('[data-testid="priority-preview"]')).toContain('P2 High');
    await field.check('[data-testid="impact-picker"] input[value="all-departments"]');
    expect(await field.textContent('[data-testid="priority-preview"]')).toContain('P1 Highest');
    await field.click('[data-testid="priority-save"]');
    await field.waitForFunction(() => document.querySelector('[data-testid="priority-lozenge"]')?.textContent === 'P1 Highest', undefined, { timeout: 15_000 });
    expect(await field.textContent('[data-testid="priority-product"]')).toBe('Impact All departments × Urgency Core business stopped');
    expect(await jiraPriority()).toBe('Highest');
    // The field told the other modules of the page; the SLA panel re-read the SLA without a reload: P1 goal.
    await panel.waitForFunction((sel) => document.querySelector(sel)?.textContent === '15m', goal, { timeout: 15_000 });
    await page.close();
  });

  it('an administrator overrides the priority only with a reason, which lands on the issue', async () => {
    const { page, field } = await issuePage('user-admin');
    await field.click('[data-testid="priority-edit"]');
    await field.waitForSelector('[data-testid="priority-override"]');
    await field.selectOption('[data-testid="priority-override"] select', 'Medium');
    await field.click('[data-testid="priority-override-save"]');
    expect(await field.textContent('[data-testid="priority-override"] [role="alert"]')).toBe('Say why the priority differs from the matrix.');
    expect(await jiraPriority()).toBe('Highest');
    await field.fill('[data-testid="priority-override"] textarea', 'Only the test tenant is affected');
    await field.click('[data-testid="priority-override-save"]');
    await field.waitForSelector('[data-testid="priority-overridden"]', { timeout: 15_000 });
    expect(await jiraPriority()).toBe('Medium');
    const comments = await site.rest<{ comments: { body: unknown }[] }>('GET', `/rest/api/3/issue/${key}/comment`, 'user-admin');
    expect(JSON.stringify(comments.body.comments.at(-1)?.body)).toContain('Only the test tenant is affected');
    await page.close();
  });
});

describe('intake helpers', () => {
  it('shows the security checklist in Japanese, and a tick survives a reload', async () => {
    const first = await issuePage('user-agent', 'ja-JP');
    const items = await first.panel.$$eval('[data-testid="intake-checklist"] li', (lis) => lis.map((li) => li.getAttribute('data-item')));
    expect(items).toEqual(['since-when', 'who', 'scope', 'cannot-do', 'suspicious-mail', 'device-behaviour', 'login-history']);
    expect(await first.panel.textContent('[data-item="suspicious-mail"]')).toContain('不審メール');
    expect(await first.panel.textContent('[data-testid="similar-incidents"]')).toMatch(/まだ利用できません|類似/);
    await first.panel.check('[data-item="login-history"] input');
    // The tick is stored as an issue property as the agent (visible to the next agent).
    let stored: unknown = null;
    for (let i = 0; i < 20 && !JSON.stringify(stored).includes('login-history'); i++) {
      await new Promise((r) => setTimeout(r, 150));
      stored = (await site.rest<{ value: unknown }>('GET', `/rest/api/3/issue/${key}/properties/incident-desk-intake`, 'user-agent')).body?.value ?? null;
    }
    expect(stored).toEqual({ schemaVersion: 1, kind: 'security', checked: ['login-history'] });
    await first.page.close();
    const again = await issuePage('user-agent', 'en-US');
    expect(await again.panel.isChecked('[data-item="login-history"] input')).toBe(true);
    expect(await again.panel.textContent('[data-item="login-history"]')).toContain('Login history');
    await again.page.close();
  });
});

describe('settings sub-pages', () => {
  const open = async (route: string, ready: string): Promise<{ page: Page; frame: Frame }> => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/projects/INC/settings/apps/incident-desk/${route}?as=user-admin`);
    return { page, frame: await frameOf(page, 'settings', ready) };
  };

  it('calendars: business time between two instants on the draft, and a year of Japanese holidays in one step', async () => {
    const { page, frame } = await open('calendars', '[data-testid="business-time-preview"]');
    await frame.fill('[data-testid="preview-from"]', '2028-01-07T17:00');
    await frame.fill('[data-testid="preview-to"]', '2028-01-11T10:00');
    // Mon 10 Jan 2028 is Coming of Age Day, but only once the 2028 holidays are on the calendar (the seed has this year's and next).
    await frame.fill('[data-testid="holiday-year"]', '2028');
    const before = await frame.textContent('[data-testid="business-time"]');
    await frame.click('[data-testid="import-jp-holidays"]');
    await frame.waitForFunction(() => /added/.test(document.querySelector('[data-testid="holiday-status"]')?.textContent ?? ''));
    const after = await frame.textContent('[data-testid="business-time"]');
    expect(before).toContain('11h of business time');
    expect(after).toContain('2h of business time');
    await page.close();
  });

  it('history lists who saved what and restores an older version as a new one', async () => {
    const ctx = { moduleKey: 'settings', accountId: 'user-admin', project: { id: '10000', key: 'INC' } };
    const current = await site.invoke<{ data: { version: number; config: { matrix: string[][] } } }>('config/get', {}, ctx);
    const changed = { ...current.data.config, matrix: current.data.config.matrix.map((row, r) => (r === 0 ? ['P1', 'P1', 'P3'] : row)) };
    const saved = await site.invoke<{ ok: boolean; data: { meta: { version: number } } }>('config/save', { expectedVersion: current.data.version, config: changed, note: 'e2e change' }, ctx);
    expect(saved.ok).toBe(true);
    const { page, frame } = await open('history', '[data-testid="history"]');
    const rows = await frame.$$eval('tr[data-version]', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows[0]).toContain('e2e change');
    expect(rows[0]).toContain('user-admin');
    await frame.click(`[data-testid="restore-${String(current.data.version)}"]`);
    await frame.click(`[data-testid="restore-confirm-${String(current.data.version)}"]`);
    await frame.waitForSelector('[data-testid="restored"]');
    const after = await site.invoke<{ data: { version: number; config: { matrix: string[][] } } }>('config/get', {}, ctx);
    expect(after.data.version).toBe(saved.data.meta.version + 1);
    expect(after.data.config.matrix[0]).toEqual(current.data.config.matrix[0]);
    await page.close();
  });

  it('import shows the diff before anything is saved, then applies it', async () => {
    const ctx = { moduleKey: 'settings', accountId: 'user-admin', project: { id: '10000', key: 'INC' } };
    const current = await site.invoke<{ data: { version: number; config: { priorityLevels: { labels: { en: string } }[] } } }>('config/get', {}, ctx);
    const edited = structuredClone(current.data.config);
    edited.priorityLevels[0]!.labels.en = 'Critical';
    const { page, frame } = await open('import-export', '[data-testid="import"]');
    await frame.fill('[data-testid="import-json"]', JSON.stringify(edited));
    await frame.click('[data-testid="import-preview"]');
    await frame.waitForSelector('[data-testid="import-diff"]');
    const diff = await frame.textContent('[data-testid="import-diff"]');
    expect(diff).toContain('priorityLevels[0].labels.en');
    expect(diff).toContain('"Critical"');
    const unchanged = await site.invoke<{ data: { version: number } }>('config/get', {}, ctx);
    expect(unchanged.data.version).toBe(current.data.version);
    await frame.click('[data-testid="import-apply"]');
    await frame.waitForSelector('[data-testid="import-applied"]');
    const applied = await site.invoke<{ data: { version: number; config: { priorityLevels: { labels: { en: string } }[] } } }>('config/get', {}, ctx);
    expect(applied.data.version).toBe(current.data.version + 1);
    expect(applied.data.config.priorityLevels[0]?.labels.en).toBe('Critical');
    await page.close();
  });
});

describe('empty and error states', () => {
  const ctx = { moduleKey: 'settings', accountId: 'user-admin', project: { id: '10000', key: 'INC' } };

  it('a failing Jira shows the error in the viewer’s language with a retry that recovers', async () => {
    const faults = await site.control<{ added: string[] }>('faults', { path: `/rest/api/3/issue/${key}`, method: 'GET', target: 'jira', effect: { kind: 'serverError', status: 500 } });
    expect(faults.added).toHaveLength(1);
    for (const [locale, message, retry] of [
      ['ja-JP', 'Jira がエラーを返しました', '再試行'],
      ['en-US', 'Jira returned an error', 'Try again'],
    ] as const) {
      const page = await browser.newPage();
      await page.goto(`${demo.url}/browse/${key}?as=user-agent&locale=${locale}`);
      const panel = await frameOf(page, 'sla-panel', '[data-testid="sla-panel"] [role="alert"], [data-testid="sla-panel"] section');
      await panel.waitForSelector(`text=${message}`);
      if (locale === 'en-US') {
        await fetch(`${demo.url}/__emulator/faults`, { method: 'DELETE' });
        // Exact text: the message itself says "please try again".
        await panel.click(`[data-testid="sla-panel"] button >> text="${retry}"`);
        await panel.waitForSelector('[data-testid="sla-metric-first-response"]');
      } else {
        expect(await panel.textContent('[data-testid="sla-panel"] button')).toBe(retry);
      }
      await page.close();
    }
  });

  it('an incident no SLA policy applies to says so, in both languages', async () => {
    const current = await site.invoke<{ data: { version: number; config: { slaPolicies: { appliesTo: { priorities: string[] } }[] } } }>('config/get', {}, ctx);
    const onlyP1 = structuredClone(current.data.config);
    onlyP1.slaPolicies[0]!.appliesTo.priorities = ['P1'];
    const saved = await site.invoke<{ ok: boolean; data: { meta: { version: number } } }>('config/save', { expectedVersion: current.data.version, config: onlyP1 }, ctx);
    expect(saved.ok).toBe(true);
    const res = await site.rest<{ key: string }>('POST', '/rest/api/3/issue', 'user-reporter', {
      fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary: 'E2E: a question about fonts', priority: { name: 'Low' }, labels: ['kind-inquiry'] },
    });
    await site.control('events/flush', {});
    for (const [locale, text] of [
      ['ja-JP', 'この課題に適用される SLA はありません。'],
      ['en-US', 'No SLA applies to this issue.'],
    ] as const) {
      const page = await browser.newPage();
      await page.goto(`${demo.url}/browse/${res.body.key}?as=user-agent&locale=${locale}`);
      const panel = await frameOf(page, 'sla-panel', '[data-testid="sla-empty"]');
      expect(await panel.textContent('[data-testid="sla-empty"]')).toBe(text);
      const badge = await frameOf(page, 'sla-badge', '[data-testid="sla-badge"]');
      expect(await badge.getAttribute('[data-testid="sla-badge"]', 'data-status')).toBe('none');
      await page.close();
    }
    await site.invoke('config/save', { expectedVersion: saved.data.meta.version, config: current.data.config }, ctx);
  });
});
