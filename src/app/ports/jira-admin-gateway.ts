import type { StatusCategory } from '../../domain/sla';

/**
 * Port: the Jira configuration setup needs (issue types, custom fields with their options, screens,
 * link types, statuses). Always as the app. One REST call per method unless noted.
 * Implemented in src/jira/admin-gateway.ts.
 */

export interface NamedId {
  readonly id: string;
  readonly name: string;
}

export interface IssueTypeInfo extends NamedId {
  readonly subtask: boolean;
}

export interface FieldInfo extends NamedId {
  readonly custom: boolean;
  /** Custom field type key (`com.atlassian.jira.plugin.system.customfieldtypes:select`) or a Forge field's extension ARI. */
  readonly customType: string | null;
  /** The field's key (Forge app fields: `<app uuid>__<env>__<module key>`). */
  readonly key: string;
}

export interface FieldOption {
  readonly id: string;
  readonly value: string;
}

export interface LinkTypeInfo extends NamedId {
  readonly inward: string;
  readonly outward: string;
}

export interface StatusInfo extends NamedId {
  readonly category: StatusCategory | null;
}

export interface NewCustomField {
  readonly name: string;
  readonly description: string;
  /** Custom field type key. */
  readonly type: string;
  readonly searcherKey: string;
}

export interface JiraAdminGateway {
  getProject(projectKey: string): Promise<{ readonly id: string; readonly key: string; readonly name: string } | null>;
  /** accountId of the caller (the app's own user when called as the app). */
  myself(): Promise<string>;
  listIssueTypes(): Promise<readonly IssueTypeInfo[]>;
  /** Issue types usable in the project. */
  projectIssueTypes(projectId: string): Promise<readonly IssueTypeInfo[]>;
  createIssueType(input: { readonly name: string; readonly description: string; readonly subtask: boolean }): Promise<IssueTypeInfo>;
  /** Adds issue types to the project's issue type scheme (2 calls: find the scheme, then add). */
  addIssueTypesToProject(projectId: string, issueTypeIds: readonly string[]): Promise<void>;
  listFields(): Promise<readonly FieldInfo[]>;
  createField(input: NewCustomField): Promise<FieldInfo>;
  /** Contexts of a custom field that apply to the project (project-specific or global); empty when none. */
  fieldContexts(fieldId: string): Promise<readonly { readonly id: string; readonly name: string; readonly isGlobal: boolean }[]>;
  createFieldContext(fieldId: string, input: { readonly name: string; readonly projectIds: readonly string[] }): Promise<NamedId>;
  contextOptions(fieldId: string, contextId: string): Promise<readonly FieldOption[]>;
  addContextOptions(fieldId: string, contextId: string, values: readonly string[]): Promise<readonly FieldOption[]>;
  listScreens(): Promise<readonly NamedId[]>;
  screenTabs(screenId: string): Promise<readonly NamedId[]>;
  tabFields(screenId: string, tabId: string): Promise<readonly string[]>;
  addFieldToTab(screenId: string, tabId: string, fieldId: string): Promise<void>;
  listLinkTypes(): Promise<readonly LinkTypeInfo[]>;
  createLinkType(input: { readonly name: string; readonly inward: string; readonly outward: string }): Promise<LinkTypeInfo>;
  /** Every status used in the project (across its issue types), with categories. */
  projectStatuses(projectKey: string): Promise<readonly StatusInfo[]>;
}
