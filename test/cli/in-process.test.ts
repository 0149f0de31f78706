import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/program';
import { runInProcess } from '../support/in-process';

const ANSI = /\u001b\[/;

/** Runs the CLI in-process on a terminal (isTTY) and returns its exit code and output. */
function runOnTerminal(args: string[], io: Partial<CliIo> = {}) {
  return runInProcess(args, { isTTY: true, io });
}

async function onTerminal(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { code, stdout } = await runOnTerminal(['lint', 'fixtures/examples/petstore-insecure.yaml', ...args], { env });
  expect(code).toBe(1);
  return stdout;
}

describe('colour', () => {
  test('is on for a terminal', async () => {
    expect(await onTerminal([])).toMatch(ANSI);
  });

  test('is off with NO_COLOR', async () => {
    expect(await onTerminal([], { NO_COLOR: '1' })).not.toMatch(ANSI);
  });

  test('is off with --no-color', async () => {
    expect(await onTerminal(['--no-color'])).not.toMatch(ANSI);
  });
});

describe('internal errors', () => {
  const failingStdin = { readStdin: async () => Promise.reject(new Error('stdin exploded')) };

  test('exit 2 with one line and no stack', async () => {
    expect(await runOnTerminal(['lint', '-'], failingStdin)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'oasguard: internal error: stdin exploded (run with --debug for details)\n',
    });
  });

  test('a crashing rule function is an internal-error finding on the document, naming the function and its error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-crash-'));
    mkdirSync(join(dir, 'functions'));
    writeFileSync(join(dir, 'functions', 'explode.js'), "module.exports = () => { throw new Error('boom'); };");
    writeFileSync(join(dir, 'ruleset.yaml'), 'functions: [explode]\nrules:\n  explodes: {given: $.info, then: {function: explode}}\n');
    const args = ['lint', 'fixtures/examples/petstore-secure.yaml', '-r', join(dir, 'ruleset.yaml'), '--allow-js-ruleset'];
    const { code, stdout, stderr } = await runOnTerminal([...args, '--no-color']);
    expect([code, stderr]).toEqual([1, '']);
    expect(stdout).toContain(
      '1:1  error  oasguard could not lint this document: Error running Nimma: $.info threw: ErrorWithCause("Function \\"explode\\" threw an exception: boom").  internal-error',
    );
  });

  test('--debug adds the stack', async () => {
    const { code, stderr } = await runOnTerminal(['--debug', 'lint', '-'], failingStdin);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^oasguard: internal error: stdin exploded\nError: stdin exploded\n\s+at /);
  });
});
