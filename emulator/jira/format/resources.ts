import type { JiraStore } from '../state/store';
import type {
  IssueTypeRecord,
  LinkTypeRecord,
  PriorityRecord,
  ProjectRecord,
  ResolutionRecord,
  SecurityLevelRecord,
  StatusCategoryKey,
  StatusRecord,
  UserRecord,
} from '../state/model';

const CATEGORY: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

export function statusCategoryJson(store: JiraStore, key: StatusCategoryKey) {
  const c = CATEGORY[key];
  return { self: `${store.baseUrl}/rest/api/3/statuscategory/${String(c.id)}`, id: c.id, key, colorName: c.colorName, name: c.name };
}

export function statusCategoryByName(name: string): StatusCategoryKey | undefined {
  const lower = name.toLowerCase();
  for (const [key, c] of Object.entries(CATEGORY) as [StatusCategoryKey, (typeof CATEGORY)[StatusCategoryKey]][]) {
    if (key === lower || c.name.toLowerCase() === lower || String(c.id) === lower) return key;
  }
  return undefined;
}

export function statusJson(store: JiraStore, s: StatusRecord) {
  return {
    self: `${store.baseUrl}/rest/api/3/status/${s.id}`,
    description: s.description,
    iconUrl: `${store.baseUrl}/images/icons/statuses/generic.png`,
    name: s.name,
    id: s.id,
    statusCategory: statusCategoryJson(store, s.category),
  };
}

function avatarUrls(seed: string) {
  const base = `https://avatar.example/${encodeURIComponent(seed)}`;
  return { '48x48': `${base}?s=48`, '24x24': `${base}?s=24`, '16x16': `${base}?s=16`, '32x32': `${base}?s=32` };
}

export function userJson(store: JiraStore, u: UserRecord) {
  return {
    self: `${store.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
    accountId: u.accountId,
    ...(u.accountType === 'app' ? {} : { emailAddress: u.emailAddress }),
    avatarUrls: avatarUrls(u.accountId),
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone,
    accountType: u.accountType,
  };
}

/** A user referenced from an issue or changelog; unknown ids render as a bare accountId (a deleted user). */
export function userRefJson(store: JiraStore, accountId: string | null) {
  if (accountId === null) return null;
  const u = store.users.get(accountId);
  return u ? userJson(store, u) : { accountId, active: false, displayName: 'Former user', accountType: 'atlassian' };
}

export function priorityJson(store: JiraStore, p: PriorityRecord) {
  return {
    self: `${store.baseUrl}/rest/api/3/priority/${p.id}`,
    statusColor: p.statusColor,
    description: p.description,
    iconUrl: `${store.baseUrl}/images/icons/priorities/${p.name.toLowerCase()}.svg`,
    name: p.name,
    id: p.id,
    isDefault: p.isDefault,
  };
}

export function resolutionJson(store: JiraStore, r: ResolutionRecord) {
  return { self: `${store.baseUrl}/rest/api/3/resolution/${r.id}`, id: r.id, description: r.description, name: r.name };
}

export function issueTypeJson(store: JiraStore, t: IssueTypeRecord) {
  return {
    self: `${store.baseUrl}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${store.baseUrl}/images/icons/issuetypes/${t.id}.svg`,
    name: t.name,
    subtask: t.subtask,
    avatarId: 10300,
    hierarchyLevel: t.hierarchyLevel,
  };
}

export function projectRefJson(store: JiraStore, p: ProjectRecord) {
  return {
    self: `${store.baseUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: p.projectTypeKey,
    simplified: false,
    avatarUrls: avatarUrls(`project-${p.key}`),
  };
}

export function projectJson(store: JiraStore, p: ProjectRecord) {
  const lead = store.users.get(p.leadAccountId);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectRefJson(store, p),
    description: '',
    ...(lead ? { lead: userJson(store, lead) } : {}),
    issueTypes: p.issueTypeIds.flatMap((id) => {
      const t = store.issueTypes.get(id);
      return t ? [issueTypeJson(store, t)] : [];
    }),
    assigneeType: 'UNASSIGNED',
    roles: Object.fromEntries(
      [...store.roles.values()].map((r) => [r.name, `${store.baseUrl}/rest/api/3/project/${p.id}/role/${String(r.id)}`]),
    ),
    isPrivate: false,
    style: 'classic',
    properties: {},
  };
}

export function linkTypeJson(store: JiraStore, t: LinkTypeRecord) {
  return { id: t.id, name: t.name, inward: t.inward, outward: t.outward, self: `${store.baseUrl}/rest/api/3/issueLinkType/${t.id}` };
}

export function securityLevelJson(store: JiraStore, l: SecurityLevelRecord) {
  return {
    self: `${store.baseUrl}/rest/api/3/securitylevel/${l.id}`,
    id: l.id,
    description: l.description,
    name: l.name,
    isDefault: l.isDefault,
    issueSecuritySchemeId: String(l.schemeId),
  };
}
