import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFile, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
// What --help, --version and option parsing need comes from light modules; the engine (lint, loadRuleset, which load
// Spectral) is imported when a command runs, so `oasguard --version` starts in a tenth of the time. All of it is
// oasguard's public API (src/index.ts).
import type { FormatName, LintOptions, LintResult, Severity } from '../index';
import { RULESET_FILES } from '../config/ruleset-files';
import { formatters, rebaseResult, REPOSITORY_RELATIVE_FORMATS, SARIF_MAX_RESULTS, sarifResultCount } from '../formatters';
import { scoreOf } from '../formatters/score';
import { repositoryRoot } from './repository';
import { AUTHZ_FORMATS, AuthzFormat, formatAuthz } from '../formatters/authz';
import { DIFF_FORMATS, diffAsLintResult, formatDiff } from '../formatters/diff';
import { formatRuleList, RULE_LIST_FORMATS, RuleListFormat } from '../formatters/rules';
import { printable } from '../formatters/printable';
import { DEFAULT_LIMITS } from '../input/limits';
import { createBaseline, DEFAULT_BASELINE_FILE, matchBaseline, pruneBaseline, serializeBaseline } from '../lint/baseline';
import { DEFAULT_REMOTE_BUDGET_MS } from '../refs/remote';
import { errorMessage, UsageError } from '../shared/errors';
import { filesRead } from '../shared/findings';
import { TOOL_VERSION } from '../shared/meta';
import { isAtLeast } from '../shared/severity';
import { SEVERITIES } from '../shared/types';

/** The engine's entry points, loaded on first use. */
const engine = () => import('../index');

/** Everything the CLI touches outside itself, so that tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** Standard input's bytes; undefined when there are more than `maxBytes`, of which no more are read. */
  readStdin(maxBytes: number): Promise<Uint8Array | undefined>;
  writeFile(path: string, content: string): Promise<void>;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 clean, 1 findings at or above the fail severity, 2 usage, I/O or internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

type FailSeverity = Severity | 'none';

/** The flags every command that lints takes: what to lint with, and within which limits. */
interface LintingFlags {
  ruleset?: string;
  stdinFilepath?: string;
  exclude: string[];
  onlyRule: string[];
  skipRule: string[];
  allowJsRuleset?: boolean;
  root?: string;
  skipNonOpenapi?: boolean;
  allowRemoteRefs?: boolean;
  allowPrivateHosts?: boolean;
  timeout: number;
  remoteBudget: number;
  maxFileSize: number;
  maxDepth: number;
  maxAliases: number;
  maxFiles: number;
  maxNodes: number;
  jobs: number;
}

interface LintFlags extends LintingFlags {
  format: string[];
  quiet?: boolean;
  maxFindings?: number;
  codeFrame?: boolean;
  markdownLimit?: number;
  output?: string;
  failSeverity: FailSeverity;
  minScore?: number;
  color: boolean;
  sarifCategory?: string;
  baseline?: string;
  showSuppressed?: boolean;
}

interface DiffFlags extends LintingFlags {
  base?: string;
  format: string[];
  output?: string;
  failSeverity: FailSeverity;
  sarifCategory?: string;
  markdownLimit?: number;
}

interface BaselineFlags extends LintingFlags {
  output: string;
}

interface AuthzFlags extends LintingFlags {
  format: AuthzFormat;
  output?: string;
}

/** A commander parser for a whole number in `[min, max]`; anything else is a usage error naming the flag. */
function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max)
      throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    return number;
  };
}

/** One report of a run: a format, written to a file or (without one) to standard output. */
interface ReportTarget<F extends string = FormatName> {
  format: F;
  file?: string;
}

const FORMAT_LIST = Object.keys(formatters).join(', ');

/**
 * The reports asked for by `-f NAME[:FILE]` (repeatable) and `-o FILE` (the file of the one format given without
 * one). At most one report goes to standard output; when every report goes to a file, the text report does.
 */
export function reportTargets<F extends string = FormatName>(
  formats: readonly string[],
  output: string | undefined,
  names: readonly F[] = Object.keys(formatters) as F[],
): ReportTarget<F>[] {
  const targets = (formats.length > 0 ? formats : ['text']).map((spec): ReportTarget<F> => {
    // The first colon only: a Windows path (`sarif:C:\\out.sarif`) keeps its own.
    const colon = spec.indexOf(':');
    const format = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!(names as readonly string[]).includes(format))
      throw new UsageError(`Unknown format "${format}".`, `Formats: ${names.join(', ')}. Write one to a file with -f NAME:FILE.`);
    if (file === '')
      throw new UsageError(`No file given after "${format}:".`, `Write -f ${format}:FILE, or -f ${format} for standard output.`);
    return { format: format as F, file };
  });
  const toStdout = targets.filter((target) => target.file === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1) {
      throw new UsageError(
        '-o names the file of the one format given without a file of its own.',
        'Give each format its file instead: -f sarif:oasguard.sarif.',
      );
    }
    toStdout[0].file = output;
  } else if (toStdout.length > 1) {
    throw new UsageError('Only one report can go to standard output.', 'Write the others to files: -f sarif:oasguard.sarif.');
  }
  const files = targets.flatMap((target) => (target.file === undefined ? [] : [target.file]));
  const repeated = files.find((file, index) => files.indexOf(file) !== index);
  if (repeated !== undefined) throw new UsageError(`Two reports would be written to ${repeated}.`);
  return targets.some((target) => target.file === undefined) ? targets : [...targets, { format: 'text' as F }];
}

/**
 * 1 when any finding is at or above the fail severity, or when the score is under `minScore` (a run with a document
 * that could not be linted has no score, which is under any minimum).
 */
export function exitCodeFor(result: LintResult, failSeverity: FailSeverity, minScore?: number): number {
  if (minScore !== undefined && (scoreOf(result).score ?? -1) < minScore) return EXIT.findings;
  if (failSeverity === 'none') return EXIT.ok;
  return result.findings.some((finding) => isAtLeast(finding.severity, failSeverity)) ? EXIT.findings : EXIT.ok;
}

/**
 * Colour on a terminal; `--no-color` and NO_COLOR (https://no-color.org, any value but the empty string) turn it
 * off, FORCE_COLOR (any value but the empty string, `0` and `false`) turns it on off a terminal, as CI logs want.
 */
function useColor(flags: LintFlags, io: CliIo): boolean {
  if (!flags.color || io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}

/** The text of each file with findings, for the code frames of the text and HTML reports; a file that cannot be read has none. */
async function sourcesOf(result: LintResult, io: CliIo): Promise<Record<string, string>> {
  const files = [...new Set(result.findings.map((finding) => finding.file))];
  const texts = await Promise.all(files.map((file) => readFile(resolve(io.cwd, file), 'utf8').catch(() => undefined)));
  return Object.fromEntries(files.flatMap((file, index) => (texts[index] === undefined ? [] : [[file, texts[index]]])));
}

/** lint()'s options from the flags every linting command shares. */
async function lintOptions(inputs: string[], flags: LintingFlags, io: CliIo): Promise<LintOptions> {
  if (inputs.length === 0) {
    throw new UsageError('No input given.', 'Pass OpenAPI files, directories or globs, or - to read standard input.');
  }
  return {
    cwd: io.cwd,
    ruleset: flags.ruleset,
    allowJsRuleset: flags.allowJsRuleset === true,
    root: flags.root === undefined ? undefined : resolve(io.cwd, flags.root),
    stdin: inputs.includes('-') ? await readStdin(io, flags.maxFileSize) : undefined,
    stdinFilepath: flags.stdinFilepath,
    exclude: flags.exclude,
    onlyRules: flags.onlyRule.length > 0 ? flags.onlyRule : undefined,
    skipRules: flags.skipRule.length > 0 ? flags.skipRule : undefined,
    skipNonOpenApi: flags.skipNonOpenapi === true,
    limits: {
      maxFileSize: flags.maxFileSize,
      maxDepth: flags.maxDepth,
      maxAliases: flags.maxAliases,
      maxFiles: flags.maxFiles,
      maxNodes: flags.maxNodes,
    },
    remote: flags.allowRemoteRefs
      ? { timeoutMs: flags.timeout, budgetMs: flags.remoteBudget, allowPrivateHosts: flags.allowPrivateHosts === true }
      : undefined,
    jobs: flags.jobs,
  };
}

async function readStdin(io: CliIo, maxBytes: number): Promise<Uint8Array> {
  const bytes = await io.readStdin(maxBytes);
  if (bytes === undefined) throw new UsageError(`Standard input is over the ${maxBytes}-byte limit (--max-file-size).`);
  return bytes;
}

async function writeOutput(io: CliIo, file: string, content: string): Promise<void> {
  await io.writeFile(resolve(io.cwd, file), content).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot write ${file}: ${error.code ?? error.message}.`);
  });
}

/**
 * Refuses, before anything is linted, a report or baseline path that is a directory or in none, one of the inputs
 * named, or a file the run reads (`reads`: the baseline in use). Paths are compared as given and through symlinks.
 */
async function checkOutputs(outputs: readonly string[], inputs: readonly string[], reads: readonly string[], io: CliIo): Promise<void> {
  const named = inputs.filter((input) => input !== '-').map((input) => resolve(io.cwd, input));
  for (const output of outputs) {
    const path = resolve(io.cwd, output);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) throw new UsageError(`Cannot write ${output}: it is a directory.`);
    const parent = await stat(dirname(path)).catch(() => undefined);
    if (!parent?.isDirectory())
      throw new UsageError(
        `Cannot write ${output}: no such directory.`,
        'Create the directory first; reports are checked before the lint starts.',
      );
    const realPath = info === undefined ? undefined : await realpath(path);
    const same = async (other: string) =>
      other === path || (realPath !== undefined && (await realpath(other).catch(() => other)) === realPath);
    for (const input of named) if (await same(input)) throw refusedOutput(output, 'it is one of the inputs');
    for (const read of reads) if (await same(resolve(io.cwd, read))) throw refusedOutput(output, 'it is the baseline in use');
  }
}

/**
 * After the run and before anything is written: no report over a file it `read` (a document or a file its `$ref`s
 * read), which `command` names in the refusal.
 */
function checkOutputsAgainstReads(outputs: readonly string[], read: readonly string[], command: 'lint' | 'diff', io: CliIo): void {
  const paths = new Set(read.map((file) => resolve(io.cwd, file)));
  const clash = outputs.find((output) => paths.has(resolve(io.cwd, output)));
  if (clash !== undefined) throw refusedOutput(clash, `it is a file this ${command} read`);
}

function refusedOutput(output: string, why: string): UsageError {
  return new UsageError(
    `Refused to write ${output}: ${why}.`,
    'Reports and baselines are never written over the files they describe; choose another path.',
  );
}

async function runLint(inputs: string[], flags: LintFlags, io: CliIo, debug: boolean): Promise<number> {
  const targets = reportTargets(flags.format, flags.output);
  const outputs = targets.flatMap((target) => (target.file === undefined ? [] : [target.file]));
  await checkOutputs(outputs, inputs, flags.baseline === undefined ? [] : [flags.baseline], io);
  const { lint } = await engine();
  const result = await lint(inputs, { ...(await lintOptions(inputs, flags, io)), baseline: flags.baseline });
  checkOutputsAgainstReads(outputs, filesRead(result), 'lint', io);
  if (debug) for (const { file, reason } of result.skipped) io.stderr.write(`oasguard: skipped ${printable(file)}: ${reason}\n`);
  const results = sarifResultCount(result);
  if (targets.some((target) => target.format === 'sarif') && results > SARIF_MAX_RESULTS) {
    io.stderr.write(
      `oasguard: warning: SARIF report keeps the ${SARIF_MAX_RESULTS} most severe of ${results} results, ` +
        'the most GitHub code scanning accepts per run.\n',
    );
  }
  const root = repositoryRoot(io.cwd);
  // Each is made once for all the reports that need it.
  let rebased: LintResult | undefined;
  let sources: Record<string, string> | undefined;
  for (const { format, file } of targets) {
    const repositoryRelative = REPOSITORY_RELATIVE_FORMATS.has(format);
    const context = {
      color: file === undefined && useColor(flags, io),
      cwd: repositoryRelative ? root : io.cwd,
      failSeverity: flags.failSeverity,
      sarifCategory: flags.sarifCategory,
      showSuppressed: flags.showSuppressed === true,
      quiet: flags.quiet === true,
      maxFindings: flags.maxFindings,
      markdownLimit: flags.markdownLimit,
      sources: (format === 'text' && flags.codeFrame) || format === 'html' ? (sources ??= await sourcesOf(result, io)) : undefined,
    };
    const report = formatters[format](repositoryRelative ? (rebased ??= rebaseResult(result, io.cwd, root)) : result, context);
    if (file === undefined) io.stdout.write(report);
    else await writeOutput(io, file, report);
  }
  return exitCodeFor(result, flags.failSeverity, flags.minScore);
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `baseline create`: records every finding that counts now. */
async function createBaselineFile(inputs: string[], flags: BaselineFlags, io: CliIo): Promise<number> {
  await checkOutputs([flags.output], inputs, [], io);
  const { lint } = await engine();
  const result = await lint(inputs, await lintOptions(inputs, flags, io));
  checkOutputsAgainstReads([flags.output], filesRead(result), 'lint', io);
  const baseline = createBaseline(result.findings, { path: resolve(io.cwd, flags.output), cwd: io.cwd });
  await writeOutput(io, flags.output, serializeBaseline(baseline));
  io.stdout.write(
    `Baseline ${flags.output}: ${count(baseline.entries.length, 'finding')} recorded from ${count(result.files.length, 'document')}.\n`,
  );
  return EXIT.ok;
}

/** `baseline update`: drops the entries no finding matches any more; never adds one. */
async function updateBaselineFile(inputs: string[], flags: BaselineFlags, io: CliIo): Promise<number> {
  const location = { path: resolve(io.cwd, flags.output), cwd: io.cwd };
  await checkOutputs([flags.output], inputs, [], io);
  const { lint, readBaseline } = await engine();
  const baseline = await readBaseline(location.path, flags.output);
  const result = await lint(inputs, await lintOptions(inputs, flags, io));
  checkOutputsAgainstReads([flags.output], filesRead(result), 'lint', io);
  const { stale } = matchBaseline(baseline, result.findings, result.files, location);
  const pruned = pruneBaseline(baseline, stale);
  await writeOutput(io, flags.output, serializeBaseline(pruned));
  io.stdout.write(
    `Baseline ${flags.output}: ${count(stale.length, 'stale entry', 'stale entries')} removed, ${pruned.entries.length} kept.\n`,
  );
  return EXIT.ok;
}

/**
 * `authz`: the authorization matrix of the inputs, read and resolved as `lint` reads them. Exit 1 when a document
 * could not be analyzed (it is listed, never dropped), 0 otherwise: the matrix is a listing, not a verdict.
 */
async function printAuthz(inputs: string[], flags: AuthzFlags, io: CliIo): Promise<number> {
  const outputs = flags.output === undefined ? [] : [flags.output];
  await checkOutputs(outputs, inputs, [], io);
  const { lint } = await engine();
  const result = await lint(inputs, { ...(await lintOptions(inputs, flags, io)), authorization: true });
  checkOutputsAgainstReads(outputs, filesRead(result), 'lint', io);
  const report = formatAuthz(result, flags.format);
  if (flags.output === undefined) io.stdout.write(report);
  else await writeOutput(io, flags.output, report);
  return result.unlinted.length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * `diff`: the security changes from an old version to a new one, and the findings new in it. Exit 1 when a change
 * or a new finding is at or above the fail severity.
 */
async function runDiff(paths: string[], flags: DiffFlags, io: CliIo): Promise<number> {
  if (paths.includes('-')) throw new UsageError('diff reads files, not standard input.');
  if (flags.base === undefined && paths.length !== 2)
    throw new UsageError(
      'Compare two versions: oasguard diff OLD NEW, or oasguard diff --base REV PATHS...',
      `Got ${paths.length} path${paths.length === 1 ? '' : 's'}.`,
    );
  const targets = reportTargets(flags.format, flags.output, DIFF_FORMATS);
  const outputs = targets.flatMap((target) => (target.file === undefined ? [] : [target.file]));
  await checkOutputs(outputs, paths, [], io);
  const { diffPaths, diffRevision } = await engine();
  const { stdin: _stdin, ...options } = await lintOptions(paths, flags, io);
  const result = flags.base === undefined ? await diffPaths(paths[0], paths[1], options) : await diffRevision(flags.base, paths, options);
  checkOutputsAgainstReads(outputs, result.read, 'diff', io);
  const root = repositoryRoot(io.cwd);
  const context = {
    color: false,
    cwd: io.cwd,
    failSeverity: flags.failSeverity,
    sarifCategory: flags.sarifCategory,
    markdownLimit: flags.markdownLimit,
  };
  for (const { format, file } of targets) {
    const report =
      format === 'sarif' || format === 'github'
        ? formatters[format](rebaseResult(diffAsLintResult(result), io.cwd, root), { ...context, cwd: root })
        : formatDiff(result, format, context);
    if (file === undefined) io.stdout.write(report);
    else await writeOutput(io, file, report);
  }
  const { failSeverity } = flags;
  if (failSeverity === 'none') return EXIT.ok;
  const counted = [...result.changes, ...result.newFindings];
  return counted.some((entry) => isAtLeast(entry.severity, failSeverity)) ? EXIT.findings : EXIT.ok;
}

interface RulesFlags {
  format: RuleListFormat;
  ruleset?: string;
  preset?: string;
  allowJsRuleset?: boolean;
}

async function listRules(flags: RulesFlags, io: CliIo): Promise<number> {
  const { loadRuleset } = await engine();
  const ruleset = loadRuleset(flags.preset ?? flags.ruleset, io.cwd, { allowJs: flags.allowJsRuleset === true });
  io.stdout.write(formatRuleList(ruleset.rules, flags.format, ruleset.name));
  return EXIT.ok;
}

const RULESET_HELP = `preset (recommended, strict) or ruleset file (default: ${RULESET_FILES[0]} if present, else recommended)`;
const ALLOW_JS_HELP = 'load JavaScript rulesets, npm ruleset packages and custom functions (they run as you: trusted code only)';

/** An option that may be given several times, its values collected in order. */
function repeatable(flags: string, description: string): Option {
  return new Option(flags, description).argParser((value: string, previous: string[]) => [...previous, value]).default([], 'none');
}

/** The options of every command that lints: ruleset, reference policy and limits. */
function addLintingOptions(command: Command): Command {
  return command
    .option('--skip-non-openapi', 'skip named files that are not OpenAPI documents (for pre-commit hooks)')
    .option('--stdin-filepath <path>', 'the path standard input (-) is reported as, and its $refs are resolved from')
    .addOption(
      repeatable(
        '--exclude <glob>',
        'leave out the files directory and glob inputs find that match (relative to here); repeat for several',
      ),
    )
    .option('-r, --ruleset <name|path>', RULESET_HELP)
    .addOption(repeatable('--only-rule <rule>', 'run only this rule of the ruleset (and the document diagnostics); repeat for several'))
    .addOption(repeatable('--skip-rule <rule>', 'do not run this rule of the ruleset; repeat for several'))
    .option('--allow-js-ruleset', ALLOW_JS_HELP)
    .option('--root <dir>', '$refs may only read files below this directory (default: the current directory)')
    .option('--allow-remote-refs', 'fetch https: $refs (never plain http:, never private or loopback addresses)')
    .option('--allow-private-hosts', 'with --allow-remote-refs, also fetch from loopback, link-local and private addresses')
    .option('--timeout <ms>', 'time allowed for each remote $ref', wholeNumber(1, 600_000), 10_000)
    .option(
      '--remote-budget <ms>',
      'time allowed for all remote $refs of the run; refs left after it are unresolved',
      wholeNumber(1, 3_600_000),
      DEFAULT_REMOTE_BUDGET_MS,
    )
    .option('--max-file-size <bytes>', 'largest file read', wholeNumber(1, 2 ** 31), DEFAULT_LIMITS.maxFileSize)
    .option('--max-depth <levels>', 'deepest nesting of mappings and sequences', wholeNumber(1, 1000), DEFAULT_LIMITS.maxDepth)
    .option('--max-aliases <count>', 'most nodes YAML aliases may add when expanded', wholeNumber(0, 10_000_000), DEFAULT_LIMITS.maxAliases)
    .option('--max-nodes <count>', 'most mappings and sequences in one document', wholeNumber(1, 100_000_000), DEFAULT_LIMITS.maxNodes)
    .option(
      '--max-files <count>',
      'most files read: documents plus the files their $refs read',
      wholeNumber(1, 10_000_000),
      DEFAULT_LIMITS.maxFiles,
    )
    .addOption(
      new Option('-j, --jobs <count>', 'lint many files on this many threads')
        .argParser(wholeNumber(1, 256))
        .default(availableParallelism(), 'one per CPU core'),
    );
}

/** The options of a command that writes reports and fails on what they hold: -f, -o, --sarif-category, --fail-severity. */
function addReportOptions(command: Command, formats: string, failsOn: string): Command {
  return command
    .addOption(
      new Option('-f, --format <format[:file]>', `report format (${formats}), to stdout or to a file; repeat for several reports`)
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], 'text'),
    )
    .option('-o, --output <file>', 'write the report of the one format given without a file to this file')
    .option('--sarif-category <category>', 'SARIF automationDetails category, to keep several uploads per commit apart')
    .addOption(
      new Option('--fail-severity <severity>', `exit 1 when ${failsOn} is at or above this severity`)
        .choices([...SEVERITIES, 'none'])
        .default('error'),
    );
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('oasguard')
    .description('API-security linter for OpenAPI 3.0, 3.1, 3.2 and Swagger 2.0 documents.')
    .version(TOOL_VERSION, '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run oasguard --help for usage)');

  const lintCommand = program
    .command('lint')
    .description('lint OpenAPI documents: files, directories (searched for *.yaml, *.yml, *.json), globs, or - for stdin')
    .argument('[inputs...]', 'files, directories, globs, or -');
  addReportOptions(lintCommand, FORMAT_LIST, 'a finding')
    .option('--min-score <score>', 'also exit 1 when the security score (0-100, docs/score.md) is below this', wholeNumber(0, 100))
    .option('--baseline <file>', 'report and fail only on findings not in this baseline (see oasguard baseline)')
    .option('--show-suppressed', 'list suppressed findings with their reasons in the text report')
    .option('-q, --quiet', 'text report: list only the findings at or above --fail-severity (the others are counted)')
    .option('--max-findings <count>', 'text report: list at most this many findings (the rest are counted)', wholeNumber(0, 1_000_000_000))
    .option('--code-frame', 'text report: show the lines around each finding')
    .option(
      '--markdown-limit <chars>',
      "markdown report: the most characters it holds, the findings that do not fit counted (default: 65000, under GitHub's comment limit)",
      wholeNumber(1000, 100_000_000),
    )
    .option('--no-color', 'never colour the text report (NO_COLOR is honoured too)');
  addLintingOptions(lintCommand).action(async (inputs: string[], flags: LintFlags) =>
    setExitCode(await runLint(inputs, flags, io, program.opts().debug === true)),
  );

  const baseline = program.command('baseline').description('record the current findings, so that only new ones fail (lint --baseline)');
  const baselineOutput = (command: Command) =>
    addLintingOptions(
      command
        .argument('[inputs...]', 'files, directories, globs, or -')
        .option('-o, --output <file>', 'the baseline file', DEFAULT_BASELINE_FILE),
    );
  baselineOutput(baseline.command('create').description('write a baseline of every finding the inputs have now')).action(
    async (inputs: string[], flags: BaselineFlags) => setExitCode(await createBaselineFile(inputs, flags, io)),
  );
  baselineOutput(baseline.command('update').description('remove the baseline entries that no finding matches any more')).action(
    async (inputs: string[], flags: BaselineFlags) => setExitCode(await updateBaselineFile(inputs, flags, io)),
  );

  addLintingOptions(
    program
      .command('authz')
      .description('print the authorization matrix: for every operation, who may call it (schemes and scopes) and what deserves a look')
      .argument('[inputs...]', 'files, directories, globs, or -')
      .addOption(new Option('-f, --format <format>', 'text, markdown, json or csv').choices(AUTHZ_FORMATS).default('text'))
      .option('-o, --output <file>', 'write the matrix to this file instead of standard output'),
  ).action(async (inputs: string[], flags: AuthzFlags) => setExitCode(await printAuthz(inputs, flags, io)));

  addLintingOptions(
    addReportOptions(
      program
        .command('diff')
        .description("what a change does to an API's security: two files or directories, or --base REV and paths in the work tree")
        .argument('[paths...]', 'OLD NEW, or with --base the files and directories to compare with the revision')
        .option('--base <revision>', 'compare the paths with their versions in this git revision (read with git, no checkout)'),
      DIFF_FORMATS.join(', '),
      'a change or a new finding',
    ).option('--markdown-limit <chars>', 'markdown report: the most characters it holds (default: 65000)', wholeNumber(1000, 100_000_000)),
  ).action(async (paths: string[], flags: DiffFlags) => setExitCode(await runDiff(paths, flags, io)));

  program
    .command('rules')
    .description('list the rules of a ruleset with severity, OWASP category and description')
    .option('-r, --ruleset <name|path>', RULESET_HELP)
    .option('-p, --preset <name>', 'same as --ruleset, for presets')
    .addOption(new Option('-f, --format <format>', 'text, json or markdown').choices(RULE_LIST_FORMATS).default('text'))
    .option('--allow-js-ruleset', ALLOW_JS_HELP)
    .action(async (flags: RulesFlags) => setExitCode(await listRules(flags, io)));

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
      // Messages quote file names and ruleset content, which a hostile tree chooses.
      io.stderr.write(`oasguard: ${printable(error.message)}\n${error.hint ? `  ${printable(error.hint)}\n` : ''}`);
      return EXIT.error;
    }
    const debug = argv.includes('--debug');
    const detail = debug && error instanceof Error ? `\n${error.stack}` : ' (run with --debug for details)';
    io.stderr.write(`oasguard: internal error: ${printable(errorMessage(error))}${detail}\n`);
    return EXIT.error;
  }
}
