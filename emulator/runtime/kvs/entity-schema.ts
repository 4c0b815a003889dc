import { z } from 'zod';

/** One `app.storage.entities[]` declaration from manifest.yml, normalised. */
export interface EntityDeclaration {
  name: string;
  attributes: Record<string, AttributeType>;
  indexes: IndexDeclaration[];
}

export type AttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';

export interface IndexDeclaration {
  name: string;
  /** The attribute results are ordered by (Forge allows exactly one). */
  range: string;
  /** Attributes whose values must all be given to query this index. */
  partition: string[];
}

const AttributeSchema = z.object({ type: z.enum(['string', 'boolean', 'float', 'integer', 'any']) });

const IndexSchema = z.union([
  z.string().min(1),
  z.object({
    name: z.string().min(1),
    range: z.array(z.string().min(1)).length(1),
    partition: z.array(z.string().min(1)).min(1).optional(),
  }),
]);

export const EntityDeclarationSchema = z.object({
  name: z.string().regex(/^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/).min(3).max(60),
  attributes: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/).max(30), AttributeSchema),
  indexes: z.array(IndexSchema).optional(),
});

/**
 * Normalise the manifest's entity list (string index = index named after its range attribute).
 * Throws with the manifest path when an index names an undeclared attribute, as `forge lint` would.
 */
export function parseEntityDeclarations(raw: unknown): EntityDeclaration[] {
  if (raw === undefined || raw === null) return [];
  const list = z.array(EntityDeclarationSchema).parse(raw);
  return list.map((entity) => {
    const attributes: Record<string, AttributeType> = {};
    for (const [name, attr] of Object.entries(entity.attributes)) attributes[name] = attr.type;
    const indexes = (entity.indexes ?? []).map((index): IndexDeclaration => {
      const decl =
        typeof index === 'string'
          ? { name: index, range: index, partition: [] }
          : { name: index.name, range: index.range[0] ?? '', partition: index.partition ?? [] };
      for (const attr of [decl.range, ...decl.partition]) {
        if (!(attr in attributes)) {
          throw new Error(`app.storage.entities[${entity.name}].indexes[${decl.name}] uses undeclared attribute "${attr}".`);
        }
      }
      return decl;
    });
    return { name: entity.name, attributes, indexes };
  });
}
