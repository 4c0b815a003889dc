import * as z from 'zod/mini';

/**
 * The parts of the stored field value the view can show. The full schema belongs to the backend
 * (src/contracts); this reads leniently so a value written by an older version still renders.
 */
const Label = z.pipe(z.union([z.string(), z.number()]), z.transform((v: string | number) => String(v)));

const DisplayableValueSchema = z.looseObject({
  priority: z.string().check(z.minLength(1)),
  impact: z.optional(Label),
  urgency: z.optional(Label),
});

export type DisplayableValue = z.infer<typeof DisplayableValueSchema>;

/** The displayable parts of a stored value, or null when unset or unreadable. */
export function describeFieldValue(value: unknown): DisplayableValue | null {
  const parsed = z.safeParse(DisplayableValueSchema, value);
  return parsed.success ? parsed.data : null;
}
