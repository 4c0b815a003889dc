// The bridge shim must be in place before anything imports @forge/bridge.
import '../support/bridge-shim';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../static/shared/i18n/i18n-provider';
import { FilterBar } from '../../../static/reports/src/components/filter-bar';
import { PeriodPicker } from '../../../static/reports/src/components/period-picker';
import { ReportView } from '../../../static/reports/src/components/report-view';
import { NO_FILTER, toggleValue } from '../../../static/reports/src/model/report-request';
import { emptyReport, sampleReport } from './report-fixture';

const render = (node: ReactNode, locale: string): string =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} timeZone="Asia/Tokyo">
      {node}
    </I18nProvider>,
  );

/** Text of the element with a data-testid (first match), tags stripped. */
function textOf(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) throw new Error(`no ${testId}`);
  const open = html.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(html.slice(open))?.[1] ?? '';
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = open;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return html.slice(open, re.lastIndex).replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  throw new Error(`unclosed ${testId}`);
}

describe('ReportView (en)', () => {
  const html = render(<ReportView result={sampleReport()} selection={NO_FILTER} projectKey="INC" reloading={false} />, 'en-US');

  it('states the period, zone, freshness and whether restricted incidents count', () => {
    expect(textOf(html, 'report-period')).toBe('03/01/2026 to 03/03/2026 (3 days, counted in Asia/Tokyo)');
    expect(textOf(html, 'report-as-of')).toBe('Figures as of Mar 3, 2026, 3:00 PM GMT+9 · Restricted (security) incidents are not counted for you.');
  });

  it('shows totals with drill-down links to issue search', () => {
    expect(textOf(html, 'report-total-opened-value')).toBe('6');
    expect(textOf(html, 'report-total-backlog-value')).toBe('5');
    expect(textOf(html, 'report-recurrence-value')).toBe('33.3%');
    expect(html).toContain(`href="/issues/?jql=${encodeURIComponent(sampleReport().drilldown.opened).replace(/&/g, '&amp;')}"`);
    expect(html).toContain('data-testid="report-drill-closed"');
    expect(html).toContain('data-testid="report-drill-breached"');
  });

  it('draws the trend as one labelled image with a table toggle', () => {
    expect(html).toMatch(/<svg role="img" aria-label="Line chart of incidents per day from 03\/01\/2026 to 03\/03\/2026: 6 opened and 4 closed in total; at most 3 on one day\."/);
    // Top tick 5 (the nice ceiling of 3): 3 sits at 192 - 3/5 * 180 = 84.
    expect(html).toContain('points="40,84 374,192 708,84"');
    expect(html).toContain('points="40,156 374,192 708,84"');
    expect(html).toMatch(/aria-expanded="false"[^>]*>Show data table</);
  });

  it('states the compliance formula and shows running/paused as excluded', () => {
    expect(textOf(html, 'report-sla-formula')).toBe('Formula: Compliance = met ÷ (met + breached) (running and paused are excluded and shown separately)');
    expect(textOf(html, 'report-sla-first-response')).toBe('Time to first response5183.3%21');
    expect(textOf(html, 'report-sla-resolution')).toBe('resolution00No data40');
    expect(html).toContain('Running (excluded)');
    expect(html).toContain('Paused (excluded)');
  });

  it('lists breached incidents with who is responsible and a link to each issue', () => {
    const rows = html.split('data-testid="report-breached-row"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('href="/browse/INC-7"');
    expect(rows[0]).toContain('山田 太郎');
    expect(rows[1]).toContain('Unassigned');
    expect(rows[1]).toContain('Time to first response, resolution');
  });

  it('formats MTTA and MTTR in business and wall-clock time', () => {
    expect(textOf(html, 'report-mtta-business')).toBe('30m');
    expect(textOf(html, 'report-mtta-wall')).toBe('1h 30m');
    expect(textOf(html, 'report-mttr-business')).toBe('No data');
    expect(textOf(html, 'report-mttr-wall')).toBe('25h 30m');
  });

  it('draws frequency bars per dimension with kind names translated', () => {
    expect(textOf(html, 'report-frequency-kind')).toBe('By KindFailure4Security incident1(no value)1');
    expect(textOf(html, 'report-frequency-category')).toBe('By CategoryNothing was opened in this period.');
    expect(html).toContain('aria-label="Bar chart of incidents opened by Priority"');
    expect(textOf(html, 'report-problems')).toBe('Top problemsINC-40 Mail queue stalls (3 incidents)');
  });
});

describe('ReportView (ja)', () => {
  it('speaks Japanese', () => {
    const html = render(<ReportView result={sampleReport()} selection={NO_FILTER} projectKey="INC" reloading={false} />, 'ja-JP');
    expect(textOf(html, 'report-period')).toBe('2026/03/01 ～ 2026/03/03（3 日間、Asia/Tokyo で集計）');
    expect(textOf(html, 'report-sla-formula')).toBe('計算式: 遵守率 = 達成 ÷ (達成 + 違反)（計測中・一時停止中は除外し、件数を別に表示）');
    expect(textOf(html, 'report-mtta-wall')).toBe('1時間30分');
    expect(html).toContain('計測中（除外）');
    expect(html).toContain('未割り当て');
    expect(html).toContain('>CSV をダウンロード</button>');
    expect(html).toMatch(/<svg role="img" aria-label="2026\/03\/01 から 2026\/03\/03 までの日別インシデント数の折れ線グラフ。/);
  });

  it('shows the empty state, not zeros, when nothing happened', () => {
    const html = render(<ReportView result={emptyReport()} selection={NO_FILTER} projectKey="INC" reloading={false} />, 'ja-JP');
    expect(textOf(html, 'report-empty')).toContain('この期間のインシデントはありません');
    expect(html).not.toContain('report-trend-chart');
    // CSV stays available (an empty report is still a report).
    expect(html).toContain('data-testid="report-csv"');
  });

  it('marks itself busy while the next report loads', () => {
    const html = render(<ReportView result={sampleReport()} selection={NO_FILTER} projectKey="INC" reloading />, 'en-US');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('role="status"');
  });
});

describe('controls', () => {
  it('filters offer the report options with the selection checked', () => {
    const selection = toggleValue(toggleValue(NO_FILTER, 'priorities', 'P1'), 'priorities', null);
    const html = render(<FilterBar result={sampleReport()} selection={selection} onToggle={() => undefined} onClear={() => undefined} />, 'en-US');
    expect(textOf(html, 'report-filter-priority-state')).toBe('2 selected');
    expect(textOf(html, 'report-filter-kind-state')).toBe('All');
    expect(html).toMatch(/data-value="P1" checked=""/);
    expect(html).toMatch(/data-value="P2"\/>/);
    expect(html).toContain('data-testid="report-filter-clear"');
    expect(textOf(html, 'report-filter-category')).toContain('No values recorded yet');
  });

  it('the period picker shows date fields only for custom dates', () => {
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const preset = render(<PeriodPicker preset="last30" period={period} onPreset={() => undefined} onCustom={() => undefined} />, 'ja-JP');
    expect(preset).toContain('過去 30 日間');
    expect(preset).not.toContain('report-period-from');
    const custom = render(<PeriodPicker preset="custom" period={period} onPreset={() => undefined} onCustom={() => undefined} />, 'en-US');
    expect(custom).toMatch(/type="date" data-testid="report-period-from" [^>]*value="2026-03-01"/);
    expect(custom).toContain('>Show report</button>');
  });
});
