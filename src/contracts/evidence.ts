// zod/mini, like the other contracts: the issue panel's evidence section parses what it gets with these.
import * as z from 'zod/mini';
import { LocalizedTextSchema } from './envelope';

/**
 * evidence/list and evidence/add: the evidence register of a security incident (append-only, SHA-256
 * chained, with a custody log). The issue is read AS THE USER: who cannot see the (restricted) incident
 * gets `not-found`. Adding needs the CSIRT group (config `securityIncident.csirtGroup`) or project admin,
 * and is refused once the incident is closed (status category done or a resolution set).
 *
 * Hashes are lower-case hex SHA-256. A text item's hash is the SHA-256 of the UTF-8 bytes of the text
 * exactly as sent (no trimming, no newline normalisation): `printf '%s' "$text" | sha256sum` gives it.
 * A file is hashed in the browser (`crypto.subtle.digest('SHA-256', bytes)`); only its name, size and
 * digest reach the app, never its content.
 */

const IssueKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,18}$/));
const Sha256Hex = z.string().check(z.regex(/^[0-9a-fA-F]{64}$/));
const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));
const Note = z.optional(z.string().check(z.maxLength(2000)));

/** Longest text item (characters); a KVS value must stay far below 240 KB. */
export const EVIDENCE_TEXT_MAX = 20_000;

export const EvidenceListPayloadSchema = z.strictObject({
  issueKey: z.optional(IssueKeySchema),
  /** export: also return the whole register as a document for hand-over, logged as `exported` in the custody log. */
  purpose: z.optional(z.enum(['view', 'export'])),
});
export type EvidenceListPayload = z.infer<typeof EvidenceListPayloadSchema>;

export const EvidenceAddItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), name: Name, text: z.string().check(z.minLength(1), z.maxLength(EVIDENCE_TEXT_MAX)), note: Note }),
  z.strictObject({ kind: z.literal('file'), name: Name, size: z.int().check(z.minimum(0)), sha256: Sha256Hex, note: Note }),
]);
export type EvidenceAddItem = z.infer<typeof EvidenceAddItemSchema>;

export const EvidenceAddPayloadSchema = z.strictObject({ issueKey: z.optional(IssueKeySchema), item: EvidenceAddItemSchema });
export type EvidenceAddPayload = z.infer<typeof EvidenceAddPayloadSchema>;

export const EvidenceItemViewSchema = z.object({
  itemId: z.string(),
  seq: z.int(),
  name: z.string(),
  kind: z.enum(['file', 'text']),
  sha256: z.string(),
  note: z.nullable(z.string()),
  /** Bytes of a file item; null for text or when unknown. */
  size: z.nullable(z.int()),
  /** The stored text of a text item (null for files). */
  text: z.nullable(z.string()),
  addedBy: z.string(),
  addedAt: z.number(),
});
export type EvidenceItemView = z.infer<typeof EvidenceItemViewSchema>;

/** One line of the custody log: every record of the register, oldest first. */
export const CustodyEntryViewSchema = z.object({
  seq: z.int(),
  action: z.enum(['added', 'viewed', 'exported', 'transferred', 'locked']),
  by: z.string(),
  at: z.number(),
  /** The item concerned; null for the whole register. */
  itemId: z.nullable(z.string()),
});
export type CustodyEntryView = z.infer<typeof CustodyEntryViewSchema>;

export const ChainProblemViewSchema = z.object({ seq: z.int(), code: z.string(), message: LocalizedTextSchema });

export const ChainStatusViewSchema = z.discriminatedUnion('status', [
  /** Every record links to the one before and matches its hash; `head` is the last record's hash. */
  z.object({ status: z.literal('verified'), head: z.string(), records: z.int() }),
  z.object({ status: z.literal('broken'), firstBrokenSeq: z.int(), problems: z.array(ChainProblemViewSchema), records: z.int() }),
]);
export type ChainStatusView = z.infer<typeof ChainStatusViewSchema>;

export const EvidenceListResultSchema = z.discriminatedUnion('state', [
  /** Not a security incident (or the project is not set up): the panel shows no evidence section. */
  z.object({ state: z.literal('not-applicable'), reason: z.enum(['not-security', 'not-an-incident', 'not-set-up']) }),
  z.object({
    state: z.literal('register'),
    issueKey: z.string(),
    items: z.array(EvidenceItemViewSchema),
    custody: z.array(CustodyEntryViewSchema),
    chain: ChainStatusViewSchema,
    /** Closed incident (or a register already sealed): no more items. */
    locked: z.boolean(),
    lockedAt: z.nullable(z.number()),
    /** The caller may add an item now. */
    canAdd: z.boolean(),
    /** Why the caller may not add (locked, not CSIRT/admin); null when they may. */
    addRefusal: z.nullable(LocalizedTextSchema),
    /** Only for `purpose: 'export'`. */
    export: z.optional(
      z.object({
        fileName: z.string(),
        /** False when the register is broken: nothing is chained onto it, so the export could not be logged. */
        logged: z.boolean(),
        document: z.unknown(),
      }),
    ),
  }),
]);
export type EvidenceListResult = z.infer<typeof EvidenceListResultSchema>;

export const EvidenceAddResultSchema = z.object({ item: EvidenceItemViewSchema, head: z.string() });
export type EvidenceAddResult = z.infer<typeof EvidenceAddResultSchema>;
