import * as z from 'zod/mini';

/**
 * The stored value of the priority-matrix field (shape declared in manifest.yml: 1-based impact, urgency
 * and priority position, the Jira priority name, and whether someone overrode it). Read leniently so a
 * value written by an older version (priority as a level id string) still renders.
 */
const PositionOrId = z.union([z.int(), z.string().check(z.minLength(1))]);

export const MatrixFieldValueSchema = z.looseObject({
  impact: z.optional(z.int()),
  urgency: z.optional(z.int()),
  priority: PositionOrId,
  jiraPriority: z.optional(z.nullable(z.string())),
  overridden: z.optional(z.boolean()),
  overrideReason: z.optional(z.nullable(z.string())),
});

export type MatrixFieldValue = z.infer<typeof MatrixFieldValueSchema>;

/** The stored value, or null when unset or unreadable. */
export function readFieldValue(value: unknown): MatrixFieldValue | null {
  const parsed = z.safeParse(MatrixFieldValueSchema, value);
  return parsed.success ? parsed.data : null;
}
