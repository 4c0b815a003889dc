import { z } from 'zod';
import type { RuntimeManifest, UiModule } from './manifest';
import type { AppIdentity } from './transport';

/** What a caller says about the frame a resolver is invoked from; the rest is filled in. */
export const UiContextInputSchema = z.object({
  /** Manifest UI module key (e.g. `sla-panel`); defaults to the first UI module with a resolver. */
  moduleKey: z.string().optional(),
  /** The acting user; omit for an anonymous frame (asUser() will then be refused). */
  accountId: z.string().optional(),
  locale: z.string().default('en-US'),
  timezone: z.string().default('Asia/Tokyo'),
  project: z.object({ id: z.string(), key: z.string(), type: z.string().default('software') }).optional(),
  issue: z.object({ id: z.string(), key: z.string(), type: z.string().default('Incident'), typeId: z.string().optional() }).optional(),
  /** Extra extension fields (merged last), e.g. `{ fieldId, fieldValue, renderContext }` for a custom field. */
  extension: z.record(z.string(), z.unknown()).optional(),
  /** For full-page modules: the sub-route inside the app page (settings sub-pages). */
  route: z.string().optional(),
  colorMode: z.enum(['light', 'dark']).default('light'),
});

export type UiContextInput = z.input<typeof UiContextInputSchema>;

/** The context object Forge hands Custom UI (`view.getContext()`) and resolvers (`req.context`). */
export interface UiContext {
  accountId?: string;
  cloudId: string;
  siteUrl: string;
  workspaceId: string;
  localId: string;
  moduleKey: string;
  environmentId: string;
  environmentType: string;
  appVersion: string;
  locale: string;
  timezone: string;
  theme: { colorMode: 'light' | 'dark' };
  extension: Record<string, unknown> & { type: string };
}

export function findUiModule(manifest: RuntimeManifest, moduleKey: string | undefined): UiModule | undefined {
  if (moduleKey === undefined) return manifest.uiModules.find((m) => m.resolverFunctionKey !== undefined);
  return manifest.uiModules.find((m) => m.key === moduleKey);
}

export function buildUiContext(manifest: RuntimeManifest, app: AppIdentity, input: UiContextInput): UiContext {
  const parsed = UiContextInputSchema.parse(input);
  const module = findUiModule(manifest, parsed.moduleKey);
  const moduleKey = module?.key ?? parsed.moduleKey ?? 'unknown-module';
  const type = module?.type ?? 'jira:issuePanel';
  const extension: Record<string, unknown> & { type: string } = {
    type,
    ...(parsed.project ? { project: parsed.project } : {}),
    ...(parsed.issue ? { issue: { ...parsed.issue, ...(parsed.issue.typeId === undefined ? {} : { typeId: parsed.issue.typeId }) } } : {}),
    ...(type === 'jira:issuePanel' ? { isNewToIssue: false } : {}),
    ...(type === 'jira:customField' ? { renderContext: 'issue-view', entryPoint: 'view' } : {}),
    ...(parsed.route !== undefined ? { location: parsed.route } : {}),
    ...(parsed.extension ?? {}),
  };
  return {
    ...(parsed.accountId !== undefined ? { accountId: parsed.accountId } : {}),
    cloudId: app.cloudId,
    siteUrl: app.siteUrl,
    workspaceId: app.cloudId,
    localId: `ari:cloud:ecosystem::extension/${app.appId}/${app.environmentId}/static/${moduleKey}`,
    moduleKey,
    environmentId: app.environmentId,
    environmentType: app.environmentType,
    appVersion: app.appVersion,
    locale: parsed.locale,
    timezone: parsed.timezone,
    theme: { colorMode: parsed.colorMode },
    extension,
  };
}
