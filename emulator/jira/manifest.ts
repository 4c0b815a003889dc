import { existsSync, readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import type { SiteCore } from './core';
import { SYSTEM_JQL_NAMES } from './jql/fields';
import { createCustomField } from './mutations/admin';
import type { CustomFieldRecord, FieldValueKind, IndexValueType } from './state/model';

/** The parts of manifest.yml the Jira side reads. */
export interface ManifestInput {
  app?: { id?: string };
  modules?: Record<string, unknown>;
}

function asArray(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
}

const INDEX_TYPES: ReadonlySet<string> = new Set(['number', 'string', 'text', 'user', 'date']);

export function loadManifest(source: ManifestInput | string | null | undefined): ManifestInput | null {
  if (source === null) return null;
  if (typeof source === 'object') return source;
  const path = source ?? 'manifest.yml';
  if (!existsSync(path)) return null;
  const parsed = loadYaml(readFileSync(path, 'utf8'));
  return typeof parsed === 'object' && parsed !== null ? parsed : null;
}

function appUuid(manifest: ManifestInput): string {
  const id = manifest.app?.id ?? 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-00000000a11d';
  return id.slice(id.lastIndexOf('/') + 1);
}

const FORGE_KIND: Record<string, FieldValueKind> = {
  string: 'string',
  number: 'number',
  user: 'user',
  group: 'any',
  datetime: 'datetime',
  date: 'date',
  object: 'object',
};

function aliasType(prop: Record<string, unknown>): IndexValueType {
  const t = prop.type;
  if (t === 'number' || t === 'integer') return 'number';
  if (prop.format === 'date' || prop.format === 'date-time') return 'date';
  if (prop.format === 'user') return 'user';
  return 'string';
}

/**
 * Apply the manifest: the `jira:entityProperty` index (JQL over issue properties and their searchAliases) and
 * the app's `jira:customField` fields (created as app-owned custom fields, object properties searchable by alias).
 */
export function applyManifest(core: SiteCore, manifest: ManifestInput): void {
  const modules = manifest.modules ?? {};
  for (const m of asArray(modules['jira:entityProperty'])) {
    if (m.entityType !== undefined && m.entityType !== 'issue') continue;
    const propertyKey = typeof m.propertyKey === 'string' ? m.propertyKey : undefined;
    if (!propertyKey) continue;
    for (const v of asArray(m.values)) {
      const path = typeof v.path === 'string' ? v.path.replace(/^\./, '') : '';
      const type = typeof v.type === 'string' && INDEX_TYPES.has(v.type) ? (v.type as IndexValueType) : undefined;
      if (path === '' || !type) throw new Error(`manifest: jira:entityProperty ${String(m.key)} has a value without a valid path/type`);
      core.store.propertyIndex.push({ propertyKey, path, type, searchAlias: typeof v.searchAlias === 'string' ? v.searchAlias : null });
    }
  }
  const uuid = appUuid(manifest);
  for (const m of asArray(modules['jira:customField'])) {
    const moduleKey = typeof m.key === 'string' ? m.key : undefined;
    if (!moduleKey) continue;
    const type = typeof m.type === 'string' ? m.type : 'string';
    const aliases: CustomFieldRecord['aliases'] = new Map();
    const schema = typeof m.schema === 'object' && m.schema !== null ? (m.schema as Record<string, unknown>) : {};
    const props = typeof schema.properties === 'object' && schema.properties !== null ? (schema.properties as Record<string, Record<string, unknown>>) : {};
    for (const [name, prop] of Object.entries(props)) {
      if (typeof prop.searchAlias !== 'string') continue;
      aliases.set(prop.searchAlias, { property: name, type: aliasType(prop) });
      if (SYSTEM_JQL_NAMES.has(prop.searchAlias.toLowerCase())) {
        // JQL would read the system field instead, silently: make the collision visible.
        console.warn(`[jira-emulator] manifest: searchAlias '${prop.searchAlias}' of ${moduleKey}.${name} collides with the system JQL field '${prop.searchAlias.toLowerCase()}'; JQL will use the system field.`);
      }
    }
    createCustomField(core, {
      name: typeof m.name === 'string' ? m.name : moduleKey,
      type: `ari:cloud:ecosystem::extension/${uuid}/DEVELOPMENT/static/${moduleKey}`,
      key: `${uuid}__DEVELOPMENT__${moduleKey}`,
      ...(typeof m.description === 'string' ? { description: m.description } : {}),
      searcherKey: null,
      kind: FORGE_KIND[type] ?? 'any',
      appOwned: true,
      aliases,
    });
  }
}
