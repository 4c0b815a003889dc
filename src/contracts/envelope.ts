// zod/mini: the Custom UI pages import these schemas too, and the issue panel has a bundle budget.
import * as z from 'zod/mini';

/**
 * The one answer shape of every resolver, shared by the backend (src/forge/resolvers) and the Custom UI
 * (static/shared/bridge/envelope.ts parses the same wire shape):
 * `{ ok: true, data } | { ok: false, error: { code, message: { ja, en }, fieldErrors?, detail? } }`.
 */

/** Text in both UI languages. */
export const LocalizedTextSchema = z.object({ ja: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The error codes resolvers send (the UI adds its own transport codes on its side). */
export const RESOLVER_ERROR_CODES = [
  'invalid-payload',
  'forbidden',
  'not-found',
  'conflict',
  'invalid-config',
  'jira-error',
  'not-implemented',
  'internal',
] as const;
export const ResolverErrorCodeSchema = z.enum(RESOLVER_ERROR_CODES);
export type ResolverErrorCode = z.infer<typeof ResolverErrorCodeSchema>;

/** One invalid field, named by its path (`matrix[1][2]`, `config.impact.levels[0].labels.ja`). */
export const FieldErrorSchema = z.object({ path: z.string(), message: LocalizedTextSchema });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ResolverErrorSchema = z.object({
  code: ResolverErrorCodeSchema,
  message: LocalizedTextSchema,
  fieldErrors: z.optional(z.array(FieldErrorSchema)),
  /** Technical detail for support; never the only text a user sees. */
  detail: z.optional(z.string()),
  /** Machine-readable extras, e.g. `{ currentVersion: 4 }` on a conflict. */
  meta: z.optional(z.record(z.string(), z.unknown())),
});
export type ResolverError = z.infer<typeof ResolverErrorSchema>;

export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ResolverErrorSchema }),
]);

/** A resolver's answer. */
export type Envelope<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ResolverError };

/** The envelope schema with a typed `data`. */
export function envelopeOf<T extends z.ZodMiniType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: ResolverErrorSchema })]);
}
