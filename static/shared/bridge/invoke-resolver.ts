import { invoke } from '@forge/bridge';
import type { $ZodType, output } from 'zod/v4/core';
import { parseEnvelope, transportError } from './envelope';
import type { ResolverResult } from './envelope';

/** What a resolver accepts: a JSON object (functions are refused by the bridge). */
export type ResolverPayload = Readonly<Record<string, unknown>>;

/**
 * Calls a resolver through @forge/bridge `invoke` and parses the `{ ok, data | error }` envelope.
 * Never throws: transport failures and malformed answers come back as `{ ok: false, error }` with
 * ja/en text, so every caller handles exactly one shape.
 *
 * @example
 * const res = await invokeResolver('app/ping', {}, z.object({ app: z.string() }));
 * if (res.ok) console.log(res.data.app); else console.log(res.error.message.en);
 */
export async function invokeResolver(key: string, payload?: ResolverPayload): Promise<ResolverResult<unknown>>;
export async function invokeResolver<S extends $ZodType>(key: string, payload: ResolverPayload, resultSchema: S): Promise<ResolverResult<output<S>>>;
export async function invokeResolver(key: string, payload: ResolverPayload = {}, resultSchema?: $ZodType): Promise<ResolverResult<unknown>> {
  let raw: unknown;
  try {
    raw = await invoke<Record<string, unknown>>(key, { ...payload });
  } catch (cause) {
    return { ok: false, error: transportError(key, cause) };
  }
  return parseEnvelope(key, raw, resultSchema);
}
