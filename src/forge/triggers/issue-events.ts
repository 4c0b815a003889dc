import { handleIssueEvent, type IssueEventOutcome } from '../../app/issue-events/handle-issue-event';
import { syncProblemLinks, type SyncProblemLinksOutcome } from '../../app/problem/sync-problem-links';
import { createBackend, issueEventDeps } from '../wiring';

/**
 * avi:jira:created:issue / avi:jira:updated:issue: priority sync and SLA recompute from the full
 * changelog. Errors propagate so Forge records the failure (product triggers are not retried; the
 * next event or the sweep recomputes from history anyway).
 */
export async function onIssueEvent(event: unknown, _context: unknown): Promise<IssueEventOutcome> {
  return handleIssueEvent(issueEventDeps(createBackend()), event);
}

/**
 * avi:jira:created:issuelink / avi:jira:deleted:issuelink: a link of the problem link type keeps each
 * incident side's `incident-desk-problem` property and recurrence suggestion in line with its links.
 */
export async function onIssueLinkEvent(event: unknown, _context: unknown): Promise<SyncProblemLinksOutcome> {
  const backend = createBackend();
  return syncProblemLinks({ gateway: backend.gateways.asApp, setup: backend.setup }, event);
}

/**
 * avi:jira:commented:issue: a comment can be an agent's first response, so the SLA is recomputed
 * (the event carries the issue, so the same path applies).
 */
export async function onCommentEvent(event: unknown, _context: unknown): Promise<IssueEventOutcome> {
  return handleIssueEvent(issueEventDeps(createBackend()), event);
}
