import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Without an engine, what the image's build needs can still be checked: every file the build runs is copied in. */
test("the Dockerfile copies every script the build runs, with the scripts they require, and the build's example", () => {
  const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const copied = dockerfile
    .split('\n')
    .filter((line) => line.startsWith('COPY ') && !line.includes('--from'))
    .flatMap((line) => line.split(/\s+/).slice(1, -1));
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const needed = new Set<string>();
  const add = (script: string) => {
    if (needed.has(script)) return;
    needed.add(script);
    const source = readFileSync(join(REPO_ROOT, script), 'utf8');
    for (const [, local] of source.matchAll(/require\('\.\/([\w-]+)'\)/g)) add(`scripts/${local}.js`);
  };
  for (const [, script] of scripts.build.matchAll(/node (scripts\/[\w-]+\.js)/g)) add(script);
  expect([...needed].filter((file) => !copied.includes(file))).toEqual([]);
  expect(needed.size).toBeGreaterThanOrEqual(3);
  expect(copied).toContain('fixtures/examples/petstore-insecure.yaml');
});
