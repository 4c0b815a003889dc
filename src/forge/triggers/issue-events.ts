import { NotImplementedError } from '../not-implemented';

/** avi:jira:created:issue / avi:jira:updated:issue */
export function onIssueEvent(_event: unknown, _context: unknown): Promise<void> {
  return Promise.reject(new NotImplementedError('onIssueEvent', 5));
}

/** avi:jira:created:issuelink / avi:jira:deleted:issuelink */
export function onIssueLinkEvent(_event: unknown, _context: unknown): Promise<void> {
  return Promise.reject(new NotImplementedError('onIssueLinkEvent', 7));
}

/** avi:jira:commented:issue */
export function onCommentEvent(_event: unknown, _context: unknown): Promise<void> {
  return Promise.reject(new NotImplementedError('onCommentEvent', 5));
}
