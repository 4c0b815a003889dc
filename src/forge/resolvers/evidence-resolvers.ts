import { addEvidence, listEvidence, type EvidenceDeps, type EvidenceFailure } from '../../app/evidence';
import { EvidenceAddPayloadSchema, EvidenceListPayloadSchema, RESOLVER_KEYS, type Envelope, type EvidenceAddResult, type EvidenceListResult, type FieldError } from '../../contracts';
import { kvsEvidenceStore, sha256Hex } from '../storage/evidence-store';
import { KvsSetupStore } from '../storage/setup-store';
import type { CallContext } from './call-context';
import { resolverSpec } from './define-resolver';
import type { ResolverDeps } from './resolver-deps';
import { fail, ok } from './resolver-errors';

/**
 * `evidence/list` and `evidence/add`: the evidence register of a security incident (see
 * src/app/evidence). The issue is always read as the user; adding needs the CSIRT group or project admin.
 */

function evidenceDeps(deps: ResolverDeps): EvidenceDeps {
  const setup = new KvsSetupStore();
  return {
    store: kvsEvidenceStore,
    gateways: deps.gateways,
    configs: deps.configs,
    catalogOf: async (projectKey) => (await setup.load(projectKey))?.catalog ?? null,
    clock: deps.clock,
    sha256: sha256Hex,
  };
}

type Caller = { readonly ok: true; readonly accountId: string; readonly issueKey: string } | { readonly ok: false; readonly envelope: Envelope<never> };

function callerOf(ctx: CallContext, payloadIssueKey: string | undefined): Caller {
  if (ctx.accountId === null) return { ok: false, envelope: fail('forbidden', { message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } }) };
  const issueKey = payloadIssueKey ?? ctx.issueKey;
  if (issueKey === null) {
    const fieldErrors: FieldError[] = [{ path: 'issueKey', message: { ja: 'issueKey は必須ですが、指定されていません。', en: 'issueKey is required but missing.' } }];
    return { ok: false, envelope: fail('invalid-payload', { fieldErrors }) };
  }
  return { ok: true, accountId: ctx.accountId, issueKey };
}

/** Use-case refusals as envelopes; `meta.reason` lets the UI tell a lock from a permission. */
function failureEnvelope(failure: EvidenceFailure): Envelope<never> {
  switch (failure.code) {
    case 'not-found':
      return fail('not-found', { message: failure.message });
    case 'forbidden':
    case 'not-security':
      return fail('forbidden', { message: failure.message, meta: { reason: failure.code } });
    case 'invalid-config':
      return fail('invalid-config', { message: failure.message });
    case 'locked':
    case 'broken-chain':
    case 'busy':
      return fail('conflict', { message: failure.message, meta: { reason: failure.code } });
  }
}

export const evidenceList = resolverSpec({
  key: RESOLVER_KEYS.evidenceList,
  payload: EvidenceListPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<EvidenceListResult>> {
    const caller = callerOf(ctx, payload.issueKey);
    if (!caller.ok) return caller.envelope;
    const out = await listEvidence(evidenceDeps(deps), { ...caller, purpose: payload.purpose });
    return out.ok ? ok(out.value) : failureEnvelope(out.failure);
  },
});

export const evidenceAdd = resolverSpec({
  key: RESOLVER_KEYS.evidenceAdd,
  payload: EvidenceAddPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<EvidenceAddResult>> {
    const caller = callerOf(ctx, payload.issueKey);
    if (!caller.ok) return caller.envelope;
    const out = await addEvidence(evidenceDeps(deps), { ...caller, item: payload.item });
    return out.ok ? ok(out.value) : failureEnvelope(out.failure);
  },
});
