import type { IncidentReport } from './incident-report';
import { reportDocument, type RenderOptions } from './report-document';

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example escapeHtml('<script>alert("x")</script>') === '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

// Inline CSS only: the page must print the same offline, from a blob URL, and under Forge's CSP (no scripts).
const STYLE = `
:root { color-scheme: light; }
body { font-family: "Hiragino Sans", "Noto Sans JP", "Yu Gothic", system-ui, sans-serif; color: #172b4d; margin: 24px auto; max-width: 960px; line-height: 1.5; font-size: 14px; }
h1 { font-size: 22px; border-bottom: 2px solid #172b4d; padding-bottom: 4px; }
h2 { font-size: 16px; margin-top: 24px; border-left: 4px solid #0c66e4; padding-left: 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #c1c7d0; padding: 4px 8px; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #f4f5f7; font-weight: 600; }
table.fields th { width: 28%; }
p, li { white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; }
p.placeholder, p.note { color: #6b778c; font-style: italic; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, p, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

function row(cells: readonly string[], tag: 'th' | 'td'): string {
  return `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
}

/**
 * The incident report as one self-contained, printable HTML page (inline CSS with print rules, no
 * scripts, no external resources); every piece of report text is escaped.
 *
 * @example
 * const html = renderReportHtml(report, { locale: 'en', timeZone: 'Asia/Tokyo' });
 * html.startsWith('<!DOCTYPE html>\n<html lang="en">') // true
 */
export function renderReportHtml(report: IncidentReport, options: RenderOptions): string {
  const blocks = reportDocument(report, options);
  const body: string[] = [];
  let title = '';
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        if (block.level === 1 && title === '') title = block.text;
        body.push(`<h${String(block.level)}>${escapeHtml(block.text)}</h${String(block.level)}>`);
        break;
      case 'fields':
        body.push(`<table class="fields"><tbody>${block.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`).join('')}</tbody></table>`);
        break;
      case 'text':
        body.push(`<p${block.placeholder ? ' class="placeholder"' : ''}>${escapeHtml(block.text)}</p>`);
        break;
      case 'table':
        body.push(`<table><thead>${row(block.columns, 'th')}</thead><tbody>${block.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`);
        break;
      case 'list':
        body.push(`<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
        break;
      case 'note':
        body.push(`<p class="note">${escapeHtml(block.text)}</p>`);
        break;
    }
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
