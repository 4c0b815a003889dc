import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks emulator requests and responses against Atlassian's published OpenAPI document
 * (../shared/jira-openapi beside the repo, as CI clones it). Deliberate deviations are patched in
 * `OVERRIDES` and listed in emulator/README.md.
 */
const SPEC_PATH = fileURLToPath(new URL('../../../../../shared/jira-openapi/jira-platform-v3.json', import.meta.url));

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
}

/**
 * Where the spec is stricter than Jira itself:
 * - changelog items carry `null` for an absent from/to (the spec types them as string only);
 * - `PUT /issue/{key}/assignee` takes `{"accountId": null}` to unassign (documented in its description).
 */
function applyOverrides(spec: Spec): void {
  const user = spec.components.schemas.User?.properties?.accountId;
  if (user) user.nullable = true;
  const change = spec.components.schemas.ChangeDetails?.properties;
  for (const k of ['from', 'fromString', 'to', 'toString']) {
    const p = change?.[k];
    if (p) p.nullable = true;
  }
}

let loaded: { spec: Spec; ajv: Ajv; templates: { path: string; regex: RegExp; params: number }[] } | undefined;

function load() {
  if (loaded) return loaded;
  const text = readFileSync(SPEC_PATH, 'utf8').replaceAll('"#/components/', '"jira#/components/');
  const spec = JSON.parse(text) as Spec;
  applyOverrides(spec);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'double', 'float', 'binary', 'byte', 'url']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: 'jira', components: spec.components });
  const templates = Object.keys(spec.paths).map((path) => {
    const params = (path.match(/\{/g) ?? []).length;
    const regex = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+')}$`);
    return { path, regex, params };
  });
  templates.sort((a, b) => a.params - b.params);
  loaded = { spec, ajv, templates };
  return loaded;
}

const cache = new Map<string, ValidateFunction>();

function compile(key: string, schema: unknown): ValidateFunction {
  let v = cache.get(key);
  if (!v) {
    v = load().ajv.compile(schema as object);
    cache.set(key, v);
  }
  return v;
}

export function specOperation(method: string, concretePath: string): { template: string; op: Operation } {
  const { spec, templates } = load();
  const path = concretePath.split('?')[0] ?? concretePath;
  const t = templates.find((x) => x.regex.test(path) && spec.paths[x.path]?.[method.toLowerCase()]);
  if (!t) throw new Error(`the Jira spec has no ${method} ${path}`);
  const op = spec.paths[t.path]?.[method.toLowerCase()];
  if (!op) throw new Error(`the Jira spec has no ${method} ${t.path}`);
  return { template: t.path, op };
}

function describe(v: ValidateFunction): string {
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}

/** Throws unless the request body matches the operation's request schema. */
export function checkRequest(method: string, path: string, body: unknown): void {
  const { template, op } = specOperation(method, path);
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema || body === undefined) return;
  const v = compile(`req ${method} ${template}`, schema);
  if (!v(body)) throw new Error(`request body of ${method} ${template} does not match the spec:\n${describe(v)}`);
}

/**
 * Throws unless the response body matches the spec for its status. Error bodies (4xx/5xx) are always checked
 * against ErrorCollection, the shape Jira sends.
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): void {
  const { template, op } = specOperation(method, path);
  if (status >= 400) {
    const v = compile('ErrorCollection', { $ref: 'jira#/components/schemas/ErrorCollection' });
    if (!v(body)) throw new Error(`error body of ${method} ${template} (${String(status)}) is not an ErrorCollection:\n${describe(v)}`);
    const b = body as { errorMessages?: unknown; errors?: unknown };
    if (!Array.isArray(b.errorMessages) || typeof b.errors !== 'object') throw new Error(`error body of ${method} ${template} lacks errorMessages/errors`);
    return;
  }
  const declared = op.responses?.[String(status)];
  if (!declared) throw new Error(`${method} ${template} does not declare status ${String(status)}`);
  const schema = declared.content?.['application/json']?.schema;
  if (!schema) return;
  const v = compile(`res ${method} ${template} ${String(status)}`, schema);
  if (!v(body)) throw new Error(`response of ${method} ${template} (${String(status)}) does not match the spec:\n${describe(v)}`);
}
