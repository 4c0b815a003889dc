import { defaultConfig, type Config } from '../../config';
import type { Envelope } from '../../contracts';
import type { ResolverDeps } from './resolver-deps';
import { fail, fieldErrorsOf } from './resolver-errors';

export type LoadedConfig = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly envelope: Envelope<never> };

/**
 * The project's config for a resolver: the stored one, the defaults when none was saved yet, or an
 * `invalid-config` answer naming the bad fields (a stored config that no longer parses is kept for the
 * admin to fix; computing with defaults instead would be wrong).
 */
export async function loadConfigFor(deps: Pick<ResolverDeps, 'configs'>, projectKey: string): Promise<LoadedConfig> {
  const loaded = await deps.configs.load(projectKey);
  switch (loaded.kind) {
    case 'ok':
      return { ok: true, config: loaded.config };
    case 'missing':
      return { ok: true, config: defaultConfig() };
    case 'invalid':
      return { ok: false, envelope: fail('invalid-config', { fieldErrors: fieldErrorsOf(loaded.errors, 'config') }) };
  }
}
