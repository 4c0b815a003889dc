import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';
import { Site, frameOf } from './support/site';
import { ensureUiBuilt } from './support/ui-build';

/** Settings "Problems & recurrence" on the local site: edit, save, reload; an invalid window is refused in ja/en and nothing typed is lost. */

let demo: DemoProcess;
let browser: Browser;
let site: Site;

const ctx = { moduleKey: 'settings', accountId: 'user-admin', project: { id: '10000', key: 'INC' } };

interface StoredProblems {
  version: number;
  config: {
    problemManagement: { recurrence: { windowDays: number; minIncidents: number; by: string }; autoLabel: string; onProblemResolved: Record<string, unknown>[] };
    priorityOverride: { projectRoles: string[]; groups: string[] };
  };
}
const stored = async (): Promise<StoredProblems> => (await site.invoke<{ data: StoredProblems }>('config/get', {}, ctx)).data;

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

async function open(locale: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/projects/INC/settings/apps/incident-desk/problems?as=user-admin&locale=${locale}`);
  return { page, frame: await frameOf(page, 'settings', '[data-testid="problems-settings"]') };
}

const savedStatus = (frame: Frame): Promise<unknown> =>
  frame.waitForFunction(() => /Saved as version|として保存しました/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ''), undefined, { timeout: 15_000 });

describe('settings: problems & recurrence', () => {
  it('is in the settings sidebar', async () => {
    const { page } = await open('en-US');
    expect(await page.textContent('[data-testid="settings-nav-problems"]')).toBe('Problems & recurrence');
    await page.close();
  });

  it('changes the window and the rules, saves, and a reload shows them', async () => {
    const before = await stored();
    const { page, frame } = await open('en-US');
    expect(await frame.inputValue('[data-testid="recurrence-window-days"]')).toBe(String(before.config.problemManagement.recurrence.windowDays));
    await frame.fill('[data-testid="recurrence-window-days"]', '14');
    await frame.selectOption('[data-testid="recurrence-by"]', 'category');
    // Rule 1 (the seed's notify): no longer tell the reporter. Then a new rule: change status, with a comment.
    await frame.uncheck('[data-testid="rule-0"] [data-testid="recipient-reporter"]');
    await frame.click('[data-testid="rule-add"]');
    expect(await frame.getAttribute('[data-testid="rule-1"]', 'data-action')).toBe('transition');
    // Blank status is flagged before saving.
    expect(await frame.textContent('[data-testid="rule-1"] [data-testid="field-error"]')).toContain('toStatus');
    await frame.fill('[data-testid="rule-1"] [data-testid="rule-to-status"]', 'Resolved');
    await frame.check('[data-testid="rule-1"] [data-testid="rule-with-comment"]');
    await frame.fill('[data-testid="rule-1"] [data-testid="rule-text-ja"]', '問題 {problem} が解決しました');
    await frame.fill('[data-testid="rule-1"] [data-testid="rule-text-en"]', 'Problem {problem} resolved ({resolution})');
    expect(await frame.textContent('[data-testid="rule-1"] [data-testid="rule-preview"]')).toBe('Preview: Problem PRB-12 resolved (Fixed)');
    // Typed key by key: the comma and space stay in the box so a second group can follow.
    await frame.locator('[data-testid="override-groups"]').pressSequentially('sre-leads, ops-leads');
    expect(await frame.inputValue('[data-testid="override-groups"]')).toBe('sre-leads, ops-leads');
    expect(await frame.locator('[data-testid="field-error"]').count()).toBe(0);
    await frame.click('[data-testid="settings-save"]');
    await savedStatus(frame);
    await page.close();

    const after = await stored();
    expect(after.version).toBe(before.version + 1);
    expect(after.config.problemManagement.recurrence).toEqual({ ...before.config.problemManagement.recurrence, windowDays: 14, by: 'category' });
    expect(after.config.problemManagement.onProblemResolved).toEqual([
      { action: 'notify', recipients: ['assignee'] },
      { action: 'transition', toStatus: 'Resolved', comment: { ja: '問題 {problem} が解決しました', en: 'Problem {problem} resolved ({resolution})' } },
    ]);
    expect(after.config.priorityOverride.groups).toEqual(['sre-leads', 'ops-leads']);

    const again = await open('en-US');
    expect(await again.frame.inputValue('[data-testid="recurrence-window-days"]')).toBe('14');
    expect(await again.frame.inputValue('[data-testid="recurrence-by"]')).toBe('category');
    expect(await again.frame.isChecked('[data-testid="rule-0"] [data-testid="recipient-reporter"]')).toBe(false);
    expect(await again.frame.isChecked('[data-testid="rule-0"] [data-testid="recipient-assignee"]')).toBe(true);
    expect(await again.frame.getAttribute('[data-testid="rule-1"]', 'data-action')).toBe('transition');
    expect(await again.frame.inputValue('[data-testid="rule-1"] [data-testid="rule-to-status"]')).toBe('Resolved');
    expect(await again.frame.inputValue('[data-testid="override-groups"]')).toBe('sre-leads, ops-leads');
    await again.page.close();
  });

  it.each([
    ['en-US', 'problemManagement.recurrence.windowDays must be at least 1.', 'must be at least 1'],
    ['ja-JP', 'problemManagement.recurrence.windowDays は 1 以上にしてください。', '1 以上にしてください'],
  ])('windowDays 0 shows the field error (%s), the save is refused by the resolver, and nothing typed is lost', async (locale, message, serverText) => {
    const before = await stored();
    const { page, frame } = await open(locale);
    await frame.fill('[data-testid="auto-label"]', `repeat-${locale}`);
    await frame.fill('[data-testid="recurrence-window-days"]', '0');
    const fieldError = '[data-testid="field-error"][data-path="problemManagement.recurrence.windowDays"]';
    expect(await frame.textContent(fieldError)).toBe(message);
    expect(await frame.getAttribute('[data-testid="recurrence-window-days"]', 'aria-invalid')).toBe('true');
    // Saving anyway: the resolver refuses it and names the same field; the draft stays as typed.
    await frame.click('[data-testid="settings-save"]');
    await frame.waitForFunction(() => document.querySelector('[data-testid="save-bar"]')?.textContent?.includes('config.problemManagement.recurrence.windowDays') === true, undefined, { timeout: 15_000 });
    expect(await frame.textContent('[data-testid="save-bar"]')).toContain(serverText);
    expect(await frame.textContent(fieldError)).toBe(message);
    expect(await frame.inputValue('[data-testid="recurrence-window-days"]')).toBe('0');
    expect(await frame.inputValue('[data-testid="auto-label"]')).toBe(`repeat-${locale}`);
    const unchanged = await stored();
    expect(unchanged.version).toBe(before.version);
    expect(unchanged.config.problemManagement).toEqual(before.config.problemManagement);
    // Fixing the one field saves everything that was typed.
    await frame.fill('[data-testid="recurrence-window-days"]', '7');
    await frame.click('[data-testid="settings-save"]');
    await savedStatus(frame);
    expect(await frame.locator(fieldError).count()).toBe(0);
    const saved = await stored();
    expect(saved.version).toBe(before.version + 1);
    expect(saved.config.problemManagement.recurrence.windowDays).toBe(7);
    expect(saved.config.problemManagement.autoLabel).toBe(`repeat-${locale}`);
    await page.close();
  });
});
