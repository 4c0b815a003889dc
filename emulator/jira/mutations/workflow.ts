import type { SiteCore } from '../core';
import { fail, failField } from '../errors';
import { hasProjectPermission, projectOf } from '../permissions';
import type { Actor } from '../site-contract';
import type { IssueRecord, TransitionRecord } from '../state/model';
import { addComment } from './comments';
import type { FieldChange } from './field-values';
import { assigneeChange } from './field-values';
import { commitChanges, isAssignable } from './issues';

/** Transitions the actor can take from the issue's current status (none without Transition Issues). */
export function availableTransitions(core: SiteCore, actor: Actor, issue: IssueRecord): TransitionRecord[] {
  if (!hasProjectPermission(core.store, actor, projectOf(core.store, issue), 'TRANSITION_ISSUES')) return [];
  return core.store.transitions.filter((t) => t.to !== issue.statusId && (t.from.length === 0 || t.from.includes(issue.statusId)));
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function transitionIssue(core: SiteCore, actor: Actor, issue: IssueRecord, body: unknown): void {
  const { store } = core;
  const b = asRecord(body);
  const tRef = asRecord(b.transition);
  const id = typeof tRef.id === 'string' || typeof tRef.id === 'number' ? String(tRef.id) : undefined;
  if (id === undefined) failField(400, 'transition', "'transition' identifier must be specified.");
  const transition = availableTransitions(core, actor, issue).find((t) => t.id === id);
  if (!transition) fail(400, `Transition id '${id}' is not valid for this issue.`);
  const target = store.statuses.get(transition.to);
  if (!target) throw new Error(`transition ${transition.id} targets unknown status`);
  const fields = asRecord(b.fields);

  let resolutionId: string | null | undefined;
  if (fields.resolution !== undefined) {
    const r = asRecord(fields.resolution);
    const res =
      typeof r.id === 'string' ? store.resolutions.get(r.id) : [...store.resolutions.values()].find((x) => typeof r.name === 'string' && x.name.toLowerCase() === r.name.toLowerCase());
    if (!res) failField(400, 'resolution', 'Specify a valid resolution');
    resolutionId = res.id;
  } else if (transition.resolution === 'clear') resolutionId = null;
  else if (transition.resolution !== undefined && issue.resolutionId === null) resolutionId = transition.resolution.set;

  const changes: FieldChange[] = [];
  if (resolutionId !== undefined) {
    const rid = resolutionId;
    changes.push({
      fieldId: 'resolution',
      apply(i) {
        if (i.resolutionId === rid) return null;
        const before = i.resolutionId === null ? undefined : store.resolutions.get(i.resolutionId);
        const after = rid === null ? undefined : store.resolutions.get(rid);
        i.resolutionId = rid;
        i.resolutionDate = rid === null ? null : (core.at ?? store.now());
        return { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: before?.id ?? null, fromString: before?.name ?? null, to: after?.id ?? null, toString: after?.name ?? null };
      },
    });
  }
  changes.push({
    fieldId: 'status',
    apply(i) {
      const before = store.statuses.get(i.statusId);
      if (before?.category !== target.category) i.statusCategoryChangeDate = core.at ?? store.now();
      i.statusId = target.id;
      return { field: 'status', fieldtype: 'jira', fieldId: 'status', from: before?.id ?? null, fromString: before?.name ?? null, to: target.id, toString: target.name };
    },
  });
  if (fields.assignee !== undefined) {
    const a = fields.assignee === null ? null : asRecord(fields.assignee).accountId;
    if (a !== null && (typeof a !== 'string' || !isAssignable(core, projectOf(store, issue), a))) failField(400, 'assignee', `User '${JSON.stringify(a)}' cannot be assigned issues.`);
    changes.push(assigneeChange(store, a));
  }
  const commentOps = asRecord(b.update).comment;
  commitChanges(core, actor, issue, changes);
  if (Array.isArray(commentOps)) {
    for (const op of commentOps) {
      const add = asRecord(op).add;
      if (add !== undefined) addComment(core, actor, issue, add);
    }
  }
}
