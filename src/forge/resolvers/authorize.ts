import type { Envelope } from '../../contracts';
import type { CallContext } from './call-context';
import type { ResolverDeps } from './resolver-deps';
import { fail } from './resolver-errors';

/**
 * Authorization, always checked AS THE USER through Jira (`/mypermissions`), so Jira's own project
 * roles, groups and permission schemes decide, and the app never widens anyone's access.
 */

export type Authorized = { readonly ok: true; readonly accountId: string; readonly admin: boolean } | { readonly ok: false; readonly envelope: Envelope<never> };

const anonymous = (): Authorized => ({
  ok: false,
  envelope: fail('forbidden', { message: { ja: 'ログインしてから操作してください。', en: 'Please log in first.' } }),
});

/** The caller may browse the project; `admin` says whether they also administer it. */
export async function requireBrowse(deps: ResolverDeps, ctx: CallContext, projectKey: string): Promise<Authorized> {
  if (ctx.accountId === null) return anonymous();
  const held = await deps.gateways.asUser.myPermissions({ projectKey }, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
  if (held['BROWSE_PROJECTS'] !== true && held['ADMINISTER_PROJECTS'] !== true) return { ok: false, envelope: fail('not-found') };
  return { ok: true, accountId: ctx.accountId, admin: held['ADMINISTER_PROJECTS'] === true };
}

/** The caller administers the project (config writes, history, export, import, setup). */
export async function requireAdmin(deps: ResolverDeps, ctx: CallContext, projectKey: string): Promise<Authorized> {
  if (ctx.accountId === null) return anonymous();
  const held = await deps.gateways.asUser.myPermissions({ projectKey }, ['ADMINISTER_PROJECTS']);
  if (held['ADMINISTER_PROJECTS'] !== true) {
    return {
      ok: false,
      envelope: fail('forbidden', {
        message: { ja: 'この操作にはプロジェクト管理者の権限が必要です。', en: 'You need to be a project administrator to do this.' },
      }),
    };
  }
  return { ok: true, accountId: ctx.accountId, admin: true };
}
