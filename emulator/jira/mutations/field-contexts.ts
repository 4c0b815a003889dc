import type { SiteCore } from '../core';
import { fail, failFields } from '../errors';
import type { CustomFieldRecord, FieldContextRecord, FieldOptionRecord } from '../state/model';
import type { JiraStore } from '../state/store';

/**
 * Custom field contexts and their options (select, radio, multi-select fields). A context applies to
 * some projects (none listed: every project, "global") and issue types (none listed: all). Jira keeps at
 * most one context per project for a field, so an issue's options come from its project's context, else
 * the global one.
 */

export const OPTION_KINDS = new Set(['option', 'array-string']);

export function contextsOf(store: JiraStore, fieldId: string): FieldContextRecord[] {
  let list = store.fieldContexts.get(fieldId);
  if (!list) {
    list = [];
    store.fieldContexts.set(fieldId, list);
  }
  return list;
}

/** A field that may have contexts: a custom field not owned by an app (Forge fields have none). */
export function contextField(store: JiraStore, fieldId: string | undefined): CustomFieldRecord {
  const f = fieldId === undefined ? undefined : store.customFields.get(fieldId);
  if (!f || f.appOwned) fail(404, `The custom field was not found.`);
  return f;
}

export function contextOr404(store: JiraStore, fieldId: string, contextId: string | undefined): FieldContextRecord {
  const c = contextsOf(store, fieldId).find((x) => x.id === contextId);
  if (!c) fail(404, `The context was not found.`);
  return c;
}

export function createFieldContext(
  core: SiteCore,
  field: CustomFieldRecord,
  input: { name: string; description?: string; projectIds?: string[]; issueTypeIds?: string[] },
): FieldContextRecord {
  const { store } = core;
  const errors: Record<string, string> = {};
  if (input.name.trim() === '') errors.name = 'The context name must be specified.';
  if (input.name.length > 255) errors.name = 'The context name must not be longer than 255 characters.';
  const projectIds = [...new Set(input.projectIds ?? [])];
  const issueTypeIds = [...new Set(input.issueTypeIds ?? [])];
  const existing = contextsOf(store, field.id);
  for (const pid of projectIds) {
    if (!store.projects.has(pid)) fail(404, `The project with ID ${pid} was not found.`);
    if (existing.some((c) => c.projectIds.includes(pid))) fail(400, `The project with ID ${pid} is already assigned to a context for this field.`);
  }
  for (const tid of issueTypeIds) if (!store.issueTypes.has(tid)) fail(404, `The issue type with ID ${tid} was not found.`);
  if (projectIds.length === 0 && existing.some((c) => c.projectIds.length === 0)) fail(400, 'The custom field already has a global context.');
  if (Object.keys(errors).length > 0) failFields(400, errors);
  const context: FieldContextRecord = {
    id: store.nextId('fieldcontext', 10100),
    fieldId: field.id,
    name: input.name,
    description: input.description ?? '',
    projectIds,
    issueTypeIds,
    options: [],
  };
  existing.push(context);
  store.touch();
  return context;
}

function checkValue(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(400, 'The option value must be specified.');
  if (value.length > 255) fail(400, `The option value '${value.slice(0, 40)}...' is longer than 255 characters.`);
  return value;
}

/** Jira refuses the whole request when one option would repeat a value in the context (case-insensitive). */
export function addOptions(core: SiteCore, context: FieldContextRecord, input: { value: unknown; disabled?: unknown; optionId?: unknown }[]): FieldOptionRecord[] {
  const { store } = core;
  if (input.length === 0) fail(400, 'The options must be specified.');
  if (input.length > 1000) fail(400, 'No more than 1000 options can be created at once.');
  const taken = new Set(context.options.map((o) => o.value.toLowerCase()));
  const values = input.map((o) => {
    if (o.optionId !== undefined) fail(400, 'Cascading options are not supported by this emulator.');
    const value = checkValue(o.value);
    if (taken.has(value.toLowerCase())) fail(400, `The option '${value}' already exists.`);
    taken.add(value.toLowerCase());
    return { value, disabled: o.disabled === true };
  });
  const created = values.map((v) => ({ id: store.nextId('fieldoption', 10200), ...v }));
  context.options.push(...created);
  store.touch();
  return created;
}

export function updateOptions(core: SiteCore, context: FieldContextRecord, input: { id: unknown; value?: unknown; disabled?: unknown }[]): FieldOptionRecord[] {
  if (input.length === 0) fail(400, 'The options must be specified.');
  const planned = input.map((u) => {
    const option = context.options.find((o) => o.id === String(u.id));
    if (!option) fail(404, `The option with ID ${String(u.id)} was not found.`);
    const value = u.value === undefined ? option.value : checkValue(u.value);
    const clash = context.options.find((o) => o.id !== option.id && o.value.toLowerCase() === value.toLowerCase());
    if (clash) fail(400, `The option '${value}' already exists.`);
    return { option, value, disabled: typeof u.disabled === 'boolean' ? u.disabled : option.disabled };
  });
  for (const p of planned) {
    p.option.value = p.value;
    p.option.disabled = p.disabled;
  }
  core.store.touch();
  return planned.map((p) => p.option);
}

/** The context that applies to an issue of a project and issue type: the project's own, else the global one. */
export function applicableContext(store: JiraStore, fieldId: string, projectId: string, issueTypeId: string | null): FieldContextRecord | undefined {
  const covers = (c: FieldContextRecord) => issueTypeId === null || c.issueTypeIds.length === 0 || c.issueTypeIds.includes(issueTypeId);
  const list = store.fieldContexts.get(fieldId) ?? [];
  return list.find((c) => c.projectIds.includes(projectId) && covers(c)) ?? list.find((c) => c.projectIds.length === 0 && covers(c));
}

/**
 * The stored value of a select field set to `{id}` or `{value}`: Jira keeps `{self, value, id}` of an enabled
 * option of the applicable context. Returns an error message when no such option exists. A field with no
 * options in its context keeps whatever object it is given (the emulator's leniency for fields made before
 * contexts existed here; see emulator/README.md).
 */
export function resolveOption(store: JiraStore, field: CustomFieldRecord, projectId: string, issueTypeId: string | null, raw: unknown): { value: unknown } | { error: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { value: raw };
  const context = applicableContext(store, field.id, projectId, issueTypeId);
  if (!context || context.options.length === 0) return { value: raw };
  const r = raw as { id?: unknown; value?: unknown };
  const enabled = context.options.filter((o) => !o.disabled);
  if (typeof r.id === 'string' || typeof r.id === 'number') {
    const id = String(r.id);
    const o = enabled.find((x) => x.id === id);
    return o ? { value: optionValue(store, o) } : { error: `Option id '${id}' is not valid` };
  }
  if (typeof r.value === 'string') {
    const o = enabled.find((x) => x.value === r.value);
    return o ? { value: optionValue(store, o) } : { error: `Option value '${r.value}' is not valid` };
  }
  return { error: 'Specify a valid value for the option' };
}

export function optionValue(store: JiraStore, o: FieldOptionRecord) {
  return { self: `${store.baseUrl}/rest/api/3/customFieldOption/${o.id}`, value: o.value, id: o.id };
}
