/** Minimal Atlassian Document Format checks: v3 endpoints refuse plain strings where ADF is required. */
export function isAdfDoc(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; version?: unknown; content?: unknown };
  return v.type === 'doc' && v.version === 1 && Array.isArray(v.content);
}

/** The plain text of an ADF document (for changelog strings and `text ~`). */
export function adfText(value: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof n.text === 'string') out.push(n.text);
    if (Array.isArray(n.content)) {
      for (const c of n.content) walk(c);
      if (n.type === 'paragraph' || n.type === 'heading') out.push('\n');
    }
  };
  walk(value);
  return out.join('').trim();
}

/** A one-paragraph ADF document, handy for seeding. */
export function adfParagraph(text: string) {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export const ADF_REQUIRED = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
