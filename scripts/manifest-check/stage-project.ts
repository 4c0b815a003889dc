import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { z } from 'zod';

/** The parts of a manifest that name files the checks need next to it. */
const ManifestFilesSchema = z.object({
  resources: z.array(z.object({ key: z.string(), path: z.string() })).optional().catch(undefined),
  translations: z
    .object({ resources: z.array(z.object({ path: z.string() })) })
    .optional()
    .catch(undefined),
});

export interface StagedProject {
  /** Temporary directory holding a copy of what the Forge checks read; they resolve every path from it. */
  dir: string;
  /** Resource directories that do not exist yet (UI not built), given a placeholder index.html in the copy. */
  placeholders: string[];
  cleanup(): void;
}

const COPIED = ['manifest.yml', 'tsconfig.json', 'package.json', 'src'];
const scriptsRepo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function insideProject(relative: string): boolean {
  const normalized = normalize(relative);
  return !isAbsolute(normalized) && normalized !== '..' && !normalized.startsWith(`..${sep}`);
}

function readManifestFiles(manifestFile: string): z.infer<typeof ManifestFilesSchema> {
  try {
    const parsed = ManifestFilesSchema.safeParse(load(readFileSync(manifestFile, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    // A manifest that is not valid YAML is reported by the validator; there is just nothing more to stage.
    return {};
  }
}

/**
 * Copies a project's manifest, tsconfig, src/, translation files and UI resources into a temporary directory.
 * Why a copy: @forge/manifest and @forge/lint resolve everything from the working directory, and the full
 * validation refuses resource paths that do not exist — Custom UI builds are produced later by `vite build`, so
 * missing builds get a placeholder here instead of in the working tree. Existing builds are copied as they are,
 * so a build without an index.html is still reported.
 */
export function stageProject(projectDir: string): StagedProject {
  const root = resolve(projectDir);
  const dir = mkdtempSync(join(tmpdir(), 'incident-desk-manifest-'));
  const placeholders: string[] = [];
  for (const name of COPIED) {
    if (existsSync(join(root, name))) {
      cpSync(join(root, name), join(dir, name), { recursive: true, filter: (src) => !src.includes(`${sep}node_modules`) });
    }
  }
  const manifest = readManifestFiles(join(root, 'manifest.yml'));
  for (const { path } of manifest.translations?.resources ?? []) {
    if (insideProject(path) && existsSync(join(root, path))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      cpSync(join(root, path), join(dir, path));
    }
  }
  for (const { path } of manifest.resources ?? []) {
    if (!insideProject(path)) continue;
    if (existsSync(join(root, path))) {
      cpSync(join(root, path), join(dir, path), { recursive: true });
    } else {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(join(dir, path, 'index.html'), '<!doctype html><title>placeholder: not built yet</title>\n');
      placeholders.push(path);
    }
  }
  // The linter type-checks sources against tsconfig, so it needs the project's dependencies beside them.
  const modules = [join(root, 'node_modules'), join(scriptsRepo, 'node_modules')].find((m) => existsSync(m));
  if (modules) symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  return { dir, placeholders, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
