import type { Config } from '../../config';
import { jiraPriorityNameOf, priorityLabelsOf } from '../../config';
import { explainPriority, lookupPriority, type PriorityExplanation } from '../../domain/priority';
import type { ChangelogEntry } from '../../domain/sla';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { levelIndex, optionLevelId } from '../sla/option-levels';
import { PRIORITY_PROPERTY_KEY, readPriorityProperty } from './priority-override';

/**
 * What impact x urgency say about an issue's priority, and what to do about Jira's Priority. Pure:
 * reads only the snapshot (fields + full changelog), the config and the catalog.
 *
 * The latest of "the inputs changed" (creation, impact or urgency edits), "the app set a priority on
 * purpose" (an override through the resolver or an escalation's raise, recorded in the priority
 * property before the change) and "someone set Priority by hand" wins: a manual change after the
 * others is an override attempt (kept if the author may override, put back otherwise); a recorded
 * priority after the last input change is the target; an input change after both re-applies the matrix.
 */

/** The priority-matrix field value (shape declared in manifest.yml's jira:customField schema). */
export interface MatrixFieldValue {
  readonly schemaVersion: 1;
  readonly impact: number;
  readonly urgency: number;
  /** 1-based position of the level in the config's priority levels (P1 = 1). */
  readonly priority: number;
  readonly jiraPriority: string;
  readonly overridden: boolean;
  readonly overrideReason?: string;
}

export interface ManualChange {
  readonly changeId: string;
  readonly author: string;
  readonly at: number;
  readonly fromName: string | null;
  readonly toName: string | null;
}

export type PriorityDecision =
  /** Impact or urgency missing (or outside the matrix): nothing computed, nothing enforced. */
  | { readonly kind: 'no-input'; readonly matrixValue: null }
  /** Jira's Priority already matches the target (the matrix's, or a recorded override/escalation). */
  | { readonly kind: 'in-sync'; readonly matrixValue: MatrixFieldValue; readonly explanation: PriorityExplanation }
  /** Set Jira's Priority to the target: the matrix's, or a recorded override/escalation. */
  | { readonly kind: 'apply'; readonly matrixValue: MatrixFieldValue; readonly explanation: PriorityExplanation; readonly jiraPriority: string }
  /** A manual change is the latest word: whether it stands depends on its author's permission. */
  | { readonly kind: 'manual'; readonly matrixValue: MatrixFieldValue; readonly explanation: PriorityExplanation; readonly jiraPriority: string; readonly change: ManualChange };

const isField = (item: ChangelogEntry['items'][number], key: string): boolean => (item.fieldId ?? item.field) === key || item.field.toLowerCase() === key.toLowerCase();

const later = (a: { at: number; id: string }, b: { at: number; id: string }): boolean =>
  a.at !== b.at ? a.at > b.at : a.id.length !== b.id.length ? a.id.length > b.id.length : a.id > b.id;

export function decidePriority(issue: IssueSnapshot, config: Config, catalog: SiteCatalog | null): PriorityDecision {
  const impactField = catalog?.fields.impact ?? null;
  const urgencyField = catalog?.fields.urgency ?? null;
  if (impactField === null || urgencyField === null) return { kind: 'no-input', matrixValue: null };
  const impactId = optionLevelId(issue.fields[impactField], catalog?.options.impact ?? {}, config.impact.levels);
  const urgencyId = optionLevelId(issue.fields[urgencyField], catalog?.options.urgency ?? {}, config.urgency.levels);
  const impact = levelIndex(impactId, config.impact.levels);
  const urgency = levelIndex(urgencyId, config.urgency.levels);
  if (impact === null || urgency === null) return { kind: 'no-input', matrixValue: null };
  const found = lookupPriority(config.matrix, impact, urgency);
  const explained = explainPriority(config.matrix, impact, urgency, priorityLabelsOf(config));
  if (!found.ok || !explained.ok) return { kind: 'no-input', matrixValue: null };
  const matrixPriority = jiraPriorityNameOf(config, found.level) ?? found.level;
  const position = config.priorityLevels.findIndex((l) => l.id === found.level) + 1;
  const base: MatrixFieldValue = { schemaVersion: 1, impact, urgency, priority: position, jiraPriority: matrixPriority, overridden: false };

  // The latest input change (creation counts) and the latest manual priority change.
  let lastInput = { at: issue.created, id: '' };
  let lastManual: (ManualChange & { id: string }) | null = null;
  const app = catalog?.appAccountId ?? null;
  for (const entry of issue.changelog ?? []) {
    const stamp = { at: entry.created, id: entry.id };
    for (const item of entry.items) {
      if (isField(item, impactField) || isField(item, urgencyField)) {
        if (later(stamp, lastInput)) lastInput = stamp;
      } else if (isField(item, 'priority') && entry.author !== null && entry.author !== app) {
        const candidate = { ...stamp, changeId: entry.id, author: entry.author, fromName: item.fromString, toName: item.toString };
        if (lastManual === null || later(stamp, lastManual)) lastManual = candidate;
      }
    }
  }
  // An override or escalation the app recorded stands until impact or urgency change after it.
  const recorded = readPriorityProperty(issue.properties[PRIORITY_PROPERTY_KEY]).accepted;
  const accepted = recorded !== null && recorded.at >= lastInput.at ? recorded : null;
  const jiraPriority = accepted?.priority ?? matrixPriority;
  const matrixValue: MatrixFieldValue = accepted === null ? base : { ...base, jiraPriority: accepted.priority, overridden: true, overrideReason: accepted.reason };
  const explanation = explained.explanation;
  const current = issue.priority?.name ?? null;
  if (current !== null && current.toLowerCase() === jiraPriority.toLowerCase()) return { kind: 'in-sync', matrixValue, explanation };

  // A manual change in the same entry as an input change is still a manual choice of priority.
  if (lastManual !== null && (later(lastManual, lastInput) || lastManual.id === lastInput.id) && (accepted === null || lastManual.at > accepted.at)) {
    const { id: _id, ...change } = lastManual;
    return { kind: 'manual', matrixValue, explanation, jiraPriority, change };
  }
  return { kind: 'apply', matrixValue, explanation, jiraPriority };
}
