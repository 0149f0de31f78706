import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { lint, loadRuleset } from '../../src/index';
import { toPointer } from '../../src/shared/pointer';
import { REPO_ROOT } from '../support/rule-tester';

const SPECTRAL_CLI = require.resolve('@stoplight/spectral-cli/dist/index.js');
const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'];

interface SpectralResult {
  code: string;
  path: (string | number)[];
  message: string;
  severity: number;
  source: string;
  range: { start: { line: number } };
}

/** A project that has installed oasguard, as a user's would: `node_modules/oasguard` and a `.spectral.yaml`. */
function spectralProject(spectralYaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-spectral-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'oasguard'), 'dir');
  writeFileSync(join(dir, '.spectral.yaml'), spectralYaml);
  return dir;
}

/** Runs Spectral's CLI on `files` (relative to the repository) and returns its findings as `file line rule severity pointer message`. */
function spectralFindings(project: string, files: string[]): string[] {
  const run = spawnSync(
    process.execPath,
    [SPECTRAL_CLI, 'lint', ...files, '--ruleset', join(project, '.spectral.yaml'), '--format', 'json', '--quiet'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(run.stderr).toBe('');
  const results = JSON.parse(run.stdout) as SpectralResult[];
  return results
    .filter((result) => loadRuleset('recommended', REPO_ROOT).rules.some((rule) => rule.id === result.code))
    .map((result) => {
      const pointer = toPointer(result.path);
      const file = result.source.slice(REPO_ROOT.length + 1);
      return `${file} ${result.range.start.line + 1} ${result.code} ${SEVERITY_NAMES[result.severity]} ${pointer} ${result.message}`;
    })
    .sort();
}

describe("oasguard/ruleset in Spectral's own CLI", () => {
  test('gives the same findings as oasguard on every rule fixture and example', async () => {
    const files = (await glob(['fixtures/rules/*/*.yaml', 'fixtures/examples/*.yaml'], { cwd: REPO_ROOT })).sort();
    const oasguard = await lint(files, { cwd: REPO_ROOT, ruleset: 'recommended', skipNonOpenApi: true });
    const severityOf = (ruleId: string) => oasguard.rules.find((rule) => rule.id === ruleId)?.severity;
    // oasguard merges the same finding on content copied into several operations; Spectral reports each copy.
    const REPEATED = / Repeated identically in \d+ places\.$/;
    const expected = oasguard.findings
      .filter((finding) => oasguard.rules.some((rule) => rule.id === finding.ruleId && rule.kind === 'rule'))
      .flatMap((f) =>
        REPEATED.test(f.message) && f.related
          ? f.related.map((place) => ({ ...f, ...place, message: f.message.replace(REPEATED, '') }))
          : [f],
      )
      // Spectral has no per-finding severity: a finding oasguard caps (`atMost`) shows the rule's severity there.
      .map((f) => `${f.file} ${f.range.start.line} ${f.ruleId} ${severityOf(f.ruleId)} ${f.pointer} ${f.message}`)
      .sort();
    expect(expected.length).toBeGreaterThan(100);
    expect(spectralFindings(spectralProject('extends: [oasguard/ruleset]\n'), files)).toEqual(expected);
  }, 120_000);

  test('a .spectral.yaml can extend oasguard/ruleset/strict and tune its rules as Spectral rulesets do', () => {
    const project = spectralProject(
      ['extends: [oasguard/ruleset/strict]', 'rules:', '  require-https-servers: off', '  no-numeric-ids: hint'].join('\n'),
    );
    const findings = spectralFindings(project, ['fixtures/examples/petstore-insecure.yaml']);
    expect(findings.filter((finding) => finding.includes(' require-https-servers '))).toEqual([]);
    expect(findings.filter((finding) => finding.includes(' no-numeric-ids ')).map((finding) => finding.split(' ')[3])).toEqual(['hint']);
    expect(findings.some((finding) => finding.includes(' define-403-response error '))).toBe(true);
  }, 60_000);
});
