import { nowOf, writeChangelog, type SiteCore } from '../core';
import { fail, failField } from '../errors';
import { actorAccountId } from '../permissions';
import type { Actor } from '../site-contract';
import type { ChangeItem, CustomFieldRecord, IssueRecord } from '../state/model';
import { checkCustomValue, customChange } from './field-values';
import { emitUpdate } from './issues';

export interface AppFieldUpdate {
  field: CustomFieldRecord;
  issueIds: string[];
  value: unknown;
}

/** Resolve a field named by id or key; only fields the app owns can be set this way. */
export function appField(core: SiteCore, idOrKey: unknown): CustomFieldRecord {
  const f = typeof idOrKey === 'string' ? core.store.customFieldByIdOrKey(idOrKey) : undefined;
  if (!f) fail(404, `Custom field with id or key '${String(idOrKey)}' does not exist.`);
  if (!f.appOwned) fail(403, `Field '${f.id}' is not a field of this app.`);
  return f;
}

/** `POST /app/field/value` and `PUT /app/field/{id}/value`: validate everything, then apply. */
export function setAppFieldValues(core: SiteCore, actor: Actor, updates: AppFieldUpdate[], generateChangelog: boolean): void {
  if (actor.kind !== 'app') fail(403, 'Only the app that provides the field can update its value.');
  const { store } = core;
  const work: { issue: IssueRecord; update: AppFieldUpdate }[] = [];
  for (const u of updates) {
    const problem = checkCustomValue(store, u.field, u.value);
    if (problem) failField(400, u.field.id, problem);
    for (const id of u.issueIds) {
      const issue = store.issues.get(id);
      if (!issue) fail(404, `Issue with id '${id}' does not exist.`);
      work.push({ issue, update: u });
    }
  }
  const byIssue = new Map<IssueRecord, ChangeItem[]>();
  for (const { issue, update } of work) {
    const item = customChange(store, update.field, update.value).apply(issue);
    if (!item) continue;
    const list = byIssue.get(issue) ?? [];
    list.push(item);
    byIssue.set(issue, list);
  }
  store.touch();
  const by = actorAccountId(actor);
  for (const [issue, items] of byIssue) {
    if (!generateChangelog) {
      issue.updated = nowOf(core);
      continue;
    }
    const entry = writeChangelog(core, issue, by, items, nowOf(core));
    emitUpdate(core, issue, by, entry);
  }
}
