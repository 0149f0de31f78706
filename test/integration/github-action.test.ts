import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * The lint step as the runner executes it: `${{ }}` expressions in its env evaluated from the inputs (defaults
 * overridden by `inputs`) and the runner context, its script run by bash in the workspace with the runner's files.
 * The installed CLI is stood in for by this repository's build.
 */
function runLintStep(inputs: Record<string, string>) {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'oasguard-runner-'));
  const values: Record<string, string> = { 'runner.temp': runnerTemp };
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
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      OASGUARD_BIN: join(REPO_ROOT, 'bin', 'oasguard.js'),
      GITHUB_ACTION_PATH: REPO_ROOT,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
    },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, env, runnerTemp, ...files };
}

describe('GitHub Action', () => {
  test('is a composite action with the documented inputs, each passed to the lint step', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['files', 'ruleset', 'fail-severity', 'sarif-file', 'category']);
    const passed = Object.values(lintStep.env ?? {}).join('\n');
    for (const name of Object.keys(action.inputs)) expect(passed).toContain(`\${{ inputs.${name} }}`);
    expect(action.outputs['sarif-file'].value).toBe('${{ steps.lint.outputs.sarif-file }}');
    // Expressions spliced into a script would let an input inject shell code; only env may use them.
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  test('annotates, writes SARIF with its category, a job summary and the sarif-file output, and fails on errors', () => {
    const sarifFile = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'api.sarif');
    const step = runLintStep({ files: 'fixtures/examples/petstore-insecure.yaml', 'sarif-file': sarifFile, category: 'petstore' });
    expect(step.env.OASGUARD_BIN).toBe(join(step.runnerTemp, 'oasguard/node_modules/.bin/oasguard'));
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
});
