import { z } from 'zod';
import type { StatusCategory } from '../../domain/sla';
import type { IssueSnapshot } from '../ports/issue-gateway';
import type { SiteCatalog } from '../ports/setup-store';

/**
 * The incident <-> problem links of an issue, from its raw `issuelinks` field. Which side is which is
 * decided by the other issue's type (Incident or Problem), not by the link's direction: Jira's
 * inward/outward wording is easy to get backwards, and a link made by hand either way still counts.
 */

/** Ask for this field to get links on a snapshot or search page. */
export const ISSUE_LINKS_FIELD = 'issuelinks';

const LinkedIssueSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  key: z.string(),
  fields: z
    .looseObject({
      summary: z.string().optional(),
      status: z.looseObject({ name: z.string().optional(), statusCategory: z.looseObject({ key: z.string().optional() }).optional() }).optional(),
      issuetype: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String).optional() }).optional(),
    })
    .optional(),
});

const IssueLinkSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  type: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String).optional(), name: z.string().optional() }),
  inwardIssue: LinkedIssueSchema.optional(),
  outwardIssue: LinkedIssueSchema.optional(),
});

export interface LinkedIssue {
  readonly linkId: string;
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly status: string | null;
  readonly statusCategory: StatusCategory | null;
  readonly issueTypeId: string | null;
}

const category = (key: string | undefined): StatusCategory | null => (key === 'new' || key === 'indeterminate' || key === 'done' ? key : null);

/** Does a link type (from a link or an event) name the catalog's problem link type? */
export function isProblemLinkType(type: { readonly id?: string | undefined; readonly name?: string | undefined }, catalog: SiteCatalog): boolean {
  const own = catalog.linkType;
  if (own === null) return false;
  if (type.id !== undefined) return type.id === own.id;
  return type.name !== undefined && type.name.toLowerCase() === own.name.toLowerCase();
}

/**
 * The issues linked to this one through the problem link type whose type is `otherType`
 * (incident -> its problems: 'problem'; problem -> its incidents: 'incident'). Duplicates dropped.
 *
 * @example problemLinksOf(incidentSnapshot.fields, catalog, 'problem').map((l) => l.key) // ['INC-9']
 */
export function problemLinksOf(fields: Readonly<Record<string, unknown>>, catalog: SiteCatalog, otherType: 'incident' | 'problem'): LinkedIssue[] {
  const raw = fields[ISSUE_LINKS_FIELD];
  if (!Array.isArray(raw)) return [];
  const wantedType = catalog.issueTypes[otherType];
  const out: LinkedIssue[] = [];
  for (const item of raw) {
    const link = IssueLinkSchema.safeParse(item);
    if (!link.success || !isProblemLinkType(link.data.type, catalog)) continue;
    const other = link.data.inwardIssue ?? link.data.outwardIssue;
    if (other === undefined) continue;
    const typeId = other.fields?.issuetype?.id ?? null;
    if (wantedType === null || typeId !== wantedType) continue;
    if (out.some((o) => o.key === other.key)) continue;
    out.push({
      linkId: link.data.id,
      id: other.id,
      key: other.key,
      summary: other.fields?.summary ?? '',
      status: other.fields?.status?.name ?? null,
      statusCategory: category(other.fields?.status?.statusCategory?.key),
      issueTypeId: typeId,
    });
  }
  return out;
}

/** What an issue is to the problem features. */
export function problemRoleOf(issue: Pick<IssueSnapshot, 'issueType'>, catalog: SiteCatalog): 'incident' | 'problem' | 'other' {
  if (catalog.issueTypes.incident !== null && issue.issueType.id === catalog.issueTypes.incident) return 'incident';
  if (catalog.issueTypes.problem !== null && issue.issueType.id === catalog.issueTypes.problem) return 'problem';
  return 'other';
}
