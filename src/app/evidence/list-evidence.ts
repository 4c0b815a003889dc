import type { EvidenceListResult } from '../../contracts';
import { genesisHash } from '../../domain/incident/evidence';
import { appActor, closedReason, mayAddEvidence, NOT_SECURITY_MESSAGE, openIncident, type EvidenceDeps, type EvidenceFailure, type EvidenceIncident } from './evidence-access';
import { appendToRegister, evaluateChain, LOCKED_MESSAGE, recordTime, registerView, sealRegister, type ChainState } from './evidence-chain';

/** A user's repeated views of a register within this window are one custody entry (panel refreshes are not new looks). */
export const VIEW_LOG_WINDOW_MS = 15 * 60_000;

export type ListEvidenceOutcome = { readonly ok: true; readonly value: EvidenceListResult } | { readonly ok: false; readonly failure: EvidenceFailure };

/**
 * `evidence/list`: the register of a security incident with its custody log and the chain's verification.
 * Side effects, both recorded in the chain itself: the first read after the incident closed seals the
 * register with a lock record (by the app), and the caller's look is logged as a `viewed` custody entry
 * (once per {@link VIEW_LOG_WINDOW_MS}). An empty register is not written to. A broken chain is reported,
 * never appended to.
 *
 * @example
 * await listEvidence(deps, { issueKey: 'INC-7', accountId: 'u-csirt' })
 * // { ok: true, value: { state: 'register', items: [...], chain: { status: 'verified', head: '…', records: 3 }, locked: false, canAdd: true, ... } }
 */
export async function listEvidence(
  deps: EvidenceDeps,
  input: { readonly issueKey: string; readonly accountId: string; readonly purpose?: 'view' | 'export' | undefined },
): Promise<ListEvidenceOutcome> {
  const access = await openIncident(deps, input);
  if (access.kind === 'failed') return { ok: false, failure: access.failure };
  if (access.kind === 'not-applicable') return { ok: true, value: { state: 'not-applicable', reason: access.reason } };
  const { incident } = access;
  let chain = evaluateChain(incident.registerId, await deps.store.load(incident.registerId), deps.sha256);
  // A kind changed away from security keeps its evidence visible; it only never had any to show otherwise.
  if (!incident.security && chain.stored.length === 0) return { ok: true, value: { state: 'not-applicable', reason: 'not-security' } };

  const exporting = input.purpose === 'export';
  // Each write hands back the chain it extended, so the register is read once in the common case.
  chain = (await sealIfClosed(deps, incident, chain)) ?? chain;
  // An export is a look too: it is logged every time, views at most once per window.
  const afterLog = exporting ? await logExport(deps, incident, chain) : await logView(deps, incident, chain);
  const logged = afterLog !== null;
  chain = afterLog ?? chain;

  const locked = incident.closed || chain.lockedAt !== null;
  const refusal = !incident.security ? { code: 'not-security' as const, message: NOT_SECURITY_MESSAGE } : locked ? { code: 'locked' as const, message: LOCKED_MESSAGE } : await mayAddEvidence(deps, incident);
  const view = registerView(chain);
  const records = chain.stored.length;
  const first = chain.problems[0];
  return {
    ok: true,
    value: {
      state: 'register',
      issueKey: incident.issue.key,
      ...view,
      chain:
        first === undefined
          ? { status: 'verified', head: chain.head, records }
          : { status: 'broken', firstBrokenSeq: first.seq, problems: chain.problems.map((p) => ({ ...p })), records },
      locked,
      lockedAt: chain.lockedAt,
      canAdd: refusal === null,
      addRefusal: refusal?.message ?? null,
      ...(exporting ? { export: { fileName: exportFileName(incident.issue.key, deps.clock.now()), logged, document: exportDocument(incident, chain, deps) } } : {}),
    },
  };
}

/** `evidence-INC-7-20260302T0100Z.json` */
function exportFileName(issueKey: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 13);
  return `evidence-${issueKey}-${stamp}Z.json`;
}

/**
 * The register as a self-contained document: every stored record (as stored, so a tampered one shows as
 * it is), the verification result, and how to verify it again without the app.
 */
function exportDocument(incident: EvidenceIncident, chain: ChainState, deps: EvidenceDeps): unknown {
  return {
    format: 'incident-desk-evidence',
    formatVersion: 1,
    issueKey: incident.issue.key,
    registerId: incident.registerId,
    exportedAt: deps.clock.now(),
    exportedBy: incident.accountId,
    verification: {
      method:
        'Each record\'s "hash" is the lower-case hex SHA-256 of the canonical JSON (object keys sorted, no whitespace) of the record without "hash"; ' +
        'each "prevHash" is the previous record\'s "hash"; the first record\'s is SHA-256("incident-desk/evidence/v1\\n" + registerId). ' +
        'A text item\'s "sha256" is the SHA-256 of its content.text (UTF-8).',
      genesisHash: genesisHash(incident.registerId, deps.sha256),
      head: chain.head,
      status: chain.problems.length === 0 ? 'verified' : 'broken',
      problems: chain.problems,
    },
    records: chain.stored.map((s) => ({ seq: s.seq, record: s.record, content: s.content })),
  };
}

/** The chain with an `exported` custody entry, null when none could be written (a broken register). */
async function logExport(deps: EvidenceDeps, incident: EvidenceIncident, chain: ChainState): Promise<ChainState | null> {
  if (chain.stored.length === 0 || chain.problems.length > 0) return null;
  const out = await appendToRegister(
    deps,
    incident.registerId,
    (now) => ({
      kind: 'append',
      request: { type: 'custody', at: recordTime(now, deps.clock.now()), by: incident.accountId, action: 'exported', itemId: null, to: null, note: null },
      content: null,
    }),
    chain,
  );
  return out.kind === 'appended' ? out.chain : null;
}

/** The chain with the lock record when one was written, null otherwise. */
async function sealIfClosed(deps: EvidenceDeps, incident: EvidenceIncident, chain: ChainState): Promise<ChainState | null> {
  if (!incident.closed || chain.lockedAt !== null || chain.stored.length === 0 || chain.problems.length > 0) return null;
  return sealRegister(deps, incident.registerId, { now: deps.clock.now(), by: appActor(incident), reason: closedReason(incident.issue) }, chain);
}

/** The chain with a `viewed` custody entry when one was written (not within the window of the caller's last view). */
async function logView(deps: EvidenceDeps, incident: EvidenceIncident, chain: ChainState): Promise<ChainState | null> {
  if (chain.stored.length === 0 || chain.problems.length > 0) return null;
  const out = await appendToRegister(
    deps,
    incident.registerId,
    (now) => {
      const at = recordTime(now, deps.clock.now());
      const recent = now.register.records.some((r) => r.type === 'custody' && r.action === 'viewed' && r.itemId === null && r.by === incident.accountId && r.at >= at - VIEW_LOG_WINDOW_MS);
      return recent ? { kind: 'skip' } : { kind: 'append', request: { type: 'custody', at, by: incident.accountId, action: 'viewed', itemId: null, to: null, note: null }, content: null };
    },
    chain,
  );
  return out.kind === 'appended' ? out.chain : null;
}
