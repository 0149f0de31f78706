import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/rule-tester';
import { INSECURE_SUMMARY } from '../support/insecure-example';

/**
 * The Docker image, built from the Dockerfile and run as the README shows. It needs a Docker engine: where there is
 * none (a client alone answers `docker --version`), the test is skipped with a notice.
 */
const engineAvailable = spawnSync('docker', ['info'], { encoding: 'utf8' }).status === 0;
if (!engineAvailable) console.warn('Skipping the Docker image test: no Docker engine is running here (docker info failed).');

const IMAGE = 'oasguard-test:latest';

function docker(...args: string[]) {
  const child = spawnSync('docker', args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

(engineAvailable ? describe : describe.skip)('Docker image', () => {
  beforeAll(() => {
    const build = docker('build', '--quiet', '-t', IMAGE, '.');
    if (build.status !== 0) throw new Error(`docker build failed: ${build.stderr}`);
  }, 900_000);

  test('lints the mounted directory as the README shows, and exits as the CLI does', () => {
    const run = docker(
      'run',
      '--rm',
      '-v',
      `${join(REPO_ROOT, 'fixtures', 'examples')}:/src:ro`,
      '-w',
      '/src',
      IMAGE,
      'lint',
      'petstore-insecure.yaml',
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${INSECURE_SUMMARY} in 1 document\\.$`, 'm'));
  }, 120_000);

  test('runs as a user other than root', () => {
    const id = docker('run', '--rm', '--entrypoint', 'id', IMAGE, '-u');
    expect([id.status, id.stdout.trim()]).not.toEqual([0, '0']);
    expect(id.status).toBe(0);
  }, 120_000);
});
