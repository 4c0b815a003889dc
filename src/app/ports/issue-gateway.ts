import { z } from 'zod';
import { ChangelogEntrySchema, StatusCategorySchema } from '../../domain/sla';

/**
 * Port: one Jira site's issues, as the app (asApp) or as the signed-in user (asUser, so Jira's own
 * visibility and permissions apply). Every result is parsed with the schemas below; every failure is
 * a `JiraApiError` (see ./jira-error). Implemented over `@forge/api` in src/jira/issue-gateway.ts.
 *
 * Costs: each method is ONE REST call unless its comment says otherwise (use cases count calls).
 */

/** Epoch ms of a Jira timestamp. */
const InstantMs = z.number().int();

export const IssueRefSchema = z.object({ id: z.string(), name: z.string() });
export type IssueRef = z.infer<typeof IssueRefSchema>;

export const IssueStatusSchema = z.object({ id: z.string(), name: z.string(), category: StatusCategorySchema.nullable() });
export type IssueStatus = z.infer<typeof IssueStatusSchema>;

export const IssueCommentSchema = z.object({
  id: z.string(),
  created: InstantMs,
  /** accountId; null for anonymous/automation. */
  author: z.string().nullable(),
  /** False for comments restricted by `visibility` or marked internal (JSM `jsdPublic: false`). */
  isPublic: z.boolean(),
  /** Plain text extracted from the ADF body (for display and "is this ours" checks). */
  text: z.string(),
});
export type IssueComment = z.infer<typeof IssueCommentSchema>;

/**
 * An issue as the app sees it. `fields` holds every field Jira returned, raw, keyed by field id
 * (`customfield_10040` ...), for fields the typed part does not cover.
 */
export const IssueSnapshotSchema = z.object({
  id: z.string(),
  key: z.string(),
  projectId: z.string(),
  projectKey: z.string(),
  issueType: z.object({ id: z.string(), name: z.string(), subtask: z.boolean() }),
  summary: z.string(),
  status: IssueStatusSchema,
  priority: IssueRefSchema.nullable(),
  assignee: z.string().nullable(),
  reporter: z.string().nullable(),
  resolution: IssueRefSchema.nullable(),
  securityLevel: IssueRefSchema.nullable(),
  labels: z.array(z.string()),
  created: InstantMs,
  updated: InstantMs,
  fields: z.record(z.string(), z.unknown()),
  /** Full changelog, oldest first; null when not requested. Paged to the end when Jira truncates it. */
  changelog: z.array(ChangelogEntrySchema).nullable(),
  /** All comments, oldest first; null when not requested. */
  comments: z.array(IssueCommentSchema).nullable(),
  /** Requested issue properties that exist (key -> value). */
  properties: z.record(z.string(), z.unknown()),
});
export type IssueSnapshot = z.infer<typeof IssueSnapshotSchema>;

export interface GetIssueOptions {
  /** Field ids/names to return; default: the typed fields only (`summary,status,priority,...`). Add custom field ids here. */
  readonly fields?: readonly string[];
  /** Include the full changelog (one call; extra calls only for issues with > 100 history entries). */
  readonly changelog?: boolean;
  /** Include all comments (part of the same call; extra calls only beyond Jira's page). */
  readonly comments?: boolean;
  /** Issue property keys to return in `properties`. */
  readonly properties?: readonly string[];
}

export interface SearchOptions {
  readonly jql: string;
  readonly fields?: readonly string[];
  readonly properties?: readonly string[];
  /** 1..100 (Jira caps pages with fields at 100). Default 50. */
  readonly maxResults?: number;
  readonly nextPageToken?: string;
}

export interface SearchPage {
  /** Issues of the page; `changelog` and `comments` are null. */
  readonly issues: readonly IssueSnapshot[];
  /** Token of the next page, or null on the last page. */
  readonly nextPageToken: string | null;
}

/** Atlassian Document Format document (what Jira v3 takes for comment bodies). */
export interface AdfDocument {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly unknown[];
}

/** A comment body: plain text (paragraphs split on blank lines) or a full ADF document. */
export type CommentBody = string | AdfDocument;

export interface CommentVisibility {
  readonly type: 'group' | 'role';
  /** Group name or project role name. */
  readonly value: string;
}

export interface EditIssueInput {
  /** `fields` of PUT /issue: e.g. `{ priority: { name: 'High' }, customfield_10040: {...} }`. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** `update` operations: e.g. `{ labels: [{ add: 'escalated' }] }`. */
  readonly update?: Readonly<Record<string, readonly unknown[]>>;
  /** Send Jira's own "issue updated" mail (default false: the app notifies on purpose, not as a side effect). */
  readonly notifyUsers?: boolean;
  /** Issue properties set in the same request (IssueUpdateDetails `properties`): saves a property PUT. */
  readonly properties?: readonly { readonly key: string; readonly value: unknown }[];
}

export interface NotifyInput {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody?: string;
  readonly to: {
    readonly reporter?: boolean;
    readonly assignee?: boolean;
    readonly watchers?: boolean;
    readonly users?: readonly string[];
    /** Group names. */
    readonly groups?: readonly string[];
  };
}

export const TransitionSchema = z.object({ id: z.string(), name: z.string(), to: IssueStatusSchema });
export type Transition = z.infer<typeof TransitionSchema>;

export interface LinkIssuesInput {
  /** Link type name, e.g. "Problem/Incident". */
  readonly typeName: string;
  /** Issue on the inward side ("is caused by" reads from it). */
  readonly inwardIssueKey: string;
  readonly outwardIssueKey: string;
}

export interface CreateIssueInput {
  /** `fields` of POST /issue: project, issuetype, summary, description (ADF) ... */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface CreatedIssue {
  readonly id: string;
  readonly key: string;
}

export interface AppFieldValueUpdate {
  /** Field id (`customfield_10040`) or the app field's key. */
  readonly field: string;
  /** Numeric issue ids. */
  readonly issueIds: readonly string[];
  /** The value, compatible with the field's type (object for the priority matrix). */
  readonly value: unknown;
}

export const PageOfAccountIdsSchema = z.object({ accountIds: z.array(z.string()), isLast: z.boolean() });
export type PageOfAccountIds = z.infer<typeof PageOfAccountIdsSchema>;

/** Project permission keys (ADMINISTER_PROJECTS, EDIT_ISSUES, BROWSE_PROJECTS ...) -> held. */
export type PermissionMap = Readonly<Record<string, boolean>>;

export interface IssueGateway {
  /** The issue, or null when it does not exist or the caller cannot see it (404). */
  getIssue(issueIdOrKey: string, options?: GetIssueOptions): Promise<IssueSnapshot | null>;
  /** One page of `/rest/api/3/search/jql` (token paging, no total). */
  searchJql(options: SearchOptions): Promise<SearchPage>;
  editIssue(issueIdOrKey: string, input: EditIssueInput): Promise<void>;
  /** The property's value, or null when unset. */
  getProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown>;
  /** Creates or replaces an issue property (<= 32 KB JSON). */
  setProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void>;
  deleteProperty(issueIdOrKey: string, propertyKey: string): Promise<void>;
  /** Adds a comment; returns its id. */
  addComment(issueIdOrKey: string, body: CommentBody, visibility?: CommentVisibility): Promise<{ readonly id: string }>;
  /** Jira's notify API (mail to users/groups/roles of the issue). */
  notify(issueIdOrKey: string, input: NotifyInput): Promise<void>;
  /** Assigns (null = unassign). */
  assign(issueIdOrKey: string, accountId: string | null): Promise<void>;
  getTransitions(issueIdOrKey: string): Promise<readonly Transition[]>;
  transition(issueIdOrKey: string, transitionId: string, fields?: Readonly<Record<string, unknown>>): Promise<void>;
  linkIssues(input: LinkIssuesInput): Promise<void>;
  /** POST /issue: creates an issue; as the user, Jira's create permission and field rules apply. */
  createIssue(input: CreateIssueInput): Promise<CreatedIssue>;
  /** POST /rest/api/3/app/field/value: the app's own (jira:customField) fields; asApp only. */
  setAppFieldValues(updates: readonly AppFieldValueUpdate[], options?: { readonly generateChangelog?: boolean }): Promise<void>;
  /** Active members of a group, one page (`startAt` 0-based). */
  groupMembers(groupName: string, page?: { readonly startAt?: number; readonly maxResults?: number }): Promise<PageOfAccountIds>;
  /** Account ids of a project role's members: its user actors plus the active members of its group actors (2 calls + group pages). Empty if no such role. */
  projectRoleMembers(projectIdOrKey: string, roleName: string): Promise<readonly string[]>;
  /** A project role's actors as configured (2 calls: role list, then the role); null if no such role. */
  projectRoleActors(projectIdOrKey: string, roleName: string): Promise<{ readonly users: readonly string[]; readonly groups: readonly string[] } | null>;
  /** Names of the groups a user belongs to. */
  userGroups(accountId: string): Promise<readonly string[]>;
  /** Which of `permissions` the CALLER holds in the project or on the issue (`/mypermissions`; meant for asUser). */
  myPermissions(scope: { readonly projectKey?: string; readonly issueKey?: string }, permissions: readonly string[]): Promise<PermissionMap>;
  /** Which of `permissions` a given user holds in a project (`POST /permissions/check`; meant for asApp). */
  userPermissions(accountId: string, projectIdOrKey: string, permissions: readonly string[]): Promise<PermissionMap>;
  /** Issue security levels usable in a project. */
  securityLevels(projectIdOrKey: string): Promise<readonly IssueRef[]>;
}

/** Both faces of the gateway; triggers and the sweep use `asApp`, resolvers read issue data `asUser`. */
export interface IssueGateways {
  readonly asApp: IssueGateway;
  readonly asUser: IssueGateway;
}
