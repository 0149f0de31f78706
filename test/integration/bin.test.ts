import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { REPO_ROOT } from '../support/rule-tester';
import { INSECURE_SUMMARY } from '../support/insecure-example';

/** The built bin as users start it; the commands' behaviour is tested in-process in test/cli/. */
describe('bin/oasguard.js', () => {
  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(await runCli(REPO_ROOT, ['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  test("the README's first command: the insecure example fails with its findings and a summary", async () => {
    const { status, stdout, stderr } = await runCli(REPO_ROOT, ['lint', 'fixtures/examples/petstore-insecure.yaml']);
    expect([status, stderr]).toEqual([1, '']);
    expect(stdout).toMatch(new RegExp(`^${INSECURE_SUMMARY} in 1 document\\.$`, 'm'));
  });

  test('reads standard input, and exits 2 on a usage error with a message and a hint', async () => {
    const piped = await runCli(REPO_ROOT, ['lint', '-', '-f', 'json'], {
      input: readFileSync(join(REPO_ROOT, 'fixtures/examples/petstore-secure.yaml')),
    });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).files).toEqual(['<stdin>']);
    expect(await runCli(REPO_ROOT, ['lint', '--bogus'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "error: unknown option '--bogus'\n(run oasguard --help for usage)\n",
    });
  });
});
