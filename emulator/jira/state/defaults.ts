import type {
  IssueTypeRecord,
  LinkTypeRecord,
  PriorityRecord,
  ProjectRoleRecord,
  ResolutionRecord,
  StatusRecord,
  TransitionRecord,
  UserRecord,
} from './model';

/** The app's own account: calls made asApp are authored by it (so `ignoreSelf` can recognise them). */
export const APP_ACCOUNT_ID = 'app-incident-desk';

/** Users every site starts with. accountIds are opaque strings, readable on purpose. */
export const DEFAULT_USERS: readonly UserRecord[] = [
  { accountId: APP_ACCOUNT_ID, displayName: 'Incident Desk', emailAddress: '', accountType: 'app', active: true, timeZone: 'UTC', locale: 'en_US' },
  { accountId: 'user-admin', displayName: 'Alice Admin', emailAddress: 'alice@example.com', accountType: 'atlassian', active: true, timeZone: 'Asia/Tokyo', locale: 'ja_JP' },
  { accountId: 'user-agent', displayName: 'Bob Agent', emailAddress: 'bob@example.com', accountType: 'atlassian', active: true, timeZone: 'Asia/Tokyo', locale: 'ja_JP' },
  { accountId: 'user-reporter', displayName: 'Carol Reporter', emailAddress: 'carol@example.com', accountType: 'atlassian', active: true, timeZone: 'Europe/London', locale: 'en_GB' },
  { accountId: 'user-outsider', displayName: 'Dave Outsider', emailAddress: 'dave@example.com', accountType: 'atlassian', active: true, timeZone: 'America/New_York', locale: 'en_US' },
];

/** groupName -> members. `jira-administrators` holds the global ADMINISTER permission. */
export const DEFAULT_GROUPS: readonly { name: string; groupId: string; members: string[] }[] = [
  { name: 'jira-administrators', groupId: '00000000-0000-4000-8000-000000000001', members: ['user-admin'] },
  { name: 'jira-users', groupId: '00000000-0000-4000-8000-000000000002', members: ['user-admin', 'user-agent', 'user-reporter'] },
  { name: 'incident-agents', groupId: '00000000-0000-4000-8000-000000000003', members: ['user-agent'] },
];

export const ROLE_USERS = 10000;
export const ROLE_DEVELOPERS = 10001;
export const ROLE_ADMINISTRATORS = 10002;

export const DEFAULT_ROLES: readonly ProjectRoleRecord[] = [
  { id: ROLE_USERS, name: 'Users', description: 'Can browse, create and comment.' },
  { id: ROLE_DEVELOPERS, name: 'Developers', description: 'Agents: edit, transition, assign, link.' },
  { id: ROLE_ADMINISTRATORS, name: 'Administrators', description: 'Project administrators.' },
];

/** Role actors a new project gets. */
export const DEFAULT_ROLE_ACTORS: readonly { roleId: number; groups: string[]; users: string[] }[] = [
  { roleId: ROLE_USERS, groups: ['jira-users'], users: [] },
  { roleId: ROLE_DEVELOPERS, groups: ['incident-agents'], users: [] },
  { roleId: ROLE_ADMINISTRATORS, groups: ['jira-administrators'], users: [] },
];

export const PROJECT_PERMISSION_KEYS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'LINK_ISSUES',
  'ADD_COMMENTS',
  'SCHEDULE_ISSUES',
  'SET_ISSUE_SECURITY',
  'ADMINISTER_PROJECTS',
  'DELETE_ISSUES',
] as const;
export type ProjectPermissionKey = (typeof PROJECT_PERMISSION_KEYS)[number];

export const GLOBAL_PERMISSION_KEYS = ['ADMINISTER', 'USER_PICKER', 'CREATE_SHARED_OBJECTS'] as const;
export type GlobalPermissionKey = (typeof GLOBAL_PERMISSION_KEYS)[number];

/** The one permission scheme: which roles hold each project permission. */
export const PERMISSION_SCHEME: Readonly<Record<ProjectPermissionKey, readonly number[]>> = {
  BROWSE_PROJECTS: [ROLE_USERS, ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  CREATE_ISSUES: [ROLE_USERS, ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  ADD_COMMENTS: [ROLE_USERS, ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  EDIT_ISSUES: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  TRANSITION_ISSUES: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  ASSIGN_ISSUES: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  ASSIGNABLE_USER: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  RESOLVE_ISSUES: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  CLOSE_ISSUES: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  LINK_ISSUES: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  SCHEDULE_ISSUES: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  SET_ISSUE_SECURITY: [ROLE_DEVELOPERS, ROLE_ADMINISTRATORS],
  DELETE_ISSUES: [ROLE_ADMINISTRATORS],
  ADMINISTER_PROJECTS: [ROLE_ADMINISTRATORS],
};

export const STATUS_OPEN = '1';
export const STATUS_IN_PROGRESS = '3';
export const STATUS_RESOLVED = '5';
export const STATUS_CLOSED = '6';
export const STATUS_WAITING = '10001';

export const DEFAULT_STATUSES: readonly StatusRecord[] = [
  { id: STATUS_OPEN, name: 'Open', description: 'The work has not started.', category: 'new' },
  { id: STATUS_IN_PROGRESS, name: 'In Progress', description: 'Someone is working on it.', category: 'indeterminate' },
  { id: STATUS_WAITING, name: 'Waiting for customer', description: 'Paused until the customer answers.', category: 'indeterminate' },
  { id: STATUS_RESOLVED, name: 'Resolved', description: 'A resolution has been applied.', category: 'done' },
  { id: STATUS_CLOSED, name: 'Closed', description: 'The work is finished.', category: 'done' },
];

export const RESOLUTION_DONE = '10000';

export const DEFAULT_RESOLUTIONS: readonly ResolutionRecord[] = [
  { id: RESOLUTION_DONE, name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
];

/** The default workflow shared by every project and issue type. */
export const DEFAULT_TRANSITIONS: readonly TransitionRecord[] = [
  { id: '11', name: 'Start progress', from: [STATUS_OPEN, STATUS_WAITING], to: STATUS_IN_PROGRESS },
  { id: '21', name: 'Wait for customer', from: [STATUS_OPEN, STATUS_IN_PROGRESS], to: STATUS_WAITING },
  { id: '31', name: 'Stop progress', from: [STATUS_IN_PROGRESS], to: STATUS_OPEN },
  { id: '41', name: 'Resolve', from: [STATUS_OPEN, STATUS_IN_PROGRESS, STATUS_WAITING], to: STATUS_RESOLVED, resolution: { set: RESOLUTION_DONE } },
  { id: '51', name: 'Close', from: [STATUS_OPEN, STATUS_IN_PROGRESS, STATUS_WAITING, STATUS_RESOLVED], to: STATUS_CLOSED, resolution: { set: RESOLUTION_DONE } },
  { id: '61', name: 'Reopen', from: [STATUS_RESOLVED, STATUS_CLOSED], to: STATUS_OPEN, resolution: 'clear' },
];

export const PRIORITY_MEDIUM = '3';

export const DEFAULT_PRIORITIES: readonly PriorityRecord[] = [
  { id: '1', name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437', isDefault: false },
  { id: '2', name: 'High', description: 'Serious problem that could block progress.', statusColor: '#f15C75', isDefault: false },
  { id: PRIORITY_MEDIUM, name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232', isDefault: true },
  { id: '4', name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070', isDefault: false },
  { id: '5', name: 'Lowest', description: 'Trivial problem with little or no impact on progress.', statusColor: '#999999', isDefault: false },
];

export const DEFAULT_ISSUE_TYPES: readonly IssueTypeRecord[] = [
  { id: '10001', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, subtask: false },
  { id: '10002', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, subtask: false },
];

export const DEFAULT_LINK_TYPES: readonly LinkTypeRecord[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

/** System fields: id -> display name, as /rest/api/3/field lists them. */
export const SYSTEM_FIELDS: readonly { id: string; name: string; schemaType: string; items?: string; navigable: boolean; orderable: boolean; searchable: boolean; clauseNames: string[] }[] = [
  { id: 'summary', name: 'Summary', schemaType: 'string', navigable: true, orderable: true, searchable: true, clauseNames: ['summary'] },
  { id: 'description', name: 'Description', schemaType: 'string', navigable: true, orderable: true, searchable: true, clauseNames: ['description'] },
  { id: 'issuetype', name: 'Issue Type', schemaType: 'issuetype', navigable: true, orderable: true, searchable: true, clauseNames: ['issuetype', 'type'] },
  { id: 'project', name: 'Project', schemaType: 'project', navigable: true, orderable: false, searchable: true, clauseNames: ['project'] },
  { id: 'status', name: 'Status', schemaType: 'status', navigable: true, orderable: false, searchable: true, clauseNames: ['status'] },
  { id: 'statusCategory', name: 'Status Category', schemaType: 'statusCategory', navigable: false, orderable: false, searchable: true, clauseNames: ['statusCategory'] },
  { id: 'priority', name: 'Priority', schemaType: 'priority', navigable: true, orderable: true, searchable: true, clauseNames: ['priority'] },
  { id: 'assignee', name: 'Assignee', schemaType: 'user', navigable: true, orderable: true, searchable: true, clauseNames: ['assignee'] },
  { id: 'reporter', name: 'Reporter', schemaType: 'user', navigable: true, orderable: true, searchable: true, clauseNames: ['reporter'] },
  { id: 'creator', name: 'Creator', schemaType: 'user', navigable: true, orderable: false, searchable: true, clauseNames: ['creator'] },
  { id: 'labels', name: 'Labels', schemaType: 'array', items: 'string', navigable: true, orderable: true, searchable: true, clauseNames: ['labels'] },
  { id: 'resolution', name: 'Resolution', schemaType: 'resolution', navigable: true, orderable: true, searchable: true, clauseNames: ['resolution'] },
  { id: 'resolutiondate', name: 'Resolved', schemaType: 'datetime', navigable: true, orderable: false, searchable: true, clauseNames: ['resolutiondate', 'resolved'] },
  { id: 'created', name: 'Created', schemaType: 'datetime', navigable: true, orderable: false, searchable: true, clauseNames: ['created', 'createdDate'] },
  { id: 'updated', name: 'Updated', schemaType: 'datetime', navigable: true, orderable: false, searchable: true, clauseNames: ['updated', 'updatedDate'] },
  { id: 'statuscategorychangedate', name: 'Status Category Changed', schemaType: 'datetime', navigable: true, orderable: false, searchable: true, clauseNames: ['statusCategoryChangedDate'] },
  { id: 'duedate', name: 'Due date', schemaType: 'date', navigable: true, orderable: true, searchable: true, clauseNames: ['due', 'duedate'] },
  { id: 'security', name: 'Security Level', schemaType: 'securitylevel', navigable: true, orderable: true, searchable: true, clauseNames: ['level'] },
  { id: 'issuelinks', name: 'Linked Issues', schemaType: 'array', items: 'issuelinks', navigable: true, orderable: true, searchable: true, clauseNames: ['issueLink'] },
  { id: 'comment', name: 'Comment', schemaType: 'comments-page', navigable: false, orderable: true, searchable: true, clauseNames: ['comment'] },
];

/** Fields that `*navigable` selects (search default for bulkfetch, the app's usual choice). */
export const NAVIGABLE_FIELDS: ReadonlySet<string> = new Set(SYSTEM_FIELDS.filter((f) => f.navigable).map((f) => f.id));
