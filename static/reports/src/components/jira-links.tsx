import { router } from '@forge/bridge';
import type { ReactNode } from 'react';
import { issueSearchUrl } from '../model/report-request';

/**
 * Links into Jira. The href is the real URL (copy, middle-click, screen readers announce a link); a
 * plain click goes through the bridge's router, because the page runs in a sandboxed iframe. Both open
 * a new tab so the report the user built stays where it is.
 */
export function IssueLink(props: { issueKey: string; children?: ReactNode }) {
  return (
    <a
      href={`/browse/${encodeURIComponent(props.issueKey)}`}
      data-testid="report-issue-link"
      onClick={(e) => {
        e.preventDefault();
        void router.open({ target: 'issue', issueKey: props.issueKey });
      }}
    >
      {props.children ?? props.issueKey}
    </a>
  );
}

/** Opens Jira's issue search for a JQL query (the report's drill-down). */
export function IssueSearchLink(props: { jql: string; testId: string; children: ReactNode }) {
  const url = issueSearchUrl(props.jql);
  return (
    <a
      href={url}
      data-testid={props.testId}
      onClick={(e) => {
        e.preventDefault();
        void router.open(url);
      }}
    >
      {props.children}
    </a>
  );
}
