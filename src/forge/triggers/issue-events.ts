import { handleIssueEvent, type IssueEventOutcome } from '../../app/issue-events/handle-issue-event';
import { NotImplementedError } from '../not-implemented';
import { createBackend, issueEventDeps } from '../wiring';

/**
 * avi:jira:created:issue / avi:jira:updated:issue: priority sync and SLA recompute from the full
 * changelog. Errors propagate so Forge records the failure (product triggers are not retried; the
 * next event or the sweep recomputes from history anyway).
 */
export async function onIssueEvent(event: unknown, _context: unknown): Promise<IssueEventOutcome> {
  return handleIssueEvent(issueEventDeps(createBackend()), event);
}

/** avi:jira:created:issuelink / avi:jira:deleted:issuelink */
export function onIssueLinkEvent(_event: unknown, _context: unknown): Promise<void> {
  return Promise.reject(new NotImplementedError('onIssueLinkEvent', 7));
}

/**
 * avi:jira:commented:issue: a comment can be an agent's first response, so the SLA is recomputed
 * (the event carries the issue, so the same path applies).
 */
export async function onCommentEvent(event: unknown, _context: unknown): Promise<IssueEventOutcome> {
  return handleIssueEvent(issueEventDeps(createBackend()), event);
}
