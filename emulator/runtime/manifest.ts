import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { parseEntityDeclarations, type EntityDeclaration } from './kvs/entity-schema';

/** Repository root (emulator/runtime/ is two levels down). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The parts of manifest.yml the runtime acts on, normalised. */
export interface RuntimeManifest {
  /** function key -> `{ file, exportName }` from `handler: index.onIssueEvent`. */
  functions: Map<string, { file: string; exportName: string }>;
  triggers: { key: string; functionKey: string; events: string[]; ignoreSelf: boolean }[];
  scheduledTriggers: { key: string; functionKey: string; interval: ScheduleInterval }[];
  uiModules: UiModule[];
  /** resource key -> directory relative to the repo root. */
  resources: Map<string, string>;
  entities: EntityDeclaration[];
  /** Raw `translations.resources` (locale -> file) for module titles given as `{ i18n: key }`. */
  translations: Map<string, string>;
  fallbackLocale: string;
}

export type ScheduleInterval = 'fiveMinute' | 'hour' | 'day' | 'week';

export const INTERVAL_MS: Record<ScheduleInterval, number> = {
  fiveMinute: 5 * 60_000,
  hour: 60 * 60_000,
  day: 24 * 60 * 60_000,
  week: 7 * 24 * 60 * 60_000,
};

export type UiModuleType = 'jira:issuePanel' | 'jira:issueContext' | 'jira:customField' | 'jira:projectSettingsPage' | 'jira:projectPage';

export const UI_MODULE_TYPES: readonly UiModuleType[] = [
  'jira:issuePanel',
  'jira:issueContext',
  'jira:customField',
  'jira:projectSettingsPage',
  'jira:projectPage',
];

export interface UiModule {
  type: UiModuleType;
  key: string;
  /** Resource served in the frame (customField: its `view.resource`). */
  resource?: string;
  resolverFunctionKey?: string;
  title: TitleText;
  /** Settings sub-pages (`pages[].route`). */
  pages: { route: string; title: TitleText }[];
  /** jira:customField value type (`object`, `string`, ...). */
  fieldType?: string;
}

export type TitleText = string | { i18n: string } | undefined;

const TitleSchema = z.union([z.string(), z.object({ i18n: z.string() })]).optional();

const ManifestSchema = z.object({
  app: z.object({ storage: z.object({ entities: z.unknown().optional() }).optional() }).optional(),
  modules: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).optional(),
  translations: z
    .object({
      resources: z.array(z.object({ key: z.string(), path: z.string() })).optional(),
      fallback: z.object({ default: z.string() }).optional(),
    })
    .optional(),
});

const FunctionSchema = z.object({ key: z.string(), handler: z.string().regex(/^[\w\-/]+\.\w+$/) });
const TriggerSchema = z.object({
  key: z.string(),
  function: z.string(),
  events: z.array(z.string()).min(1),
  filter: z.object({ ignoreSelf: z.boolean().optional() }).optional(),
});
const ScheduledSchema = z.object({ key: z.string(), function: z.string(), interval: z.enum(['fiveMinute', 'hour', 'day', 'week']) });
const UiModuleSchema = z.object({
  key: z.string(),
  resource: z.string().optional(),
  view: z.object({ resource: z.string().optional() }).optional(),
  resolver: z.object({ function: z.string() }).optional(),
  title: TitleSchema,
  name: TitleSchema,
  pages: z.array(z.object({ route: z.string(), title: TitleSchema })).optional(),
  type: z.string().optional(),
});

/** Parse manifest YAML text into what the runtime needs. Throws a ZodError naming the bad entry. */
export function parseRuntimeManifest(text: string): RuntimeManifest {
  const raw = ManifestSchema.parse(loadYaml(text) ?? {});
  const modules = raw.modules ?? {};
  const functions = new Map<string, { file: string; exportName: string }>();
  for (const f of (modules.function ?? []).map((m) => FunctionSchema.parse(m))) {
    const dot = f.handler.lastIndexOf('.');
    functions.set(f.key, { file: f.handler.slice(0, dot), exportName: f.handler.slice(dot + 1) });
  }
  const triggers = (modules.trigger ?? []).map((m) => {
    const t = TriggerSchema.parse(m);
    return { key: t.key, functionKey: t.function, events: t.events, ignoreSelf: t.filter?.ignoreSelf ?? false };
  });
  const scheduledTriggers = (modules.scheduledTrigger ?? []).map((m) => {
    const s = ScheduledSchema.parse(m);
    return { key: s.key, functionKey: s.function, interval: s.interval };
  });
  const uiModules: UiModule[] = [];
  for (const type of UI_MODULE_TYPES) {
    for (const m of modules[type] ?? []) {
      const u = UiModuleSchema.parse(m);
      const resource = u.resource ?? u.view?.resource;
      uiModules.push({
        type,
        key: u.key,
        ...(resource !== undefined ? { resource } : {}),
        ...(u.resolver ? { resolverFunctionKey: u.resolver.function } : {}),
        title: u.title ?? u.name,
        pages: (u.pages ?? []).map((p) => ({ route: p.route, title: p.title })),
        ...(type === 'jira:customField' && u.type !== undefined ? { fieldType: u.type } : {}),
      });
    }
  }
  return {
    functions,
    triggers,
    scheduledTriggers,
    uiModules,
    resources: new Map((raw.resources ?? []).map((r) => [r.key, r.path])),
    entities: parseEntityDeclarations(raw.app?.storage?.entities),
    translations: new Map((raw.translations?.resources ?? []).map((r) => [r.key, r.path])),
    fallbackLocale: raw.translations?.fallback?.default ?? 'en-US',
  };
}

/** Read `manifest.yml` from the repo root (or `file`). A missing file gives an empty manifest. */
export function loadRuntimeManifest(file = path.join(REPO_ROOT, 'manifest.yml')): RuntimeManifest {
  if (!existsSync(file)) return parseRuntimeManifest('{}');
  return parseRuntimeManifest(readFileSync(file, 'utf8'));
}

/** The manifest as plain YAML data (the Jira half reads its own parts: custom fields, property index). */
export function loadRawManifest(file = path.join(REPO_ROOT, 'manifest.yml')): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  const raw = loadYaml(readFileSync(file, 'utf8'));
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
}

/** Resolve a module title (plain or `{ i18n }`) for a locale using the manifest's translation files. */
export function resolveTitle(manifest: RuntimeManifest, title: TitleText, locale: string, fallback: string): string {
  if (title === undefined) return fallback;
  if (typeof title === 'string') return title;
  for (const loc of [locale, manifest.fallbackLocale]) {
    const file = manifest.translations.get(loc);
    if (file === undefined) continue;
    const full = path.join(REPO_ROOT, file);
    if (!existsSync(full)) continue;
    const value = title.i18n.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), JSON.parse(readFileSync(full, 'utf8')));
    if (typeof value === 'string') return value;
  }
  return fallback;
}
