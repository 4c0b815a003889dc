/**
 * Offline checks of the Forge manifest, run by `npm test` (as `npm run test:manifest`):
 *  1. full `@forge/manifest` validation (schema, modules, resources, translations, runtime ...);
 *  2. `@forge/lint` client-side lint: handlers exist in src/index.ts, and every Jira path the code calls has its
 *     OAuth scopes in the manifest (scopes read from the committed forge-scopes/jira-swagger.json);
 *  3. every Jira path the code builds with route`...` is listed in forge-scopes/jira-api-calls.txt, and every
 *     listed operation has its scopes in the manifest — the linter alone only sees routes passed straight to
 *     requestJira, not those a gateway forwards.
 * `tsx scripts/check-manifest.ts [projectDir]` prints the results and exits non-zero on any error or warning
 * (zero warnings, as with eslint: Forge only warns about a handler that src/index.ts does not export).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint } from '@forge/lint';
import { load } from 'js-yaml';
import { validate, type ManifestSchema } from '@forge/manifest';
import { installAjvCompileCache } from './manifest-check/ajv-compile-cache';
import { parseApiCallList } from './manifest-check/api-call-list';
import { checkJiraRoutes, checkListedScopes, findJiraRoutes } from './manifest-check/jira-calls';
import { OfflineStatsig } from './manifest-check/offline-statsig';
import { stageProject } from './manifest-check/stage-project';
import { ScopeSwaggerSchema } from './manifest-check/swagger-paths';

export interface ManifestProblem {
  /** Which check found it: the manifest validator, the Forge linter, or this script's Jira route and scope scan. */
  tool: 'manifest' | 'lint' | 'jira-calls';
  level: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  reference?: string;
}

export interface ManifestCheckResult {
  /** No errors and no warnings: Forge reports a missing handler or a deprecated runtime only as a warning. */
  ok: boolean;
  problems: ManifestProblem[];
  /** Resource directories missing in the project (UI not built yet), checked against a placeholder. */
  placeholders: string[];
  lintedFiles: string[];
  /** route`...` uses found in src/. */
  jiraRoutes: number;
}

const SOURCE_FILE = /\.(ts|tsx|js|jsx)$/;
const SWAGGER_ENV = ['LOCAL_JIRA_SWAGGER', 'LOCAL_JSM_SWAGGER', 'LOCAL_JSW_SWAGGER', 'LOCAL_CONF_SWAGGER', 'LOCAL_CONF_V2_SWAGGER', 'LOCAL_BB_SWAGGER'] as const;

function listSources(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return listSources(full, base);
      return SOURCE_FILE.test(name) && !name.endsWith('.d.ts') ? [relative(base, full).split(sep).join('/')] : [];
    });
}

function readYaml(file: string): unknown {
  try {
    return load(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isManifest(value: unknown): value is ManifestSchema {
  return typeof value === 'object' && value !== null && 'app' in value;
}

function scopesOf(manifest: unknown): string[] {
  if (!isManifest(manifest)) return [];
  const scopes = manifest.permissions?.scopes;
  if (Array.isArray(scopes)) return scopes.filter((s): s is string => typeof s === 'string');
  return typeof scopes === 'object' && scopes !== null ? Object.keys(scopes) : [];
}

/** Both checkers run the full validation; the same finding twice is one problem. */
function dedupe(problems: ManifestProblem[]): ManifestProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// The Forge checks read process.cwd() and process.env: one check at a time per process.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs all offline manifest checks on a project directory (manifest.yml, tsconfig.json, src/, locales,
 * forge-scopes/). The project itself is never written to.
 *
 * @example
 * const result = await checkManifest('/work/main');
 * if (!result.ok) console.log(formatManifestReport(result));
 */
export function checkManifest(projectDir: string): Promise<ManifestCheckResult> {
  const run = queue.then(() => checkManifestNow(resolve(projectDir)));
  queue = run.catch(() => undefined);
  return run;
}

async function checkManifestNow(projectDir: string): Promise<ManifestCheckResult> {
  const jiraSwagger = join(projectDir, 'forge-scopes/jira-swagger.json');
  const emptySwagger = join(projectDir, 'forge-scopes/empty-swagger.json');
  const apiCalls = join(projectDir, 'forge-scopes/jira-api-calls.txt');
  for (const required of [jiraSwagger, emptySwagger, apiCalls]) {
    if (!existsSync(required)) throw new Error(`${required} is missing: it is committed with the project (see README, "Offline manifest checks").`);
  }
  installAjvCompileCache();
  const scoped = ScopeSwaggerSchema.parse(JSON.parse(readFileSync(jiraSwagger, 'utf8')));
  const staged = stageProject(projectDir);
  const previousCwd = process.cwd();
  const previousEnv = Object.fromEntries(['USE_LOCAL_SWAGGER', ...SWAGGER_ENV].map((k) => [k, process.env[k]]));
  try {
    process.chdir(staged.dir);
    process.env['USE_LOCAL_SWAGGER'] = '1';
    for (const key of SWAGGER_ENV) process.env[key] = key === 'LOCAL_JIRA_SWAGGER' ? jiraSwagger : emptySwagger;

    const problems: ManifestProblem[] = [];
    const validation = await validate(false, 'manifest.yml');
    for (const e of validation.errors ?? []) {
      problems.push({ tool: 'manifest', level: e.level, file: 'manifest.yml', line: e.line ?? 0, column: e.column ?? 0, message: e.message, reference: e.reference });
    }

    const files = listSources(join(staged.dir, 'src'), staged.dir);
    // A manifest failing the schema has no typedContent; lint what the YAML says so lint findings still show.
    const manifest = validation.manifestObject?.typedContent ?? readYaml('manifest.yml');
    if (isManifest(manifest)) {
      const results = await lint(files, manifest, 'development', { info: () => undefined }, new OfflineStatsig(), { linter: { mode: 'client-side' } });
      for (const result of results) {
        const file = relative(staged.dir, resolve(result.file)) || result.file;
        for (const [level, rules] of [['error', result.errors], ['warning', result.warnings]] as const) {
          for (const r of rules) problems.push({ tool: 'lint', level, file, line: r.line, column: r.column, message: r.message, reference: r.reference });
        }
      }
    } else {
      problems.push({ tool: 'lint', level: 'warning', file: 'manifest.yml', line: 0, column: 0, message: 'Lint skipped: manifest.yml is not readable as a Forge manifest (see the errors above).' });
    }

    const routes = files.flatMap((f) => findJiraRoutes(f, readFileSync(join(staged.dir, f), 'utf8')));
    const jiraProblems = [
      ...checkJiraRoutes(routes, scoped),
      ...(await checkListedScopes(parseApiCallList(readFileSync(apiCalls, 'utf8')), scoped, scopesOf(manifest))),
    ];
    for (const p of jiraProblems) problems.push({ tool: 'jira-calls', level: 'error', ...p });

    const unique = dedupe(problems);
    return {
      ok: unique.length === 0,
      problems: unique,
      placeholders: staged.placeholders,
      lintedFiles: files,
      jiraRoutes: routes.length,
    };
  } finally {
    process.chdir(previousCwd);
    for (const [key, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    staged.cleanup();
  }
}

/** Human-readable report: one line per problem, `file:line:column level [tool] message (reference)`. */
export function formatManifestReport(result: ManifestCheckResult): string {
  const lines = result.problems.map(
    (p) => `${p.file}:${p.line}:${p.column} ${p.level} [${p.tool}] ${p.message}${p.reference ? ` (${p.reference})` : ''}`,
  );
  const errors = result.problems.filter((p) => p.level === 'error').length;
  const warnings = result.problems.length - errors;
  if (result.placeholders.length) {
    lines.push(`note: not built yet, checked with a placeholder index.html: ${result.placeholders.join(', ')}`);
  }
  lines.push(
    `${result.ok ? 'PASS' : 'FAIL'} manifest check: ${errors} error(s), ${warnings} warning(s); ` +
      `validated manifest.yml, linted ${result.lintedFiles.length} source file(s), ${result.jiraRoutes} Jira route(s).`,
  );
  return lines.join('\n');
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const projectDir = process.argv[2] ?? resolve(fileURLToPath(import.meta.url), '../..');
  checkManifest(projectDir).then(
    (result) => {
      console.log(formatManifestReport(result));
      process.exitCode = result.ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(`FAIL manifest check could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
