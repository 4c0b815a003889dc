import ts from 'typescript';
import { findSwaggerPath } from './swagger-paths';

/** A `requestJira` call found in source, as the Forge permission linter sees it (or why it cannot see it). */
export interface JiraCall {
  file: string;
  line: number;
  column: number;
  /** The called path with every `${...}` replaced by a segment placeholder; undefined when not a literal. */
  path?: string;
  method: string;
  /** Why the Forge linter cannot check this call's scopes, if it cannot. */
  unverifiable?: string;
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

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function templateText(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((span) => SEGMENT + span.literal.text).join('');
}

function literalPath(argument: ts.Expression): string | undefined {
  if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return argument.text;
  if (ts.isTemplateExpression(argument)) return templateText(argument);
  if (ts.isTaggedTemplateExpression(argument)) return templateText(argument.template);
  return undefined;
}

/** The name of the function a node sits in (declaration, method, or `const name = (...) =>`). */
function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if ((ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current)) && current.name) {
      return current.name.getText();
    }
    if ((ts.isArrowFunction(current) || ts.isFunctionExpression(current)) && ts.isVariableDeclaration(current.parent)) {
      return current.parent.name.getText();
    }
  }
  return undefined;
}

function methodOf(options: ts.Expression | undefined): { method: string; unverifiable?: string } {
  if (options === undefined) return { method: 'GET' };
  if (!ts.isObjectLiteralExpression(options)) {
    return { method: 'GET', unverifiable: 'its options are not an inline object literal, so the linter skips the call' };
  }
  const property = options.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'method',
  );
  if (property === undefined) {
    return options.properties.some(ts.isSpreadAssignment)
      ? { method: 'GET', unverifiable: 'its method comes from a spread, so the linter takes it for GET' }
      : { method: 'GET' };
  }
  const initializer = property.initializer;
  if (ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer)) {
    return { method: initializer.text.toUpperCase() };
  }
  return { method: 'GET', unverifiable: 'its `method` is not a string literal, so the linter takes it for GET' };
}

/** Every requestJira call in one source file. */
export function findJiraCalls(file: string, source: string): JiraCall[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const calls: JiraCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && REQUEST_JIRA.test(calleeName(node.expression) ?? '')) {
      const [pathArgument, options] = node.arguments;
      const start = sourceFile.getLineAndCharacterOfPosition((pathArgument ?? node).getStart(sourceFile));
      const position = { file, line: start.line + 1, column: start.character };
      const path = pathArgument === undefined ? undefined : literalPath(pathArgument);
      const { method, unverifiable } = methodOf(options);
      if (path === undefined) {
        // A wrapper named like requestJira* forwarding its own argument is fine: its callers are checked instead.
        if (!REQUEST_JIRA.test(enclosingFunctionName(node) ?? '')) {
          calls.push({ ...position, method, unverifiable: 'its path is not a literal route`...`, so the linter cannot see it' });
        }
      } else {
        calls.push({ ...position, path, method, ...(unverifiable === undefined ? {} : { unverifiable }) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

/**
 * What the Forge linter would silently let through: calls it cannot read, and paths missing from the scope
 * file (the linter only checks paths it knows, so an unlisted path would never be scope-checked).
 */
export function checkJiraCalls(calls: readonly JiraCall[], scopedPaths: Readonly<Record<string, object>>): JiraCallProblem[] {
  const paths = Object.keys(scopedPaths);
  return calls.flatMap((call): JiraCallProblem[] => {
    const at = { file: call.file, line: call.line, column: call.column };
    if (call.unverifiable !== undefined) {
      return [{ ...at, message: `requestJira call cannot be scope-checked: ${call.unverifiable}. Write requestJira(route\`/rest/api/3/...\`, { method: 'POST', ... }) inline.` }];
    }
    const path = call.path ?? '';
    const listed = findSwaggerPath(paths, path);
    const method = call.method.toLowerCase();
    if (listed === undefined || !(method in (scopedPaths[listed] ?? {}))) {
      return [{ ...at, message: `${call.method} ${path} is not listed in forge-scopes/jira-api-calls.txt: add it and run \`npm run gen:scopes\` so its scopes are checked.` }];
    }
    return [];
  });
}
