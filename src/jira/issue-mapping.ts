import { z } from 'zod';
import type { IssueComment, IssueSnapshot, IssueStatus } from '../app/ports/issue-gateway';
import { ChangelogEntrySchema, parseJiraInstant, type ChangelogEntry } from '../domain/sla';
import { adfToText } from './adf';
import type { JiraCommentSchema, JiraHistorySchema, JiraIssueSchema} from './schemas';
import { JiraNamedRefSchema, JiraStatusSchema, JiraUserRefSchema } from './schemas';

/** Raw Jira issue JSON -> the app's IssueSnapshot. Throws a zod error when a typed field is malformed. */

/** Fields every snapshot needs; callers add custom field ids. */
export const BASE_FIELDS = ['summary', 'status', 'priority', 'assignee', 'reporter', 'resolution', 'security', 'labels', 'created', 'updated', 'issuetype', 'project'] as const;

const TypedFieldsSchema = z.looseObject({
  summary: z.string().optional().default(''),
  status: JiraStatusSchema,
  priority: JiraNamedRefSchema.nullable().optional(),
  assignee: JiraUserRefSchema.nullable().optional(),
  reporter: JiraUserRefSchema.nullable().optional(),
  resolution: JiraNamedRefSchema.nullable().optional(),
  security: JiraNamedRefSchema.nullable().optional(),
  labels: z.array(z.string()).optional().default([]),
  created: z.string(),
  updated: z.string(),
  issuetype: z.looseObject({ id: z.string(), name: z.string(), subtask: z.boolean().optional().default(false) }),
  project: z.looseObject({ id: z.string(), key: z.string() }),
});

const Instant = z.string().transform((text, ctx) => {
  const ms = parseJiraInstant(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `not a Jira timestamp: ${text}` });
    return z.NEVER;
  }
  return ms;
});

export function statusOf(raw: z.infer<typeof JiraStatusSchema>): IssueStatus {
  const key = raw.statusCategory?.key;
  return { id: raw.id, name: raw.name, category: key === 'new' || key === 'indeterminate' || key === 'done' ? key : null };
}

export function commentOf(raw: z.infer<typeof JiraCommentSchema>): IssueComment {
  return {
    id: raw.id,
    created: Instant.parse(raw.created),
    author: raw.author?.accountId ?? null,
    isPublic: raw.jsdPublic !== false && (raw.visibility === null || raw.visibility === undefined),
    text: adfToText(raw.body),
  };
}

export function changelogEntryOf(raw: z.infer<typeof JiraHistorySchema>): ChangelogEntry {
  return ChangelogEntrySchema.parse(raw);
}

export interface SnapshotExtras {
  readonly changelog: readonly ChangelogEntry[] | null;
  readonly comments: readonly IssueComment[] | null;
}

export function snapshotOf(raw: z.infer<typeof JiraIssueSchema>, extras: SnapshotExtras): IssueSnapshot {
  const f = TypedFieldsSchema.parse(raw.fields);
  return {
    id: raw.id,
    key: raw.key,
    projectId: f.project.id,
    projectKey: f.project.key,
    issueType: { id: f.issuetype.id, name: f.issuetype.name, subtask: f.issuetype.subtask },
    summary: f.summary,
    status: statusOf(f.status),
    priority: f.priority ? { id: f.priority.id, name: f.priority.name } : null,
    assignee: f.assignee?.accountId ?? null,
    reporter: f.reporter?.accountId ?? null,
    resolution: f.resolution ? { id: f.resolution.id, name: f.resolution.name } : null,
    securityLevel: f.security ? { id: f.security.id, name: f.security.name } : null,
    labels: f.labels,
    created: Instant.parse(f.created),
    updated: Instant.parse(f.updated),
    fields: raw.fields,
    changelog: extras.changelog === null ? null : [...extras.changelog],
    comments: extras.comments === null ? null : [...extras.comments],
    properties: raw.properties ?? {},
  };
}
