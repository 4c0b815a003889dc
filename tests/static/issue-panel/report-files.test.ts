import { describe, expect, it } from 'vitest';
import { buildIncidentReport, IncidentReportInputSchema, renderReportHtml } from '../../../src/domain/incident';
import { htmlFileName, markdownFileName, printablePage } from '../../../static/issue-panel/src/report/report-files';

const report = buildIncidentReport(
  IncidentReportInputSchema.parse({ issueKey: 'INC-1', incidentNumber: 'INC-20260302-001', createdAt: 0, reportDate: 0, summary: 'Mail <down>' }),
);
const html = renderReportHtml(report, { locale: 'ja', timeZone: 'Asia/Tokyo' });

describe('incident report files', () => {
  it('the printable page keeps the report, adds one Print button right after <body>, hidden in print', () => {
    const page = printablePage(html, '印刷 / PDF として保存');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.match(/onclick="window\.print\(\)"/g)).toHaveLength(1);
    expect(page).toMatch(/<body[^>]*><div class="incident-desk-toolbar"/);
    expect(page).toContain('@media print { .incident-desk-toolbar { display: none !important; } }');
    expect(page.indexOf('.incident-desk-toolbar { display: none')).toBeLessThan(page.indexOf('</head>'));
    // Nothing of the report is lost: removing what was added gives the renderer's page back.
    const stripped = page.replace(/<div class="incident-desk-toolbar".*?<\/div>/, '').replace('<style>@media print { .incident-desk-toolbar { display: none !important; } }</style>', '');
    expect(stripped).toBe(html);
  });

  it('the button label is escaped (a translation cannot inject markup)', () => {
    expect(printablePage(html, '<b>"x"</b>')).toContain('&#60;b&#62;&#34;x&#34;&#60;/b&#62;');
  });

  it('file names carry the number and the key', () => {
    expect([markdownFileName('INC-20260302-001_INC-1'), htmlFileName('INC-20260302-001_INC-1')]).toEqual(['INC-20260302-001_INC-1.md', 'INC-20260302-001_INC-1.html']);
  });
});
