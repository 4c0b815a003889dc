import type { IncidentReport } from './incident-report';
import { reportDocument, type RenderOptions } from './report-document';

/**
 * Atlassian Document Format (version 1) for the report, as a Jira comment body. Only nodes every Jira
 * Cloud renderer supports: heading, paragraph, text (strong/em marks), hardBreak, table, bulletList
 * (comments are a bullet list; tables for fields, fixes, timeline, escalations, stakeholders).
 * ADF refuses empty text nodes, so empty strings become empty paragraphs.
 */

export interface AdfMark {
  readonly type: 'strong' | 'em';
}
export type AdfInline = { readonly type: 'text'; readonly text: string; readonly marks?: readonly AdfMark[] } | { readonly type: 'hardBreak' };
export interface AdfParagraph {
  readonly type: 'paragraph';
  readonly content: readonly AdfInline[];
}
export interface AdfHeading {
  readonly type: 'heading';
  readonly attrs: { readonly level: 1 | 2 | 3 | 4 | 5 | 6 };
  readonly content: readonly AdfInline[];
}
export interface AdfTableCell {
  readonly type: 'tableCell' | 'tableHeader';
  readonly attrs: Record<string, never>;
  readonly content: readonly AdfParagraph[];
}
export interface AdfTableRow {
  readonly type: 'tableRow';
  readonly content: readonly AdfTableCell[];
}
export interface AdfTable {
  readonly type: 'table';
  readonly attrs: { readonly isNumberColumnEnabled: false; readonly layout: 'default' };
  readonly content: readonly AdfTableRow[];
}
export interface AdfListItem {
  readonly type: 'listItem';
  readonly content: readonly AdfParagraph[];
}
export interface AdfBulletList {
  readonly type: 'bulletList';
  readonly content: readonly AdfListItem[];
}
export type AdfBlock = AdfParagraph | AdfHeading | AdfTable | AdfBulletList;
export interface AdfDoc {
  readonly version: 1;
  readonly type: 'doc';
  readonly content: readonly AdfBlock[];
}

/**
 * Inline nodes of a text: one text node per line, hardBreak between lines, nothing for empty lines' text.
 *
 * @example adfInline('a\nb') // [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }]
 */
export function adfInline(text: string, marks?: readonly AdfMark[]): AdfInline[] {
  const out: AdfInline[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) out.push({ type: 'hardBreak' });
    if (line !== '') out.push(marks === undefined ? { type: 'text', text: line } : { type: 'text', text: line, marks });
  });
  return out;
}

const paragraph = (text: string, marks?: readonly AdfMark[]): AdfParagraph => ({ type: 'paragraph', content: adfInline(text, marks) });

function tableRow(cells: readonly string[], type: AdfTableCell['type']): AdfTableRow {
  return { type: 'tableRow', content: cells.map((c) => ({ type, attrs: {}, content: [paragraph(c, type === 'tableHeader' ? [{ type: 'strong' }] : undefined)] })) };
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): AdfTable {
  return { type: 'table', attrs: { isNumberColumnEnabled: false, layout: 'default' }, content: [tableRow(header, 'tableHeader'), ...rows.map((r) => tableRow(r, 'tableCell'))] };
}

/**
 * The report as an ADF document for a Jira comment (POST /rest/api/3/issue/{key}/comment `{ body }`).
 *
 * @example
 * const doc = renderReportAdf(report, { locale: 'en', timeZone: 'Asia/Tokyo' });
 * doc.content[0] // { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Incident report INC-20250106-001' }] }
 */
export function renderReportAdf(report: IncidentReport, options: RenderOptions): AdfDoc {
  const content: AdfBlock[] = [];
  for (const block of reportDocument(report, options)) {
    switch (block.type) {
      case 'heading':
        content.push({ type: 'heading', attrs: { level: block.level }, content: adfInline(block.text) });
        break;
      case 'fields':
        content.push({
          type: 'table',
          attrs: { isNumberColumnEnabled: false, layout: 'default' },
          content: block.rows.map((r) => ({
            type: 'tableRow',
            content: [
              { type: 'tableHeader', attrs: {}, content: [paragraph(r.label, [{ type: 'strong' }])] },
              { type: 'tableCell', attrs: {}, content: [paragraph(r.value)] },
            ],
          })),
        });
        break;
      case 'list':
        content.push(adfBulletList(block.items));
        break;
      case 'text':
        content.push(paragraph(block.text, block.placeholder ? [{ type: 'em' }] : undefined));
        break;
      case 'table':
        content.push(table(block.columns, block.rows));
        break;
      case 'note':
        content.push(paragraph(block.text, [{ type: 'em' }]));
        break;
    }
  }
  return { version: 1, type: 'doc', content };
}

/**
 * The missing-field list as an ADF bullet list, e.g. for a comment asking the assignee to complete the report.
 *
 * @example adfBulletList(['Root cause: missing']).content[0]?.content[0]?.content // [{ type: 'text', text: 'Root cause: missing' }]
 */
export function adfBulletList(items: readonly string[]): AdfBulletList {
  return { type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [paragraph(i)] })) };
}
