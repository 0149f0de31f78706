import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { project, runCli } from '../support/cli';
import { runInProcess } from '../support/in-process';
import { REPO_ROOT } from '../support/rule-tester';
import { INSECURE_SUMMARY } from '../support/insecure-example';

/** The built bin as users start it; the commands' behaviour is tested in-process in test/cli/. */
describe('bin/oasguard.js', () => {
  // In a process of its own, as users run it: a test that changes V8's flags (expose-gc) makes V8 reject the cache.
  test("runs the CLI's bundle with the code cache the build recorded for it, which V8 accepts", () => {
    const check = `console.log(require('./dist/cli/code-cache').loadBundle(require('node:path').resolve('dist/bundle/cli.js')).script.cachedDataRejected)`;
    const child = spawnSync(process.execPath, ['-e', check], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect([child.status, child.stdout, child.stderr]).toEqual([0, 'false\n', '']);
  });

  test("rejects invalid rulesets and rule options with Spectral's messages, as the unbundled engine does (the bundle precompiles Spectral's ruleset validator)", async () => {
    const rule = (lines: string) => `rules:\n  my-rule:\n    given: $.info\n${lines}`;
    const rulesets: Record<string, string> = {
      'options.yaml': rule('    then:\n      function: pattern\n      functionOptions: {bogus: 1}\n'),
      'severity.yaml': rule('    severity: 7\n    then: {function: truthy}\n'),
      'url.yaml': `documentationUrl: nope\n${rule('    documentationUrl: not a url\n    then: {function: truthy}\n')}`,
      'types.yaml': rule('    message: 5\n    recommended: maybe\n    then: {field: 3, function: truthy}\n'),
      'missing-options.yaml': rule('    then: {function: length}\n'),
      // An oasguard rule's options, validated only when a ruleset gives them.
      'rule-options.yaml': 'rules:\n  require-https-servers: [error, { allowHosts: localhost }]\n',
    };
    const dir = project({ 'api.yaml': readFileSync(join(REPO_ROOT, 'fixtures/examples/petstore-secure.yaml')), ...rulesets });
    for (const name of Object.keys(rulesets)) {
      const unbundled = await runInProcess(['lint', 'api.yaml', '-r', name], { cwd: dir });
      expect(unbundled).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(new RegExp(`^oasguard: Invalid ruleset ${name}: `)),
      });
      expect(await runCli(dir, ['lint', 'api.yaml', '-r', name])).toEqual({ status: 2, stdout: '', stderr: unbundled.stderr });
    }
    expect((await runCli(dir, ['lint', 'api.yaml', '-r', 'severity.yaml'])).stderr).toBe(
      'oasguard: Invalid ruleset severity.yaml: rule "my-rule": severity the value has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off"\n',
    );
  }, 30_000);

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

  test('the text report flags: -q, --max-findings, --code-frame, FORCE_COLOR and NO_COLOR, --stdin-filepath', async () => {
    const insecure = 'fixtures/examples/petstore-insecure.yaml';
    const quiet = await runCli(REPO_ROOT, ['lint', insecure, '-q', '--max-findings', '2', '--code-frame']);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toMatch(
      /^ {3}7:10 {2}error {2}Server URL .* require-https-servers +servers\[0\]\.url\n {4}\s+5 \| {3}version: 1\.0\.0$/m,
    );
    expect(quiet.stdout).toMatch(/^ {4}> 7 \| {3}- url: http:\/\/petstore\.example\.com\/v1$/m);
    expect(quiet.stdout).toMatch(/^\d+ more not shown \(--max-findings 2\); \d+ below --fail-severity not shown \(--quiet\)\.$/m);
    expect(
      quiet.stdout
        .split('\n')
        .filter((line) => /^ +\d+:\d+ /.test(line))
        .map((line) => line.trim().split(/ +/)[1]),
    ).toEqual(['error', 'error']);

    const ansi = /\u001b\[/;
    expect((await runCli(REPO_ROOT, ['lint', insecure], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(REPO_ROOT, ['lint', insecure], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(REPO_ROOT, ['lint', insecure], { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ansi);

    const piped = await runCli(REPO_ROOT, ['lint', '-', '--stdin-filepath', insecure, '-f', 'github'], {
      input: readFileSync(join(REPO_ROOT, insecure)),
    });
    expect(piped.stdout).toMatch(/^::error file=fixtures\/examples\/petstore-insecure\.yaml,line=7,col=10,/m);
  }, 60_000);

  test('--only-rule and --skip-rule, repeatable, for one-off runs; a misspelt rule is a usage error with a suggestion', async () => {
    const insecure = 'fixtures/examples/petstore-insecure.yaml';
    const ruleIds = async (...args: string[]) => {
      const run = await runCli(REPO_ROOT, ['lint', insecure, '-f', 'json', ...args]);
      return [...new Set(JSON.parse(run.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId))].sort();
    };
    expect(await ruleIds('--only-rule', 'require-https-servers', '--only-rule', 'no-http-basic-auth')).toEqual([
      'no-http-basic-auth',
      'require-https-servers',
    ]);
    const skipped = await ruleIds('--skip-rule', 'require-https-servers', '--skip-rule', 'require-security');
    expect(skipped).not.toContain('require-https-servers');
    expect(skipped).not.toContain('require-security');
    expect(skipped).toContain('no-http-basic-auth');
    expect(await runCli(REPO_ROOT, ['lint', insecure, '--skip-rule', 'require-http-servers'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'oasguard: --skip-rule require-http-servers: the ruleset has no such rule. Did you mean "require-https-servers"?\n  Run `oasguard rules` to list the rules.\n',
    });
  }, 60_000);
});
