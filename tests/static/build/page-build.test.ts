import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { PAGES } from '../../../static/pages';
import { createPageConfig } from '../../../static/vite.shared';

/** One real production build of the smallest page, into a temp dir (the full set is `npm run build:ui`). */
const outDir = mkdtempSync(path.join(tmpdir(), 'incident-desk-ui-'));

beforeAll(async () => {
  const config = createPageConfig('issue-context');
  await build({ ...config, logLevel: 'silent', build: { ...config.build, outDir } });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function assets(): string[] {
  return readdirSync(path.join(outDir, 'assets'));
}

describe('a built page', () => {
  it('references its scripts and styles relatively, and every reference exists', () => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) {
      expect(ref.startsWith('./assets/'), ref).toBe(true);
      expect(assets()).toContain(ref.slice('./assets/'.length));
    }
  });

  it('loads lazy chunks relative to the page, never from the site root', () => {
    for (const file of assets().filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(path.join(outDir, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/["'`]\/assets\//);
    }
  });

  it('bundles neither the Statsig client nor the unused bridge APIs', () => {
    const code = assets()
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(outDir, 'assets', f), 'utf8'))
      .join('\n');
    // Statsig's client class and its endpoints (the stub has neither).
    expect(code).not.toMatch(/StatsigClientBase|featureassets\.org|prodregistryv2\.org/);
    // @forge/bridge's permissions module (egress URL parsing) and i18n translator stay out.
    expect(code).not.toMatch(/EgressFilteringService|getTranslationValue/);
    // but the bridge itself is in: it captures the host's callBridge.
    expect(code).toContain('__bridge');
  });

  it('the page list matches the page directories (those with an index.html) under static/', () => {
    const root = path.join(import.meta.dirname, '../../../static');
    const dirs = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'index.html')))
      .map((d) => d.name)
      .sort();
    expect(dirs).toEqual([...PAGES].sort());
  });
});
