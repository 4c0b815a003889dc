import type { Sha256 } from '../../domain/incident/evidence';
import { SECURITY_KIND_ID } from '../escalation/security-intake';
import type { IncidentEventHook } from '../issue-events/handle-issue-event';
import { optionLevelId } from '../sla/option-levels';
import { closedReason, isClosed } from './evidence-access';
import { sealRegister } from './evidence-chain';
import type { EvidenceStore } from './evidence-store';

/**
 * Issue-event hook: when a security incident closes (status category done or a resolution set), its
 * evidence register is sealed with a lock record at once, by the app, so the chain says when it was
 * closed even if nobody opens the panel. No REST call (the kind, status and resolution are on the one
 * snapshot); one KVS query, plus one write the first time. Idempotent: a sealed or empty register is left
 * alone, so duplicated and late events write nothing. Reads and adds seal too (see list/add), so a lost
 * event only delays the lock record, never lets an item in after close.
 *
 * @example
 * evidenceSealHook({ store: kvsEvidenceStore, sha256 }).run({ issue: resolvedSecurityIncident, ... })
 * // 'sealed' the first time, then 'unchanged'
 */
export function evidenceSealHook(deps: { readonly store: EvidenceStore; readonly sha256: Sha256 }): IncidentEventHook {
  return {
    name: 'evidence-seal',
    async run({ issue, config, catalog, now }) {
      const kindField = catalog.fields.incidentKind;
      if (kindField === null) return 'not-security';
      if (optionLevelId(issue.fields[kindField], catalog.options.incidentKind, config.incidentKinds) !== SECURITY_KIND_ID) return 'not-security';
      if (!isClosed(issue)) return 'open';
      const sealed = await sealRegister(deps, issue.id, { now, by: catalog.appAccountId ?? 'incident-desk', reason: closedReason(issue) });
      return sealed === null ? 'unchanged' : 'sealed';
    },
  };
}
