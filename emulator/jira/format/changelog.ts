import type { ChangelogRecord, CommentRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import { userRefJson } from './resources';
import { jiraTime } from './time';

export function changelogJson(store: JiraStore, c: ChangelogRecord) {
  return {
    id: c.id,
    author: userRefJson(store, c.authorAccountId),
    created: jiraTime(c.created),
    items: c.items.map((i) => ({
      field: i.field,
      fieldtype: i.fieldtype,
      ...(i.fieldId === undefined ? {} : { fieldId: i.fieldId }),
      from: i.from,
      fromString: i.fromString,
      to: i.to,
      toString: i.toString,
    })),
  };
}

export function commentJson(store: JiraStore, issueId: string, c: CommentRecord) {
  return {
    self: `${store.baseUrl}/rest/api/3/issue/${issueId}/comment/${c.id}`,
    id: c.id,
    author: userRefJson(store, c.authorAccountId),
    body: c.body,
    updateAuthor: userRefJson(store, c.updateAuthorAccountId),
    created: jiraTime(c.created),
    updated: jiraTime(c.updated),
    jsdPublic: true,
  };
}
