import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { CalendarDefinitionSchema, businessMsBetween, compileCalendar } from '../../../src/domain/calendar';
import {
  DEFAULT_REQUIRED_REPORT_FIELDS,
  IncidentReportInputSchema,
  REPORT_FIELD_LABELS,
  buildIncidentReport,
  escapeHtml,
  escapeMarkdown,
  formatReportDate,
  formatReportDuration,
  formatReportInstant,
  missingRequiredFields,
  renderReportAdf,
  renderReportHtml,
  renderReportMarkdown,
  type ReportFieldId,
} from '../../../src/domain/incident';
import { at, fullInput, parsedFull } from './report-fixture';

const tokyo = compileCalendar(
  CalendarDefinitionSchema.parse({
    id: 'tokyo',
    labels: { ja: '東京', en: 'Tokyo' },
    timeZone: 'Asia/Tokyo',
    hours: {
      kind: 'weekly',
      week: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [{ start: '09:00', end: '18:00' }], thu: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }], sat: [], sun: [] },
    },
  }),
);

describe('report formatting', () => {
  it.each([
    [at('2025-01-06T09:30:00+09:00'), 'Asia/Tokyo', 'ja', '2025年1月6日(月) 09:30 (UTC+09:00)'],
    [at('2025-01-06T09:30:00+09:00'), 'Asia/Tokyo', 'en', 'Mon 2025-01-06 09:30 (UTC+09:00)'],
    [at('2025-01-06T09:30:59.999+09:00'), 'Asia/Tokyo', 'en', 'Mon 2025-01-06 09:30 (UTC+09:00)'],
    [at('2025-03-09T01:59:00-05:00'), 'America/New_York', 'en', 'Sun 2025-03-09 01:59 (UTC-05:00)'],
    [at('2025-03-09T03:00:00-04:00'), 'America/New_York', 'en', 'Sun 2025-03-09 03:00 (UTC-04:00)'],
    [at('2025-07-01T00:00:00+10:30'), 'Australia/Lord_Howe', 'ja', '2025年7月1日(火) 00:00 (UTC+10:30)'],
    [at('2025-01-01T00:00:00Z'), 'UTC', 'en', 'Wed 2025-01-01 00:00 (UTC+00:00)'],
  ] as const)('%i in %s (%s) is %s', (t, zone, locale, text) => {
    expect(formatReportInstant(t, zone, locale)).toBe(text);
  });

  it.each([
    [0, 'ja', '0分'],
    [0, 'en', '0 min'],
    [59_999, 'en', '0 min'],
    [60_000, 'en', '1 min'],
    [3_600_000, 'ja', '1時間'],
    [93_780_000, 'ja', '1日 2時間 3分'],
    [93_780_000, 'en', '1 d 2 h 3 min'],
    [86_400_000 * 3, 'en', '3 d'],
  ] as const)('%i ms in %s is %s', (ms, locale, text) => {
    expect(formatReportDuration(ms, locale)).toBe(text);
  });

  it('formats dates per locale and leaves unreal dates alone', () => {
    expect(formatReportDate('2025-03-31', 'ja')).toBe('2025年3月31日');
    expect(formatReportDate('2025-03-31', 'en')).toBe('2025-03-31');
    expect(formatReportDate('2025-02-30', 'ja')).toBe('2025-02-30');
  });
});

describe('buildIncidentReport', () => {
  it('builds the timeline from changelog, comments, escalations, occurrence and recovery in time order', () => {
    const report = buildIncidentReport(parsedFull());
    expect(report.timeline).toEqual([
      { type: 'occurred', at: at('2025-01-17T17:00:00+09:00') },
      { type: 'created', at: at('2025-01-17T17:05:00+09:00'), by: '佐藤 花子' },
      { type: 'priority', at: at('2025-01-17T17:10:00+09:00'), by: '佐藤 花子', from: 'P3', to: 'P1' },
      { type: 'status', at: at('2025-01-17T17:20:00+09:00'), by: '田中 一郎', from: 'Open', to: 'In Progress' },
      { type: 'assignee', at: at('2025-01-17T17:20:00+09:00'), by: '田中 一郎', from: null, to: '田中 一郎' },
      { type: 'comment', at: at('2025-01-17T17:30:00+09:00'), by: '田中 一郎', commentId: '501', excerpt: '再起動で一時復旧を試みます。 影響を確認中。' },
      { type: 'escalation', at: at('2025-01-17T17:35:00+09:00'), level: 'L2 (30分)', targets: ['運用マネージャー', 'oncall-db'], action: 'メール通知' },
      { type: 'recovered', at: at('2025-01-20T10:00:00+09:00') },
      { type: 'status', at: at('2025-01-20T10:05:00+09:00'), by: null, from: 'In Progress', to: 'Resolved' },
    ]);
  });

  it('gives wall-clock downtime, and business downtime when a calendar function is passed', () => {
    const input = parsedFull();
    expect(buildIncidentReport(input).downtime).toEqual({ wallMs: 65 * 3_600_000, businessMs: null });
    // Friday 17:00 -> Monday 10:00 under 9-18 weekdays: 1 h + 1 h
    expect(buildIncidentReport(input, { businessMsBetween: (a, b) => businessMsBetween(tokyo, a, b) }).downtime).toEqual({
      wallMs: 65 * 3_600_000,
      businessMs: 2 * 3_600_000,
    });
  });

  it('has no downtime when recovery precedes occurrence or is unknown', () => {
    expect(buildIncidentReport(IncidentReportInputSchema.parse({ ...fullInput, recoveredAt: '2025-01-17T16:00:00+09:00' })).downtime).toBeNull();
    expect(buildIncidentReport(IncidentReportInputSchema.parse({ ...fullInput, recoveredAt: null })).downtime).toBeNull();
  });

  it('truncates long comment excerpts in the timeline but keeps full bodies', () => {
    const body = 'あ'.repeat(200);
    const report = buildIncidentReport(IncidentReportInputSchema.parse({ ...fullInput, comments: [{ id: 1, created: 0, author: null, body }] }));
    const entry = report.timeline.find((e) => e.type === 'comment');
    expect(entry?.type === 'comment' ? entry.excerpt : '').toBe(`${'あ'.repeat(119)}…`);
    expect(report.comments[0]?.body).toBe(body);
  });

  it('refuses malformed input with field paths', () => {
    const r = IncidentReportInputSchema.safeParse({ ...fullInput, incidentNumber: 'INC-1', permanentFixes: [{ description: 'x', due: '2025-02-30' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['incidentNumber', 'permanentFixes.0.due']);
  });
});

describe('missingRequiredFields', () => {
  it('lists nothing for a complete report', () => {
    expect(missingRequiredFields(buildIncidentReport(parsedFull()))).toEqual([]);
  });

  it('lists every empty required field in template order with ja/en labels', () => {
    const empty = buildIncidentReport(IncidentReportInputSchema.parse({ issueKey: 'OPS-1', createdAt: 0, reportDate: 0, summary: '   ' }));
    const missing = missingRequiredFields(empty);
    expect(missing.map((m) => m.field)).toEqual([...DEFAULT_REQUIRED_REPORT_FIELDS]);
    expect(missing.every((m) => m.reason === 'missing')).toBe(true);
    expect(missing[0]).toEqual({
      field: 'incidentNumber',
      label: { ja: '管理番号', en: 'Incident number' },
      reason: 'missing',
      message: { ja: '管理番号: 未入力', en: 'Incident number: missing' },
    });
  });

  it.each<[string, Record<string, unknown>, readonly ReportFieldId[] | undefined, { field: ReportFieldId; reason: string; en: string }[]]>([
    ['backwards recovery', { recoveredAt: '2025-01-17T16:00:00+09:00' }, undefined, [{ field: 'recoveredAt', reason: 'invalid', en: 'Recovered at: invalid (before the occurrence)' }]],
    ['backwards recovery, only downtime required', { recoveredAt: '2025-01-17T16:00:00+09:00' }, ['downtime'], [{ field: 'downtime', reason: 'invalid', en: 'Downtime: invalid (before the occurrence)' }]],
    ['fix without owner and due', { permanentFixes: [{ description: 'a' }, { description: 'b', owner: 'x', due: '2025-01-01' }] }, undefined, [{ field: 'permanentFixes', reason: 'incomplete', en: 'Permanent fixes: incomplete (1 without an owner or due date)' }]],
    ['no stakeholders, no workaround', { stakeholders: [], workaround: '' }, undefined, [
      { field: 'workaround', reason: 'missing', en: 'Workaround: missing' },
      { field: 'stakeholders', reason: 'missing', en: 'Stakeholders: missing' },
    ]],
    ['custom list', { service: null, escalations: [] }, ['service', 'escalations', 'summary'], [
      { field: 'service', reason: 'missing', en: 'Affected service: missing' },
      { field: 'escalations', reason: 'missing', en: 'Escalations: missing' },
    ]],
    ['downtime missing without recovery', { recoveredAt: null }, ['downtime'], [{ field: 'downtime', reason: 'missing', en: 'Downtime: missing' }]],
  ])('%s', (_name, patch, required, expected) => {
    const report = buildIncidentReport(IncidentReportInputSchema.parse({ ...fullInput, ...patch }));
    const missing = missingRequiredFields(report, required);
    expect(missing.map((m) => ({ field: m.field, reason: m.reason, en: m.message.en }))).toEqual(expected);
    for (const m of missing) expect(m.label).toEqual(REPORT_FIELD_LABELS[m.field]);
  });
});

const adfSchema = JSON.parse(readFileSync('node_modules/@atlaskit/adf-schema/json-schema/v1/full.json', 'utf8')) as Record<string, unknown>;
delete adfSchema.$schema; // draft-04 document; the keywords it uses mean the same under Ajv's default draft
const validateAdf = new Ajv({ strict: false, allErrors: true }).compile(adfSchema);

/** Every template field must appear (by its label) in each output. */
const TEMPLATE_FIELDS: ReportFieldId[] = [
  'incidentNumber', 'reportDate', 'reporter', 'occurredAt', 'recoveredAt', 'downtime', 'summary', 'impactScope',
  'directCause', 'rootCause', 'timeline', 'comments', 'escalations', 'workaround', 'permanentFixes', 'stakeholders',
];

describe('renderers', () => {
  const report = buildIncidentReport(parsedFull(), { businessMsBetween: (a, b) => businessMsBetween(tokyo, a, b) });

  it.each(['ja', 'en'] as const)('every output in %s carries every template field and value', (locale) => {
    const options = { locale, timeZone: 'Asia/Tokyo' };
    const outputs = [renderReportMarkdown(report, options), renderReportHtml(report, options), JSON.stringify(renderReportAdf(report, options))];
    for (const out of outputs) {
      for (const f of TEMPLATE_FIELDS) expect(out).toContain(REPORT_FIELD_LABELS[f][locale]);
      for (const value of ['INC-20250117-003', '佐藤 花子', '決済API', '接続リークの修正', '田中 一郎', '山本 課長', 'yamamoto@example.com', 'メール通知', 'oncall-db']) {
        expect(out).toContain(value);
      }
      expect(out).toContain(formatReportInstant(at('2025-01-17T17:00:00+09:00'), 'Asia/Tokyo', locale));
      expect(out).toContain(formatReportDuration(65 * 3_600_000, locale));
      expect(out).toContain(formatReportDuration(2 * 3_600_000, locale));
    }
  });

  it('renders Markdown with exact header, fields table and escaped text', () => {
    const md = renderReportMarkdown(report, { locale: 'ja', timeZone: 'Asia/Tokyo' });
    const lines = md.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# インシデント報告書 INC-20250117-003',
      '',
      '| 項目 | 内容 |',
      '| --- | --- |',
      '| 管理番号 | INC-20250117-003 |',
    ]);
    expect(md).toContain('| 停止時間（実時間） | 2日 17時間 |');
    expect(md).toContain('| 停止時間（営業時間） | 2時間 |');
    expect(md).toContain('| 接続リークの修正 (OPS-50) | 田中 一郎 | 2025年1月31日 | 未完了 |');
    expect(md).toContain('- 2025年1月17日(金) 17:30 (UTC+09:00) 田中 一郎  \n  再起動で一時復旧を試みます。  \n  影響を確認中。');
    expect(md.endsWith('*日時の表記: Asia/Tokyo*\n')).toBe(true);
  });

  it.each([
    ['*bold* <script>', '\\*bold\\* \\<script\\>'],
    ['a | b', 'a \\| b'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list\n1. nor this', '\\- not a list\n1\\. nor this'],
    ['[link](javascript:x) ![img](y)', '\\[link\\](javascript:x) \\!\\[img\\](y)'],
    ['    code?', 'code?'],
    ['&lt;', '\\&lt;'],
  ])('escapes Markdown %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('keeps user text inert in Markdown table cells', () => {
    const evil = buildIncidentReport(IncidentReportInputSchema.parse({ ...fullInput, service: 'a|b\nc' }));
    expect(renderReportMarkdown(evil, { locale: 'en', timeZone: 'UTC' })).toContain('| Affected service | a\\|b<br>c |');
  });

  it('escapes HTML: a <script> in the summary stays text', () => {
    const evil = buildIncidentReport(
      IncidentReportInputSchema.parse({ ...fullInput, summary: '<script>alert("x")</script>', reporter: { displayName: '"><img src=x onerror=alert(1)>' } }),
    );
    const html = renderReportHtml(evil, { locale: 'en', timeZone: 'Asia/Tokyo' });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(html).toContain('<td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('produces a self-contained printable page', () => {
    const html = renderReportHtml(report, { locale: 'ja', timeZone: 'Asia/Tokyo' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>インシデント報告書 INC-20250117-003</title>');
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toContain('@media print {');
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it.each(['ja', 'en'] as const)('produces ADF valid against the published ADF JSON schema (%s)', (locale) => {
    const doc = renderReportAdf(report, { locale, timeZone: 'Asia/Tokyo' });
    expect(validateAdf(doc), JSON.stringify(validateAdf.errors?.slice(0, 3))).toBe(true);
    const types = new Set(doc.content.map((b) => b.type));
    expect([...types].sort()).toEqual(['bulletList', 'heading', 'paragraph', 'table']);
  });

  it('produces valid ADF for an empty report and for text with blank lines', () => {
    const sparse = buildIncidentReport(IncidentReportInputSchema.parse({ issueKey: 'OPS-9', createdAt: 0, reportDate: 0, summary: 'line 1\n\nline 3' }));
    const doc = renderReportAdf(sparse, { locale: 'en', timeZone: 'UTC' });
    expect(validateAdf(doc), JSON.stringify(validateAdf.errors?.slice(0, 3))).toBe(true);
    expect(doc.content).toContainEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'line 1' }, { type: 'hardBreak' }, { type: 'hardBreak' }, { type: 'text', text: 'line 3' }],
    });
    // the schema check itself must be able to fail
    expect(validateAdf({ version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).toBe(false);
  });
});
