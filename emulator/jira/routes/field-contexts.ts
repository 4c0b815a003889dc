import { fail } from '../errors';
import { addOptions, contextField, contextOr404, contextsOf, createFieldContext, updateOptions } from '../mutations/field-contexts';
import { requireAdmin } from '../permissions';
import type { FieldContextRecord } from '../state/model';
import { asRecord, boolParam, intParam, listParam, objectBody, pageBean } from './params';
import { json, type Route } from './router';

/** Custom field contexts and their options (Administer Jira, as in Jira). */

const contextJson = (c: FieldContextRecord) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  isGlobalContext: c.projectIds.length === 0,
  isAnyIssueType: c.issueTypeIds.length === 0,
});

const stringIds = (v: unknown, name: string): string[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' || typeof x === 'number')) fail(400, `The '${name}' must be a list of IDs.`);
  return v.map(String);
};

const optionList = (body: unknown): Record<string, unknown>[] => {
  const options = objectBody(body).options;
  if (!Array.isArray(options)) fail(400, 'The options must be specified.');
  return options.map(asRecord);
};

export const fieldContextRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/rest/api/3/field/{fieldId}/context',
    handler: ({ core, actor, params, query }) => {
      requireAdmin(core.store, actor);
      const field = contextField(core.store, params.fieldId);
      const ids = new Set(listParam(query, 'contextId'));
      const global = query.get('isGlobalContext');
      const anyType = query.get('isAnyIssueType');
      const all = contextsOf(core.store, field.id)
        .map(contextJson)
        .filter(
          (c) =>
            (ids.size === 0 || ids.has(c.id)) &&
            (global === null || c.isGlobalContext === boolParam(query, 'isGlobalContext', false)) &&
            (anyType === null || c.isAnyIssueType === boolParam(query, 'isAnyIssueType', false)),
        );
      const self = `${core.store.baseUrl}/rest/api/3/field/${field.id}/context`;
      return json(200, pageBean(self, all, intParam(query, 'startAt', 0, { min: 0 }), intParam(query, 'maxResults', 50, { min: 1, max: 100 })));
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/field/{fieldId}/context',
    handler: ({ core, actor, params, body }) => {
      requireAdmin(core.store, actor);
      const field = contextField(core.store, params.fieldId);
      const b = objectBody(body);
      if (typeof b.name !== 'string') fail(400, 'The context name must be specified.');
      const c = createFieldContext(core, field, {
        name: b.name,
        ...(typeof b.description === 'string' ? { description: b.description } : {}),
        projectIds: stringIds(b.projectIds, 'projectIds'),
        issueTypeIds: stringIds(b.issueTypeIds, 'issueTypeIds'),
      });
      return json(201, { id: c.id, name: c.name, description: c.description, projectIds: c.projectIds, issueTypeIds: c.issueTypeIds });
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/field/{fieldId}/context/{contextId}/option',
    handler: ({ core, actor, params, query }) => {
      requireAdmin(core.store, actor);
      const field = contextField(core.store, params.fieldId);
      const context = contextOr404(core.store, field.id, params.contextId);
      const optionId = query.get('optionId');
      const all = context.options.filter((o) => optionId === null || o.id === optionId).map((o) => ({ id: o.id, value: o.value, disabled: o.disabled }));
      const self = `${core.store.baseUrl}/rest/api/3/field/${field.id}/context/${context.id}/option`;
      return json(200, pageBean(self, all, intParam(query, 'startAt', 0, { min: 0 }), intParam(query, 'maxResults', 100, { min: 1, max: 100 })));
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/field/{fieldId}/context/{contextId}/option',
    handler: ({ core, actor, params, body }) => {
      requireAdmin(core.store, actor);
      const field = contextField(core.store, params.fieldId);
      if (field.kind !== 'option' && field.kind !== 'array-string') fail(400, `The custom field ${field.id} does not support options.`);
      const context = contextOr404(core.store, field.id, params.contextId);
      const created = addOptions(core, context, optionList(body).map((o) => ({ value: o.value, disabled: o.disabled, optionId: o.optionId })));
      return json(200, { options: created.map((o) => ({ id: o.id, value: o.value, disabled: o.disabled })) });
    },
  },
  {
    method: 'PUT',
    pattern: '/rest/api/3/field/{fieldId}/context/{contextId}/option',
    handler: ({ core, actor, params, body }) => {
      requireAdmin(core.store, actor);
      const field = contextField(core.store, params.fieldId);
      const context = contextOr404(core.store, field.id, params.contextId);
      const updated = updateOptions(core, context, optionList(body).map((o) => ({ id: o.id, value: o.value, disabled: o.disabled })));
      return json(200, { options: updated.map((o) => ({ id: o.id, value: o.value, disabled: o.disabled })) });
    },
  },
];
