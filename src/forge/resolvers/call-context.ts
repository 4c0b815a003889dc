import { z } from 'zod';

/**
 * What a resolver call knows about its caller from the Forge context (never from the payload): the
 * user, and the project and issue of the module it was invoked from.
 */
export interface CallContext {
  readonly accountId: string | null;
  readonly projectKey: string | null;
  readonly issueKey: string | null;
  readonly locale: string | null;
}

const ForgeContextSchema = z.looseObject({
  accountId: z.string().optional(),
  locale: z.string().optional(),
  extension: z
    .looseObject({
      project: z.looseObject({ key: z.string() }).optional(),
      issue: z.looseObject({ key: z.string() }).optional(),
    })
    .optional(),
});

export function callContextOf(context: unknown): CallContext {
  const parsed = ForgeContextSchema.safeParse(context);
  if (!parsed.success) return { accountId: null, projectKey: null, issueKey: null, locale: null };
  const c = parsed.data;
  return {
    accountId: c.accountId ?? null,
    projectKey: c.extension?.project?.key ?? null,
    issueKey: c.extension?.issue?.key ?? null,
    locale: c.locale ?? null,
  };
}
