import type { IncidentReport } from './incident-report';
import { reportDocument, type RenderOptions } from './report-document';

/**
 * Escapes text for CommonMark/GFM so user text can never become markup: punctuation that starts inline
 * syntax (including `<` for raw HTML and `|` for table cells) gets a backslash, and so does anything at a
 * line start that would open a block (lists, headings, quotes, setext underlines).
 *
 * @example escapeMarkdown('*bold* <script>') === '\\*bold\\* \\<script\\>'
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .trimStart()
        .replace(/[\\`*_[\]<>|~#&!]/g, '\\$&')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

function paragraph(text: string): string {
  // Two trailing spaces: a hard line break, so the author's line breaks survive.
  return escapeMarkdown(text).split('\n').join('  \n');
}

function cell(text: string): string {
  return escapeMarkdown(text).split('\n').join('<br>');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : cell(c))).join(' | ')} |`;
}

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [tableRow(columns), `|${columns.map(() => ' --- ').join('|')}|`, ...rows.map(tableRow)].join('\n');
}

/**
 * The incident report as GitHub-flavoured Markdown (tables), in one language.
 *
 * @example
 * renderReportMarkdown(report, { locale: 'ja', timeZone: 'Asia/Tokyo' }).split('\n')[0]
 * // '# インシデント報告書 INC-20250106-001'
 */
export function renderReportMarkdown(report: IncidentReport, options: RenderOptions): string {
  const parts: string[] = [];
  for (const block of reportDocument(report, options)) {
    switch (block.type) {
      case 'heading':
        parts.push(`${'#'.repeat(block.level)} ${cell(block.text)}`);
        break;
      case 'fields':
        parts.push(table(block.columns, block.rows.map((r) => [r.label, r.value])));
        break;
      case 'text':
        parts.push(block.placeholder ? `*${paragraph(block.text)}*` : paragraph(block.text));
        break;
      case 'table':
        parts.push(table(block.columns, block.rows));
        break;
      case 'list':
        // Continuation lines are indented so a multi-line item stays one item.
        parts.push(block.items.map((i) => `- ${paragraph(i).split('\n').join('\n  ')}`).join('\n'));
        break;
      case 'note':
        parts.push(`*${paragraph(block.text)}*`);
        break;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
