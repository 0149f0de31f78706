import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/rule-tester';
import { INSECURE_STRICT_TOTAL, INSECURE_SUMMARY, INSECURE_TOTAL } from '../support/insecure-example';

interface Step {
  name: string;
  id?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const lintStep = action.runs.steps.find((step) => step.id === 'lint')!;
const INSTALL_SCRIPT = join(REPO_ROOT, 'scripts', 'github-action-install.sh');

/**
 * The lint step as the runner executes it: `${{ }}` expressions in its env evaluated from the inputs (defaults
 * overridden by `inputs`) and the runner context, its script run by bash in the workspace (`cwd`) with the
 * runner's files. The action's checkout is this repository (built by npm test), or `actionPath`.
 */
function runLintStep(inputs: Record<string, string>, cwd = REPO_ROOT, actionPath = REPO_ROOT) {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'oasguard-runner-'));
  const values: Record<string, string> = { 'runner.temp': runnerTemp, 'github.action_path': actionPath };
  for (const [name, input] of Object.entries(action.inputs)) values[`inputs.${name}`] = inputs[name] ?? input.default ?? '';
  const env = Object.fromEntries(
    Object.entries(lintStep.env ?? {}).map(([name, value]) => [
      name,
      value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_expression, key: string) => {
        if (!(key in values)) throw new Error(`action.yml uses an unknown expression: ${key}`);
        return values[key];
      }),
    ]),
  );
  const files = { summary: join(runnerTemp, 'summary.md'), output: join(runnerTemp, 'output') };
  writeFileSync(files.output, '');
  const child = spawnSync('bash', ['-c', lintStep.run!], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
    },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, env, runnerTemp, ...files };
}

describe('GitHub Action', () => {
  test('is a composite action with the documented inputs, each passed to the lint step', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual([
      'files',
      'ruleset',
      'fail-severity',
      'sarif-file',
      'category',
      'baseline',
      'args',
      'html-report',
      'diff-base',
    ]);
    const passed = Object.values(lintStep.env ?? {}).join('\n');
    for (const name of Object.keys(action.inputs)) expect(passed).toContain(`\${{ inputs.${name} }}`);
    expect(action.outputs['sarif-file'].value).toBe('${{ steps.lint.outputs.sarif-file }}');
    // Expressions spliced into a script would let an input inject shell code; only env may use them.
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  test('annotates, writes SARIF with its category, a job summary and the sarif-file output, and fails on errors', () => {
    const sarifFile = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'api.sarif');
    const step = runLintStep({ files: 'fixtures/examples/petstore-insecure.yaml', 'sarif-file': sarifFile, category: 'petstore' });
    expect(step.env.OASGUARD_BIN).toBe(join(REPO_ROOT, 'bin', 'oasguard.js'));
    expect(step.stderr).toBe('');
    expect(step.status).toBe(1);
    expect(step.stdout).toMatch(
      /^::error file=fixtures\/examples\/petstore-insecure\.yaml,line=7,col=10,endLine=7,endColumn=40,title=require-https-servers::/m,
    );
    const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(log.runs[0].automationDetails).toEqual({ id: 'petstore/' });
    expect(log.runs[0].results).toHaveLength(INSECURE_TOTAL);
    expect(readFileSync(step.summary, 'utf8')).toMatch(new RegExp(`^## oasguard\n\n${INSECURE_SUMMARY} in 1 document\\.\n`));
    expect(readFileSync(step.output, 'utf8')).toBe(`sarif-file=${sarifFile}\n`);
  });

  test('diff-base runs oasguard diff against that revision: annotations, SARIF and the summary of the changes only', () => {
    const repository = mkdtempSync(join(tmpdir(), 'oasguard-action-diff-'));
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repository,
      });
    git('init', '-q', '-b', 'main');
    copyFileSync(join(REPO_ROOT, 'fixtures/diff/server-insecure/openapi3/before.yaml'), join(repository, 'openapi.yaml'));
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    copyFileSync(join(REPO_ROOT, 'fixtures/diff/server-insecure/openapi3/after.yaml'), join(repository, 'openapi.yaml'));
    const sarifFile = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'diff.sarif');
    const step = runLintStep({ files: 'openapi.yaml', 'diff-base': 'HEAD', 'sarif-file': sarifFile }, repository);
    expect(step.stderr).toBe('');
    expect(step.status).toBe(1);
    expect(step.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
      '::error file=openapi.yaml,line=5,col=5,endLine=5,endColumn=5,title=server-insecure::Plain http server added: http://api.example.com.',
      expect.stringMatching(/^::error file=openapi\.yaml,line=5,col=10,.*title=require-https-servers::/),
    ]);
    expect(JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual([
      'server-insecure',
      'require-https-servers',
    ]);
    expect(readFileSync(step.summary, 'utf8')).toMatch(
      /^## oasguard diff\n\n\*\*1 security regression, 0 improvements\*\*; 1 new finding, 0 fixed \(against HEAD\)\.\n/,
    );
    // A diff reports what changed: a baseline or an HTML report of the whole API does not go with it.
    expect(runLintStep({ files: 'openapi.yaml', 'diff-base': 'HEAD', baseline: 'b.json' }, repository).status).toBe(2);
  });

  test('html-report writes the HTML report, which the next step uploads as an artifact even when the lint failed', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'report.html');
    const step = runLintStep({ files: 'fixtures/examples/petstore-insecure.yaml', 'html-report': report });
    expect(step.status).toBe(1);
    expect(readFileSync(report, 'utf8')).toContain('<strong>Security score: 8/100.</strong>');
    const upload = action.runs.steps.at(-1) as Step & { uses: string; if: string; with: Record<string, string> };
    expect(upload).toMatchObject({
      uses: 'actions/upload-artifact@v4',
      if: "${{ !cancelled() && inputs.html-report != '' }}",
      with: { name: 'oasguard-report', path: '${{ inputs.html-report }}' },
    });
  });

  test('several whitespace-separated files and globs, a ruleset, and fail-severity none', () => {
    const sarifFile = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'all.sarif');
    const step = runLintStep({
      files: 'fixtures/examples/petstore-secure.yaml\n  fixtures/examples/*-insecure.yaml',
      ruleset: 'strict',
      'fail-severity': 'none',
      'sarif-file': sarifFile,
    });
    expect(step.status).toBe(0);
    expect(JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results).toHaveLength(INSECURE_STRICT_TOTAL);
    expect(step.stdout).toMatch(/in 2 documents\.\n$/);
  });

  test('inputs are data, never shell code', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'pwned');
    const step = runLintStep({ files: `$(touch ${marker}) \`touch ${marker}\``, category: `x"; touch ${marker}; "` });
    expect(step.status).toBe(2);
    expect(step.stderr).toMatch(/^oasguard: No files match "\$\(touch"/);
    expect(existsSync(marker)).toBe(false);
  });

  test("a project's own ruleset is used when no ruleset is given, and its baseline hides the known findings", () => {
    const project = mkdtempSync(join(tmpdir(), 'oasguard-project-'));
    copyFileSync(join(REPO_ROOT, 'fixtures/examples/petstore-secure.yaml'), join(project, 'openapi.yaml'));
    // The project's ruleset turns off the server rule: an http server is then no finding.
    writeFileSync(join(project, '.oasguard.yaml'), 'extends: [oasguard:recommended]\nrules:\n  require-https-servers: off\n');
    const spec = readFileSync(join(project, 'openapi.yaml'), 'utf8');
    writeFileSync(join(project, 'openapi.yaml'), spec.replace('https://petstore.example.com/v1', 'http://petstore.example.com/v1'));
    const clean = runLintStep({ files: 'openapi.yaml' }, project);
    expect([clean.status, clean.stdout]).toEqual([0, expect.stringContaining('No problems found in 1 document.')]);

    // Known findings are in the baseline; a new one (a public operation) still fails the step.
    writeFileSync(join(project, '.oasguard.yaml'), 'extends: [oasguard:strict]\n');
    spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'oasguard.js'), 'baseline', 'create', 'openapi.yaml'], { cwd: project });
    const baselined = runLintStep({ files: 'openapi.yaml', baseline: 'oasguard-baseline.json', 'fail-severity': 'warn' }, project);
    expect(baselined.status).toBe(0);
    expect(baselined.stdout).toMatch(/^No problems found in 1 document; 1 in the baseline\.$/m);
    writeFileSync(
      join(project, 'openapi.yaml'),
      readFileSync(join(project, 'openapi.yaml'), 'utf8').replace(
        '      operationId: listPets',
        '      operationId: listPets\n      security: []',
      ),
    );
    const fresh = runLintStep({ files: 'openapi.yaml', baseline: 'oasguard-baseline.json', 'fail-severity': 'warn' }, project);
    expect(fresh.status).toBe(1);
    expect(fresh.stdout).toMatch(/^::warning file=openapi\.yaml,.*title=no-public-operations::/m);
  });

  test('args pass more options to oasguard, split on whitespace and never run', () => {
    const step = runLintStep({ files: 'fixtures/examples/petstore-secure.yaml', args: '--max-file-size 10  --jobs\n1' });
    expect(step.status).toBe(2);
    expect(step.stderr).toMatch(/over the 10-byte limit \(--max-file-size\)/);
  });

  test('fingerprint: the cache key changes with the sources and the lockfile, and names the OS and Node.js', () => {
    const output = join(mkdtempSync(join(tmpdir(), 'oasguard-runner-')), 'output');
    writeFileSync(output, '');
    const env = { ...process.env, GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: output, RUNNER_OS: 'Linux' };
    expect(spawnSync('bash', [INSTALL_SCRIPT, 'fingerprint'], { env, encoding: 'utf8' }).status).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(
      new RegExp(`^key=oasguard-Linux-node${process.versions.node.split('.')[0]}-[0-9a-f]{32}\n$`),
    );
  });

  test('installs from its own checkout (lockfile, build, production dependencies only) and lints from there', () => {
    // A fresh clone of this repository's HEAD stands for the checkout of a tag or commit that a workflow uses.
    const checkout = join(mkdtempSync(join(tmpdir(), 'oasguard-action-')), 'oasguard');
    const clone = spawnSync('git', ['clone', '--quiet', '--depth', '1', `file://${REPO_ROOT}`, checkout], { encoding: 'utf8' });
    expect(clone.stderr).toBe('');
    const install = spawnSync('bash', [INSTALL_SCRIPT, 'install'], {
      env: { ...process.env, GITHUB_ACTION_PATH: checkout },
      encoding: 'utf8',
    });
    expect(install.status).toBe(0);
    expect(existsSync(join(checkout, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(checkout, 'node_modules', 'typescript'))).toBe(false);
    const sarifFile = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'checkout.sarif');
    const step = runLintStep({ files: 'fixtures/examples/petstore-insecure.yaml', 'sarif-file': sarifFile }, REPO_ROOT, checkout);
    expect(step.status).toBe(1);
    expect(step.stdout).toMatch(new RegExp(`in 1 document\\.\n$`));
  }, 300_000);
});
