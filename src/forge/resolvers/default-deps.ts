import { createBackend, setupService, slaEvaluator, slaIssueFields, type Backend } from '../wiring';
import { reportDeps } from './report-resolvers';
import type { ResolverDeps } from './resolver-deps';

/**
 * Production deps of the resolvers, from the composition root: the Jira gateway as the app and as the
 * invoking user, the KVS config store, the SLA evaluator per project, the setup service.
 */
export function defaultResolverDeps(backend: Backend = createBackend()): ResolverDeps {
  return {
    gateways: backend.gateways,
    configs: backend.configs,
    clock: backend.clock,
    slaFor: async (projectKey) => ({ evaluate: await slaEvaluator(backend, [projectKey]), issueFields: await slaIssueFields(backend, [projectKey]) }),
    setup: setupService(backend),
    report: reportDeps(backend),
  };
}
