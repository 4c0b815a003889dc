import ts from 'typescript';
import { getMissingScopes } from '@forge/manifest';
import { findSwaggerPath, type ScopeSwagger, type ScopedOperation } from './swagger-paths';

/**
 * A Jira path built with `route\`...\`` in source. Every Jira call goes through such a route (requestJira
 * refuses anything else), even when a gateway passes it on to requestJira later, where @forge/lint cannot see it.
 */
export interface JiraRouteUse {
  file: string;
  line: number;
  column: number;
  /** The path with every `${...}` kept as `${...}` (matches a `{param}` segment). */
  path: string;
  /**
   * The HTTP method, when the call the route is handed to says it: requestJira with a literal (or no) method, as
   * the linter reads it; or a gateway call such as `send('PUT', route\`...\`)` or `get(route\`...\`)`.
   */
  method?: string;
}

export interface JiraCallProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

// Same rule as @forge/lint's ProductNodeVisitor: any callee whose name contains requestJira.
const REQUEST_JIRA = /requestJira/;
const SEGMENT = '${...}';
const HTTP_METHOD = /^(get|post|put|delete|patch)$/i;

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function templateText(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((span) => SEGMENT + span.literal.text).join('');
}

/** The method @forge/lint assumes for a requestJira call: the literal `method` of an inline options object, else GET. */
function methodAsLinted(options: ts.Expression | undefined): string | undefined {
  if (options === undefined) return 'GET';
  if (!ts.isObjectLiteralExpression(options)) return undefined;
  const property = options.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'method',
  );
  if (property === undefined) return options.properties.some(ts.isSpreadAssignment) ? undefined : 'GET';
  const value = property.initializer;
  return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text.toUpperCase() : undefined;
}

/** The method of the call a route is an argument of, when the call states it plainly. */
function methodOfCall(call: ts.CallExpression, route: ts.Expression): string | undefined {
  const name = calleeName(call.expression) ?? '';
  if (REQUEST_JIRA.test(name)) return call.arguments[0] === route ? methodAsLinted(call.arguments[1]) : undefined;
  const literal = call.arguments.find(
    (a): a is ts.StringLiteral => a !== route && ts.isStringLiteral(a) && HTTP_METHOD.test(a.text),
  );
  if (literal) return literal.text.toUpperCase();
  return HTTP_METHOD.test(name) ? name.toUpperCase() : undefined;
}

/** Every `route\`...\`` in one source file, with the method when the route goes straight into requestJira. */
export function findJiraRoutes(file: string, source: string): JiraRouteUse[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const uses: JiraRouteUse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && calleeName(node.tag) === 'route') {
      const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      const use: JiraRouteUse = { file, line: start.line + 1, column: start.character, path: templateText(node.template) };
      const method = ts.isCallExpression(node.parent) ? methodOfCall(node.parent, node) : undefined;
      if (method !== undefined) use.method = method;
      uses.push(use);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}

/**
 * Routes on paths missing from the scope file. @forge/lint only checks paths it knows (and only calls it can
 * read), so an unlisted path would never have its scopes checked.
 */
export function checkJiraRoutes(uses: readonly JiraRouteUse[], swagger: ScopeSwagger): JiraCallProblem[] {
  const paths = Object.keys(swagger.paths);
  return uses.flatMap((use): JiraCallProblem[] => {
    const at = { file: use.file, line: use.line, column: use.column };
    const listed = findSwaggerPath(paths, use.path);
    const methods = listed === undefined ? [] : Object.keys(swagger.paths[listed] ?? {});
    if (listed === undefined) {
      return [{ ...at, message: `${use.method ?? 'Jira path'} ${use.path} is not listed in forge-scopes/jira-api-calls.txt: add the operations the code performs on it and run \`npm run gen:scopes\` so their scopes are checked.` }];
    }
    if (use.method !== undefined && !methods.includes(use.method.toLowerCase())) {
      return [{ ...at, message: `${use.method} ${listed} is called here, but forge-scopes/jira-api-calls.txt lists only ${methods.join(', ').toUpperCase()} for it: add "${use.method} ${listed}" and run \`npm run gen:scopes\` (which refuses operations the Jira spec does not have).` }];
    }
    return [];
  });
}

/** The scopes an operation needs, read as @forge/lint's ProductVerifier reads them. */
function requiredScopes(operation: ScopedOperation): { current: string[]; beta: string[] } {
  const entries = operation['x-atlassian-oauth2-scopes'];
  if (entries) {
    return {
      current: entries.filter((e) => e.state === 'Current').flatMap((e) => e.scopes),
      beta: entries.filter((e) => e.state === 'Beta').flatMap((e) => e.scopes),
    };
  }
  return { current: (operation.security ?? []).flatMap((s) => s['OAuth2'] ?? []), beta: [] };
}

export interface ListedCall {
  method: string;
  path: string;
  line: number;
}

/**
 * Every operation listed in forge-scopes/jira-api-calls.txt must have its scopes in the manifest, whether or not
 * the linter can see the call site (a gateway hands routes to requestJira out of the linter's sight).
 */
export async function checkListedScopes(
  listed: readonly ListedCall[],
  swagger: ScopeSwagger,
  manifestScopes: readonly string[],
): Promise<JiraCallProblem[]> {
  const problems: JiraCallProblem[] = [];
  for (const call of listed) {
    const operation = swagger.paths[call.path]?.[call.method];
    if (operation === undefined) {
      problems.push({ file: 'forge-scopes/jira-api-calls.txt', line: call.line, column: 0, message: `${call.method.toUpperCase()} ${call.path} is missing from forge-scopes/jira-swagger.json: run \`npm run gen:scopes\`.` });
      continue;
    }
    const missing = await getMissingScopes([...manifestScopes], requiredScopes(operation));
    for (const scope of missing) {
      problems.push({ file: 'forge-scopes/jira-api-calls.txt', line: call.line, column: 0, message: `${call.method.toUpperCase()} ${call.path} requires scope "${scope}", which manifest.yml does not declare.` });
    }
  }
  return problems;
}
