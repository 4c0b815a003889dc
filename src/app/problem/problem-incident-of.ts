import type { ProblemIncident } from '../../domain/problem';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';
import { ISSUE_LINKS_FIELD, problemLinksOf } from './issue-links';

/** Fields an incident needs on a snapshot or search page for the problem features. */
export function problemIncidentFields(catalog: SiteCatalog): string[] {
  return [ISSUE_LINKS_FIELD, catalog.fields.affectedService, catalog.fields.category].filter((f): f is string => typeof f === 'string');
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Jira's description is ADF on v3: its text, paragraphs on their own lines. */
function adfText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { readonly text?: unknown; readonly content?: unknown };
  if (typeof n.text === 'string') return n.text;
  return Array.isArray(n.content) ? n.content.map(adfText).join(n.content.length > 1 ? '\n' : '') : '';
}

/**
 * An incident as the problem domain sees it: service and category from the catalog's fields, the first
 * linked problem (lowest key) as its problem.
 */
export function problemIncidentOf(issue: IssueSnapshot, catalog: SiteCatalog): ProblemIncident {
  const field = (id: string | null): string | null => (id === null ? null : text(issue.fields[id]));
  const problems = problemLinksOf(issue.fields, catalog, 'problem').map((p) => p.key).sort();
  return {
    key: issue.key,
    createdAt: issue.created,
    summary: issue.summary,
    description: adfText(issue.fields['description']),
    service: field(catalog.fields.affectedService),
    category: field(catalog.fields.category),
    status: issue.status.name,
    statusCategory: issue.status.category ?? 'new',
    problemKey: problems[0] ?? null,
  };
}
