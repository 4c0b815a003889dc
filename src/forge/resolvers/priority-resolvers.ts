import { overridePriority, PRIORITY_PROPERTY_KEY } from '../../app/priority';
import { SetupStatusSchema } from '../../app/ports/setup-store';
import { PriorityOverridePayloadSchema, RESOLVER_KEYS, type Envelope, type FieldError, type PriorityOverrideResult } from '../../contracts';
import { resolverSpec } from './define-resolver';
import { fail, ok } from './resolver-errors';
import { loadConfigFor } from './load-config';

/**
 * `priority/override`: Jira's Priority set away from the matrix, with a reason, by someone the config
 * allows (project roles / groups; default the Administrators role). The issue is read AS THE USER (who
 * must see it and hold Edit Issues, so the app widens nobody's access); the change itself is written as
 * the app, after recording it, so the event path keeps it (see src/app/priority/override-priority.ts).
 */
export const priorityOverride = resolverSpec({
  key: RESOLVER_KEYS.priorityOverride,
  payload: PriorityOverridePayloadSchema,
  async handle({ payload, ctx, deps }): Promise<Envelope<PriorityOverrideResult>> {
    if (ctx.accountId === null) return fail('forbidden', { message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } });
    const issueKey = payload.issueKey ?? ctx.issueKey;
    if (issueKey === null) {
      const fieldErrors: FieldError[] = [{ path: 'issueKey', message: { ja: 'issueKey は必須ですが、指定されていません。', en: 'issueKey is required but missing.' } }];
      return fail('invalid-payload', { fieldErrors });
    }
    if (deps.setup === null) return fail('not-implemented', { detail: 'priority/override: no setup service is wired' });
    const projectKey = issueKey.slice(0, issueKey.lastIndexOf('-'));
    const status = SetupStatusSchema.safeParse(await deps.setup.status({ projectKey }));
    const catalog = status.success ? status.data.catalog : null;
    if (catalog === null || catalog.issueTypes.incident === null) {
      return fail('not-found', { message: { ja: 'このプロジェクトはまだ Incident Desk のセットアップが済んでいません。', en: 'Incident Desk is not set up in this project yet.' } });
    }
    const fields = [catalog.fields.impact, catalog.fields.urgency, catalog.fields.priorityMatrix].filter((f): f is string => f !== null);
    const issue = await deps.gateways.asUser.getIssue(issueKey, { fields, properties: [PRIORITY_PROPERTY_KEY] });
    if (issue === null) return fail('not-found');
    if (issue.issueType.id !== catalog.issueTypes.incident) {
      return fail('invalid-payload', {
        fieldErrors: [{ path: 'issueKey', message: { ja: `${issue.key} はインシデントではありません。`, en: `${issue.key} is not an incident.` } }],
      });
    }
    const canEdit = await deps.gateways.asUser.myPermissions({ issueKey: issue.key }, ['EDIT_ISSUES']);
    if (canEdit['EDIT_ISSUES'] !== true) {
      return fail('forbidden', { message: { ja: 'この課題を編集する権限がありません。', en: 'You do not have permission to edit this issue.' } });
    }
    const loaded = await loadConfigFor(deps, issue.projectKey);
    if (!loaded.ok) return loaded.envelope;
    const config = loaded.config;
    const outcome = await overridePriority(
      { gateway: deps.gateways.asApp, clock: deps.clock },
      { issue, config, catalog, accountId: ctx.accountId, priority: payload.priority, reason: payload.reason },
    );
    switch (outcome.kind) {
      case 'forbidden':
        return fail('forbidden', {
          message: {
            ja: `優先度を手動で変更できるのは ${outcome.who.ja} のメンバーだけです。影響度または緊急度を見直してください。`,
            en: `Only members of ${outcome.who.en} may override the priority. Review the impact or urgency instead.`,
          },
        });
      case 'unknown-priority':
        return fail('invalid-payload', {
          fieldErrors: [
            {
              path: 'priority',
              message: { ja: `優先度は次のいずれかです: ${outcome.allowed.join('、')}`, en: `The priority must be one of: ${outcome.allowed.join(', ')}` },
            },
          ],
        });
      case 'overridden':
        return ok({
          issueKey: issue.key,
          priority: outcome.priority,
          matrixPriority: outcome.matrixPriority,
          reason: outcome.accepted.reason,
          overriddenBy: outcome.accepted.by,
          at: outcome.accepted.at,
          commentId: outcome.commentId,
        });
    }
  },
});
