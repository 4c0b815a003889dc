/**
 * Node module hook for running the app's handlers outside Forge's bundler (demo, scripts).
 * Forge bundles src/ with esModuleInterop semantics: `import Resolver from '@forge/resolver'` gets the
 * CommonJS `exports.default`. Plain Node ESM gives the whole `module.exports` instead, so `new Resolver()`
 * fails. For CommonJS packages under node_modules/@forge/ that set `__esModule`, this hook serves an
 * ESM facade whose default export is `exports.default` and whose named exports are the package's own.
 * The facade loads the package with `require`, so there is still one instance of it per process.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const FORGE_CJS = /\/node_modules\/@forge\/[^/]+\/.+\.c?js$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (result.format !== 'commonjs' || !url.startsWith('file:') || !FORGE_CJS.test(url) || context.importAttributes?.type) return result;
  const file = fileURLToPath(url);
  const require = createRequire(file);
  let mod;
  try {
    mod = require(file);
  } catch {
    return result;
  }
  if (!mod || !mod.__esModule || !('default' in mod)) return result;
  const names = Object.keys(mod).filter((n) => n !== 'default' && n !== '__esModule' && IDENTIFIER.test(n));
  const source = [
    `import { createRequire } from 'node:module';`,
    `const m = createRequire(${JSON.stringify(url)})(${JSON.stringify(file)});`,
    `export default m.default;`,
    ...names.map((n) => `export const ${n} = m[${JSON.stringify(n)}];`),
  ].join('\n');
  return { format: 'module', source, shortCircuit: true };
}
