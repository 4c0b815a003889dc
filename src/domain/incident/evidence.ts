import { z } from 'zod';

/**
 * Evidence register of a security incident: an append-only log of evidence items (name, SHA-256 of the
 * file or text, who added it, when) and their chain of custody (viewed / exported / transferred), closed
 * by a lock record when the incident closes. After the lock no item may be added; custody events still
 * are, because looking at or handing over evidence after closure must itself be recorded.
 *
 * Tamper evidence: every record carries the hash of the one before it and its own hash over a canonical
 * JSON text, and the first record chains from a genesis hash bound to the incident key. Rewriting any
 * record breaks every later hash. The hash function is a parameter (`sha256(text) => hex`), so this module
 * stays pure; the shell passes node:crypto's. The register's `head` hash can be anchored elsewhere (an
 * issue property) so a wholesale recomputation is detectable too.
 */

export const EVIDENCE_SCHEMA_VERSION = 1;

export type Sha256 = (text: string) => string;

const HEX64 = /^[0-9a-f]{64}$/;

/** A SHA-256 digest as 64 hex digits; upper case is accepted and stored lower case. */
export const Sha256HexSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => HEX64.test(s), { message: 'expected a SHA-256 digest: 64 hexadecimal digits' });

const InstantMsSchema = z.number().int().nonnegative();
const ActorSchema = z.string().trim().min(1);
const OptionalText = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : s.trim()));

export const EvidenceItemSchema = z.object({
  name: z.string().trim().min(1).max(500),
  kind: z.enum(['file', 'text']),
  description: OptionalText,
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const CUSTODY_ACTIONS = ['viewed', 'exported', 'transferred'] as const;
export const CustodyActionSchema = z.enum(CUSTODY_ACTIONS);
export type CustodyAction = z.infer<typeof CustodyActionSchema>;

const ChainFields = { seq: z.number().int().positive(), at: InstantMsSchema, by: ActorSchema, prevHash: z.string(), hash: z.string() };

export const EvidenceRecordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item-added'), ...ChainFields, itemId: z.string().min(1), item: EvidenceItemSchema, sha256: z.string() }),
  z.object({
    type: z.literal('custody'),
    ...ChainFields,
    action: CustodyActionSchema,
    /** null: the whole register (e.g. an export of everything). */
    itemId: z.string().nullable(),
    /** Recipient of a transfer; null otherwise. */
    to: z.string().nullable(),
    note: z.string().nullable(),
  }),
  z.object({ type: z.literal('locked'), ...ChainFields, reason: z.string().nullable() }),
]);
export type EvidenceRecord = z.infer<typeof EvidenceRecordSchema>;

export const EvidenceRegisterSchema = z.object({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  incidentKey: z.string().min(1),
  records: z.array(EvidenceRecordSchema),
});
export type EvidenceRegister = z.infer<typeof EvidenceRegisterSchema>;

/** What a user (or the close trigger) asks to append; the chain fields are computed here. */
export const EvidenceAppendRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add-item'), at: InstantMsSchema, by: ActorSchema, item: EvidenceItemSchema, sha256: z.string() }),
  z.object({ type: z.literal('custody'), at: InstantMsSchema, by: ActorSchema, action: CustodyActionSchema, itemId: OptionalText, to: OptionalText, note: OptionalText }),
  z.object({ type: z.literal('lock'), at: InstantMsSchema, by: ActorSchema, reason: OptionalText }),
]);
export type EvidenceAppendRequest = z.infer<typeof EvidenceAppendRequestSchema>;
export type EvidenceAppendRequestInput = z.input<typeof EvidenceAppendRequestSchema>;

export type EvidenceErrorCode =
  | 'locked'
  | 'already-locked'
  | 'malformed-hash'
  | 'time-went-backwards'
  | 'unknown-item'
  | 'transfer-needs-recipient'
  | 'history-rewritten'
  | 'wrong-incident'
  | 'bad-sequence'
  | 'broken-link'
  | 'hash-mismatch';

export interface EvidenceError {
  /** Record sequence number concerned; 0 for the register as a whole. */
  readonly seq: number;
  readonly code: EvidenceErrorCode;
  readonly message: { readonly ja: string; readonly en: string };
}

export type EvidenceResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly EvidenceError[] };

function err(seq: number, code: EvidenceErrorCode): EvidenceError {
  const s = String(seq);
  const at = seq === 0 ? '' : ` #${s}`;
  const jaAt = seq === 0 ? '' : `（#${s}）`;
  const text: Record<EvidenceErrorCode, { ja: string; en: string }> = {
    locked: { ja: `証跡台帳はロック済みのため証跡を追加できません${jaAt}`, en: `The evidence register is locked; no evidence can be added${at}` },
    'already-locked': { ja: `証跡台帳はすでにロックされています${jaAt}`, en: `The evidence register is already locked${at}` },
    'malformed-hash': { ja: `SHA-256 は 16 進数 64 桁で指定してください${jaAt}`, en: `A SHA-256 digest must be 64 hexadecimal digits${at}` },
    'time-went-backwards': { ja: `記録日時が直前の記録より前です${jaAt}`, en: `The record is dated before the previous record${at}` },
    'unknown-item': { ja: `存在しない証跡を参照しています${jaAt}`, en: `The record refers to an evidence item that does not exist${at}` },
    'transfer-needs-recipient': { ja: `引き渡しには引き渡し先が必要です${jaAt}`, en: `A transfer needs a recipient${at}` },
    'history-rewritten': { ja: `既存の記録が変更または削除されています${jaAt}`, en: `Existing records were changed or removed${at}` },
    'wrong-incident': { ja: '別のインシデントの証跡台帳です', en: 'The register belongs to another incident' },
    'bad-sequence': { ja: `記録の連番が連続していません${jaAt}`, en: `Record sequence numbers are not consecutive${at}` },
    'broken-link': { ja: `前の記録のハッシュと一致しません${jaAt}`, en: `The link to the previous record's hash is broken${at}` },
    'hash-mismatch': { ja: `記録の内容がハッシュと一致しません${jaAt}`, en: `The record's content does not match its hash${at}` },
  };
  return { seq, code, message: text[code] };
}

/**
 * Deterministic JSON: object keys sorted at every level (undefined members dropped), so the same record
 * always hashes the same.
 *
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) === '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The hash the first record links to: binds the chain to its incident.
 *
 * @example genesisHash('SEC-7', sha256) === sha256('incident-desk/evidence/v1\nSEC-7')
 */
export function genesisHash(incidentKey: string, sha256: Sha256): string {
  return sha256(`incident-desk/evidence/v${String(EVIDENCE_SCHEMA_VERSION)}\n${incidentKey}`);
}

/**
 * A record's own hash: SHA-256 of the canonical JSON of every field but `hash`.
 *
 * @example recordHash({ ...record, hash: 'anything' }, sha256) === recordHash(record, sha256)
 */
export function recordHash(record: EvidenceRecord, sha256: Sha256): string {
  const { hash: _hash, ...rest } = record;
  return sha256(canonicalJson(rest));
}

/**
 * A new, empty register.
 *
 * @example emptyEvidenceRegister('SEC-7') // { schemaVersion: 1, incidentKey: 'SEC-7', records: [] }
 */
export function emptyEvidenceRegister(incidentKey: string): EvidenceRegister {
  return { schemaVersion: EVIDENCE_SCHEMA_VERSION, incidentKey, records: [] };
}

interface ReplayState {
  locked: boolean;
  lastAt: number;
  items: Set<string>;
}

/** Rule checks of one record against the state before it; chain checks are separate. */
function ruleErrors(record: EvidenceRecord, state: ReplayState): EvidenceError[] {
  const out: EvidenceError[] = [];
  if (record.at < state.lastAt) out.push(err(record.seq, 'time-went-backwards'));
  switch (record.type) {
    case 'item-added':
      if (state.locked) out.push(err(record.seq, 'locked'));
      if (!HEX64.test(record.sha256)) out.push(err(record.seq, 'malformed-hash'));
      break;
    case 'custody':
      if (record.itemId !== null && !state.items.has(record.itemId)) out.push(err(record.seq, 'unknown-item'));
      if (record.action === 'transferred' && (record.to === null || record.to.trim() === '')) out.push(err(record.seq, 'transfer-needs-recipient'));
      break;
    case 'locked':
      if (state.locked) out.push(err(record.seq, 'already-locked'));
      break;
  }
  return out;
}

function advance(record: EvidenceRecord, state: ReplayState): void {
  state.lastAt = Math.max(state.lastAt, record.at);
  if (record.type === 'item-added') state.items.add(record.itemId);
  if (record.type === 'locked') state.locked = true;
}

function replay(records: readonly EvidenceRecord[]): ReplayState {
  const state: ReplayState = { locked: false, lastAt: 0, items: new Set() };
  for (const r of records) advance(r, state);
  return state;
}

export interface EvidenceVerification {
  /** Hash of the last record (the genesis hash for an empty register): anchor it to detect recomputation. */
  readonly head: string;
  readonly itemCount: number;
  readonly custodyCount: number;
  readonly lockedAt: number | null;
}

/**
 * Checks a whole register: consecutive sequence numbers, every link and hash, and the rules (no item after
 * the lock, one lock, well-formed digests, custody of known items, non-decreasing times). Reports every
 * problem, not just the first.
 *
 * @example
 * const reg = appendEvidence(emptyEvidenceRegister('SEC-7'), { type: 'add-item', at: 1, by: 'u1', item, sha256: 'ab'.repeat(32) }, sha256);
 * verifyEvidenceRegister(reg.ok ? reg.value : emptyEvidenceRegister('SEC-7'), sha256) // { ok: true, value: { head: '…', itemCount: 1, custodyCount: 0, lockedAt: null } }
 */
export function verifyEvidenceRegister(register: EvidenceRegister, sha256: Sha256): EvidenceResult<EvidenceVerification> {
  const errors: EvidenceError[] = [];
  const state: ReplayState = { locked: false, lastAt: 0, items: new Set() };
  let prev = genesisHash(register.incidentKey, sha256);
  let custodyCount = 0;
  let lockedAt: number | null = null;
  register.records.forEach((record, i) => {
    if (record.seq !== i + 1) errors.push(err(record.seq, 'bad-sequence'));
    if (record.prevHash !== prev) errors.push(err(record.seq, 'broken-link'));
    if (record.hash !== recordHash(record, sha256)) errors.push(err(record.seq, 'hash-mismatch'));
    errors.push(...ruleErrors(record, state));
    advance(record, state);
    if (record.type === 'custody') custodyCount += 1;
    if (record.type === 'locked' && lockedAt === null) lockedAt = record.at;
    // Continue from the stored hash so one tampered record is reported once, not for every record after it.
    prev = record.hash;
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { head: prev, itemCount: state.items.size, custodyCount, lockedAt } };
}

/**
 * Appends one record (an item, a custody event or the lock) to a valid register, computing its id, link
 * and hash. Refuses: adding after the lock, a second lock, a malformed digest, a time before the last
 * record, custody of an unknown item, a transfer without recipient, and any register that does not
 * verify (never build on a broken chain).
 *
 * @example
 * const r = appendEvidence(emptyEvidenceRegister('SEC-7'),
 *   { type: 'add-item', at: 1_700_000_000_000, by: 'u-sato', item: { name: 'fw.log', kind: 'file', description: null }, sha256: 'AB'.repeat(32) }, sha256);
 * r.ok && r.value.records[0] // { type: 'item-added', seq: 1, itemId: 'ev-1', sha256: 'ab…ab', prevHash: genesisHash('SEC-7', sha256), hash: '…', ... }
 */
export function appendEvidence(register: EvidenceRegister, request: EvidenceAppendRequest, sha256: Sha256): EvidenceResult<EvidenceRegister> {
  const verified = verifyEvidenceRegister(register, sha256);
  if (!verified.ok) return verified;
  const seq = register.records.length + 1;
  const state = replay(register.records);
  const base = { seq, at: request.at, by: request.by, prevHash: verified.value.head, hash: '' };
  let record: EvidenceRecord;
  switch (request.type) {
    case 'add-item': {
      const digest = request.sha256.trim().toLowerCase();
      record = { type: 'item-added', ...base, itemId: `ev-${String(state.items.size + 1)}`, item: request.item, sha256: digest };
      break;
    }
    case 'custody':
      record = { type: 'custody', ...base, action: request.action, itemId: request.itemId, to: request.to, note: request.note };
      break;
    case 'lock':
      record = { type: 'locked', ...base, reason: request.reason };
      break;
  }
  const problems = ruleErrors(record, state);
  if (problems.length > 0) return { ok: false, errors: problems };
  const sealed = { ...record, hash: recordHash(record, sha256) };
  return { ok: true, value: { ...register, records: [...register.records, sealed] } };
}

/**
 * Accepts a proposed register only as the stored one plus valid new records: same incident, every stored
 * record unchanged and in place, and the whole chain verifying. Use it when a full register arrives from
 * elsewhere (a client, a concurrent writer).
 *
 * @example
 * validateEvidenceAppend(stored, { ...stored, records: stored.records.slice(1) }, sha256)
 * // { ok: false, errors: [{ seq: 1, code: 'history-rewritten', ... }] }
 */
export function validateEvidenceAppend(stored: EvidenceRegister, proposed: EvidenceRegister, sha256: Sha256): EvidenceResult<EvidenceVerification> {
  if (proposed.incidentKey !== stored.incidentKey) return { ok: false, errors: [err(0, 'wrong-incident')] };
  const rewritten: EvidenceError[] = [];
  stored.records.forEach((old, i) => {
    const now = proposed.records[i];
    if (now === undefined || canonicalJson(now) !== canonicalJson(old)) rewritten.push(err(old.seq, 'history-rewritten'));
  });
  if (rewritten.length > 0) return { ok: false, errors: rewritten };
  return verifyEvidenceRegister(proposed, sha256);
}

/** Evidence items with their custody history, for display. */
export interface EvidenceItemView {
  readonly itemId: string;
  readonly item: EvidenceItem;
  readonly sha256: string;
  readonly addedBy: string;
  readonly addedAt: number;
  readonly custody: readonly { readonly action: CustodyAction; readonly by: string; readonly at: number; readonly to: string | null; readonly note: string | null }[];
}

/**
 * The register as items, each with its custody events (register-wide events are listed under `registerCustody`).
 *
 * @example evidenceView(register).items[0]?.custody.map((c) => c.action) // ['viewed', 'transferred']
 */
export function evidenceView(register: EvidenceRegister): {
  readonly items: readonly EvidenceItemView[];
  readonly registerCustody: EvidenceItemView['custody'];
  readonly lockedAt: number | null;
} {
  const items = new Map<string, { view: Omit<EvidenceItemView, 'custody'>; custody: EvidenceItemView['custody'][number][] }>();
  const registerCustody: EvidenceItemView['custody'][number][] = [];
  let lockedAt: number | null = null;
  for (const r of register.records) {
    switch (r.type) {
      case 'item-added':
        items.set(r.itemId, { view: { itemId: r.itemId, item: r.item, sha256: r.sha256, addedBy: r.by, addedAt: r.at }, custody: [] });
        break;
      case 'custody': {
        const event = { action: r.action, by: r.by, at: r.at, to: r.to, note: r.note };
        const target = r.itemId === null ? undefined : items.get(r.itemId);
        if (target === undefined) registerCustody.push(event);
        else target.custody.push(event);
        break;
      }
      case 'locked':
        lockedAt ??= r.at;
        break;
    }
  }
  return { items: [...items.values()].map((x) => ({ ...x.view, custody: x.custody })), registerCustody, lockedAt };
}
