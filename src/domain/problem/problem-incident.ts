import { z } from 'zod';
import { InstantSchema, StatusCategorySchema } from '../sla/issue-history';

/**
 * What the problem domain needs to know about an incident: when it was raised, what it affects, where
 * it stands and which problem (if any) it is linked to. The shell reads these from the issues (one JQL
 * page of recent incidents is enough; nothing here needs the changelog).
 */

const NullableText = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : s.trim()));

export const ProblemIncidentSchema = z.object({
  key: z.string().min(1),
  createdAt: InstantSchema,
  summary: z.string(),
  description: z.string().nullable().optional().transform((s) => s ?? ''),
  service: NullableText,
  category: NullableText,
  /** Status name, e.g. "In Progress". */
  status: NullableText,
  /** Jira status category; `done` means closed for every rule here. */
  statusCategory: StatusCategorySchema,
  /** The problem this incident is linked to, if any. */
  problemKey: NullableText,
});
export type ProblemIncident = z.infer<typeof ProblemIncidentSchema>;
export type ProblemIncidentInput = z.input<typeof ProblemIncidentSchema>;

/**
 * Deterministic order: creation time, then issue key (numeric part compared as a number).
 *
 * @example [{ key: 'OPS-10', createdAt: 5 }, { key: 'OPS-9', createdAt: 5 }, { key: 'OPS-1', createdAt: 9 }].sort(compareIncidents).map((i) => i.key) // ['OPS-9', 'OPS-10', 'OPS-1']
 */
export function compareIncidents(a: Pick<ProblemIncident, 'createdAt' | 'key'>, b: Pick<ProblemIncident, 'createdAt' | 'key'>): number {
  return a.createdAt - b.createdAt || compareIssueKeys(a.key, b.key);
}

/**
 * Orders Jira issue keys project first, then by number (`OPS-9` before `OPS-10`).
 *
 * @example ['OPS-10', 'OPS-9', 'ABC-2'].sort(compareIssueKeys) // ['ABC-2', 'OPS-9', 'OPS-10']
 */
export function compareIssueKeys(a: string, b: string): number {
  const ma = /^(.*?)-(\d+)$/.exec(a);
  const mb = /^(.*?)-(\d+)$/.exec(b);
  if (ma !== null && mb !== null && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}
