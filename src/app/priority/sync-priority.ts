import type { Config } from '../../config';
import type { EditIssueInput, IssueGateway, IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { canonicalJson } from '../sla/sla-summary';
import { decidePriority, type ManualChange, type MatrixFieldValue, type PriorityDecision } from './decide-priority';
import { mayOverridePriority, PRIORITY_PROPERTY_KEY, priorityOverrideOf, priorityPropertyValue, readPriorityProperty, whoMayOverride, type OverrideVerdict } from './priority-override';

/**
 * Keeps an incident's priority-matrix field and Jira Priority in line with impact x urgency.
 * REST calls: none when everything matches; one POST /app/field/value when the matrix value changed;
 * one PUT /issue when Priority must follow (or none of its own with `deferPriorityEdit`: the caller
 * sends it with the SLA property); for a manual change by someone not allowed to override,
 * the PUT plus one comment; a permission check (1-3 calls) only the first time a manual change is seen.
 */

export interface SyncPriorityDeps {
  readonly gateway: IssueGateway;
}

export interface SyncPriorityInput {
  readonly issue: IssueSnapshot;
  readonly config: Config;
  readonly catalog: SiteCatalog | null;
  /**
   * Do not send the Priority edit of an `applied` outcome: return it as `pendingEdit` so the caller can
   * send it together with the SLA summary and the hooks' writes (one PUT, see batchIssueWrites).
   */
  readonly deferPriorityEdit?: boolean;
}

export type SyncPriorityOutcome = 'no-input' | 'in-sync' | 'applied' | 'override-kept' | 'reverted';

export interface SyncPriorityResult {
  readonly outcome: SyncPriorityOutcome;
  readonly decision: PriorityDecision;
  readonly matrixWritten: boolean;
  readonly priorityWritten: boolean;
  readonly commentId: string | null;
  /** The Priority edit still to send (only with `deferPriorityEdit`); `priorityWritten` already counts it. */
  readonly pendingEdit: EditIssueInput | null;
}

/** Whether the author of a manual change may override (cached per changelog entry in an issue property). */
async function mayOverride(gateway: IssueGateway, issue: IssueSnapshot, config: Config, change: ManualChange): Promise<{ allowed: boolean; fresh: OverrideVerdict | null }> {
  const cached = readPriorityProperty(issue.properties[PRIORITY_PROPERTY_KEY]).verdict;
  if (cached !== null && cached.changeId === change.changeId) return { allowed: cached.allowed, fresh: null };
  const allowed = await mayOverridePriority(gateway, issue.projectKey, change.author, priorityOverrideOf(config));
  return { allowed, fresh: { schemaVersion: 1, changeId: change.changeId, author: change.author, allowed } };
}

function revertComment(decision: Extract<PriorityDecision, { kind: 'manual' }>, config: Config): string {
  const from = decision.change.toName ?? '?';
  const to = decision.jiraPriority;
  const { ja: whoJa, en: who } = whoMayOverride(priorityOverrideOf(config));
  return [
    `[Incident Desk] 優先度は影響度と緊急度から自動で決まります（${decision.explanation.text.ja}）。` +
      `優先度を手動で変更できるのは ${whoJa} のメンバーだけのため、「${from}」から「${to}」に戻しました。` +
      `優先度を変えるには影響度または緊急度を見直してください。`,
    `[Incident Desk] Priority is set automatically from impact and urgency (${decision.explanation.text.en}). ` +
      `Only members of ${who} may change it by hand, so it was changed back from "${from}" to "${to}". ` +
      `To change the priority, review the impact or urgency.`,
  ].join('\n\n');
}

function sameValue(current: unknown, next: MatrixFieldValue | null): boolean {
  if (next === null) return current === null || current === undefined;
  return current !== null && current !== undefined && canonicalJson(current) === canonicalJson(next);
}

export async function syncPriority(deps: SyncPriorityDeps, input: SyncPriorityInput): Promise<SyncPriorityResult> {
  const { issue, config, catalog } = input;
  const decision = decidePriority(issue, config, catalog);
  const { gateway } = deps;
  let outcome: SyncPriorityOutcome;
  let matrixValue: MatrixFieldValue | null = decision.matrixValue;
  let priorityWritten = false;
  let commentId: string | null = null;
  let pendingEdit: EditIssueInput | null = null;
  switch (decision.kind) {
    case 'no-input':
      outcome = 'no-input';
      break;
    case 'in-sync':
      outcome = 'in-sync';
      break;
    case 'apply': {
      const edit: EditIssueInput = { fields: { priority: { name: decision.jiraPriority } }, notifyUsers: false };
      if (input.deferPriorityEdit === true) pendingEdit = edit;
      else await gateway.editIssue(issue.id, edit);
      priorityWritten = true;
      outcome = 'applied';
      break;
    }
    case 'manual': {
      const verdict = await mayOverride(gateway, issue, config, decision.change);
      if (verdict.allowed) {
        matrixValue = { ...decision.matrixValue, jiraPriority: decision.change.toName ?? decision.jiraPriority, overridden: true, overrideReason: `manual:${decision.change.author}` };
        if (verdict.fresh !== null) {
          const { accepted } = readPriorityProperty(issue.properties[PRIORITY_PROPERTY_KEY]);
          await gateway.setProperty(issue.id, PRIORITY_PROPERTY_KEY, priorityPropertyValue({ verdict: verdict.fresh, accepted }));
        }
        outcome = 'override-kept';
      } else {
        await gateway.editIssue(issue.id, { fields: { priority: { name: decision.jiraPriority } }, notifyUsers: false });
        priorityWritten = true;
        commentId = (await gateway.addComment(issue.id, revertComment(decision, config))).id;
        outcome = 'reverted';
      }
      break;
    }
  }
  const fieldId = catalog?.fields.priorityMatrix ?? null;
  let matrixWritten = false;
  if (fieldId !== null && !sameValue(issue.fields[fieldId], matrixValue)) {
    await gateway.setAppFieldValues([{ field: fieldId, issueIds: [issue.id], value: matrixValue }], { generateChangelog: false });
    matrixWritten = true;
  }
  return { outcome, decision, matrixWritten, priorityWritten, commentId, pendingEdit };
}
