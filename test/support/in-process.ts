import { writeFile } from 'node:fs/promises';
import { run } from '../../src/cli/program';
import type { CliIo } from '../../src/cli/program';
import { REPO_ROOT } from './rule-tester';

/** What a CLI run did: its exit code and everything it wrote. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** How the CLI runs in-process: directory, standard input, environment, a terminal or not, and any other io. */
export interface InProcessOptions {
  cwd?: string;
  input?: string | Uint8Array;
  env?: Record<string, string>;
  isTTY?: boolean;
  io?: Partial<CliIo>;
}

/**
 * The CLI as the bin runs it, in this process: through its io interface, with output captured and files written for
 * real. For what needs no real process (the bin itself, signals and pipes are tested through the built CLI).
 */
export async function runInProcess(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  const output = { stdout: '', stderr: '' };
  const input = typeof options.input === 'string' ? Buffer.from(options.input) : (options.input ?? new Uint8Array());
  const code = await run(['node', 'oasguard', ...args], {
    stdout: { write: (text: string) => (output.stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text: string) => (output.stderr += text) },
    readStdin: (maxBytes) => Promise.resolve(input.length > maxBytes ? undefined : input),
    writeFile: (path, content) => writeFile(path, content),
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? {},
    ...options.io,
  });
  return { code, ...output };
}
