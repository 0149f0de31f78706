import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Baseline, BaselineLocation, matchBaseline, parseBaseline } from './baseline';
import { diagnostics } from './engine/diagnostics';
import { expandInputs, InputFile, STDIN_INPUT } from './engine/inputs';
import { DEFAULT_LIMITS, Limits } from './engine/limits';
import type { RemotePolicy } from './engine/remote';
import { decodeUtf8, EncodingError, readLimited } from './engine/resolver';
import { enabledRules, LoadedRuleset, loadRuleset, RulesetLoadOptions } from './engine/ruleset';
import { DocumentOutcome, EngineFinding, failedDocument, SpectralEngine, suppressionFinding, undecodable } from './engine/spectral-engine';
import { LintedFiles, lintInWorkers } from './lint-pool';
import { UsageError } from './errors';
import { sortFindings } from './findings';
import type { Finding, LintResult, RuleMeta, UnlintedFile } from './types';

/** How `lint()` finds, reads and judges documents. */
export interface LintOptions {
  /** Base for relative inputs and for the file names in findings. */
  cwd: string;
  /**
   * A preset name (`recommended`, `strict`), a ruleset file path, or a loaded ruleset. Default: the project's
   * `.oasguard.yaml` in `cwd`, or `recommended` when there is none.
   */
  ruleset?: string | LoadedRuleset;
  /** Load JavaScript rulesets and custom functions, which run with the caller's permissions. Default false. */
  allowJsRuleset?: boolean;
  /** What is linted for the input `-`: text, or bytes (which must be UTF-8, like files). */
  stdin?: string | Uint8Array;
  /** `$ref`s may only read files below this directory. Default: `cwd`. */
  root?: string;
  /** Bounds on file size, nesting, YAML aliases and files read; unset ones take {@link DEFAULT_LIMITS}. */
  limits?: Partial<Limits>;
  /** Fetch https `$ref`s under this policy; without it, remote refs are refused (`unsafe-ref`). */
  remote?: RemotePolicy;
  /**
   * Skip named files that are not OpenAPI documents instead of reporting them, as directory searches do, and
   * accept finding none: for pre-commit hooks, which pass every staged YAML and JSON file.
   */
  skipNonOpenApi?: boolean;
  /** A baseline file (relative to `cwd`): findings it holds are reported apart, in `baselined`, and do not count. */
  baseline?: string;
  /**
   * Worker threads to lint many files on, one file at a time each; default 1 (in-process). Used for a ruleset given
   * by name or path, and for 2 or more files of 6 MB or more in all (below that, starting the workers costs more than they save).
   */
  jobs?: number;
}

/** Name shown for standard input in findings. */
export const STDIN_NAME = '<stdin>';

/**
 * A cheap test before parsing a file that may be skipped: the words `openapi` or `swagger`, or an escape (`\u006f`),
 * which could spell them in a key. A file that passes is parsed, and judged by its keys.
 */
const MAY_BE_OPENAPI = /openapi|swagger|\\/i;

/**
 * Lints OpenAPI documents: files, directories, globs or `-` for `options.stdin`. Problems in the documents
 * are findings; user mistakes (missing paths, bad rulesets) throw {@link UsageError}.
 */
export async function lint(inputs: readonly string[], options: LintOptions): Promise<LintResult> {
  const { cwd } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const root = await checkedRoot(options.root ?? cwd, cwd);
  const ruleset = typeof options.ruleset === 'object' ? options.ruleset : loadRuleset(options.ruleset, cwd, rulesetLoadOptions(options, limits));
  // Read first: a missing or broken baseline should stop the run before a long lint, not after it.
  const baseline = options.baseline === undefined ? undefined : await openBaseline(options.baseline, cwd);
  const { files, skipped: skippedPaths } = await expandInputs(inputs, cwd, root);
  const skipped = skippedPaths.map(({ file, reason }) => ({ file: displayPath(file, cwd), reason })).sort((a, b) => (a.file < b.file ? -1 : 1));
  if (files.length > limits.maxFiles) {
    throw new UsageError(`${files.length} files to lint, over the limit of ${limits.maxFiles}.`, 'Lint fewer files per run, or raise --max-files.');
  }
  const filesRead = createFileCounter(files.length);
  const { stdin, remote, skipNonOpenApi, allowJsRuleset } = options;
  const fileOptions: FileLintOptions = { cwd, stdin, root, remote, skipNonOpenApi, allowJsRuleset, limits };
  // A ruleset built in memory cannot cross to a worker thread; one given by name (or none) is loaded there alike.
  const byName = typeof options.ruleset !== 'object';
  const workers = await workerCount(files, byName ? (options.jobs ?? 1) : 1);
  const { outcomes, suppressions } =
    byName && workers > 1
      ? await lintInWorkers(files, { options: { ...fileOptions, ruleset: options.ruleset as string | undefined }, filesRead: filesRead.buffer as SharedArrayBuffer }, workers)
      : await lintInProcess(files, ruleset, fileOptions, filesRead);

  const lintedSources: string[] = [];
  const referenced = new Set<string>();
  const reportedFiles: string[] = [];
  const unlinted: UnlintedFile[] = [];
  const findings: Finding[] = [];
  files.forEach((file, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) return;
    const source = sourceOf(file, cwd);
    // A file that claims to be OpenAPI is reported whatever is wrong with it: an unknown version or a syntax error
    // must fail the run, not skip the file.
    const reported = mustReport(file, options) || outcome.kind === 'linted' || outcome.looksLikeOpenApi;
    if (!reported) return;
    const displayed = displayPath(source, cwd);
    reportedFiles.push(displayed);
    if (outcome.kind === 'linted') {
      lintedSources.push(source);
      for (const href of outcome.referenced) referenced.add(/^[a-z][a-z\d+.-]+:/i.test(href) ? href : displayPath(href, cwd));
    } else {
      unlinted.push({ file: displayed, reason: outcome.findings[0].ruleId as UnlintedFile['reason'], message: outcome.findings[0].message });
    }
    // A loop, not push(...): a large document has more findings than a call may take arguments.
    for (const finding of outcome.findings) findings.push(toFinding(finding, cwd));
  });
  if (reportedFiles.length === 0 && !options.skipNonOpenApi) {
    throw new UsageError(`No OpenAPI documents found in ${inputs.join(', ')}.`, 'Pass OpenAPI 3.x or Swagger 2.0 files, or directories holding them.');
  }
  const rules = activeRules(ruleset, lintedSources);
  const enabledIds = new Set(rules.map((rule) => rule.id));
  for (const problem of suppressions.unused(enabledIds)) findings.push(toFinding(suppressionFinding('unused-suppression', problem), cwd));
  const sorted = sortFindings(dedupe(findings));
  const active = sorted.filter((finding) => finding.suppression === undefined);
  const suppressed = sorted.filter((finding) => finding.suppression !== undefined);
  const read = { files: reportedFiles, unlinted, skipped, referenced: [...referenced].sort() };
  if (baseline === undefined) return { ...read, findings: active, suppressed, baselined: [], rules };
  const { fresh, known, stale } = matchBaseline(baseline.contents, active, reportedFiles, baseline.location);
  return { ...read, findings: fresh, suppressed, baselined: known, baseline: { file: baseline.name, stale: stale.length }, rules };
}

/** The root `$ref`s are confined to: an existing directory, or a usage error. */
async function checkedRoot(root: string, cwd: string): Promise<string> {
  const info = await stat(root).catch(() => undefined);
  if (info?.isDirectory()) return root;
  throw new UsageError(`The root ${displayPath(root, cwd) || '.'} is ${info ? 'not a directory' : 'missing'}.`, '--root names the directory that $refs and rulesets may read below.');
}

/** How the ruleset is loaded, here and in workers: confined to the root and the size limit like documents. */
export function rulesetLoadOptions(options: Pick<LintOptions, 'allowJsRuleset' | 'root'>, limits: Limits): RulesetLoadOptions {
  return { allowJs: options.allowJsRuleset, root: options.root, maxFileSize: limits.maxFileSize };
}

async function lintInProcess(files: InputFile[], ruleset: LoadedRuleset, options: FileLintOptions, filesRead: FileCounter): Promise<LintedFiles> {
  const engine = createEngine(ruleset, options, filesRead);
  const outcomes: (DocumentOutcome | undefined)[] = [];
  for (const file of files) outcomes.push(await lintFile(file, engine, options));
  return { outcomes, suppressions: engine.suppressions };
}

/** Inputs smaller than this in all are linted in-process: a worker must start and warm up, about as long as linting 3 MB takes. */
const PARALLEL_MIN_BYTES = 6 * 1024 * 1024;

/** How many worker threads to lint `files` with: 1 (in-process) for a single file or a small total. */
async function workerCount(files: readonly InputFile[], jobs: number): Promise<number> {
  if (jobs <= 1 || files.length < 2) return 1;
  let bytes = 0;
  for (const file of files) {
    bytes += file.path === STDIN_INPUT ? 0 : await stat(file.path).then((info) => info.size, () => 0);
    // Sizing stops there: a pre-commit hook may pass thousands of files.
    if (bytes >= PARALLEL_MIN_BYTES) return Math.min(jobs, files.length);
  }
  return 1;
}

/** The baseline file `name` (relative to `cwd`): where it is, and what it holds. */
async function openBaseline(name: string, cwd: string): Promise<{ name: string; location: BaselineLocation; contents: Baseline }> {
  const location = { path: resolve(cwd, name), cwd };
  return { name, location, contents: await readBaseline(location.path, name) };
}

/** A baseline file, parsed; `name` is the path as given. */
export async function readBaseline(path: string, name: string): Promise<Baseline> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read baseline ${name}: ${error.code ?? error.message}.`, 'Create one with `oasguard baseline create`.');
  });
  return parseBaseline(text, name);
}

/** The options a single file's lint needs, with the limits filled in: what a worker thread is given. */
export type FileLintOptions = Pick<LintOptions, 'cwd' | 'stdin' | 'root' | 'remote' | 'skipNonOpenApi' | 'allowJsRuleset'> & { limits: Limits };

/** A counter of the files a run reads, shared by its workers: the documents given and what their `$ref`s read. */
export type FileCounter = Int32Array;

function createFileCounter(initial: number): FileCounter {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(counter, 0, initial);
  return counter;
}

export function createEngine(ruleset: LoadedRuleset, options: FileLintOptions, filesRead: FileCounter): SpectralEngine {
  const { limits } = options;
  const countFile = () => {
    if (Atomics.add(filesRead, 0, 1) + 1 > limits.maxFiles) throw new Error(`more than ${limits.maxFiles} files read (--max-files)`);
  };
  return new SpectralEngine(ruleset, { root: options.root ?? options.cwd, limits, remote: options.remote }, countFile);
}

/** The absolute path findings in an input are reported under (a made-up one for standard input). */
function sourceOf(file: InputFile, cwd: string): string {
  return file.path === STDIN_INPUT ? join(cwd, STDIN_NAME) : file.path;
}

/** Whether an input must be reported even when it is not OpenAPI: the user named it, and did not ask to skip such. */
function mustReport(file: InputFile, options: Pick<LintOptions, 'skipNonOpenApi'>): boolean {
  return file.explicit && !options.skipNonOpenApi;
}

/** Lints one input; undefined when a file found by a search (or a pre-commit hook) is plainly not OpenAPI. */
export async function lintFile(file: InputFile, engine: SpectralEngine, options: FileLintOptions): Promise<DocumentOutcome | undefined> {
  const source = sourceOf(file, options.cwd);
  const text = await readInput(file, options);
  // Pre-commit passes every staged YAML/JSON file: most never mention OpenAPI and need no parse.
  if (!mustReport(file, options) && (text instanceof EncodingError || !MAY_BE_OPENAPI.test(text))) return undefined;
  if (text instanceof EncodingError) return undecodable(source, text);
  return engine.lintDocument({ source, text }).catch((error: unknown) => failedDocument(source, error));
}

/** The text of an input; a file that is not UTF-8 is a finding, not a usage error. */
async function readInput(file: InputFile, options: FileLintOptions): Promise<string | EncodingError> {
  if (file.path === STDIN_INPUT) {
    const stdin = options.stdin ?? '';
    const size = typeof stdin === 'string' ? Buffer.byteLength(stdin) : stdin.length;
    if (size > options.limits.maxFileSize) throw new UsageError(`Standard input is over the ${options.limits.maxFileSize}-byte limit (--max-file-size).`);
    if (typeof stdin === 'string') return stdin;
    try {
      return decodeUtf8(Buffer.from(stdin.buffer, stdin.byteOffset, stdin.length));
    } catch (error) {
      if (error instanceof EncodingError) return error;
      throw error;
    }
  }
  // The documents given to lint may live anywhere; only what they reference is confined to the root.
  return readLimited(file.path, options.limits.maxFileSize).catch((error: Error) => {
    if (error instanceof EncodingError) return error;
    throw new UsageError(`Cannot lint ${displayPath(file.path, options.cwd)}: ${error.message}.`);
  });
}

/** A path relative to `cwd` with forward slashes, as users see it in reports. */
function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/');
}

function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function toFinding(finding: EngineFinding, cwd: string): Finding {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    file: displayPath(finding.source, cwd),
    pointer: toPointer(finding.path),
    range: {
      start: { line: start.line + 1, column: start.character + 1 },
      end: { line: end.line + 1, column: end.character + 1 },
    },
    nodeHash: finding.nodeHash,
    ...(finding.suppression ? { suppression: { kind: 'inSource', reason: finding.suppression.reason, pointer: toPointer(finding.suppression.path) } } : {}),
  };
}

/** Two root documents referencing one shared file report its findings once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.file, finding.pointer, finding.ruleId, finding.message, finding.range.start]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}


function activeRules(ruleset: LoadedRuleset, sources: readonly string[]): RuleMeta[] {
  return [...Object.values(diagnostics), ...enabledRules(ruleset, sources)].sort((a, b) => (a.id < b.id ? -1 : 1));
}
