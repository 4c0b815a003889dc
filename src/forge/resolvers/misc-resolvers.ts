import { jiraPriorityNameOf, priorityLabelsOf } from '../../config';
import {
  PingPayloadSchema,
  PriorityPreviewPayloadSchema,
  RESOLVER_KEYS,
  SetupRunPayloadSchema,
  SetupStatusPayloadSchema,
  type Envelope,
  type PingResult,
  type PriorityPreviewResult,
} from '../../contracts';
import { explainPriority } from '../../domain/priority';
import { requireAdmin, requireBrowse } from './authorize';
import { projectOf, resolverSpec } from './define-resolver';
import { fail, ok } from './resolver-errors';
import { loadConfigFor } from './load-config';

/** `app/ping`: the UI foundation's liveness check. */
export const appPing = resolverSpec({
  key: RESOLVER_KEYS.ping,
  payload: PingPayloadSchema,
  handle: (): Promise<Envelope<PingResult>> => Promise.resolve(ok({ app: 'incident-desk' })),
});

/** `priority/preview`: impact x urgency -> priority with the project's own labels, for the field editor. */
export const priorityPreview = resolverSpec({
  key: RESOLVER_KEYS.priorityPreview,
  payload: PriorityPreviewPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<PriorityPreviewResult>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireBrowse(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    const loaded = await loadConfigFor(deps, project.projectKey);
    if (!loaded.ok) return loaded.envelope;
    const config = loaded.config;
    const explained = explainPriority(config.matrix, payload.impact, payload.urgency, priorityLabelsOf(config));
    if (!explained.ok) return fail('invalid-payload', { fieldErrors: [{ path: explained.error.axis, message: explained.error.message }] });
    const e = explained.explanation;
    return ok({
      level: e.level,
      ...(e.levelLabel !== undefined ? { levelLabel: e.levelLabel } : {}),
      jiraPriorityName: jiraPriorityNameOf(config, e.level) ?? null,
      impact: e.impact,
      urgency: e.urgency,
      sameLevelCells: [...e.sameLevelCells],
      text: e.text,
    });
  },
});

/** `setup/run`: the idempotent project setup (project admins only). */
export const setupRun = resolverSpec({
  key: RESOLVER_KEYS.setupRun,
  payload: SetupRunPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<unknown>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireAdmin(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    if (deps.setup === null) return fail('not-implemented', { detail: 'setup/run: the setup use case is not wired' });
    return ok(await deps.setup.run({ projectKey: project.projectKey, accountId: auth.accountId }));
  },
});

/** `setup/status`: what the setup created and what is missing (project admins only). */
export const setupStatus = resolverSpec({
  key: RESOLVER_KEYS.setupStatus,
  payload: SetupStatusPayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<unknown>> {
    const project = projectOf(ctx, payload.projectKey);
    if (!project.ok) return project.envelope;
    const auth = await requireAdmin(deps, ctx, project.projectKey);
    if (!auth.ok) return auth.envelope;
    if (deps.setup === null) return fail('not-implemented', { detail: 'setup/status: the setup use case is not wired' });
    return ok(await deps.setup.status({ projectKey: project.projectKey }));
  },
});
