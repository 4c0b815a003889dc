import { systemClock } from '../../app/ports/clock';
import { JiraClient } from '../../jira/jira-client';
import { forgeJiraFetch } from '../../jira/forge-fetch';
import { JiraIssueGateway } from '../../jira/issue-gateway';
import { KvsConfigStore } from '../storage/config-store';
import type { ResolverDeps } from './resolver-deps';

/**
 * Production deps of the resolvers: the Jira gateway as the app and as the invoking user, the KVS
 * config store, the system clock. The SLA evaluator and the setup service are plugged in by the
 * composition root (src/forge/wiring.ts) when it provides them.
 */
export function defaultResolverDeps(overrides: Partial<ResolverDeps> = {}): ResolverDeps {
  return {
    gateways: {
      asApp: new JiraIssueGateway(new JiraClient({ fetch: forgeJiraFetch('app') })),
      asUser: new JiraIssueGateway(new JiraClient({ fetch: forgeJiraFetch('user') })),
    },
    configs: new KvsConfigStore(systemClock),
    clock: systemClock,
    evaluate: null,
    setup: null,
    ...overrides,
  };
}
