import type { CustodyEntryView, EvidenceAddItem } from '../../../../src/contracts';
import type { PlainMessageKey } from '../../../shared/i18n/translate';

/**
 * Pure helpers of the evidence section: hash display, browser-side file hashing, the add form's
 * validation and payload, and how a custody entry reads.
 */

/**
 * A digest shortened for a table cell: first 12 and last 4 hex digits.
 *
 * @example shortHash('ab'.repeat(32)) // 'abababababab…abab'
 */
export function shortHash(hex: string): string {
  return hex.length <= 20 ? hex : `${hex.slice(0, 12)}…${hex.slice(-4)}`;
}

/** Lower-case hex of a digest. */
export function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a file's bytes, in the browser (the file never leaves the machine). */
export async function sha256OfFile(file: Blob, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  return toHex(await subtle.digest('SHA-256', await file.arrayBuffer()));
}

export type EvidenceDraft =
  | { readonly kind: 'text'; readonly name: string; readonly text: string; readonly note: string }
  | { readonly kind: 'file'; readonly name: string; readonly file: { readonly size: number; readonly sha256: string } | null; readonly note: string };

export type DraftField = 'name' | 'text' | 'file';

/** The add form's checks before sending (the resolver checks again): which field is wrong and why. */
export function draftErrors(draft: EvidenceDraft): { readonly field: DraftField; readonly message: PlainMessageKey }[] {
  const out: { field: DraftField; message: PlainMessageKey }[] = [];
  if (draft.name.trim() === '') out.push({ field: 'name', message: 'evidence.add.needName' });
  if (draft.kind === 'text' && draft.text === '') out.push({ field: 'text', message: 'evidence.add.needText' });
  if (draft.kind === 'file' && draft.file === null) out.push({ field: 'file', message: 'evidence.add.needFile' });
  return out;
}

/** The `evidence/add` item of a valid draft; null when the draft has errors. */
export function draftItem(draft: EvidenceDraft): EvidenceAddItem | null {
  if (draftErrors(draft).length > 0) return null;
  const note = draft.note.trim() === '' ? {} : { note: draft.note.trim() };
  if (draft.kind === 'text') return { kind: 'text', name: draft.name.trim(), text: draft.text, ...note };
  if (draft.file === null) return null;
  return { kind: 'file', name: draft.name.trim(), size: draft.file.size, sha256: draft.file.sha256, ...note };
}

/** How a custody entry reads: the message key and the item it names (by name when the item is known). */
export function custodyMessage(entry: CustodyEntryView, itemName: (itemId: string) => string): { key: 'evidence.custody.added' | 'evidence.custody.viewedItem' | 'evidence.custody.exportedItem' | 'evidence.custody.transferred'; item: string } | { key: 'evidence.custody.viewed' | 'evidence.custody.exported' | 'evidence.custody.locked' } {
  const item = entry.itemId === null ? null : itemName(entry.itemId);
  switch (entry.action) {
    case 'added':
      return { key: 'evidence.custody.added', item: item ?? '?' };
    case 'viewed':
      return item === null ? { key: 'evidence.custody.viewed' } : { key: 'evidence.custody.viewedItem', item };
    case 'exported':
      return item === null ? { key: 'evidence.custody.exported' } : { key: 'evidence.custody.exportedItem', item };
    case 'transferred':
      return { key: 'evidence.custody.transferred', item: item ?? '—' };
    case 'locked':
      return { key: 'evidence.custody.locked' };
  }
}

/** Jira's bulk user lookup takes up to this many account ids per call. */
const BULK_MAX = 50;

/** `/rest/api/3/user/bulk` paths for the given ids, at most {@link BULK_MAX} per path. */
export function bulkUserPaths(accountIds: readonly string[]): string[] {
  const unique = [...new Set(accountIds)].sort();
  const paths: string[] = [];
  for (let i = 0; i < unique.length; i += BULK_MAX) {
    const q = unique.slice(i, i + BULK_MAX).map((id) => `accountId=${encodeURIComponent(id)}`);
    paths.push(`/rest/api/3/user/bulk?maxResults=${String(BULK_MAX)}&${q.join('&')}`);
  }
  return paths;
}
