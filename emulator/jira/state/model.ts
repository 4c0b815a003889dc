/** In-memory records of the emulated Jira. Times are epoch milliseconds; rendering happens in format/. */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface UserRecord {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: 'atlassian' | 'app' | 'customer';
  active: boolean;
  timeZone: string;
  locale: string;
}

export interface GroupRecord {
  groupId: string;
  name: string;
  members: Set<string>;
}

export interface ProjectRoleRecord {
  id: number;
  name: string;
  description: string;
}

export interface ProjectRecord {
  id: string;
  key: string;
  name: string;
  projectTypeKey: string;
  leadAccountId: string;
  /** Issue types available in this project (its issue type scheme), in display order. */
  issueTypeIds: string[];
  /** roleId -> actors. */
  roleActors: Map<number, { users: Set<string>; groups: Set<string> }>;
  issueSecuritySchemeId: number | null;
  /** The issue type scheme the project uses (its types are mirrored in `issueTypeIds`). */
  issueTypeSchemeId: string;
  /** Next issue number for the key. */
  nextNumber: number;
}

export interface IssueTypeRecord {
  id: string;
  name: string;
  description: string;
  hierarchyLevel: number;
  subtask: boolean;
}

export interface StatusRecord {
  id: string;
  name: string;
  description: string;
  category: StatusCategoryKey;
}

export interface TransitionRecord {
  id: string;
  name: string;
  /** Empty: a global transition (from any status other than `to`). */
  from: string[];
  to: string;
  /** Resolution to set when entering the target; 'clear' removes it; undefined leaves it alone. */
  resolution?: { set: string } | 'clear';
}

export interface PriorityRecord {
  id: string;
  name: string;
  description: string;
  statusColor: string;
  isDefault: boolean;
}

export interface ResolutionRecord {
  id: string;
  name: string;
  description: string;
}

export type FieldValueKind = 'string' | 'number' | 'datetime' | 'date' | 'array-string' | 'user' | 'option' | 'object' | 'any';

export interface CustomFieldRecord {
  id: string; // customfield_10050
  numericId: number;
  key: string;
  name: string;
  description: string;
  /** e.g. com.atlassian.jira.plugin.system.customfieldtypes:float, or a Forge extension ARI. */
  customType: string;
  searcherKey: string | null;
  kind: FieldValueKind;
  /** Forge app fields (jira:customField): only the app sets them, through /app/field/value. */
  appOwned: boolean;
  /** For object fields: property name -> JQL alias and its type. */
  aliases: Map<string, { property: string; type: IndexValueType }>;
}

/** One option of a select-like field's context. */
export interface FieldOptionRecord {
  id: string;
  value: string;
  disabled: boolean;
}

/** A custom field context: which projects (none = global) and issue types (none = all) it covers, and its options. */
export interface FieldContextRecord {
  id: string;
  fieldId: string;
  name: string;
  description: string;
  projectIds: string[];
  issueTypeIds: string[];
  options: FieldOptionRecord[];
}

export interface IssueTypeSchemeRecord {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
  defaultIssueTypeId: string | null;
  issueTypeIds: string[];
}

export type IndexValueType = 'number' | 'string' | 'text' | 'user' | 'date';

export interface EntityPropertyIndexRecord {
  propertyKey: string;
  path: string; // dotted, without leading dot
  type: IndexValueType;
  searchAlias: string | null;
}

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogRecord {
  id: string;
  authorAccountId: string;
  created: number;
  items: ChangeItem[];
}

export interface CommentRecord {
  id: string;
  issueId: string;
  authorAccountId: string;
  updateAuthorAccountId: string;
  body: unknown; // ADF document
  created: number;
  updated: number;
}

export interface IssueRecord {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: unknown; // ADF or null
  statusId: string;
  statusCategoryChangeDate: number;
  priorityId: string;
  assigneeId: string | null;
  reporterId: string;
  creatorId: string;
  labels: string[];
  resolutionId: string | null;
  resolutionDate: number | null;
  created: number;
  updated: number;
  securityLevelId: string | null;
  duedate: string | null;
  custom: Map<string, unknown>;
  properties: Map<string, unknown>;
  changelog: ChangelogRecord[];
  commentIds: string[];
  linkIds: Set<string>;
}

export interface LinkTypeRecord {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface IssueLinkRecord {
  id: string;
  typeId: string;
  /** `inwardIssue` of the create request: the issue that "<outward>" the other (A blocks B: A). */
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface SecurityLevelRecord {
  id: string;
  name: string;
  description: string;
  schemeId: number;
  isDefault: boolean;
  members: { users: Set<string>; groups: Set<string>; roles: Set<number>; reporter: boolean; assignee: boolean };
}

export interface SecuritySchemeRecord {
  id: number;
  name: string;
  description: string;
  levelIds: string[];
}

export interface ScreenRecord {
  id: number;
  name: string;
  tabs: { id: number; name: string; fieldIds: string[] }[];
}

/** A `POST /issue/{id}/notify` call, kept for tests and the demo. */
export interface NotificationRecord {
  issueId: string;
  issueKey: string;
  by: string;
  at: number;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
  /** The request's `to` as sent, plus the account ids it resolved to. */
  to: unknown;
  recipients: string[];
}
