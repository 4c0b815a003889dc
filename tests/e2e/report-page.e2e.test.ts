import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { ReportGetResult } from '../../src/contracts/report';
import { presetPeriod, todayIn } from '../../static/reports/src/model/period';
import { launchChromium, startDemoProcess, type DemoProcess } from './support/demo-process';
import { Site, frameOf } from './support/site';
import { ensureUiBuilt } from './support/ui-build';

/**
 * The report page (jira:projectPage) on the local Jira site over the demo's seeded incidents, in
 * headless Chromium against the real report/get resolver: figures, a filter that changes them, the
 * chart, drill-down to issue search, the CSV download, custom-period errors and the empty state, in
 * English and Japanese. The page is compared with report/get called directly for the same viewer
 * (the resolver itself is checked against an independent recomputation in tests/forge).
 */

let demo: DemoProcess;
let browser: Browser;
let site: Site;
let now: string;

const VIEWER = 'user-manager';
// The seeded users work in Tokyo; the page picks "today" in the viewer's zone.
const VIEWER_ZONE = 'Asia/Tokyo';

beforeAll(async () => {
  ensureUiBuilt();
  demo = await startDemoProcess();
  browser = await launchChromium();
  site = new Site(demo.url);
  now = (await site.now()).now;
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

function last30(): { from: string; to: string } {
  return presetPeriod('last30', todayIn(VIEWER_ZONE, Date.parse(now)));
}

async function reportFor(period: { from: string; to: string }, filter?: Record<string, (string | null)[]>): Promise<ReportGetResult> {
  const res = await site.invoke<{ ok: boolean; data: ReportGetResult }>(
    'report/get',
    { projectKey: 'INC', period, ...(filter === undefined ? {} : { filter }) },
    { moduleKey: 'reports', accountId: VIEWER, project: { id: '10000', key: 'INC' } },
  );
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return res.data;
}

async function openReport(locale: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage({ acceptDownloads: true });
  // The browser's "today" is the site's (the demo runs on its own clock).
  await page.clock.setFixedTime(new Date(now));
  const res = await page.goto(`${demo.url}/projects/INC/apps/incident-desk?as=${VIEWER}&locale=${locale}`);
  expect(res?.status()).toBe(200);
  const frame = await frameOf(page, 'reports', '[data-testid="report-view"][aria-busy="false"]');
  return { page, frame };
}

const text = async (frame: Frame, selector: string): Promise<string> => ((await frame.textContent(selector)) ?? '').trim();

async function waitForText(frame: Frame, selector: string, expected: string): Promise<void> {
  await frame.waitForFunction(
    ([sel, want]) => document.querySelector('[data-testid="report-view"]')?.getAttribute('aria-busy') === 'false' && document.querySelector(sel)?.textContent?.trim() === want,
    [selector, expected] as const,
    { timeout: 20_000 },
  );
}

type UiLog = { entries: { method: string; payload: { method?: string; payload?: { url?: string; type?: string } } }[] };

/** The last router call the page made (the host records it before it opens the tab). */
async function lastNavigation(): Promise<{ url?: string; type?: string } | undefined> {
  for (let i = 0; i < 50; i++) {
    const nav = (await site.control<UiLog>('ui-log')).entries.filter((e) => e.method === 'record' && e.payload.method === 'navigate').at(-1);
    if (nav !== undefined) return nav.payload.payload;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

async function downloadCsv(page: Page, frame: Frame): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), frame.click('[data-testid="report-csv"]')]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

describe('report page', () => {
  it('shows the seeded figures, filters them, draws the chart, drills down and downloads the CSV (en)', async () => {
    const period = last30();
    const all = await reportFor(period);
    // The seed must give the test something to filter: at least two priorities with incidents.
    const p1 = all.frequency.byPriority.find((r) => r.value !== null && r.count > 0 && r.count < all.totals.opened);
    expect(p1, JSON.stringify(all.frequency.byPriority)).toBeDefined();
    const priority = p1!.value!;
    const filtered = await reportFor(period, { priorities: [priority] });

    const { page, frame } = await openReport('en-US');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await text(frame, '[data-testid="report-total-opened-value"]')).toBe(String(all.totals.opened));
    expect(await text(frame, '[data-testid="report-total-closed-value"]')).toBe(String(all.totals.closed));
    expect(await text(frame, '[data-testid="report-total-backlog-value"]')).toBe(String(all.totals.openAtEnd));
    expect(await text(frame, '[data-testid="report-period"]')).toContain(`(30 days, counted in ${all.timeZone})`);
    expect(await text(frame, '[data-testid="report-sla-formula"]')).toBe(`Formula: ${all.complianceFormula.en}`);

    // The chart: one labelled image, a line per series, and its figures in a table on demand.
    const chart = '[data-testid="report-trend-chart"]';
    expect(await frame.getAttribute(chart, 'role')).toBe('img');
    expect(await frame.getAttribute(chart, 'aria-label')).toContain(`${String(all.totals.opened)} opened and ${String(all.totals.closed)} closed in total`);
    expect(await frame.$$eval(`${chart} polyline`, (lines) => lines.map((l) => l.getAttribute('points')?.split(' ').length))).toEqual([30, 30]);
    await frame.click('[data-testid="report-trend-table-toggle"]');
    expect(await frame.$$eval('[data-testid="report-trend-table"] tbody tr', (rows) => rows.length)).toBe(30);

    // Breached incidents name who is responsible.
    const assignees = await frame.$$eval('[data-testid="report-breached-assignee"]', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(assignees).toEqual(all.breachedIncidents.map((b) => b.assignee?.displayName ?? 'Unassigned'));

    // Filter by one priority: the counts follow.
    await frame.click('[data-testid="report-filter-priority"] summary');
    await frame.check(`[data-testid="report-filter-priority"] input[data-value="${priority}"]`);
    await waitForText(frame, '[data-testid="report-total-opened-value"]', String(filtered.totals.opened));
    expect(filtered.totals.opened).toBe(p1!.count);
    expect(await text(frame, '[data-testid="report-total-closed-value"]')).toBe(String(filtered.totals.closed));
    expect(await text(frame, '[data-testid="report-filter-priority-state"]')).toBe(priority);
    // Escape closes the picker (it floats over the report while open).
    await page.keyboard.press('Escape');
    expect(await frame.getAttribute('[data-testid="report-filter-priority"]', 'open')).toBeNull();

    // Drill-down opens Jira's issue search with the filtered report's JQL, through the bridge router.
    await frame.click('[data-testid="report-drill-opened"]');
    const nav = await lastNavigation();
    expect(nav?.type).toBe('new-tab');
    const url = new URL(nav?.url ?? 'missing:');
    expect(url.pathname).toBe('/issues/');
    expect(url.searchParams.get('jql')).toBe(filtered.drilldown.opened);

    // The CSV of what is on screen: BOM, header, the filtered figures, the filter itself.
    const csv = await downloadCsv(page, frame);
    expect(csv.name).toBe(`incident-report-INC-${period.from}_${period.to}.csv`);
    expect(csv.text.startsWith('\uFEFFSection,Item,Detail,Value\r\n')).toBe(true);
    const rows = csv.text.slice(1).split('\r\n');
    expect(rows).toContain(`Period,From,,${period.from}`);
    expect(rows).toContain(`Counts,Opened,,${String(filtered.totals.opened)}`);
    expect(rows).toContain(`Counts,Closed,,${String(filtered.totals.closed)}`);
    expect(rows).toContain(`Filter,Priority,,${priority}`);
    expect(rows.filter((r) => r.startsWith('Daily trend,'))).toHaveLength(60);
    expect(rows.filter((r) => r.startsWith('Breached incidents,'))).toHaveLength(filtered.breachedIncidents.length);
    for (const other of page.context().pages()) await other.close();
  });

  it('in Japanese: labels, custom-period errors, the empty state and a Japanese CSV', async () => {
    const { page, frame } = await openReport('ja-JP');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('ja');
    const all = await reportFor(last30());
    expect(await text(frame, '[data-testid="report-total-opened-value"]')).toBe(String(all.totals.opened));
    expect(await text(frame, '[data-testid="report-sla-formula"]')).toBe(`計算式: ${all.complianceFormula.ja}`);
    expect(await text(frame, '[data-testid="report-totals"] h2')).toBe('概要');
    expect(await frame.getAttribute('[data-testid="report-trend-chart"]', 'aria-label')).toContain('日別インシデント数の折れ線グラフ');

    // A custom period that ends before it starts is refused next to the field, in Japanese.
    await frame.selectOption('[data-testid="report-period-preset"]', 'custom');
    await frame.fill('[data-testid="report-period-from"]', '2020-01-31');
    await frame.fill('[data-testid="report-period-to"]', '2020-01-01');
    await frame.click('[data-testid="report-period-apply"]');
    expect(await text(frame, '[data-testid="report-period-to-error"]')).toBe('終了日は開始日以降の日付にしてください。');
    // Still the last 30 days on screen.
    expect(await text(frame, '[data-testid="report-total-opened-value"]')).toBe(String(all.totals.opened));

    // A month before anything was seeded: the empty state, not a page of zeros.
    await frame.fill('[data-testid="report-period-to"]', '2020-02-29');
    await frame.fill('[data-testid="report-period-from"]', '2020-02-01');
    await frame.click('[data-testid="report-period-apply"]');
    await frame.waitForSelector('[data-testid="report-empty"]', { timeout: 20_000 });
    expect(await text(frame, '[data-testid="report-empty"] h2')).toBe('この期間のインシデントはありません');
    expect(await text(frame, '[data-testid="report-period"]')).toContain('（29 日間、');

    const csv = await downloadCsv(page, frame);
    expect(csv.name).toBe('incident-report-INC-2020-02-01_2020-02-29.csv');
    const rows = csv.text.slice(1).split('\r\n');
    expect(csv.text.startsWith('\uFEFF区分,項目,詳細,値\r\n')).toBe(true);
    expect(rows).toContain('件数,起票,,0');
    expect(rows).toContain('期間,開始日,,2020-02-01');
    await page.close();
  });

  it('when Jira fails the page says so with a retry that recovers, in each language', async () => {
    const faults = await site.control<{ added: string[] }>('faults', { path: '/rest/api/3/mypermissions', method: 'GET', target: 'jira', effect: { kind: 'serverError', status: 500 } });
    expect(faults.added).toHaveLength(1);
    try {
      for (const [locale, title, retry] of [
        ['ja-JP', '問題が発生しました', '再試行'],
        ['en-US', 'Something went wrong', 'Try again'],
      ] as const) {
        const page = await browser.newPage();
        await page.clock.setFixedTime(new Date(now));
        await page.goto(`${demo.url}/projects/INC/apps/incident-desk?as=${VIEWER}&locale=${locale}`);
        const frame = await frameOf(page, 'reports', '[data-testid="report-error"]');
        await frame.waitForSelector(`[data-testid="report-error"] >> text=${title}`);
        expect(await frame.$('[data-testid="report-view"]')).toBeNull();
        if (locale === 'en-US') {
          await fetch(`${demo.url}/__emulator/faults`, { method: 'DELETE' });
          await frame.click(`[data-testid="report-error"] button >> text="${retry}"`);
          await frame.waitForSelector('[data-testid="report-view"][aria-busy="false"]', { timeout: 20_000 });
          expect(await frame.$('[data-testid="report-error"]')).toBeNull();
        } else {
          expect(await text(frame, '[data-testid="report-error"] button')).toBe(retry);
        }
        await page.close();
      }
    } finally {
      await fetch(`${demo.url}/__emulator/faults`, { method: 'DELETE' });
    }
  });
});
