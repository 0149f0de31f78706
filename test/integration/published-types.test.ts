import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/rule-tester';

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A consumer project of the built package, as TypeScript users set one up today: strict, nodenext, library checks on. */
function consumerProject(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'oasguard'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }));
  const compilerOptions = {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
  writeFileSync(join(dir, 'consumer.ts'), code);
  return dir;
}

function typeCheck(dir: string): Promise<string> {
  return new Promise((resolve) => execFile(process.execPath, [TSC, '-p', dir], (_error, stdout, stderr) => resolve(`${stdout}${stderr}`)));
}

const USES_THE_API = `
import { formatters, lint, loadRuleset, rules, type Finding, type LintOptions, type LintResult, type Rule } from 'oasguard';
import recommended = require('oasguard/ruleset');

async function main(): Promise<number> {
  const options: LintOptions = { cwd: process.cwd(), ruleset: loadRuleset('strict', process.cwd()) };
  const result: LintResult = await lint(['api.yaml'], options);
  const first: Finding | undefined = result.findings[0];
  const rule: Rule | undefined = rules.find((candidate) => candidate.id === first?.ruleId);
  process.stdout.write(formatters.sarif(result, { cwd: process.cwd(), color: false }) + String(rule?.severity) + String(Object.keys(recommended)));
  return result.findings.length;
}
void main();
`;

describe('the published type declarations', () => {
  test('type-check in a strict nodenext project with skipLibCheck off', async () => {
    expect(await typeCheck(consumerProject(USES_THE_API))).toBe('');
  }, 60_000);

  test('the check fails on a misuse, so it is not vacuous', async () => {
    const output = await typeCheck(consumerProject(`import { lint } from 'oasguard';\nvoid lint('api.yaml', { cwd: '.' });\n`));
    expect(output).toMatch(/consumer\.ts\(2,\d+\): error TS2345/);
  }, 60_000);
});
