import { spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/rule-tester';
import { INSECURE_SUMMARY } from '../support/insecure-example';

/**
 * The hook as users get it: the real `pre-commit` installs this repository (its committed HEAD) with its node
 * installer and runs the hook on a project's staged files. CI installs pre-commit (Debian package `pre-commit`); elsewhere the test is
 * skipped with a reason when it is missing, as it cannot be installed from npm.
 */
const preCommitAvailable = spawnSync('pre-commit', ['--version']).status === 0;
if (!preCommitAvailable) {
  if (process.env.CI) throw new Error('pre-commit is required in CI: apt-get install pre-commit');
  console.warn('Skipping the pre-commit hook test: pre-commit is not installed (apt-get install pre-commit).');
}

const EXAMPLES = join(REPO_ROOT, 'fixtures', 'examples');

/** A git repository staging an insecure spec (and the schemas it references), a clean spec and unrelated YAML. */
function projectRepository(): string {
  const project = mkdtempSync(join(tmpdir(), 'oasguard-pre-commit-'));
  for (const file of ['petstore-insecure.yaml', 'petstore-schemas.yaml', 'petstore-secure.yaml'])
    copyFileSync(join(EXAMPLES, file), join(project, file));
  writeFileSync(join(project, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n');
  writeFileSync(join(project, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
  git(project, 'init', '--quiet');
  git(project, 'add', '--all');
  return project;
}

/** The bytes of the files below a directory, symlinks not followed. */
function bytesIn(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, entry) => {
    const info = lstatSync(join(dir, entry));
    return sum + (info.isFile() ? info.size : 0);
  }, 0);
}

function git(cwd: string, ...args: string[]): string {
  const child = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`git ${args.join(' ')}: ${child.stderr}`);
  return child.stdout;
}

/** The commit the hook is installed from: pre-commit clones the repository at a revision, as users' configs name one. */
function headCommit(): string {
  return git(REPO_ROOT, 'rev-parse', 'HEAD').trim();
}

(preCommitAvailable ? describe : describe.skip)('pre-commit hook', () => {
  // The hook environment pre-commit builds (a clone of this repository at HEAD, its development install, the hook)
  // lives here, shared by the runs: pre-commit installs it once, as it does for users.
  const preCommitHome = mkdtempSync(join(tmpdir(), 'oasguard-pre-commit-home-'));
  const project = projectRepository();
  writeFileSync(
    join(project, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${JSON.stringify(REPO_ROOT)}\n    rev: ${headCommit()}\n    hooks: [{id: oasguard}]\n`,
  );
  git(project, 'add', '.pre-commit-config.yaml');

  function preCommitRun(files: string[]) {
    const child = spawnSync('pre-commit', ['run', '--color', 'never', '--files', ...files], {
      cwd: project,
      encoding: 'utf8',
      env: {
        ...process.env,
        PRE_COMMIT_HOME: preCommitHome,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
    return { status: child.status, output: `${child.stdout}${child.stderr}` };
  }

  test('passes a clean spec and files that are not OpenAPI', () => {
    const { status, output } = preCommitRun(['petstore-secure.yaml', 'compose.yaml', 'tsconfig.json']);
    expect(output).toMatch(/^oasguard\.+Passed$/m);
    expect(status).toBe(0);
  }, 600_000);

  test('installs light: the hook environment pre-commit built is there (over 10 MB: the hook and its dependencies) and under 250 MB', () => {
    // The corpus and benchmark data live in scripts/bench, installed only by the scripts that need them.
    const megabytes = bytesIn(preCommitHome) / 2 ** 20;
    expect(megabytes).toBeGreaterThan(10);
    expect(megabytes).toBeLessThan(250);
  });

  test('fails on the insecure spec, with its findings', () => {
    const { status, output } = preCommitRun(['petstore-insecure.yaml', 'petstore-schemas.yaml', 'compose.yaml']);
    expect(output).toMatch(/^oasguard\.+Failed$/m);
    expect(output).toMatch(/^- exit code: 1$/m);
    expect(output).toMatch(/^ {4}7:10 {2}error {2}Server URL "http:\/\/petstore\.example\.com\/v1" uses http:\/\/;/m);
    expect(output).toMatch(new RegExp(`^${INSECURE_SUMMARY} in 1 document\\.$`, 'm'));
    expect(output).not.toContain('compose.yaml');
    expect(status).toBe(1);
  }, 600_000);
});
