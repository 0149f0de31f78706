import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './rule-tester';

/** The built CLI. */
export const BIN = join(REPO_ROOT, 'bin', 'oasguard.js');
export const STACK_FRAME = /^\s+at /m;
export const validateSarif = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')));
})();

export const HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\n';
export const op = (ref: string) => `${HEAD}paths:\n  /x:\n    get:\n      responses:\n        "200": {$ref: "${ref}"}\n`;

/** How the CLI is run: its stdin, extra environment, and (as root) the user (and group) id to run it as. */
export interface CliOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  uid?: number;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  json?: { findings: { ruleId: string; range: { start: { line: number } }; message: string }[] };
}

/** The built CLI in `cwd` with `args`: its exit code and output, which never holds a stack trace. */
export function runCli(cwd: string, args: string[], options: CliOptions = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024, uid: options.uid, gid: options.uid },
      (_error, stdout, stderr) => {
        expect(stderr).not.toMatch(STACK_FRAME);
        resolve({ status: child.exitCode, stdout, stderr });
      },
    );
    child.stdin!.end(options.input ?? '');
  });
}

/** `oasguard lint` in `cwd`, asked for text on stdout plus JSON and SARIF files, which must be valid when written. */
export async function oasguard(cwd: string, args: string[], options: CliOptions = {}): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'oasguard-out-'));
  // A run as another user writes its reports where that user may.
  if (options.uid !== undefined) chmodSync(out, 0o777);
  const run = await runCli(
    cwd,
    ['lint', ...args, '-f', 'text', '-f', `json:${out}/report.json`, '-f', `sarif:${out}/report.sarif`],
    options,
  );
  if (existsSync(join(out, 'report.json'))) {
    run.json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const sarif = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8'));
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
  }
  return run;
}

/** A project directory holding `files`. */
export function project(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
