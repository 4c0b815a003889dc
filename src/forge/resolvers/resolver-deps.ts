import type { IssueSlaEvaluator } from '../../app/escalation';
import type { Clock } from '../../app/ports/clock';
import type { ConfigStore } from '../../app/ports/config-store';
import type { IssueGateways } from '../../app/ports/issue-gateway';
import type { ReportDeps } from './report-resolvers';

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
  /**
   * The SLA evaluator of a project and the extra snapshot fields it needs (KVS reads only); null while
   * not wired (sla/get answers not-implemented).
   */
  readonly slaFor: ((projectKey: string) => Promise<{ readonly evaluate: IssueSlaEvaluator; readonly issueFields: readonly string[] }>) | null;
  /** Null while not wired (setup/* answers not-implemented). */
  readonly setup: SetupService | null;
  /** Report rollups and the viewer's restricted count (report/get answers not-implemented without). */
  readonly report?: ReportDeps | null;
}
