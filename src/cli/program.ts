import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import {
  DEFAULT_LIMITS,
  FormatName,
  formatters,
  isAtLeast,
  isFormatName,
  SARIF_MAX_RESULTS,
  lint,
  loadRuleset,
  findRulesetFile,
  RULESET_FILES,
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
  format: string[];
  output?: string;
  failSeverity: FailSeverity;
  ruleset?: string;
  allowJsRuleset?: boolean;
  root?: string;
  color: boolean;
  sarifCategory?: string;
  skipNonOpenapi?: boolean;
  allowRemoteRefs?: boolean;
  allowPrivateHosts?: boolean;
  timeout: number;
  maxFileSize: number;
  maxDepth: number;
  maxAliases: number;
  maxFiles: number;
}

/** A commander parser for a whole number in `[min, max]`; anything else is a usage error naming the flag. */
function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    return number;
  };
}

/** One report of a run: a format, written to a file or (without one) to standard output. */
interface ReportTarget {
  format: FormatName;
  file?: string;
}

const FORMAT_LIST = Object.keys(formatters).join(', ');

/**
 * The reports asked for by `-f NAME[:FILE]` (repeatable) and `-o FILE` (the file of the one format given without
 * one). At most one report goes to standard output; when every report goes to a file, the text report does.
 */
export function reportTargets(formats: readonly string[], output: string | undefined): ReportTarget[] {
  const targets = (formats.length > 0 ? formats : ['text']).map((spec): ReportTarget => {
    // The first colon only: a Windows path (`sarif:C:\\out.sarif`) keeps its own.
    const colon = spec.indexOf(':');
    const format = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!isFormatName(format)) throw new UsageError(`Unknown format "${format}".`, `Formats: ${FORMAT_LIST}. Write one to a file with -f NAME:FILE.`);
    if (file === '') throw new UsageError(`No file given after "${format}:".`, `Write -f ${format}:FILE, or -f ${format} for standard output.`);
    return { format, file };
  });
  const toStdout = targets.filter((target) => target.file === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1) {
      throw new UsageError('-o names the file of the one format given without a file of its own.', 'Give each format its file instead: -f sarif:oasguard.sarif.');
    }
    toStdout[0].file = output;
  } else if (toStdout.length > 1) {
    throw new UsageError('Only one report can go to standard output.', 'Write the others to files: -f sarif:oasguard.sarif.');
  }
  const files = targets.flatMap((target) => (target.file === undefined ? [] : [target.file]));
  const repeated = files.find((file, index) => files.indexOf(file) !== index);
  if (repeated !== undefined) throw new UsageError(`Two reports would be written to ${repeated}.`);
  return targets.some((target) => target.file === undefined) ? targets : [...targets, { format: 'text' }];
}

/** Whether any finding is at or above the fail severity. */
export function exitCodeFor(result: LintResult, failSeverity: FailSeverity): number {
  if (failSeverity === 'none') return EXIT.ok;
  return result.findings.some((finding) => isAtLeast(finding.severity, failSeverity)) ? EXIT.findings : EXIT.ok;
}

/** NO_COLOR (https://no-color.org) is honoured when set to anything but the empty string. */
function useColor(flags: LintFlags, io: CliIo): boolean {
  return flags.color && io.stdout.isTTY === true && !io.env.NO_COLOR;
}

async function runLint(inputs: string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (inputs.length === 0) {
    throw new UsageError('No input given.', 'Pass OpenAPI files, directories or globs, or - to read standard input.');
  }
  const targets = reportTargets(flags.format, flags.output);
  const result = await lint(inputs, {
    cwd: io.cwd,
    ruleset: flags.ruleset,
    allowJsRuleset: flags.allowJsRuleset === true,
    root: flags.root === undefined ? undefined : resolve(io.cwd, flags.root),
    stdin: inputs.includes('-') ? await io.readStdin() : undefined,
    skipNonOpenApi: flags.skipNonOpenapi === true,
    limits: { maxFileSize: flags.maxFileSize, maxDepth: flags.maxDepth, maxAliases: flags.maxAliases, maxFiles: flags.maxFiles },
    remote: flags.allowRemoteRefs ? { timeoutMs: flags.timeout, allowPrivateHosts: flags.allowPrivateHosts === true } : undefined,
  });
  if (targets.some((target) => target.format === 'sarif') && result.findings.length > SARIF_MAX_RESULTS) {
    io.stderr.write(
      `oasguard: warning: SARIF report keeps the ${SARIF_MAX_RESULTS} most severe of ${result.findings.length} results, ` +
        'the most GitHub code scanning accepts per run.\n',
    );
  }
  for (const { format, file } of targets) {
    const context = { color: file === undefined && useColor(flags, io), cwd: io.cwd, failSeverity: flags.failSeverity, sarifCategory: flags.sarifCategory };
    const report = formatters[format](result, context);
    if (file === undefined) {
      io.stdout.write(report);
    } else {
      await io.writeFile(resolve(io.cwd, file), report).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`Cannot write ${file}: ${error.code ?? error.message}.`);
      });
    }
  }
  return exitCodeFor(result, flags.failSeverity);
}

interface RulesFlags {
  ruleset?: string;
  preset?: string;
  allowJsRuleset?: boolean;
}

function listRules(flags: RulesFlags, io: CliIo): number {
  const name = flags.preset ?? flags.ruleset ?? findRulesetFile(io.cwd) ?? 'recommended';
  const ruleset = loadRuleset(name, io.cwd, { allowJs: flags.allowJsRuleset === true });
  const rows = ruleset.rules.map((rule) => [rule.id, rule.severity, rule.owasp ?? '', rule.description]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    io.stdout.write(`${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell)).join('  ')}\n`);
  }
  return EXIT.ok;
}

const RULESET_HELP = `preset (recommended, strict) or ruleset file (default: ${RULESET_FILES[0]} if present, else recommended)`;
const ALLOW_JS_HELP = 'load JavaScript rulesets, npm ruleset packages and custom functions (they run as you: trusted code only)';

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
    .option(
      '-f, --format <format[:file]>',
      `report format (${FORMAT_LIST}), to stdout or to a file; repeat for several reports (default: text)`,
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('-o, --output <file>', 'write the report of the one format given without a file to this file')
    .option('--sarif-category <category>', 'SARIF automationDetails category, to keep several uploads per commit apart')
    .option('--skip-non-openapi', 'skip named files that are not OpenAPI documents (for pre-commit hooks)')
    .addOption(
      new Option('--fail-severity <severity>', 'exit 1 when a finding is at or above this severity')
        .choices([...SEVERITIES, 'none'])
        .default('error'),
    )
    .option('-r, --ruleset <name|path>', RULESET_HELP)
    .option('--allow-js-ruleset', ALLOW_JS_HELP)
    .option('--root <dir>', '$refs may only read files below this directory (default: the current directory)')
    .option('--no-color', 'never colour the text report (NO_COLOR is honoured too)')
    .option('--allow-remote-refs', 'fetch https: $refs (never plain http:, never private or loopback addresses)')
    .option('--allow-private-hosts', 'with --allow-remote-refs, also fetch from loopback, link-local and private addresses')
    .option('--timeout <ms>', 'time allowed for each remote $ref', wholeNumber(1, 600_000), 10_000)
    .option('--max-file-size <bytes>', 'largest file read', wholeNumber(1, 2 ** 31), DEFAULT_LIMITS.maxFileSize)
    .option('--max-depth <levels>', 'deepest nesting of mappings and sequences', wholeNumber(1, 1000), DEFAULT_LIMITS.maxDepth)
    .option('--max-aliases <count>', 'most YAML aliases after expansion', wholeNumber(0, 10_000_000), DEFAULT_LIMITS.maxAliases)
    .option('--max-files <count>', 'most files read: documents plus the files their $refs read', wholeNumber(1, 10_000_000), DEFAULT_LIMITS.maxFiles)
    .action(async (inputs: string[], flags: LintFlags) => setExitCode(await runLint(inputs, flags, io)));

  program
    .command('rules')
    .description('list the rules of a ruleset with severity, OWASP category and description')
    .option('-r, --ruleset <name|path>', RULESET_HELP)
    .option('-p, --preset <name>', 'same as --ruleset, for presets')
    .option('--allow-js-ruleset', ALLOW_JS_HELP)
    .action((flags: RulesFlags) => setExitCode(listRules(flags, io)));

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
