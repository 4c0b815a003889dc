import type { CustodyEntryView, EvidenceItemView, LocalizedText } from '../../contracts';
import {
  EVIDENCE_SCHEMA_VERSION,
  appendEvidence,
  genesisHash,
  verifyEvidenceRegister,
  type EvidenceAppendRequest,
  type EvidenceRecord,
  type EvidenceRegister,
  type Sha256,
} from '../../domain/incident/evidence';
import type { EvidenceContent, EvidenceStore, StoredEvidence } from './evidence-store';

/** One thing wrong with a stored register, at the record it concerns. */
export interface ChainProblem {
  readonly seq: number;
  readonly code: string;
  readonly message: LocalizedText;
}

/** A register as read from the store, with everything found wrong with it. */
export interface ChainState {
  readonly registerId: string;
  /** The records that parse, in order (what the domain verifies and appends to). */
  readonly register: EvidenceRegister;
  readonly stored: readonly StoredEvidence[];
  readonly problems: readonly ChainProblem[];
  /** Hash of the last record (genesis when empty). */
  readonly head: string;
  readonly lockedAt: number | null;
}

const unreadable = (seq: number): ChainProblem => ({
  seq,
  code: 'unreadable',
  message: { ja: `記録を読み取れません。変更または破損しています（#${String(seq)}）`, en: `The record cannot be read: it was altered or damaged #${String(seq)}` },
});
const contentMismatch = (seq: number): ChainProblem => ({
  seq,
  code: 'content-mismatch',
  message: { ja: `保存されたテキストが SHA-256 と一致しません（#${String(seq)}）`, en: `The stored text does not match its SHA-256 #${String(seq)}` },
});

/**
 * Checks a stored register: unreadable records, every link and hash and rule (the domain's
 * verification), and that each text item's stored text still hashes to its recorded digest.
 */
export function evaluateChain(registerId: string, stored: readonly StoredEvidence[], sha256: Sha256): ChainState {
  const problems: ChainProblem[] = [];
  const records: EvidenceRecord[] = [];
  for (const s of stored) {
    if (s.record === null) problems.push(unreadable(s.seq));
    else records.push(s.record);
    if (s.record?.type === 'item-added' && s.content?.text != null && sha256(s.content.text) !== s.record.sha256) problems.push(contentMismatch(s.seq));
  }
  const register: EvidenceRegister = { schemaVersion: EVIDENCE_SCHEMA_VERSION, incidentKey: registerId, records };
  const verified = verifyEvidenceRegister(register, sha256);
  if (!verified.ok) problems.push(...verified.errors.map((e) => ({ seq: e.seq, code: e.code, message: e.message })));
  problems.sort((a, b) => a.seq - b.seq);
  const lockedAt = records.find((r) => r.type === 'locked')?.at ?? null;
  return { registerId, register, stored, problems, head: records.at(-1)?.hash ?? genesisHash(registerId, sha256), lockedAt };
}

export type AppendDecision =
  | { readonly kind: 'append'; readonly request: EvidenceAppendRequest; readonly content: EvidenceContent | null }
  | { readonly kind: 'skip' }
  | { readonly kind: 'refuse'; readonly code: 'locked' | 'broken-chain'; readonly message: LocalizedText };

export type AppendOutcome =
  | { readonly kind: 'appended'; readonly record: EvidenceRecord; readonly content: EvidenceContent | null; readonly head: string; readonly chain: ChainState }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'refused'; readonly code: 'locked' | 'broken-chain' | 'busy'; readonly message: LocalizedText };

export const BROKEN_CHAIN_MESSAGE: LocalizedText = {
  ja: '証跡台帳の検証に失敗したため、記録を追加できません。改ざんの可能性を調査してください。',
  en: 'The evidence register fails verification, so nothing can be added until it is investigated.',
};
export const LOCKED_MESSAGE: LocalizedText = {
  ja: 'このインシデントはクローズ済みのため、証跡台帳はロックされています。証跡の閲覧はできますが、追加はできません。',
  en: 'This incident is closed, so its evidence register is locked: you can still read the evidence, but not add to it.',
};
const BUSY_MESSAGE: LocalizedText = {
  ja: '同時に多くの記録が追加されたため保存できませんでした。もう一度お試しください。',
  en: 'Too many records were being added at the same moment; please try again.',
};

/** How often an append re-reads and retries after another writer took its sequence number (each round one racing writer wins, so N concurrent adds need up to N attempts). */
export const APPEND_ATTEMPTS = 12;

/**
 * Appends one record chosen by `decide` from the register as it is now. When another writer stored the
 * same sequence number first, re-reads and decides again (the record then chains onto theirs), up to
 * {@link APPEND_ATTEMPTS} times. Never appends to a register that does not verify.
 */
export async function appendToRegister(
  deps: { readonly store: EvidenceStore; readonly sha256: Sha256 },
  registerId: string,
  decide: (chain: ChainState) => AppendDecision,
  /** The register as the caller just read it: the first attempt starts from it instead of reading again. */
  current?: ChainState,
): Promise<AppendOutcome> {
  for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt += 1) {
    const chain = attempt === 0 && current !== undefined ? current : evaluateChain(registerId, await deps.store.load(registerId), deps.sha256);
    const decision = decide(chain);
    if (decision.kind === 'skip') return { kind: 'skipped' };
    if (decision.kind === 'refuse') return { kind: 'refused', code: decision.code, message: decision.message };
    if (chain.problems.length > 0) return { kind: 'refused', code: 'broken-chain', message: BROKEN_CHAIN_MESSAGE };
    const appended = appendEvidence(chain.register, decision.request, deps.sha256);
    if (!appended.ok) {
      const locked = appended.errors.some((e) => e.code === 'locked');
      return locked ? { kind: 'refused', code: 'locked', message: LOCKED_MESSAGE } : { kind: 'refused', code: 'broken-chain', message: appended.errors[0]?.message ?? BROKEN_CHAIN_MESSAGE };
    }
    const record = appended.value.records.at(-1);
    if (record === undefined) break;
    if (await deps.store.create(registerId, record, decision.content)) {
      return { kind: 'appended', record, content: decision.content, head: record.hash, chain: extendChain(chain, appended.value, decision.content) };
    }
  }
  return { kind: 'refused', code: 'busy', message: BUSY_MESSAGE };
}

/** The chain after a successful append: no reread, it is the verified chain plus the new record. */
function extendChain(chain: ChainState, register: EvidenceRegister, content: EvidenceContent | null): ChainState {
  const record = register.records.at(-1);
  if (record === undefined) return chain;
  return {
    ...chain,
    register,
    stored: [...chain.stored, { seq: record.seq, record, content }],
    head: record.hash,
    lockedAt: chain.lockedAt ?? (record.type === 'locked' ? record.at : null),
  };
}

/**
 * Seals a register with the lock record when it has records and no lock yet (an empty register is left
 * unwritten). Idempotent under races: a writer that finds the lock already there does nothing.
 * The chain with the lock when this call wrote it, null otherwise.
 */
export async function sealRegister(
  deps: { readonly store: EvidenceStore; readonly sha256: Sha256 },
  registerId: string,
  input: { readonly now: number; readonly by: string; readonly reason: string },
  current?: ChainState,
): Promise<ChainState | null> {
  const out = await appendToRegister(
    deps,
    registerId,
    (chain) =>
      chain.stored.length === 0 || chain.lockedAt !== null || chain.problems.length > 0
        ? { kind: 'skip' }
        : { kind: 'append', request: { type: 'lock', at: recordTime(chain, input.now), by: input.by, reason: input.reason }, content: null },
    current,
  );
  return out.kind === 'appended' ? out.chain : null;
}

/** Record time: now, but never before the last record (clocks of concurrent invocations may differ slightly). */
export const recordTime = (chain: ChainState, now: number): number => Math.max(now, chain.register.records.at(-1)?.at ?? 0);

/** The item view of an `item-added` record. */
export function itemView(record: Extract<EvidenceRecord, { type: 'item-added' }>, content: EvidenceContent | null): EvidenceItemView {
  return {
    itemId: record.itemId,
    seq: record.seq,
    name: record.item.name,
    kind: record.item.kind,
    sha256: record.sha256,
    note: record.item.description,
    size: content?.size ?? null,
    text: content?.text ?? null,
    addedBy: record.by,
    addedAt: record.at,
  };
}

/** Items and the custody log (every record, oldest first) of the readable records. */
export function registerView(chain: ChainState): { readonly items: EvidenceItemView[]; readonly custody: CustodyEntryView[] } {
  const contentOf = new Map(chain.stored.map((s) => [s.seq, s.content]));
  const items: EvidenceItemView[] = [];
  const custody: CustodyEntryView[] = [];
  for (const r of chain.register.records) {
    switch (r.type) {
      case 'item-added':
        items.push(itemView(r, contentOf.get(r.seq) ?? null));
        custody.push({ seq: r.seq, action: 'added', by: r.by, at: r.at, itemId: r.itemId });
        break;
      case 'custody':
        custody.push({ seq: r.seq, action: r.action, by: r.by, at: r.at, itemId: r.itemId });
        break;
      case 'locked':
        custody.push({ seq: r.seq, action: 'locked', by: r.by, at: r.at, itemId: null });
        break;
    }
  }
  return { items, custody };
}
