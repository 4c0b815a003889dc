import { afterEach, describe, expect, it } from 'vitest';
import { checkManifest } from '../../scripts/check-manifest';
import { copyProject, type ProjectCopy } from './project-copy';

const CHECK_TIMEOUT = 240_000;

describe('the scope check of Jira calls', () => {
  let project: ProjectCopy | undefined;
  afterEach(() => project?.remove());

  it('fails when the code calls /issue/{id}/notify and the manifest lacks write:jira-work', { timeout: CHECK_TIMEOUT }, async () => {
    project = copyProject();
    project.addSourceFixture('notify-call.ts', 'notify-call.ts');
    project.replaceInManifest('    - write:jira-work\n', '');
    const result = await checkManifest(project.dir);
    expect(result.ok).toBe(false);
    const errors = result.problems.filter((p) => p.level === 'error');
    // @forge/lint flags the call site ...
    expect(errors).toContainEqual({
      tool: 'lint',
      level: 'error',
      file: 'src/notify-call.ts',
      line: 5,
      column: 49,
      message: 'Jira endpoint: POST /rest/api/3/issue/{issueIdOrKey}/notify requires "write:jira-work" scope',
      reference: 'permission-scope-required',
    });
    // ... and the scope file check flags every listed operation needing the scope, calls behind a gateway included.
    expect(errors).toContainEqual(
      expect.objectContaining({
        tool: 'jira-calls',
        file: 'forge-scopes/jira-api-calls.txt',
        message: 'POST /rest/api/3/issue/{issueIdOrKey}/notify requires scope "write:jira-work", which manifest.yml does not declare.',
      }),
    );
    // Every error at the call site or in the scope list is about the removed scope.
    const fromTheFault = errors.filter((e) => e.file === 'src/notify-call.ts' || e.file.startsWith('forge-scopes/'));
    expect(fromTheFault.filter((e) => !e.message.includes('"write:jira-work"'))).toEqual([]);
  });

  it('passes the same call with the scope, and fails a call to a path missing from the scope file', { timeout: CHECK_TIMEOUT }, async () => {
    project = copyProject();
    project.addSourceFixture('notify-call.ts', 'notify-call.ts');
    project.addSourceFixture('unlisted-call.ts', 'unlisted-call.ts');
    const result = await checkManifest(project.dir);
    expect(result.jiraRoutes).toBeGreaterThanOrEqual(2);
    const errors = result.problems.filter((p) => p.level === 'error');
    expect(errors.filter((e) => e.file === 'src/notify-call.ts')).toEqual([]);
    expect(errors.filter((e) => e.file === 'src/unlisted-call.ts')).toEqual([
      {
        tool: 'jira-calls',
        level: 'error',
        file: 'src/unlisted-call.ts',
        line: 5,
        column: 49,
        message:
          'GET /rest/api/3/issue/${...}/votes is not listed in forge-scopes/jira-api-calls.txt: add the operations the code performs on it and run `npm run gen:scopes` so their scopes are checked.',
      },
    ]);
  });
});
