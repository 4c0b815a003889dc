import type { Clock } from '../site-contract';
import {
  DEFAULT_GROUPS,
  DEFAULT_ISSUE_TYPES,
  DEFAULT_LINK_TYPES,
  DEFAULT_PRIORITIES,
  DEFAULT_RESOLUTIONS,
  DEFAULT_ROLES,
  DEFAULT_STATUSES,
  DEFAULT_TRANSITIONS,
  DEFAULT_USERS,
  SYSTEM_FIELDS,
} from './defaults';
import type {
  CommentRecord,
  CustomFieldRecord,
  EntityPropertyIndexRecord,
  FieldContextRecord,
  GroupRecord,
  IssueLinkRecord,
  IssueRecord,
  IssueTypeRecord,
  IssueTypeSchemeRecord,
  LinkTypeRecord,
  NotificationRecord,
  PriorityRecord,
  ProjectRecord,
  ProjectRoleRecord,
  ResolutionRecord,
  ScreenRecord,
  SecurityLevelRecord,
  SecuritySchemeRecord,
  StatusRecord,
  TransitionRecord,
  UserRecord,
} from './model';

export const DEFAULT_ISSUE_TYPE_SCHEME_ID = '10000';

/** All state of one emulated site, indexed for lookups by id and key (the bench seeds tens of thousands of issues). */
export class JiraStore {
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>(); // by name
  readonly roles = new Map<number, ProjectRoleRecord>();
  readonly projects = new Map<string, ProjectRecord>(); // by id
  readonly projectsByKey = new Map<string, ProjectRecord>();
  readonly issueTypes = new Map<string, IssueTypeRecord>();
  readonly statuses = new Map<string, StatusRecord>();
  readonly transitions: TransitionRecord[] = [];
  readonly priorities = new Map<string, PriorityRecord>();
  readonly resolutions = new Map<string, ResolutionRecord>();
  readonly customFields = new Map<string, CustomFieldRecord>(); // by id customfield_N
  readonly linkTypes = new Map<string, LinkTypeRecord>();
  readonly issues = new Map<string, IssueRecord>(); // by id
  readonly issuesByKey = new Map<string, IssueRecord>();
  /** projectId -> issue ids in creation order, so `project = X` does not scan the whole site. */
  readonly issuesByProject = new Map<string, string[]>();
  readonly comments = new Map<string, CommentRecord>();
  readonly links = new Map<string, IssueLinkRecord>();
  readonly securitySchemes = new Map<number, SecuritySchemeRecord>();
  readonly securityLevels = new Map<string, SecurityLevelRecord>();
  readonly screens = new Map<number, ScreenRecord>();
  /** fieldId -> its contexts (with their options), in creation order. */
  readonly fieldContexts = new Map<string, FieldContextRecord[]>();
  readonly issueTypeSchemes = new Map<string, IssueTypeSchemeRecord>();
  readonly propertyIndex: EntityPropertyIndexRecord[] = [];
  readonly notifications: NotificationRecord[] = [];
  /** Bumped on every mutation; search caches compare it. */
  version = 0;
  private counters = new Map<string, number>();

  constructor(
    readonly clock: Clock,
    /** Origin used in `self` links, e.g. https://your-domain.atlassian.net. */
    readonly baseUrl: string,
  ) {
    for (const u of DEFAULT_USERS) this.users.set(u.accountId, { ...u });
    for (const g of DEFAULT_GROUPS) this.groups.set(g.name, { name: g.name, groupId: g.groupId, members: new Set(g.members) });
    for (const r of DEFAULT_ROLES) this.roles.set(r.id, { ...r });
    for (const t of DEFAULT_ISSUE_TYPES) this.issueTypes.set(t.id, { ...t });
    for (const s of DEFAULT_STATUSES) this.statuses.set(s.id, { ...s });
    for (const t of DEFAULT_TRANSITIONS) this.transitions.push({ ...t, from: [...t.from] });
    for (const p of DEFAULT_PRIORITIES) this.priorities.set(p.id, { ...p });
    for (const r of DEFAULT_RESOLUTIONS) this.resolutions.set(r.id, { ...r });
    for (const l of DEFAULT_LINK_TYPES) this.linkTypes.set(l.id, { ...l });
    this.issueTypeSchemes.set(DEFAULT_ISSUE_TYPE_SCHEME_ID, {
      id: DEFAULT_ISSUE_TYPE_SCHEME_ID,
      name: 'Default Issue Type Scheme',
      description: 'Default issue type scheme is the list of global issue types. All newly created issue types will automatically be added to this scheme.',
      isDefault: true,
      defaultIssueTypeId: null,
      issueTypeIds: DEFAULT_ISSUE_TYPES.map((t) => t.id),
    });
    this.screens.set(1, { id: 1, name: 'Default Screen', tabs: [{ id: 10000, name: 'Field Tab', fieldIds: SYSTEM_FIELDS.map((f) => f.id) }] });
  }

  now(): number {
    return this.clock.now();
  }

  /** Next numeric id in a sequence, as a string (Jira ids are numeric strings). */
  nextId(sequence: string, start = 10000): string {
    const n = this.counters.get(sequence) ?? start;
    this.counters.set(sequence, n + 1);
    return String(n);
  }

  touch(): void {
    this.version++;
  }

  issueByIdOrKey(idOrKey: string): IssueRecord | undefined {
    return this.issues.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
  }

  projectByIdOrKey(idOrKey: string): ProjectRecord | undefined {
    return this.projects.get(idOrKey) ?? this.projectsByKey.get(idOrKey.toUpperCase());
  }

  groupById(groupId: string): GroupRecord | undefined {
    for (const g of this.groups.values()) if (g.groupId === groupId) return g;
    return undefined;
  }

  /** Groups the user belongs to, by name. */
  groupsOf(accountId: string): string[] {
    const out: string[] = [];
    for (const g of this.groups.values()) if (g.members.has(accountId)) out.push(g.name);
    return out;
  }

  statusByName(name: string): StatusRecord | undefined {
    const lower = name.toLowerCase();
    for (const s of this.statuses.values()) if (s.name.toLowerCase() === lower) return s;
    return undefined;
  }

  priorityByName(name: string): PriorityRecord | undefined {
    const lower = name.toLowerCase();
    for (const p of this.priorities.values()) if (p.name.toLowerCase() === lower) return p;
    return undefined;
  }

  issueTypeByName(name: string): IssueTypeRecord | undefined {
    const lower = name.toLowerCase();
    for (const t of this.issueTypes.values()) if (t.name.toLowerCase() === lower) return t;
    return undefined;
  }

  customFieldByIdOrKey(idOrKey: string): CustomFieldRecord | undefined {
    const direct = this.customFields.get(idOrKey);
    if (direct) return direct;
    for (const f of this.customFields.values()) if (f.key === idOrKey) return f;
    return undefined;
  }

  customFieldByName(name: string): CustomFieldRecord | undefined {
    const lower = name.toLowerCase();
    for (const f of this.customFields.values()) if (f.name.toLowerCase() === lower) return f;
    return undefined;
  }

  defaultPriority(): PriorityRecord {
    for (const p of this.priorities.values()) if (p.isDefault) return p;
    const first = this.priorities.values().next().value;
    if (!first) throw new Error('no priorities configured');
    return first;
  }
}
