import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkManifest, formatManifestReport, type ManifestCheckResult } from '../../scripts/check-manifest';
import { copyProject, repoRoot, type ProjectCopy } from './project-copy';

const CHECK_TIMEOUT = 240_000;
const run = promisify(execFile);

const errorsOf = (result: ManifestCheckResult): string[] =>
  result.problems.filter((p) => p.level === 'error').map((p) => `${p.tool}: ${p.message}`);

describe('the manifest check on deliberately broken copies', () => {
  let project: ProjectCopy | undefined;
  afterEach(() => project?.remove());

  it('fails through the CLI, with a non-zero exit, on a duplicate module key', { timeout: CHECK_TIMEOUT }, async () => {
    project = copyProject();
    project.replaceInManifest('- key: lifecycle-events', '- key: comment-events');
    const outcome = await run(process.execPath, ['--import', 'tsx', 'scripts/check-manifest.ts', project.dir], { cwd: repoRoot }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain("error [manifest] found duplicate module key 'comment-events'");
    expect(outcome.stdout).toMatch(/^FAIL manifest check: [1-9]\d* error\(s\)/m);
  });

  it('fails on a scheduled trigger interval Forge does not have', { timeout: CHECK_TIMEOUT }, async () => {
    project = copyProject();
    project.replaceInManifest('interval: fiveMinute', 'interval: tenMinute');
    const result = await checkManifest(project.dir);
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toContain(
      "manifest: scheduledTrigger property interval 'tenMinute' allowed values are 'fiveMinute', 'hour', 'day', 'week'",
    );
    expect(formatManifestReport(result)).toMatch(/^manifest\.yml:\d+:\d+ error \[manifest\] scheduledTrigger property interval 'tenMinute'/m);
  });

  it('fails on a runtime Forge can no longer deploy, and on a handler src/index.ts does not export (lint warnings)', { timeout: CHECK_TIMEOUT }, async () => {
    project = copyProject();
    project.replaceInManifest('name: nodejs22.x', 'name: nodejs20.x');
    project.replaceInManifest('handler: index.escalationSweep', 'handler: index.escalationSweeep');
    const result = await checkManifest(project.dir);
    // Forge lint reports both as warnings; the check fails on warnings too.
    expect(result.ok).toBe(false);
    const at = (file: string) => result.problems.filter((p) => p.file === file).map((p) => [p.tool, p.level, p.message]);
    expect(at('manifest.yml')).toEqual([['lint', 'warning', expect.stringMatching(/^The nodejs20\.x runtime is deprecated/)]]);
    expect(at('src/index.ts')).toEqual([
      ['lint', 'warning', expect.stringMatching(/^Cannot find exported function "escalationSweeep", which is required by module "escalation-sweep"/)],
    ]);
    expect(formatManifestReport(result)).toMatch(/^FAIL manifest check: 0 error\(s\), [1-9]\d* warning\(s\)/m);
  });
});
