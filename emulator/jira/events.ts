import { issueTypeJson, priorityJson, projectRefJson, statusJson } from './format/resources';
import { jiraTime } from './format/time';
import type { ForgeProductEvent } from './site-contract';
import type { ChangeItem, CommentRecord, IssueLinkRecord, IssueRecord } from './state/model';
import type { JiraStore } from './state/store';

type Listener = (event: ForgeProductEvent) => void;

/** Fan-out of product events to the runtime; a throwing listener must not break the REST call that caused it. */
export class EventBus {
  private listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: ForgeProductEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (err) {
        console.error('[jira-emulator] event listener failed', err);
      }
    }
  }
}

const ref = (accountId: string | null) => (accountId === null ? null : { accountId });

/** The `issue` object of Forge issue events: id, key and the fields Forge documents. */
export function eventIssue(store: JiraStore, issue: IssueRecord) {
  const project = store.projects.get(issue.projectId);
  const type = store.issueTypes.get(issue.issueTypeId);
  const status = store.statuses.get(issue.statusId);
  const priority = store.priorities.get(issue.priorityId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      ...(type ? { issuetype: issueTypeJson(store, type) } : {}),
      creator: ref(issue.creatorId),
      created: jiraTime(issue.created),
      ...(project ? { project: projectRefJson(store, project) } : {}),
      reporter: ref(issue.reporterId),
      assignee: ref(issue.assigneeId),
      updated: jiraTime(issue.updated),
      ...(status ? { status: statusJson(store, status) } : {}),
      ...(priority ? { priority: priorityJson(store, priority) } : {}),
      labels: [...issue.labels],
    },
  };
}

const changeItemsJson = (items: readonly ChangeItem[]) =>
  items.map((i) => ({
    field: i.field,
    fieldtype: i.fieldtype,
    ...(i.fieldId === undefined ? {} : { fieldId: i.fieldId }),
    from: i.from,
    fromString: i.fromString,
    to: i.to,
    toString: i.toString,
  }));

export function issueCreatedEvent(store: JiraStore, issue: IssueRecord, by: string): ForgeProductEvent {
  return { eventType: 'avi:jira:created:issue', issue: eventIssue(store, issue), atlassianId: by, associatedUsers: [{ accountId: by }] };
}

export function issueUpdatedEvent(
  store: JiraStore,
  issue: IssueRecord,
  by: string,
  changelog: { id: string; items: readonly ChangeItem[] },
  eventType: 'avi:jira:updated:issue' | 'avi:jira:assigned:issue' = 'avi:jira:updated:issue',
): ForgeProductEvent {
  const associated = [{ accountId: by }];
  if (issue.assigneeId !== null && issue.assigneeId !== by) associated.push({ accountId: issue.assigneeId });
  return {
    eventType,
    issue: eventIssue(store, issue),
    atlassianId: by,
    associatedUsers: associated,
    changelog: { id: changelog.id, items: changeItemsJson(changelog.items) },
  };
}

export function issueDeletedEvent(store: JiraStore, issue: IssueRecord, by: string): ForgeProductEvent {
  return { eventType: 'avi:jira:deleted:issue', issue: eventIssue(store, issue), atlassianId: by, associatedUsers: [{ accountId: by }] };
}

export function commentEvent(
  store: JiraStore,
  issue: IssueRecord,
  comment: CommentRecord,
  by: string,
  eventType: 'avi:jira:commented:issue' | 'avi:jira:updated:comment' | 'avi:jira:deleted:comment' = 'avi:jira:commented:issue',
): ForgeProductEvent {
  return {
    eventType,
    issue: eventIssue(store, issue),
    atlassianId: by,
    associatedUsers: [{ accountId: by }],
    comment: {
      id: comment.id,
      self: `${store.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
      author: { accountId: comment.authorAccountId },
      body: comment.body,
      updateAuthor: { accountId: comment.updateAuthorAccountId },
      created: jiraTime(comment.created),
      updated: jiraTime(comment.updated),
      jsdPublic: true,
    },
  };
}

/** Issue link events: `sourceIssueId` is the create request's inwardIssue, `destinationIssueId` its outwardIssue. */
export function issueLinkEvent(
  store: JiraStore,
  link: IssueLinkRecord,
  by: string,
  eventType: 'avi:jira:created:issuelink' | 'avi:jira:deleted:issuelink',
): ForgeProductEvent {
  const type = store.linkTypes.get(link.typeId);
  return {
    eventType,
    id: link.id,
    sourceIssueId: link.inwardIssueId,
    destinationIssueId: link.outwardIssueId,
    issueLinkType: {
      id: link.typeId,
      name: type?.name ?? '',
      inwardName: type?.inward ?? '',
      outwardName: type?.outward ?? '',
      isSubTaskLinkType: false,
      isSystemLinkType: false,
    },
    atlassianId: by,
  };
}
