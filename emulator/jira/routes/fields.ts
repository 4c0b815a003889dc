import { fail, failField } from '../errors';
import { appField, setAppFieldValues, type AppFieldUpdate } from '../mutations/app-fields';
import { createCustomField } from '../mutations/admin';
import { requireAdmin } from '../permissions';
import { SYSTEM_FIELDS } from '../state/defaults';
import type { CustomFieldRecord } from '../state/model';
import type { JiraStore } from '../state/store';
import { asRecord, boolParam, intParam, listParam, objectBody, pageBean } from './params';
import { json, noContent, type Route } from './router';

function schemaOf(f: CustomFieldRecord) {
  const base = { custom: f.customType, customId: f.numericId };
  switch (f.kind) {
    case 'array-string':
      return { type: 'array', items: 'string', ...base };
    case 'any':
    case 'object':
      return { type: 'any', ...base };
    case 'number':
    case 'string':
    case 'datetime':
    case 'date':
    case 'user':
    case 'option':
      return { type: f.kind, ...base };
  }
}

export function customFieldJson(f: CustomFieldRecord) {
  return {
    id: f.id,
    key: f.key,
    name: f.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: f.appOwned || f.searcherKey !== null,
    clauseNames: [`cf[${String(f.numericId)}]`, f.name, ...f.aliases.keys()],
    schema: schemaOf(f),
  };
}

function allFields(store: JiraStore) {
  return [
    ...SYSTEM_FIELDS.map((f) => ({
      id: f.id,
      key: f.id,
      name: f.name,
      custom: false,
      orderable: f.orderable,
      navigable: f.navigable,
      searchable: f.searchable,
      clauseNames: f.clauseNames,
      schema: { type: f.schemaType, system: f.id, ...(f.items ? { items: f.items } : {}) },
    })),
    ...[...store.customFields.values()].map(customFieldJson),
  ];
}

function screenOr404(store: JiraStore, id: string | undefined) {
  const s = store.screens.get(Number(id));
  if (!s) fail(404, `The screen with id '${id ?? ''}' does not exist.`);
  return s;
}

function fieldName(store: JiraStore, id: string): string {
  return SYSTEM_FIELDS.find((f) => f.id === id)?.name ?? store.customFields.get(id)?.name ?? id;
}

export const fieldRoutes: Route[] = [
  { method: 'GET', pattern: '/rest/api/3/field', handler: ({ core }) => json(200, allFields(core.store)) },
  {
    method: 'POST',
    pattern: '/rest/api/3/field',
    handler: ({ core, actor, body }) => {
      requireAdmin(core.store, actor);
      const b = objectBody(body);
      if (typeof b.name !== 'string') failField(400, 'name', 'The custom field name must be specified.');
      if (typeof b.type !== 'string' || !b.type.startsWith('com.atlassian.jira.plugin.system.customfieldtypes:')) {
        failField(400, 'type', 'The custom field type must be a valid custom field type key.');
      }
      const f = createCustomField(core, {
        name: b.name,
        type: b.type,
        ...(typeof b.description === 'string' ? { description: b.description } : {}),
        searcherKey: typeof b.searcherKey === 'string' ? b.searcherKey : null,
      });
      return json(201, customFieldJson(f));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/field/search',
    handler: ({ core, query }) => {
      const startAt = intParam(query, 'startAt', 0, { min: 0 });
      const maxResults = intParam(query, 'maxResults', 50, { min: 0 });
      const types = new Set(listParam(query, 'type'));
      const ids = new Set(listParam(query, 'id'));
      const text = (query.get('query') ?? '').toLowerCase();
      // /field/search answers with the `Field` shape, not FieldDetails.
      const all = allFields(core.store)
        .filter(
          (f) =>
            (types.size === 0 || types.has(f.custom ? 'custom' : 'system')) &&
            (ids.size === 0 || ids.has(f.id)) &&
            (text === '' || f.name.toLowerCase().includes(text) || f.id.toLowerCase().includes(text)),
        )
        .map((f) => {
          const cf = core.store.customFields.get(f.id);
          return {
            id: f.id,
            key: f.key,
            name: f.name,
            schema: f.schema,
            description: cf?.description ?? '',
            ...(cf?.searcherKey ? { searcherKey: cf.searcherKey } : {}),
            isLocked: cf?.appOwned ?? false,
            screensCount: [...core.store.screens.values()].filter((sc) => sc.tabs.some((tab) => tab.fieldIds.includes(f.id))).length,
          };
        });
      return json(200, pageBean(`${core.store.baseUrl}/rest/api/3/field/search`, all, startAt, maxResults));
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/app/field/value',
    handler: ({ core, actor, query, body }) => {
      if (actor.kind !== 'app') fail(403, 'Only the app that provides the field can update its value.');
      const b = objectBody(body);
      if (!Array.isArray(b.updates)) failField(400, 'updates', 'The updates must be an array.');
      const updates: AppFieldUpdate[] = b.updates.map((u) => {
        const r = asRecord(u);
        if (!Array.isArray(r.issueIds) || !('value' in r)) fail(400, 'Each update needs customField, issueIds and value.');
        return { field: appField(core, r.customField), issueIds: r.issueIds.map(String), value: r.value };
      });
      setAppFieldValues(core, actor, updates, boolParam(query, 'generateChangelog', true));
      return noContent();
    },
  },
  {
    method: 'PUT',
    pattern: '/rest/api/3/app/field/{fieldIdOrKey}/value',
    handler: ({ core, actor, params, query, body }) => {
      if (actor.kind !== 'app') fail(403, 'Only the app that provides the field can update its value.');
      const field = appField(core, params.fieldIdOrKey);
      const b = objectBody(body);
      if (!Array.isArray(b.updates)) failField(400, 'updates', 'The updates must be an array.');
      const updates: AppFieldUpdate[] = b.updates.map((u) => {
        const r = asRecord(u);
        if (!Array.isArray(r.issueIds) || !('value' in r)) fail(400, 'Each update needs issueIds and value.');
        return { field, issueIds: r.issueIds.map(String), value: r.value };
      });
      setAppFieldValues(core, actor, updates, boolParam(query, 'generateChangelog', true));
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/screens',
    handler: ({ core, actor, query }) => {
      requireAdmin(core.store, actor);
      const all = [...core.store.screens.values()].map((s) => ({ id: s.id, name: s.name, description: '' }));
      return json(200, pageBean(`${core.store.baseUrl}/rest/api/3/screens`, all, intParam(query, 'startAt', 0, { min: 0 }), intParam(query, 'maxResults', 100, { min: 0 })));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/screens/{screenId}/tabs',
    handler: ({ core, actor, params }) => {
      requireAdmin(core.store, actor);
      return json(200, screenOr404(core.store, params.screenId).tabs.map((t) => ({ id: t.id, name: t.name })));
    },
  },
  {
    method: 'GET',
    pattern: '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields',
    handler: ({ core, actor, params }) => {
      requireAdmin(core.store, actor);
      const tab = screenOr404(core.store, params.screenId).tabs.find((t) => String(t.id) === params.tabId);
      if (!tab) fail(404, `The screen tab with id '${params.tabId ?? ''}' does not exist.`);
      return json(200, tab.fieldIds.map((id) => ({ id, name: fieldName(core.store, id) })));
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields',
    handler: ({ core, actor, params, body }) => {
      requireAdmin(core.store, actor);
      const screen = screenOr404(core.store, params.screenId);
      const tab = screen.tabs.find((t) => String(t.id) === params.tabId);
      if (!tab) fail(404, `The screen tab with id '${params.tabId ?? ''}' does not exist.`);
      const fieldId = objectBody(body).fieldId;
      if (typeof fieldId !== 'string' || (!core.store.customFields.has(fieldId) && !SYSTEM_FIELDS.some((f) => f.id === fieldId))) {
        fail(400, `The field with id '${String(fieldId)}' does not exist.`);
      }
      if (screen.tabs.some((t) => t.fieldIds.includes(fieldId))) fail(400, `The field with id '${fieldId}' is already present on the screen.`);
      tab.fieldIds.push(fieldId);
      core.store.touch();
      return json(200, { id: fieldId, name: fieldName(core.store, fieldId) });
    },
  },
  {
    method: 'POST',
    pattern: '/rest/api/3/screens/addToDefault/{fieldId}',
    handler: ({ core, actor, params }) => {
      requireAdmin(core.store, actor);
      const fieldId = params.fieldId ?? '';
      if (!core.store.customFields.has(fieldId)) fail(404, `The field with id '${fieldId}' does not exist.`);
      const tab = core.store.screens.get(1)?.tabs[0];
      if (tab && !tab.fieldIds.includes(fieldId)) tab.fieldIds.push(fieldId);
      core.store.touch();
      return json(200, {});
    },
  },
];
