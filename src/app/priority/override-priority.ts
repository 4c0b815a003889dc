import type { Config } from '../../config';
import type { Clock } from '../ports/clock';
import type { IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import { isJiraApiError } from '../ports/jira-error';
import type { SiteCatalog } from '../ports/setup-store';
import { decidePriority, type MatrixFieldValue } from './decide-priority';
import { mayOverridePriority, PRIORITY_PROPERTY_KEY, priorityOverrideOf, priorityPropertyValue, readPriorityProperty, whoMayOverride, type AcceptedPriority } from './priority-override';

/**
 * An incident's Jira Priority set away from the matrix by someone allowed to, with a reason. Order
 * matters: the accepted priority is recorded in the issue property FIRST, then Priority is changed, so
 * the issue event that follows (whenever it arrives) finds the record and keeps the change. Then the
 * matrix field shows the override and its reason, and a comment tells the story in ja and en.
 *
 * REST calls (asApp): 0-3 for the permission check, 1 property PUT, 1 issue PUT (skipped when Jira
 * already shows that priority), 1 field-value POST (when impact and urgency are set), 1 comment.
 */

export interface OverridePriorityDeps {
  /** The app's gateway: writes are the app's so that the event path can tell them from manual changes. */
  readonly gateway: IssueGateway;
  readonly clock: Clock;
}

export interface OverridePriorityInput {
  /** The incident as the user sees it (fields: impact, urgency, matrix; properties: the priority property). */
  readonly issue: IssueSnapshot;
  readonly config: Config;
  readonly catalog: SiteCatalog;
  readonly accountId: string;
  readonly priority: string;
  readonly reason: string;
}

export type OverridePriorityOutcome =
  | { readonly kind: 'forbidden'; readonly who: { readonly ja: string; readonly en: string } }
  | { readonly kind: 'unknown-priority'; readonly allowed: readonly string[] }
  | {
      readonly kind: 'overridden';
      readonly priority: string;
      readonly matrixPriority: string | null;
      readonly accepted: AcceptedPriority;
      readonly matrixValue: MatrixFieldValue | null;
      readonly commentId: string | null;
    };

/** Jira priority names an override may pick: those the config's levels map to, highest first. */
export function overrideChoices(config: Config): string[] {
  return [...new Set(config.priorityLevels.map((l) => l.jiraPriorityName))];
}

function historyComment(input: OverridePriorityInput, from: string | null, matrixPriority: string | null): string {
  const { priority, reason, accountId } = input;
  const matrixJa = matrixPriority === null ? '' : `（影響度 × 緊急度では「${matrixPriority}」）`;
  const matrixEn = matrixPriority === null ? '' : ` (impact x urgency give "${matrixPriority}")`;
  return [
    `[Incident Desk] 優先度を「${from ?? '-'}」から「${priority}」に変更しました${matrixJa}。変更者: ${accountId}\n理由: ${reason}`,
    `[Incident Desk] Priority overridden from "${from ?? '-'}" to "${priority}"${matrixEn} by ${accountId}.\nReason: ${reason}`,
  ].join('\n\n');
}

export async function overridePriority(deps: OverridePriorityDeps, input: OverridePriorityInput): Promise<OverridePriorityOutcome> {
  const { gateway, clock } = deps;
  const { issue, config, catalog } = input;
  const settings = priorityOverrideOf(config);
  if (!(await mayOverridePriority(gateway, issue.projectKey, input.accountId, settings))) return { kind: 'forbidden', who: whoMayOverride(settings) };
  const choices = overrideChoices(config);
  const priority = choices.find((c) => c.toLowerCase() === input.priority.toLowerCase());
  if (priority === undefined) return { kind: 'unknown-priority', allowed: choices };

  const accepted: AcceptedPriority = { priority, source: 'override', by: input.accountId, reason: input.reason, at: clock.now() };
  const { verdict } = readPriorityProperty(issue.properties[PRIORITY_PROPERTY_KEY]);
  await gateway.setProperty(issue.id, PRIORITY_PROPERTY_KEY, priorityPropertyValue({ verdict, accepted }));
  const from = issue.priority?.name ?? null;
  if (from?.toLowerCase() !== priority.toLowerCase()) await gateway.editIssue(issue.id, { fields: { priority: { name: priority } }, notifyUsers: false });

  const decision = decidePriority({ ...issue, properties: { ...issue.properties, [PRIORITY_PROPERTY_KEY]: { accepted } } }, config, catalog);
  const matrixPriority = decision.kind === 'no-input' ? null : decidePriority({ ...issue, properties: {} }, config, catalog).matrixValue?.jiraPriority ?? null;
  const fieldId = catalog.fields.priorityMatrix;
  if (fieldId !== null && decision.matrixValue !== null) {
    await gateway.setAppFieldValues([{ field: fieldId, issueIds: [issue.id], value: decision.matrixValue }], { generateChangelog: false });
  }
  let commentId: string | null = null;
  try {
    commentId = (await gateway.addComment(issue.id, historyComment({ ...input, priority }, from, matrixPriority))).id;
  } catch (error) {
    // A refused comment leaves the override standing: the property and the field value carry the reason.
    if (!isJiraApiError(error) || error.transient) throw error;
  }
  return { kind: 'overridden', priority, matrixPriority, accepted, matrixValue: decision.matrixValue, commentId };
}
