import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkManifest, formatManifestReport } from '../../scripts/check-manifest';
import { repoRoot } from './project-copy';

const CHECK_TIMEOUT = 240_000;

const ManifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.looseObject({ key: z.string() }))),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
  translations: z.object({ resources: z.array(z.object({ key: z.string(), path: z.string() })) }),
});
const manifestText = readFileSync(join(repoRoot, 'manifest.yml'), 'utf8');
const manifest = ManifestSchema.parse(load(manifestText));

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('the project manifest', () => {
  it('passes full validation, client-side lint and the Jira route scan', { timeout: CHECK_TIMEOUT }, async () => {
    const result = await checkManifest(repoRoot);
    expect(result.problems, formatManifestReport(result)).toEqual([]);
    expect(result.ok).toBe(true);
    // The handler check only runs when the handler file is among the linted files.
    expect(result.lintedFiles).toContain('src/index.ts');
    const missingBuilds = manifest.resources.filter((r) => !existsSync(join(repoRoot, r.path))).map((r) => r.path);
    expect(result.placeholders.sort()).toEqual(missingBuilds.sort());
  });

  it('has every module title in both ja-JP and en-US', () => {
    const keys = [...manifestText.matchAll(/i18n:\s*(\S+)/g)].map((m) => m[1] ?? '');
    expect(keys.length).toBeGreaterThan(10);
    for (const { key: locale, path } of manifest.translations.resources) {
      const messages: unknown = JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
      const missing = keys.filter((k) => typeof lookup(messages, k) !== 'string');
      expect(missing, `${locale} lacks`).toEqual([]);
    }
    expect(manifest.translations.resources.map((r) => r.key).sort()).toEqual(['en-US', 'ja-JP']);
  });

  it('declares the surfaces, sweep and index that ARCHITECTURE.md lists', () => {
    const keys = (module: string): string[] => (manifest.modules[module] ?? []).map((m) => m.key);
    expect(keys('jira:issuePanel')).toEqual(['sla-panel']);
    expect(keys('jira:issueContext')).toEqual(['sla-badge']);
    expect(keys('jira:customField')).toEqual(['priority-matrix']);
    expect(keys('jira:projectSettingsPage')).toEqual(['settings']);
    expect(keys('jira:projectPage')).toEqual(['reports']);
    expect(keys('jira:entityProperty')).toEqual(['sla-summary-index', 'incident-number-index']);
    expect(manifest.modules['scheduledTrigger']).toEqual([
      { key: 'escalation-sweep-schedule', function: 'escalation-sweep', interval: 'fiveMinute' },
    ]);
  });
});
