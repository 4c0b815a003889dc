import type { EvidenceAddItem, EvidenceAddResult } from '../../contracts';
import { appActor, closedReason, mayAddEvidence, NOT_SECURITY_MESSAGE, openIncident, type EvidenceDeps, type EvidenceFailure } from './evidence-access';
import { appendToRegister, itemView, LOCKED_MESSAGE, recordTime, sealRegister } from './evidence-chain';

export type AddEvidenceOutcome = { readonly ok: true; readonly value: EvidenceAddResult } | { readonly ok: false; readonly failure: EvidenceFailure };

/**
 * `evidence/add`: appends one item (a text, hashed here, or a file hashed in the browser) to a security
 * incident's register, by the caller, at the clock's now. Refused: not visible to the caller (not-found),
 * not a security incident, caller neither CSIRT nor project admin, incident closed or register locked (the
 * lock record is then written if missing), a register that fails verification. Two concurrent adds both
 * land, with consecutive sequence numbers.
 *
 * @example
 * await addEvidence(deps, { issueKey: 'INC-7', accountId: 'u-csirt', item: { kind: 'text', name: 'C2 address', text: '203.0.113.9' } })
 * // { ok: true, value: { item: { itemId: 'ev-1', seq: 1, sha256: sha256('203.0.113.9'), addedBy: 'u-csirt', ... }, head: '…' } }
 */
export async function addEvidence(deps: EvidenceDeps, input: { readonly issueKey: string; readonly accountId: string; readonly item: EvidenceAddItem }): Promise<AddEvidenceOutcome> {
  const access = await openIncident(deps, input);
  if (access.kind === 'failed') return { ok: false, failure: access.failure };
  if (access.kind === 'not-applicable' || !access.incident.security) return { ok: false, failure: { code: 'not-security', message: NOT_SECURITY_MESSAGE } };
  const { incident } = access;
  if (!incident.closed) {
    const refused = await mayAddEvidence(deps, incident);
    if (refused !== null) return { ok: false, failure: refused };
  }
  if (incident.closed) {
    // Seal an unsealed register on the way out, so the chain itself says from when it was closed.
    await sealRegister(deps, incident.registerId, { now: deps.clock.now(), by: appActor(incident), reason: closedReason(incident.issue) });
    return { ok: false, failure: { code: 'locked', message: LOCKED_MESSAGE } };
  }
  const { item } = input;
  const note = item.note === undefined || item.note.trim() === '' ? null : item.note.trim();
  const sha256 = item.kind === 'text' ? deps.sha256(item.text) : item.sha256.toLowerCase();
  const content = item.kind === 'text' ? { text: item.text, size: null } : { text: null, size: item.size };
  const out = await appendToRegister(deps, incident.registerId, (chain) => ({
    kind: 'append',
    request: { type: 'add-item', at: recordTime(chain, deps.clock.now()), by: incident.accountId, item: { name: item.name, kind: item.kind, description: note }, sha256 },
    content,
  }));
  switch (out.kind) {
    case 'appended':
      if (out.record.type !== 'item-added') throw new Error(`evidence/add appended a ${out.record.type} record`);
      return { ok: true, value: { item: itemView(out.record, out.content), head: out.head } };
    case 'refused':
      return { ok: false, failure: { code: out.code, message: out.message } };
    case 'skipped':
      throw new Error('evidence/add: an item append cannot be skipped');
  }
}
