import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';

type Compile = (this: Ajv, schema: AnySchema, meta?: boolean) => ValidateFunction;

// Keyed by content: each @forge/manifest processor imports the schema JSON through its own `__importStar`
// wrapper, so the same schema arrives as a different object every time.
const cache = new Map<string, ValidateFunction>();
const serialized = new WeakMap<object, string>();
let installed = false;

/** What makes two Ajv instances compile one schema differently: the options the Forge validators vary, and formats. */
function fingerprint(ajv: Ajv): string {
  const { allErrors, verbose, strict, $data } = ajv.opts;
  return JSON.stringify({ allErrors, verbose, strict, $data, formats: Object.keys(ajv.formats).sort() });
}

/**
 * Makes Ajv reuse a compiled validator when the same schema is compiled again with the same settings.
 * Why: @forge/manifest builds a new Ajv and recompiles its 2 MB manifest schema for every processor, and one
 * client-side lint creates five of them — about 5 s each, over half a minute per check. Results are unchanged:
 * the compiled function is the one Ajv would build again from identical input.
 */
export function installAjvCompileCache(): void {
  if (installed) return;
  installed = true;
  const prototype = Ajv.prototype as unknown as { compile: Compile };
  const original = prototype.compile;
  prototype.compile = function compile(this: Ajv, schema: AnySchema, meta?: boolean): ValidateFunction {
    if (typeof schema !== 'object' || meta !== undefined) return original.call(this, schema, meta);
    const content = serialized.get(schema) ?? JSON.stringify(schema);
    serialized.set(schema, content);
    const key = `${fingerprint(this)}\n${content}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const compiled = original.call(this, schema, meta);
    cache.set(key, compiled);
    return compiled;
  };
}
