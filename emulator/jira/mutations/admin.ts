import type { SiteCore } from '../core';
import { fail, failFields } from '../errors';
import { DEFAULT_ROLE_ACTORS } from '../state/defaults';
import { DEFAULT_ISSUE_TYPE_SCHEME_ID } from '../state/store';
import type { CustomFieldRecord, FieldValueKind, IndexValueType, IssueTypeRecord, ProjectRecord, SecurityLevelRecord } from '../state/model';

export interface NewProject {
  key: string;
  name: string;
  projectTypeKey?: string;
  leadAccountId?: string;
}

export function createProject(core: SiteCore, input: NewProject): ProjectRecord {
  const { store } = core;
  const errors: Record<string, string> = {};
  if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(input.key)) {
    errors.projectKey = 'Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.';
  } else if (store.projectsByKey.has(input.key)) {
    errors.projectKey = `Project '${store.projectsByKey.get(input.key)?.name ?? ''}' uses this project key.`;
  }
  if (input.name.trim() === '') errors.projectName = 'You must specify a valid project name.';
  else if ([...store.projects.values()].some((p) => p.name.toLowerCase() === input.name.toLowerCase())) errors.projectName = 'A project with that name already exists.';
  const lead = input.leadAccountId ?? 'user-admin';
  if (!store.users.has(lead)) errors.projectLead = 'The project lead you specified does not exist.';
  if (Object.keys(errors).length > 0) failFields(400, errors);
  const project: ProjectRecord = {
    id: store.nextId('project'),
    key: input.key,
    name: input.name,
    projectTypeKey: input.projectTypeKey ?? 'software',
    leadAccountId: lead,
    issueTypeIds: [...(store.issueTypeSchemes.get(DEFAULT_ISSUE_TYPE_SCHEME_ID)?.issueTypeIds ?? store.issueTypes.keys())],
    issueTypeSchemeId: DEFAULT_ISSUE_TYPE_SCHEME_ID,
    roleActors: new Map(DEFAULT_ROLE_ACTORS.map((r) => [r.roleId, { users: new Set(r.users), groups: new Set(r.groups) }])),
    issueSecuritySchemeId: null,
    nextNumber: 1,
  };
  store.projects.set(project.id, project);
  store.projectsByKey.set(project.key, project);
  store.issuesByProject.set(project.id, []);
  store.touch();
  return project;
}

export function createIssueType(core: SiteCore, input: { name: string; description?: string; hierarchyLevel?: number; type?: string }): IssueTypeRecord {
  const { store } = core;
  const name = input.name.trim();
  if (name === '') failFields(400, { name: 'The issue type name must be specified.' });
  if (name.length > 60) failFields(400, { name: 'The entered text is too long. It cannot be more than 60 characters.' });
  if (store.issueTypeByName(name)) fail(409, 'An issue type with this name already exists.');
  const subtask = input.type === 'subtask' || input.hierarchyLevel === -1;
  const t: IssueTypeRecord = { id: store.nextId('issuetype', 10003), name, description: input.description ?? '', hierarchyLevel: subtask ? -1 : (input.hierarchyLevel ?? 0), subtask };
  store.issueTypes.set(t.id, t);
  // The default issue type scheme holds every type, so its projects gain the new one; projects with
  // their own scheme do not (setup then adds it through PUT /issuetypescheme/{id}/issuetype).
  store.issueTypeSchemes.get(DEFAULT_ISSUE_TYPE_SCHEME_ID)?.issueTypeIds.push(t.id);
  for (const p of store.projects.values()) if (p.issueTypeSchemeId === DEFAULT_ISSUE_TYPE_SCHEME_ID) p.issueTypeIds.push(t.id);
  store.touch();
  return t;
}

/** Map a custom field type key to how values are checked and searched. */
export function kindOfType(type: string): FieldValueKind {
  const short = type.slice(type.lastIndexOf(':') + 1);
  switch (short) {
    case 'float':
    case 'importid':
      return 'number';
    case 'textfield':
    case 'textarea':
    case 'readonlyfield':
    case 'url':
      return 'string';
    case 'datetime':
      return 'datetime';
    case 'datepicker':
      return 'date';
    case 'labels':
    case 'multiselect':
    case 'multicheckboxes':
      return 'array-string';
    case 'userpicker':
      return 'user';
    case 'select':
    case 'radiobuttons':
      return 'option';
    default:
      return 'any';
  }
}

export interface NewCustomField {
  name: string;
  type: string;
  description?: string;
  searcherKey?: string | null;
  key?: string;
  kind?: FieldValueKind;
  appOwned?: boolean;
  aliases?: CustomFieldRecord['aliases'];
}

export function createCustomField(core: SiteCore, input: NewCustomField): CustomFieldRecord {
  const { store } = core;
  if (input.name.trim() === '') failFields(400, { name: 'The custom field name must be specified.' });
  if (input.name.length > 255) failFields(400, { name: 'The custom field name must not be longer than 255 characters.' });
  const numeric = Number(store.nextId('customfield', 10050));
  const id = `customfield_${String(numeric)}`;
  const f: CustomFieldRecord = {
    id,
    numericId: numeric,
    key: input.key ?? id,
    name: input.name,
    description: input.description ?? '',
    customType: input.type,
    searcherKey: input.searcherKey ?? null,
    kind: input.kind ?? kindOfType(input.type),
    appOwned: input.appOwned ?? false,
    aliases: input.aliases ?? new Map<string, { property: string; type: IndexValueType }>(),
  };
  store.customFields.set(id, f);
  // Jira gives a new field a global "Default Configuration Scheme" context, where its options live.
  if (!f.appOwned) {
    store.fieldContexts.set(id, [
      { id: store.nextId('fieldcontext', 10100), fieldId: id, name: `Default Configuration Scheme for ${f.name}`, description: `Default configuration scheme generated by Jira`, projectIds: [], issueTypeIds: [], options: [] },
    ]);
  }
  store.touch();
  return f;
}

export interface NewSecurityLevel {
  name: string;
  description?: string;
  users?: string[];
  groups?: string[];
  roles?: number[];
  reporter?: boolean;
  assignee?: boolean;
  isDefault?: boolean;
}

/** A scheme with its levels, attached to the given projects. */
export function createSecurityScheme(core: SiteCore, input: { name: string; description?: string; levels: NewSecurityLevel[]; projectIds: string[] }) {
  const { store } = core;
  const schemeId = Number(store.nextId('securityscheme', 10000));
  const levelIds: string[] = [];
  for (const l of input.levels) {
    const level: SecurityLevelRecord = {
      id: store.nextId('securitylevel', 10000),
      name: l.name,
      description: l.description ?? '',
      schemeId,
      isDefault: l.isDefault ?? false,
      members: {
        users: new Set(l.users ?? []),
        groups: new Set(l.groups ?? []),
        roles: new Set(l.roles ?? []),
        reporter: l.reporter ?? false,
        assignee: l.assignee ?? false,
      },
    };
    store.securityLevels.set(level.id, level);
    levelIds.push(level.id);
  }
  store.securitySchemes.set(schemeId, { id: schemeId, name: input.name, description: input.description ?? '', levelIds });
  for (const pid of input.projectIds) {
    const p = store.projects.get(pid);
    if (p) p.issueSecuritySchemeId = schemeId;
  }
  store.touch();
  return store.securitySchemes.get(schemeId);
}
