/**
 * Plain text of what Jira returns for a text-ish field: a string (textfield, and textarea in the emulator
 * and API v2), an Atlassian Document Format document (textarea and description in API v3), or an option
 * (`{ value }`). Blank means not provided.
 */

function adfText(node: unknown): string {
  if (node === null || typeof node !== 'object') return '';
  const n = node as { type?: unknown; text?: unknown; content?: unknown };
  if (n.type === 'text' && typeof n.text === 'string') return n.text;
  if (n.type === 'hardBreak') return '\n';
  const children = Array.isArray(n.content) ? n.content.map(adfText) : [];
  // Block nodes end a line; inline nodes run on.
  const block = ['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'tableRow', 'panel', 'rule'];
  const inner = n.type === 'tableRow' ? children.join(' | ') : children.join('');
  return typeof n.type === 'string' && block.includes(n.type) ? `${inner}\n` : inner;
}

/**
 * @example fieldText({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'DB down' }] }] }) === 'DB down'
 * @example fieldText('  ') === null
 */
export function fieldText(raw: unknown): string | null {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (raw !== null && typeof raw === 'object' && (raw as { type?: unknown }).type === 'doc') text = adfText(raw);
  else if (raw !== null && typeof raw === 'object' && typeof (raw as { value?: unknown }).value === 'string') text = (raw as { value: string }).value;
  else return null;
  const trimmed = text.replace(/\n{3,}/g, '\n\n').trim();
  return trimmed === '' ? null : trimmed;
}

/** A Jira user object as it appears in fields (`reporter`, a user picker, a comment author). */
export interface JiraUserLike {
  readonly accountId: string;
  readonly displayName: string | null;
  readonly emailAddress: string | null;
}

export function userOf(raw: unknown): JiraUserLike | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as { accountId?: unknown; displayName?: unknown; emailAddress?: unknown };
  if (typeof r.accountId !== 'string' || r.accountId === '') return null;
  return {
    accountId: r.accountId,
    displayName: typeof r.displayName === 'string' && r.displayName.trim() !== '' ? r.displayName : null,
    emailAddress: typeof r.emailAddress === 'string' && r.emailAddress !== '' ? r.emailAddress : null,
  };
}
