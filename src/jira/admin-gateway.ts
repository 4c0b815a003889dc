import { route } from '@forge/api';
import { z } from 'zod';
import type {
  FieldInfo,
  FieldOption,
  IssueTypeInfo,
  JiraAdminGateway,
  LinkTypeInfo,
  NamedId,
  NewCustomField,
  StatusInfo,
} from '../app/ports/jira-admin-gateway';
import { JiraApiError } from '../app/ports/jira-error';
import type { JiraClient } from './jira-client';
import { JiraIssueTypeSchema, JiraProjectSchema, JiraStatusSchema } from './schemas';
import { statusOf } from './issue-mapping';

/** JiraAdminGateway over a JiraClient bound to asApp. Paged lists are read to the end. */

const Id = z.union([z.string(), z.number()]).transform(String);

const FieldSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  name: z.string(),
  custom: z.boolean().optional().default(false),
  schema: z.looseObject({ custom: z.string().optional() }).optional(),
});

const PageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ values: z.array(item), isLast: z.boolean().optional(), total: z.number().optional(), startAt: z.number().optional() });

const ContextSchema = z.looseObject({ id: Id, name: z.string(), isGlobalContext: z.boolean().optional().default(false) });
const OptionSchema = z.looseObject({ id: Id, value: z.string(), disabled: z.boolean().optional() });
const ScreenSchema = z.looseObject({ id: Id, name: z.string() });
const TabSchema = z.looseObject({ id: Id, name: z.string() });
const LinkTypeSchema = z.looseObject({ id: Id, name: z.string(), inward: z.string(), outward: z.string() });
const SchemeProjectsSchema = z.looseObject({ issueTypeScheme: z.looseObject({ id: Id }), projectIds: z.array(Id).optional().default([]) });
const IssueTypeWithStatusSchema = z.looseObject({ id: z.string().optional(), statuses: z.array(JiraStatusSchema).optional().default([]) });
const MyselfSchema = z.looseObject({ accountId: z.string() });

const typeOf = (t: z.infer<typeof JiraIssueTypeSchema>): IssueTypeInfo => ({ id: t.id, name: t.name, subtask: t.subtask });
const fieldOf = (f: z.infer<typeof FieldSchema>): FieldInfo => ({ id: f.id, key: f.key ?? f.id, name: f.name, custom: f.custom, customType: f.schema?.custom ?? null });

function missing(method: string, path: string): JiraApiError {
  return new JiraApiError({ method, path, status: 200, errorMessages: ['Empty response'], errors: {}, attempts: 1 }, 'unexpected-response');
}

export class JiraAdminGatewayImpl implements JiraAdminGateway {
  constructor(private readonly client: JiraClient) {}

  private async pages<T extends z.ZodType>(build: (startAt: number) => { value: string }, item: T): Promise<z.output<T>[]> {
    const out: z.output<T>[] = [];
    for (let startAt = 0; ; ) {
      const page = await this.client.get(build(startAt), PageSchema(item));
      out.push(...(page.values as z.output<T>[]));
      if (page.values.length === 0 || page.isLast !== false) return out;
      startAt += page.values.length;
    }
  }

  async getProject(projectKey: string) {
    const p = await this.client.get(route`/rest/api/3/project/${projectKey}`, JiraProjectSchema, { nullOn: [404] });
    return p === null ? null : { id: p.id, key: p.key, name: p.name };
  }

  async myself(): Promise<string> {
    return (await this.client.get(route`/rest/api/3/myself`, MyselfSchema)).accountId;
  }

  async listIssueTypes(): Promise<readonly IssueTypeInfo[]> {
    return (await this.client.get(route`/rest/api/3/issuetype`, z.array(JiraIssueTypeSchema))).map(typeOf);
  }

  async projectIssueTypes(projectId: string): Promise<readonly IssueTypeInfo[]> {
    return (await this.client.get(route`/rest/api/3/issuetype/project?${new URLSearchParams({ projectId })}`, z.array(JiraIssueTypeSchema))).map(typeOf);
  }

  async createIssueType(input: { readonly name: string; readonly description: string; readonly subtask: boolean }): Promise<IssueTypeInfo> {
    const body = { name: input.name, description: input.description, ...(input.subtask ? { type: 'subtask', hierarchyLevel: -1 } : { hierarchyLevel: 0 }) };
    const created = await this.client.send('POST', route`/rest/api/3/issuetype`, { body, schema: JiraIssueTypeSchema });
    if (created === null || created === undefined) throw missing('POST', '/rest/api/3/issuetype');
    return typeOf(created);
  }

  async addIssueTypesToProject(projectId: string, issueTypeIds: readonly string[]): Promise<void> {
    const schemes = await this.client.get(route`/rest/api/3/issuetypescheme/project?${new URLSearchParams({ projectId })}`, PageSchema(SchemeProjectsSchema));
    const schemeId = schemes.values[0]?.issueTypeScheme.id;
    if (schemeId === undefined) {
      throw new JiraApiError({ method: 'GET', path: '/rest/api/3/issuetypescheme/project', status: 404, errorMessages: ['The project has no issue type scheme'], errors: {}, attempts: 1 });
    }
    await this.client.send('PUT', route`/rest/api/3/issuetypescheme/${schemeId}/issuetype`, { body: { issueTypeIds: [...issueTypeIds] } });
  }

  async listFields(): Promise<readonly FieldInfo[]> {
    return (await this.client.get(route`/rest/api/3/field`, z.array(FieldSchema))).map(fieldOf);
  }

  async createField(input: NewCustomField): Promise<FieldInfo> {
    const created = await this.client.send('POST', route`/rest/api/3/field`, { body: { ...input }, schema: FieldSchema });
    if (created === null || created === undefined) throw missing('POST', '/rest/api/3/field');
    return fieldOf(created);
  }

  async fieldContexts(fieldId: string) {
    const all = await this.pages((startAt) => route`/rest/api/3/field/${fieldId}/context?${new URLSearchParams({ startAt: String(startAt) })}`, ContextSchema);
    return all.map((c) => ({ id: c.id, name: c.name, isGlobal: c.isGlobalContext }));
  }

  async createFieldContext(fieldId: string, input: { readonly name: string; readonly projectIds: readonly string[] }): Promise<NamedId> {
    const body = { name: input.name, projectIds: [...input.projectIds], issueTypeIds: [] };
    const created = await this.client.send('POST', route`/rest/api/3/field/${fieldId}/context`, { body, schema: ContextSchema });
    if (created === null || created === undefined) throw missing('POST', `/rest/api/3/field/${fieldId}/context`);
    return { id: created.id, name: created.name };
  }

  async contextOptions(fieldId: string, contextId: string): Promise<readonly FieldOption[]> {
    const all = await this.pages((startAt) => route`/rest/api/3/field/${fieldId}/context/${contextId}/option?${new URLSearchParams({ startAt: String(startAt) })}`, OptionSchema);
    return all.filter((o) => o.disabled !== true).map((o) => ({ id: o.id, value: o.value }));
  }

  async addContextOptions(fieldId: string, contextId: string, values: readonly string[]): Promise<readonly FieldOption[]> {
    const body = { options: values.map((value) => ({ value, disabled: false })) };
    const created = await this.client.send('POST', route`/rest/api/3/field/${fieldId}/context/${contextId}/option`, {
      body,
      schema: z.looseObject({ options: z.array(OptionSchema) }),
    });
    return (created?.options ?? []).map((o) => ({ id: o.id, value: o.value }));
  }

  async listScreens(): Promise<readonly NamedId[]> {
    const all = await this.pages((startAt) => route`/rest/api/3/screens?${new URLSearchParams({ startAt: String(startAt), maxResults: '100' })}`, ScreenSchema);
    return all.map((s) => ({ id: s.id, name: s.name }));
  }

  async screenTabs(screenId: string): Promise<readonly NamedId[]> {
    return (await this.client.get(route`/rest/api/3/screens/${screenId}/tabs`, z.array(TabSchema))).map((t) => ({ id: t.id, name: t.name }));
  }

  async tabFields(screenId: string, tabId: string): Promise<readonly string[]> {
    return (await this.client.get(route`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`, z.array(z.looseObject({ id: z.string() })))).map((f) => f.id);
  }

  async addFieldToTab(screenId: string, tabId: string, fieldId: string): Promise<void> {
    await this.client.send('POST', route`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`, { body: { fieldId } });
  }

  async listLinkTypes(): Promise<readonly LinkTypeInfo[]> {
    const r = await this.client.get(route`/rest/api/3/issueLinkType`, z.looseObject({ issueLinkTypes: z.array(LinkTypeSchema) }));
    return r.issueLinkTypes.map((t) => ({ id: t.id, name: t.name, inward: t.inward, outward: t.outward }));
  }

  async createLinkType(input: { readonly name: string; readonly inward: string; readonly outward: string }): Promise<LinkTypeInfo> {
    const created = await this.client.send('POST', route`/rest/api/3/issueLinkType`, { body: { ...input }, schema: LinkTypeSchema });
    if (created === null || created === undefined) throw missing('POST', '/rest/api/3/issueLinkType');
    return { id: created.id, name: created.name, inward: created.inward, outward: created.outward };
  }

  async projectStatuses(projectKey: string): Promise<readonly StatusInfo[]> {
    const types = await this.client.get(route`/rest/api/3/project/${projectKey}/statuses`, z.array(IssueTypeWithStatusSchema));
    const byId = new Map<string, StatusInfo>();
    for (const t of types) for (const s of t.statuses) byId.set(String(s.id), statusOf(s));
    return [...byId.values()];
  }
}
