import { z } from 'zod';
import type { IssueGateway } from '../ports/issue-gateway';
import type { SetupStore, SiteCatalog } from '../ports/setup-store';
import { ISSUE_LINKS_FIELD, isProblemLinkType, problemLinksOf, problemRoleOf } from './issue-links';
import {
  PROBLEM_LINK_PROPERTY_KEY,
  RECURRENCE_PROPERTY_KEY,
  readProblemLinkProperty,
  readRecurrenceProperty,
  type ProblemLinkProperty,
  type RecurrenceProperty,
} from './problem-properties';

/**
 * avi:jira:created|deleted:issuelink: when a link of a set-up project's problem link type comes or
 * goes, bring each incident side's `incident-desk-problem` property in line with its links as Jira has
 * them NOW (events are late and out of order, so nothing is taken from the event but which issues to
 * look at), and clear the recurrence suggestion of an incident that got a problem.
 *
 * REST calls: 0 for other link types (decided from stored catalogs); 1 GET per side; + 1 PUT per
 * property that changed.
 */

export const IssueLinkEventSchema = z.looseObject({
  eventType: z.string(),
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  sourceIssueId: z.union([z.string(), z.number()]).transform(String),
  destinationIssueId: z.union([z.string(), z.number()]).transform(String),
  issueLinkType: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String).optional(), name: z.string().optional() }),
});

export interface SyncProblemLinksDeps {
  readonly gateway: IssueGateway;
  readonly setup: SetupStore;
}

export type SideOutcome =
  | { readonly issueId: string; readonly kind: 'gone' | 'not-an-incident' | 'not-set-up' }
  | { readonly issueId: string; readonly kind: 'incident'; readonly issueKey: string; readonly problemKeys: readonly string[]; readonly written: readonly string[] };

export type SyncProblemLinksOutcome = { readonly kind: 'ignored'; readonly reason: 'malformed' | 'other-link-type' } | { readonly kind: 'synced'; readonly sides: readonly SideOutcome[] };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

async function catalogsUsing(deps: SyncProblemLinksDeps, type: { id?: string | undefined; name?: string | undefined }): Promise<Map<string, SiteCatalog>> {
  const out = new Map<string, SiteCatalog>();
  for (const projectKey of await deps.setup.listProjects()) {
    const catalog = (await deps.setup.load(projectKey))?.catalog;
    if (catalog !== undefined && isProblemLinkType(type, catalog)) out.set(projectKey, catalog);
  }
  return out;
}

/**
 * Recomputes one incident's problem property (and clears its recurrence suggestion once it has a problem).
 * Returns the property keys written.
 */
export async function syncIncidentProblemProperties(
  gateway: IssueGateway,
  issue: { readonly id: string; readonly fields: Readonly<Record<string, unknown>>; readonly properties: Readonly<Record<string, unknown>> },
  catalog: SiteCatalog,
): Promise<{ problemKeys: string[]; written: string[] }> {
  const problemKeys = problemLinksOf(issue.fields, catalog, 'problem').map((p) => p.key).sort();
  const written: string[] = [];
  const wanted: ProblemLinkProperty = { schemaVersion: 1, problemKeys, problemKey: problemKeys[0] ?? null };
  const stored = readProblemLinkProperty(issue.properties[PROBLEM_LINK_PROPERTY_KEY]);
  // No property and no problem is the same state: write nothing.
  if (!(stored === null && problemKeys.length === 0) && !same(stored, wanted)) {
    await gateway.setProperty(issue.id, PROBLEM_LINK_PROPERTY_KEY, wanted);
    written.push(PROBLEM_LINK_PROPERTY_KEY);
  }
  const recurrence = readRecurrenceProperty(issue.properties[RECURRENCE_PROPERTY_KEY]);
  const first = problemKeys[0];
  if (recurrence !== null && first !== undefined && (recurrence.suggestion !== null || recurrence.linkedProblemKey === null)) {
    const cleared: RecurrenceProperty = { ...recurrence, suggestion: null, linkedProblemKey: first };
    await gateway.setProperty(issue.id, RECURRENCE_PROPERTY_KEY, cleared);
    written.push(RECURRENCE_PROPERTY_KEY);
  }
  return { problemKeys, written };
}

export async function syncProblemLinks(deps: SyncProblemLinksDeps, rawEvent: unknown): Promise<SyncProblemLinksOutcome> {
  const parsed = IssueLinkEventSchema.safeParse(rawEvent);
  if (!parsed.success) return { kind: 'ignored', reason: 'malformed' };
  const event = parsed.data;
  const catalogs = await catalogsUsing(deps, event.issueLinkType);
  if (catalogs.size === 0) return { kind: 'ignored', reason: 'other-link-type' };
  const sides: SideOutcome[] = [];
  for (const issueId of [...new Set([event.sourceIssueId, event.destinationIssueId])]) {
    const issue = await deps.gateway.getIssue(issueId, { fields: [ISSUE_LINKS_FIELD], properties: [PROBLEM_LINK_PROPERTY_KEY, RECURRENCE_PROPERTY_KEY] });
    if (issue === null) {
      sides.push({ issueId, kind: 'gone' });
      continue;
    }
    const catalog = catalogs.get(issue.projectKey);
    if (catalog === undefined) {
      sides.push({ issueId, kind: 'not-set-up' });
      continue;
    }
    if (problemRoleOf(issue, catalog) !== 'incident') {
      sides.push({ issueId, kind: 'not-an-incident' });
      continue;
    }
    const { problemKeys, written } = await syncIncidentProblemProperties(deps.gateway, issue, catalog);
    sides.push({ issueId, kind: 'incident', issueKey: issue.key, problemKeys, written });
  }
  return { kind: 'synced', sides };
}
