import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES } from '../../../static/pages';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Newest modification time under a directory (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'build' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Pages whose build is missing or older than their sources (the page, static/shared, and the src/
 * modules the UI imports: contracts, config, domain).
 */
export function staleUiPages(): string[] {
  const shared = Math.max(...['static/shared', 'static/vite.shared.ts', 'src/contracts', 'src/config', 'src/domain'].map((p) => {
    const full = path.join(ROOT, p);
    return existsSync(full) && statSync(full).isFile() ? statSync(full).mtimeMs : newest(full);
  }));
  return PAGES.filter((page) => {
    const built = path.join(ROOT, 'static', page, 'build', 'index.html');
    if (!existsSync(built)) return true;
    return Math.max(shared, newest(path.join(ROOT, 'static', page))) > statSync(built).mtimeMs;
  });
}

/**
 * Runs `npm run build:ui` when a page's build is missing or stale, so the browser tests never drive an
 * old bundle; afterwards the demo can start with --no-build (E2E_NO_BUILD=1).
 */
export function ensureUiBuilt(): void {
  const stale = staleUiPages();
  if (stale.length > 0) {
    // vitest sets NODE_ENV=test, which would make plugin-react emit the dev JSX runtime into a production bundle.
    const res = spawnSync('npm', ['run', '--silent', 'build:ui'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', npm_config_loglevel: 'error' } });
    if (res.status !== 0) throw new Error(`npm run build:ui failed (stale: ${stale.join(', ')})`);
  }
  process.env.E2E_NO_BUILD = '1';
}
