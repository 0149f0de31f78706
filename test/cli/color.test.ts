import { run } from '../../src/cli/program';
import type { CliIo } from '../../src/cli/program';
import { REPO_ROOT } from '../support/rule-tester';

const ANSI = /\u001b\[/;

/** Runs the CLI in-process on a terminal (isTTY) and returns what it printed. */
async function onTerminal(args: string[], env: Record<string, string> = {}): Promise<string> {
  let stdout = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: true },
    stderr: { write: () => true },
    readStdin: async () => '',
    writeFile: async () => undefined,
    cwd: REPO_ROOT,
    env,
  };
  expect(await run(['node', 'oasguard', 'lint', 'fixtures/examples/petstore-insecure.yaml', ...args], io)).toBe(1);
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
