import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the manifest check reads from a project. */
const PROJECT_FILES = ['manifest.yml', 'tsconfig.json', 'package.json', 'src', 'locales', 'forge-scopes', 'static/icons'];

export interface ProjectCopy {
  dir: string;
  /** Replaces one exact piece of manifest.yml; throws if it is not there, so a drifted test cannot pass vacuously. */
  replaceInManifest(from: string, to: string): void;
  /** Copies a fixture source file into the copy's src/. */
  addSourceFixture(fixture: string, target: string): void;
  remove(): void;
}

/** A throw-away copy of this project, to break deliberately. */
export function copyProject(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'incident-desk-project-'));
  for (const name of PROJECT_FILES) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  }
  const manifestFile = join(dir, 'manifest.yml');
  return {
    dir,
    replaceInManifest(from, to) {
      const text = readFileSync(manifestFile, 'utf8');
      const at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new Error(`manifest.yml should contain exactly one ${JSON.stringify(from)}`);
      }
      writeFileSync(manifestFile, text.replace(from, to));
    },
    addSourceFixture(fixture, target) {
      cpSync(join(repoRoot, 'tests/fixtures/manifest', fixture), join(dir, 'src', target));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
