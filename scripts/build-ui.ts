/**
 * Builds every Custom UI page (static/<page> -> static/<page>/build), one after another, stops at
 * the first failure, and prints the size of each page: the JS a first render needs (entry and its
 * static imports, what Forge loads before anything shows), all JS including lazy chunks, and CSS,
 * raw and gzipped.
 *
 *   npm run build:ui              all pages
 *   npm run build:ui -- settings  only the named pages
 */
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { PAGES, isPageName } from '../static/pages';
import type { PageName } from '../static/pages';
import { createPageConfig } from '../static/vite.shared';

type Output = Rolldown.RolldownOutput;
type Chunk = Rolldown.OutputChunk;

/** Goal from issue 6: the issue panel's JS stays at or under 120 KB gzipped. */
const BUDGET_GZIP_KB: Partial<Record<PageName, number>> = { 'issue-panel': 120 };

interface Sizes {
  readonly initialJs: number;
  readonly initialJsGz: number;
  readonly allJs: number;
  readonly allJsGz: number;
  readonly css: number;
  readonly cssGz: number;
  readonly chunks: number;
}

const gz = (text: string | Uint8Array): number => gzipSync(text, { level: 9 }).length;

/**
 * The first render loads the entry, its static imports, and what boot.ts imports right away (the
 * shell and the page app are dynamic imports, but always loaded); lazy parts such as EmptyState
 * and theme CSS come later and count only in "all JS".
 */
const ALWAYS_LOADED = /static\/shared\/shell\/mount\.tsx$|static\/[^/]+\/src\/app\.tsx$/;

function initialChunks(chunks: readonly Chunk[]): Set<Chunk> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<Chunk>();
  const visit = (chunk: Chunk, followDynamic: boolean): void => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const name of chunk.imports) {
      const next = byName.get(name);
      if (next) visit(next, false);
    }
    if (followDynamic) {
      for (const name of chunk.dynamicImports) {
        const next = byName.get(name);
        // Only the boot's own dynamic imports (shell mount + page app) are part of every load.
        if (next && next.moduleIds.some((id) => ALWAYS_LOADED.test(id))) visit(next, false);
      }
    }
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk, true);
  return seen;
}

function measure(output: Output): Sizes {
  const chunks = output.output.filter((o): o is Chunk => o.type === 'chunk');
  const initial = initialChunks(chunks);
  const sum = (list: Iterable<Chunk>, f: (c: Chunk) => number) => [...list].reduce((n, c) => n + f(c), 0);
  const css = output.output.filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'));
  const cssText = css.map((a) => (a.type === 'asset' ? a.source : ''));
  return {
    initialJs: sum(initial, (c) => Buffer.byteLength(c.code)),
    initialJsGz: sum(initial, (c) => gz(c.code)),
    allJs: sum(chunks, (c) => Buffer.byteLength(c.code)),
    allJsGz: sum(chunks, (c) => gz(c.code)),
    css: cssText.reduce((n, s) => n + (typeof s === 'string' ? Buffer.byteLength(s) : s.length), 0),
    cssGz: cssText.reduce((n, s) => n + gz(s), 0),
    chunks: chunks.length,
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)}`.padStart(7);

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = requested.filter((a) => !isPageName(a));
  if (unknown.length > 0) throw new Error(`Unknown page(s): ${unknown.join(', ')}. Pages: ${PAGES.join(', ')}`);
  const pages = requested.length > 0 ? requested.filter(isPageName) : [...PAGES];

  const rows: [PageName, Sizes, number][] = [];
  for (const page of pages) {
    const started = performance.now();
    const result = await build(createPageConfig(page));
    const outputs = Array.isArray(result) ? result : [result];
    const output = outputs[0];
    if (output === undefined || !('output' in output)) throw new Error(`${page}: vite returned no build output`);
    rows.push([page, measure(output), performance.now() - started]);
  }

  console.log('\nCustom UI bundles (KB; "initial" = JS loaded before first render, gz = gzip -9)');
  console.log('page             initial  init.gz   all JS   all.gz      CSS   CSS.gz  chunks   time');
  let overBudget = false;
  for (const [page, s, ms] of rows) {
    const budget = BUDGET_GZIP_KB[page];
    const over = budget !== undefined && s.initialJsGz / 1024 > budget;
    overBudget ||= over;
    console.log(
      `${page.padEnd(15)}${kb(s.initialJs)}  ${kb(s.initialJsGz)}  ${kb(s.allJs)}  ${kb(s.allJsGz)}  ${kb(s.css)}  ${kb(s.cssGz)}  ${String(s.chunks).padStart(6)}  ${(ms / 1000).toFixed(1).padStart(4)}s${budget === undefined ? '' : over ? `  OVER ${budget} KB budget` : `  (budget ${budget} KB gz)`}`,
    );
  }
  if (overBudget) throw new Error('A page is over its gzipped JS budget.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
