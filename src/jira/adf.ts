import type { AdfDocument, CommentBody } from '../app/ports/issue-gateway';

/**
 * Atlassian Document Format helpers: Jira REST v3 takes comment bodies as ADF documents and returns
 * them as such.
 */

/**
 * Plain text as an ADF document: blank lines separate paragraphs, single newlines become hard breaks.
 *
 * @example
 * textToAdf('a\nb\n\nc'); // { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [text a, hardBreak, text b] }, { paragraph c }] }
 */
export function textToAdf(text: string): AdfDocument {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line === '' ? [] : [{ type: 'text', text: line }])]),
    })),
  };
}

export function commentBodyToAdf(body: CommentBody): AdfDocument {
  return typeof body === 'string' ? textToAdf(body) : body;
}

function collect(node: unknown, out: string[]): void {
  if (typeof node !== 'object' || node === null) return;
  const n = node as { type?: unknown; text?: unknown; content?: unknown };
  if (n.type === 'text' && typeof n.text === 'string') out.push(n.text);
  else if (n.type === 'hardBreak') out.push('\n');
  if (Array.isArray(n.content)) {
    const block = n.type === 'paragraph' || n.type === 'heading' || n.type === 'listItem';
    for (const child of n.content) collect(child, out);
    if (block) out.push('\n\n');
  }
}

/**
 * The text of an ADF document (or a plain string, as Jira v2 bodies are).
 *
 * @example adfToText(textToAdf('a\n\nb')); // 'a\n\nb'
 */
export function adfToText(body: unknown): string {
  if (typeof body === 'string') return body;
  const out: string[] = [];
  collect(body, out);
  return out.join('').replace(/\n{3,}/g, '\n\n').trim();
}
