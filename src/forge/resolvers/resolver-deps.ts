import type { IssueSlaEvaluator } from '../../app/escalation';
import type { Clock } from '../../app/ports/clock';
import type { ConfigStore } from '../../app/ports/config-store';
import type { IssueGateways } from '../../app/ports/issue-gateway';

/** The project setup use case as the resolvers see it (implemented by the setup use case). */
export interface SetupService {
  /** Runs (or resumes) the idempotent setup of a project; resolves to its report. */
  run(input: { readonly projectKey: string; readonly accountId: string }): Promise<unknown>;
  /** What is set up and what is missing. */
  status(input: { readonly projectKey: string }): Promise<unknown>;
}

/** Everything the resolvers need, built per invocation (asUser binds to the invoking user). */
export interface ResolverDeps {
  readonly gateways: IssueGateways;
  readonly configs: ConfigStore;
  readonly clock: Clock;
  /** Recomputes an issue's SLA from its snapshot; null while not wired (sla/get answers not-implemented). */
  readonly evaluate: IssueSlaEvaluator | null;
  /** Extra fields the evaluator needs on the snapshot. */
  readonly issueFields?: readonly string[];
  /** Null while not wired (setup/* answers not-implemented). */
  readonly setup: SetupService | null;
}
