import { currentConfig, exportConfig, importConfig, restoreConfig, saveConfig, type ConfigUseCaseError } from '../../app/config';
import {
  ConfigExportPayloadSchema,
  ConfigGetPayloadSchema,
  ConfigHistoryPayloadSchema,
  ConfigImportPayloadSchema,
  ConfigRestorePayloadSchema,
  ConfigSavePayloadSchema,
  RESOLVER_KEYS,
  type ConfigExportResult,
  type ConfigGetResult,
  type ConfigHistoryResult,
  type ConfigImportResult,
  type ConfigRestoreResult,
  type ConfigSaveResult,
  type Envelope,
} from '../../contracts';
import { requireAdmin, requireBrowse } from './authorize';
import { projectOf, resolverSpec } from './define-resolver';
import { fail, fieldErrorsOf, ok } from './resolver-errors';

/** A use-case refusal as an envelope: field errors for invalid configs, versions for conflicts. */
function refusal(error: ConfigUseCaseError, fieldPrefix: string): Envelope<never> {
  switch (error.kind) {
    case 'invalid-config':
      return fail('invalid-config', { fieldErrors: fieldErrorsOf(error.errors, fieldPrefix) });
    case 'conflict':
      return fail('conflict', {
        message: {
          ja: `ほかの人が先に設定を保存しました（あなたの編集はバージョン ${String(error.expectedVersion)}、現在はバージョン ${String(error.currentVersion)}）。あなたの変更はまだ保存されていません。最新の設定を読み込んでから、もう一度適用してください。`,
          en: `Someone else saved the settings first (you edited version ${String(error.expectedVersion)}; it is now version ${String(error.currentVersion)}). Your changes have not been saved yet: load the latest settings and apply them again.`,
        },
        meta: { expectedVersion: error.expectedVersion, currentVersion: error.currentVersion },
      });
    case 'not-found':
      return fail('not-found', {
        message: { ja: `設定のバージョン ${String(error.version)} は存在しません。`, en: `There is no config version ${String(error.version)}.` },
      });
  }
}

export const configGet = resolverSpec({
  key: RESOLVER_KEYS.configGet,
  payload: ConfigGetPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ConfigGetResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireBrowse(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const current = await currentConfig(deps.configs, project.projectKey);
    return ok({
      projectKey: project.projectKey,
      state: current.state,
      version: current.version,
      config: current.config,
      errors: fieldErrorsOf(current.errors),
      meta: current.meta,
      migratedFrom: current.migratedFrom,
      canEdit: auth.admin,
    });
  },
});

export const configSave = resolverSpec({
  key: RESOLVER_KEYS.configSave,
  payload: ConfigSavePayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ConfigSaveResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireAdmin(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const saved = await saveConfig(deps.configs, {
      projectKey: project.projectKey,
      raw: payload.config,
      expectedVersion: payload.expectedVersion,
      savedBy: auth.accountId,
      ...(payload.note !== undefined ? { note: payload.note } : {}),
    });
    return saved.ok ? ok({ meta: saved.value }) : refusal(saved.error, 'config');
  },
});

export const configHistory = resolverSpec({
  key: RESOLVER_KEYS.configHistory,
  payload: ConfigHistoryPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ConfigHistoryResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireAdmin(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const page = await deps.configs.history(project.projectKey, {
      ...(payload.cursor !== undefined ? { cursor: payload.cursor } : {}),
      limit: payload.limit ?? 20,
    });
    return ok({ versions: [...page.versions], cursor: page.cursor });
  },
});

export const configRestore = resolverSpec({
  key: RESOLVER_KEYS.configRestore,
  payload: ConfigRestorePayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ConfigRestoreResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireAdmin(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const restored = await restoreConfig(deps.configs, {
      projectKey: project.projectKey,
      version: payload.version,
      expectedVersion: payload.expectedVersion,
      savedBy: auth.accountId,
    });
    return restored.ok ? ok({ meta: restored.value, restoredFrom: payload.version }) : refusal(restored.error, '');
  },
});

export const configExport = resolverSpec({
  key: RESOLVER_KEYS.configExport,
  payload: ConfigExportPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ConfigExportResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireAdmin(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const exported = await exportConfig(deps.configs, project.projectKey, deps.clock.now());
    return ok({ fileName: exported.fileName, document: exported.document });
  },
});

export const configImport = resolverSpec({
  key: RESOLVER_KEYS.configImport,
  payload: ConfigImportPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<ConfigImportResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireAdmin(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const imported = await importConfig(deps.configs, {
      projectKey: project.projectKey,
      document: payload.document,
      mode: payload.mode,
      expectedVersion: payload.expectedVersion,
      savedBy: auth.accountId,
    });
    if (!imported.ok) return refusal(imported.error, 'document');
    const v = imported.value;
    return ok({ mode: v.mode, changes: [...v.changes], config: v.config, meta: v.meta });
  },
});
