import type { Config } from '../../config';
import type { IssueSlaView } from '../escalation/run-escalations';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import type { SlaTimerStore } from '../ports/sla-timer-store';
import { evaluateIssueSla } from './evaluate-issue-sla';
import { planTimers, sameTimer } from './plan-timers';
import { SLA_PROPERTY_KEY, slaSummaryOf, summaryUnchanged, type SlaSummary } from './sla-summary';

/**
 * Recomputes an issue's SLA state from its snapshot (which must carry the full changelog, the
 * comments and the `incident-desk-sla` property) and stores it: the issue property (one PUT, only when
 * it changed) and the SLA timer records (KVS). Idempotent: the same Jira history gives the same
 * property and timers, whatever events arrived, in whatever order, how often.
 */

export interface RecomputeSlaDeps {
  readonly gateway: IssueGateway;
  readonly timers: SlaTimerStore;
  /** Ledger keys of escalation levels already fired for the issue (so timers do not wake for them). */
  readonly firedKeys?: (issueId: string) => Promise<ReadonlySet<string>>;
}

export interface RecomputeSlaInput {
  readonly issue: IssueSnapshot;
  readonly config: Config;
  readonly catalog: SiteCatalog | null;
  readonly now: number;
}

export interface RecomputeSlaResult {
  readonly view: IssueSlaView | null;
  /** The summary stored (null: no policy applies, the property was removed). */
  readonly summary: SlaSummary | null;
  readonly propertyWritten: boolean;
  readonly timersPut: number;
  readonly timersDeleted: number;
}

export async function recomputeSla(deps: RecomputeSlaDeps, input: RecomputeSlaInput): Promise<RecomputeSlaResult> {
  const { issue, config, catalog, now } = input;
  const view = evaluateIssueSla(issue, config, catalog, now);
  const summary = view === null ? null : slaSummaryOf(view.evaluation);
  const stored = issue.properties[SLA_PROPERTY_KEY];
  let propertyWritten = false;
  if (summary === null) {
    if (stored !== undefined) {
      await deps.gateway.deleteProperty(issue.id, SLA_PROPERTY_KEY);
      propertyWritten = true;
    }
  } else if (!summaryUnchanged(stored, summary)) {
    await deps.gateway.setProperty(issue.id, SLA_PROPERTY_KEY, summary);
    propertyWritten = true;
  }

  const fired = deps.firedKeys === undefined ? new Set<string>() : await deps.firedKeys(issue.id);
  const wanted = planTimers(issue, view, config, fired, now);
  const existing = await deps.timers.listForIssue(issue.id);
  let timersPut = 0;
  let timersDeleted = 0;
  for (const t of wanted) {
    const old = existing.find((e) => e.metricId === t.metricId);
    if (old !== undefined && sameTimer(old, t)) continue;
    await deps.timers.put(t);
    timersPut += 1;
  }
  for (const old of existing) {
    if (wanted.some((t) => t.metricId === old.metricId)) continue;
    await deps.timers.delete(old.issueId, old.metricId);
    timersDeleted += 1;
  }
  return { view, summary, propertyWritten, timersPut, timersDeleted };
}
