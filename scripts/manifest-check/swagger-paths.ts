import { z } from 'zod';

/** One entry of `x-atlassian-oauth2-scopes` in Atlassian's OpenAPI documents. */
export const OAuthScopeEntrySchema = z.object({
  scheme: z.string(),
  state: z.string(),
  scopes: z.array(z.string()),
});
export type OAuthScopeEntry = z.infer<typeof OAuthScopeEntrySchema>;

/** `security` requirements; the linter falls back to their `OAuth2` lists when an operation has no scope entries. */
export const SecurityRequirementSchema = z.record(z.string(), z.array(z.string()));

export const ScopedOperationSchema = z.object({
  operationId: z.string().optional(),
  deprecated: z.boolean().optional(),
  'x-atlassian-oauth2-scopes': z.array(OAuthScopeEntrySchema).optional(),
  security: z.array(SecurityRequirementSchema).optional(),
});
export type ScopedOperation = z.infer<typeof ScopedOperationSchema>;

/** The small swagger document handed to @forge/lint as LOCAL_JIRA_SWAGGER: path -> lower-case method -> scopes. */
export const ScopeSwaggerSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), ScopedOperationSchema)),
});
export type ScopeSwagger = z.infer<typeof ScopeSwaggerSchema>;

export const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * The regular expression @forge/lint's permission linter builds for a swagger path: every `{param}` becomes
 * "any run of non-slash characters", anchored at the end only. Kept identical so this check and the linter agree.
 */
export function swaggerPathRegex(swaggerPath: string): RegExp {
  return new RegExp(swaggerPath.replace(/{(?<={)(.*?)(?=})}/g, '[^\\/\\s]*') + '\\/?$');
}

/**
 * The first swagger path matching a called path, in document order — the same rule the linter applies, which is
 * why the generator writes literal paths before templated ones (`/issue/bulkfetch` before `/issue/{issueIdOrKey}`).
 */
export function findSwaggerPath(paths: readonly string[], calledPath: string): string | undefined {
  const withoutQuery = calledPath.replace(/\?.+$/, '');
  return paths.find((p) => swaggerPathRegex(p).test(withoutQuery));
}
