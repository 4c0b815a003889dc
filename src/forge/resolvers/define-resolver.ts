import type Resolver from '@forge/resolver';
import type * as z from 'zod/mini';
import type { Envelope, FieldError, ResolverKey } from '../../contracts';
import { callContextOf, type CallContext } from './call-context';
import type { ResolverDeps } from './resolver-deps';
import { fail, fromException, invalidPayload } from './resolver-errors';

/** One resolver call after its payload passed the contract. */
export interface ResolverCall<P> {
  readonly payload: P;
  readonly ctx: CallContext;
  readonly deps: ResolverDeps;
}

export interface ResolverSpec<S extends z.ZodMiniType, R> {
  readonly key: ResolverKey;
  readonly payload: S;
  readonly handle: (call: ResolverCall<z.output<S>>) => Promise<Envelope<R>>;
}

/** Builds a spec with the payload type inferred from its schema. */
export const resolverSpec = <S extends z.ZodMiniType, R>(spec: ResolverSpec<S, R>): ResolverSpec<S, R> => spec;

/**
 * Defines every spec on the Resolver: parse the payload with its contract (invalid-payload with
 * field errors otherwise), run the handler, and turn anything thrown into the one envelope type.
 */
export function defineResolvers(resolver: Resolver, specs: readonly ResolverSpec<z.ZodMiniType, unknown>[], depsFor: () => ResolverDeps): void {
  for (const spec of specs) {
    resolver.define(spec.key, async (request: { payload?: unknown; context?: unknown }): Promise<Envelope<unknown>> => {
      const parsed = spec.payload.safeParse(request.payload ?? {}, { reportInput: true });
      if (!parsed.success) return invalidPayload(parsed.error.issues);
      try {
        return await spec.handle({ payload: parsed.data, ctx: callContextOf(request.context), deps: depsFor() });
      } catch (error) {
        return fromException(error);
      }
    });
  }
}

/** The project a call is about: the module's project; a payload may name one only where the context has none. */
export function projectOf(ctx: CallContext, payloadProjectKey: string | undefined): { ok: true; projectKey: string } | { ok: false; envelope: Envelope<never> } {
  if (ctx.projectKey !== null && payloadProjectKey !== undefined && payloadProjectKey !== ctx.projectKey) {
    return {
      ok: false,
      envelope: fail('forbidden', {
        message: { ja: 'このページのプロジェクト以外の設定は操作できません。', en: 'You can only work on the project of this page.' },
        fieldErrors: [{ path: 'projectKey', message: { ja: 'このページのプロジェクトと一致しません。', en: 'Does not match the project of this page.' } }],
      }),
    };
  }
  const projectKey = ctx.projectKey ?? payloadProjectKey ?? null;
  if (projectKey === null) {
    const fieldErrors: FieldError[] = [{ path: 'projectKey', message: { ja: 'projectKey は必須ですが、指定されていません。', en: 'projectKey is required but missing.' } }];
    return { ok: false, envelope: fail('invalid-payload', { fieldErrors }) };
  }
  return { ok: true, projectKey };
}
