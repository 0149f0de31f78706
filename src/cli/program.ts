import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import {
  FormatName,
  formatters,
  isAtLeast,
  lint,
  loadRuleset,
  findRule,
  LintResult,
  Severity,
  SEVERITIES,
  TOOL_VERSION,
  UsageError,
} from '../index';

/** Everything the CLI touches outside itself, so that tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
  writeFile(path: string, content: string): Promise<void>;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 clean, 1 findings at or above the fail severity, 2 usage, I/O or internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

type FailSeverity = Severity | 'none';

interface LintFlags {
  format: FormatName;
  output?: string;
  failSeverity: FailSeverity;
  ruleset: string;
  root?: string;
  color: boolean;
}

/** Whether any finding is at or above the fail severity. */
export function exitCodeFor(result: LintResult, failSeverity: FailSeverity): number {
  if (failSeverity === 'none') return EXIT.ok;
  return result.findings.some((finding) => isAtLeast(finding.severity, failSeverity)) ? EXIT.findings : EXIT.ok;
}

/** NO_COLOR (https://no-color.org) is honoured when set to anything but the empty string. */
function useColor(flags: LintFlags, io: CliIo): boolean {
  return flags.color && flags.output === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR;
}

async function runLint(inputs: string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (inputs.length === 0) {
    throw new UsageError('No input given.', 'Pass OpenAPI files, directories or globs, or - to read standard input.');
  }
  const result = await lint(inputs, {
    cwd: io.cwd,
    ruleset: flags.ruleset,
    root: flags.root === undefined ? undefined : resolve(io.cwd, flags.root),
    stdin: inputs.includes('-') ? await io.readStdin() : undefined,
  });
  const report = formatters[flags.format](result, { color: useColor(flags, io), cwd: io.cwd });
  if (flags.output === undefined) {
    io.stdout.write(report);
  } else {
    await io.writeFile(resolve(io.cwd, flags.output), report).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`Cannot write ${flags.output}: ${error.code ?? error.message}.`);
    });
  }
  return exitCodeFor(result, flags.failSeverity);
}

function listRules(rulesetName: string, io: CliIo): number {
  const ruleset = loadRuleset(rulesetName, io.cwd);
  const rows = [...ruleset.rules].map(([id, settings]) => [id, settings.severity, findRule(id)?.owasp ?? '', findRule(id)?.description ?? '']);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    io.stdout.write(`${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell)).join('  ')}\n`);
  }
  return EXIT.ok;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('oasguard')
    .description('API-security linter for OpenAPI 3.0, 3.1 and Swagger 2.0 documents.')
    .version(TOOL_VERSION, '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run oasguard --help for usage)');

  program
    .command('lint')
    .description('lint OpenAPI documents: files, directories (searched for *.yaml, *.yml, *.json), globs, or - for stdin')
    .argument('[inputs...]', 'files, directories, globs, or -')
    .addOption(new Option('-f, --format <format>', 'report format').choices(Object.keys(formatters)).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-severity <severity>', 'exit 1 when a finding is at or above this severity')
        .choices([...SEVERITIES, 'none'])
        .default('error'),
    )
    .option('-r, --ruleset <name|path>', 'preset (recommended, strict) or ruleset file', 'recommended')
    .option('--root <dir>', '$refs may only read files below this directory (default: the current directory)')
    .option('--no-color', 'never colour the text report (NO_COLOR is honoured too)')
    .action(async (inputs: string[], flags: LintFlags) => setExitCode(await runLint(inputs, flags, io)));

  program
    .command('rules')
    .description('list the rules of a ruleset with severity, OWASP category and description')
    .option('-r, --ruleset <name|path>', 'preset (recommended, strict) or ruleset file', 'recommended')
    .option('-p, --preset <name>', 'same as --ruleset, for presets')
    .action((flags: { ruleset: string; preset?: string }) => setExitCode(listRules(flags.preset ?? flags.ruleset, io)));

  return program;
}

/** Runs the CLI with `argv` (as in process.argv) and returns the exit code; never exits the process. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "fail" with code 0; anything else commander has already explained on stderr.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`oasguard: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
      return EXIT.error;
    }
    const debug = argv.includes('--debug');
    const detail = debug && error instanceof Error ? `\n${error.stack}` : ' (run with --debug for details)';
    io.stderr.write(`oasguard: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
    return EXIT.error;
  }
}
