import { ESCALATION_PROPERTY_KEY, readEscalationProperty } from '../../app/escalation';
import { RESOLVER_KEYS, SlaGetPayloadSchema, type Envelope, type FieldError, type SlaGetResult } from '../../contracts';
import { resolverSpec } from './define-resolver';
import { fail, ok } from './resolver-errors';
import { loadConfigFor } from './load-config';

/**
 * `sla/get`: the SLA of the issue in context (or named), computed now from its full changelog. The
 * issue is read AS THE USER, so someone who may not see it gets `not-found`, exactly as in Jira.
 */
export const slaGet = resolverSpec({
  key: RESOLVER_KEYS.slaGet,
  payload: SlaGetPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<SlaGetResult>> {
    if (ctx.accountId === null) return fail('forbidden', { message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } });
    const issueKey = payload.issueKey ?? ctx.issueKey;
    if (issueKey === null) {
      const fieldErrors: FieldError[] = [{ path: 'issueKey', message: { ja: 'issueKey は必須ですが、指定されていません。', en: 'issueKey is required but missing.' } }];
      return fail('invalid-payload', { fieldErrors });
    }
    if (deps.slaFor === null) return fail('not-implemented', { detail: 'sla/get: no SLA evaluator is wired' });
    // The project is the issue key's prefix; the evaluator only needs its catalog (which field is the kind).
    const sla = await deps.slaFor(issueKey.slice(0, issueKey.lastIndexOf('-')));
    const issue = await deps.gateways.asUser.getIssue(issueKey, {
      changelog: true,
      comments: true,
      properties: [ESCALATION_PROPERTY_KEY],
      fields: sla.issueFields,
    });
    if (issue === null) return fail('not-found');
    const loaded = await loadConfigFor(deps, issue.projectKey);
    if (!loaded.ok) return loaded.envelope;
    const config = loaded.config;
    const now = deps.clock.now();
    const view = sla.evaluate({ issue, config, now });
    return ok({
      issueKey: issue.key,
      evaluatedAt: view?.evaluation.evaluatedAt ?? now,
      policy: view === null ? null : { id: view.evaluation.policyId, version: view.evaluation.policyVersion },
      metrics: view?.evaluation.metrics ?? [],
      escalations: readEscalationProperty(issue.properties[ESCALATION_PROPERTY_KEY]).fired,
    });
  },
});
