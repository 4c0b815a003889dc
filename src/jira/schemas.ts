import { z } from 'zod';

/**
 * Shapes of Jira REST v3 responses, as far as the app reads them. Objects are loose (Jira adds
 * fields over time); what the app relies on is required.
 */

export const JiraUserRefSchema = z.looseObject({ accountId: z.string(), displayName: z.string().optional() });

export const JiraNamedRefSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() });

export const JiraStatusSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

export const JiraIssueTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  subtask: z.boolean().optional().default(false),
  description: z.string().optional(),
  hierarchyLevel: z.number().optional(),
  scope: z.looseObject({ type: z.string(), project: z.looseObject({ id: z.string() }).optional() }).optional(),
});

export const JiraCommentSchema = z.looseObject({
  id: z.string(),
  created: z.string(),
  author: JiraUserRefSchema.nullable().optional(),
  body: z.unknown().optional(),
  jsdPublic: z.boolean().optional(),
  visibility: z.looseObject({ type: z.string(), value: z.string().optional() }).nullable().optional(),
});

export const JiraCommentPageSchema = z.looseObject({
  comments: z.array(JiraCommentSchema),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

/** A changelog history; checked again (and normalized) by the SLA domain's ChangelogEntrySchema. */
export const JiraHistorySchema = z.looseObject({
  id: z.string(),
  created: z.string(),
  author: JiraUserRefSchema.nullable().optional(),
  items: z.array(z.looseObject({ field: z.string() })),
});

export const JiraChangelogPageSchema = z.looseObject({
  startAt: z.number(),
  maxResults: z.number().optional(),
  total: z.number(),
  histories: z.array(JiraHistorySchema).optional(),
  values: z.array(JiraHistorySchema).optional(),
  isLast: z.boolean().optional(),
});

export const JiraIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
  changelog: JiraChangelogPageSchema.optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type JiraIssue = z.infer<typeof JiraIssueSchema>;

export const JiraSearchPageSchema = z.looseObject({
  issues: z.array(JiraIssueSchema),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

export const JiraPropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

export const JiraCreatedSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) });

/** POST /issue answers `{ id, key, self }`. */
export const JiraCreatedIssueSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() });

export const JiraTransitionsSchema = z.looseObject({
  transitions: z.array(z.looseObject({ id: z.string(), name: z.string(), to: JiraStatusSchema })),
});

export const JiraGroupMembersSchema = z.looseObject({
  values: z.array(z.looseObject({ accountId: z.string(), active: z.boolean().optional() })),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  total: z.number().optional(),
});

/** `GET /project/{key}/role`: role name -> role URL (ending in the role id). */
export const JiraRoleMapSchema = z.record(z.string(), z.string());

export const JiraRoleSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  actors: z
    .array(
      z.looseObject({
        type: z.string(),
        actorUser: z.looseObject({ accountId: z.string() }).optional(),
        actorGroup: z.looseObject({ name: z.string().optional(), groupId: z.string().optional() }).optional(),
      }),
    )
    .optional()
    .default([]),
});

export const JiraUserGroupsSchema = z.array(z.looseObject({ name: z.string(), groupId: z.string().optional() }));

export const JiraMyPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const JiraPermissionsCheckSchema = z.looseObject({
  projectPermissions: z
    .array(z.looseObject({ permission: z.string(), projects: z.array(z.number()).optional().default([]), issues: z.array(z.number()).optional().default([]) }))
    .optional()
    .default([]),
});

export const JiraSecurityLevelsSchema = z.looseObject({ levels: z.array(JiraNamedRefSchema) });

export const JiraProjectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  issueTypes: z.array(JiraIssueTypeSchema).optional().default([]),
  style: z.string().optional(),
  simplified: z.boolean().optional(),
});
