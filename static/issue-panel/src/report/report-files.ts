import { downloadText } from '../../../shared/files/download-text';

/**
 * The files of the incident report export, made in the browser from the resolver's texts (no second
 * round trip): the Markdown file, and the printable page with a Print button that does not print.
 *
 * Custom UI iframes allow downloads started by a click (`allow-downloads`) but not necessarily popups, so
 * "open printable page" tries a new tab with a blob URL and falls back to downloading the same page.
 */

/** `INC-20260302-001_INC-1.md` (the base name comes from the resolver, already file-system safe). */
export const markdownFileName = (base: string): string => `${base}.md`;
export const htmlFileName = (base: string): string => `${base}.html`;

const escapeAttr = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/**
 * The report page with a toolbar holding a Print button; the toolbar is hidden when printing.
 *
 * @example printablePage('<!DOCTYPE html><html><body><h1>R</h1></body></html>', 'Print').includes('onclick="window.print()"') // true
 */
export function printablePage(html: string, printLabel: string): string {
  const toolbar =
    `<div class="incident-desk-toolbar" style="margin:0 0 16px;text-align:right">` +
    `<button type="button" onclick="window.print()" style="font:inherit;padding:6px 12px">${escapeAttr(printLabel)}</button></div>`;
  const style = '<style>@media print { .incident-desk-toolbar { display: none !important; } }</style>';
  const withStyle = html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : `${style}${html}`;
  const bodyOpen = /<body[^>]*>/i.exec(withStyle);
  if (bodyOpen === null) return `${toolbar}${withStyle}`;
  const at = bodyOpen.index + bodyOpen[0].length;
  return `${withStyle.slice(0, at)}${toolbar}${withStyle.slice(at)}`;
}

/**
 * Opens the page in a new tab; when the browser (or the iframe sandbox) refuses the popup, downloads
 * it instead. Returns which one happened.
 */
export function openOrDownloadPage(fileName: string, page: string): 'opened' | 'downloaded' {
  const url = URL.createObjectURL(new Blob([page], { type: 'text/html;charset=utf-8' }));
  let opened: Window | null;
  try {
    opened = window.open(url, '_blank');
  } catch {
    opened = null;
  }
  if (opened !== null) {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return 'opened';
  }
  URL.revokeObjectURL(url);
  downloadText(fileName, page, 'text/html;charset=utf-8');
  return 'downloaded';
}
