import { view } from '@forge/bridge';
import * as z from 'zod/mini';

const IdSchema = z.pipe(z.union([z.string(), z.number()]), z.transform((id: string | number) => String(id)));

const ThemeSchema = z.catch(z.nullish(z.looseObject({ colorMode: z.optional(z.enum(['light', 'dark', 'auto'])) })), null);

/**
 * The parts of the Forge context (`view.getContext()`) the pages use. Loose on purpose: the host
 * adds fields over time, and a missing locale or zone must not blank the page (they default to
 * English and UTC).
 */
export const ForgeContextSchema = z.looseObject({
  accountId: z.optional(z.string()),
  cloudId: z.optional(z.string()),
  localId: z.optional(z.string()),
  moduleKey: z.optional(z.string()),
  siteUrl: z.optional(z.string()),
  locale: z.catch(z.string().check(z.minLength(1)), 'en-US'),
  timezone: z.catch(z.string().check(z.minLength(1)), 'UTC'),
  theme: ThemeSchema,
  extension: z.catch(z.record(z.string(), z.unknown()), {}),
});

export type ForgeContext = z.infer<typeof ForgeContextSchema>;

const RefSchema = z.looseObject({ key: z.string().check(z.minLength(1)), id: z.optional(IdSchema) });
export type EntityRef = z.infer<typeof RefSchema>;

/** The issue the module is shown on (issue panel, issue context, custom field on an existing issue). */
export function issueOf(context: ForgeContext): EntityRef | null {
  const parsed = z.safeParse(RefSchema, context.extension['issue']);
  return parsed.success ? parsed.data : null;
}

/** The project of the module (every Jira module here has one). */
export function projectOf(context: ForgeContext): EntityRef | null {
  const parsed = z.safeParse(RefSchema, context.extension['project']);
  return parsed.success ? parsed.data : null;
}

/** Custom field modules: the stored value (`extension.fieldValue`), `null` when unset. */
export function fieldValueOf(context: ForgeContext): unknown {
  return context.extension['fieldValue'] ?? null;
}

/** Custom field modules: true when Jira opened the edit experience (`extension.entryPoint === 'edit'`). */
export function isEditEntryPoint(context: ForgeContext): boolean {
  return context.extension['entryPoint'] === 'edit';
}

/** Reads and parses the Forge context; rejects with a readable Error if the host sent none. */
export async function loadForgeContext(): Promise<ForgeContext> {
  const raw = await view.getContext();
  const parsed = z.safeParse(ForgeContextSchema, raw);
  if (!parsed.success) throw new Error(`Forge context is not an object: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
