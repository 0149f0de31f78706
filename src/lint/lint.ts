import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DIAGNOSTIC, diagnostics } from '../rules/diagnostics';
import { expandInputs, InputFile, STDIN_INPUT } from '../input/inputs';
import { DEFAULT_LIMITS, Limits } from '../input/limits';
import { enabledRules, LoadedRuleset, loadRuleset, ruleOptions } from '../config/ruleset';
import type { AuthzSettings } from '../authz/matrix';
import { ADMIN_SEGMENTS, READ_ONLY_SCOPES } from '../rules/support/authorization';
import { DocumentOutcome, EngineFinding, SpectralEngine, suppressionFinding } from '../engine/spectral-engine';
import { withPlaces } from '../snapshot/snapshot';
import { UsageError } from '../shared/errors';
import { sortFindings } from '../shared/findings';
import { isUrl, toPointer } from '../shared/pointer';
import type { AuthzDocument, DocumentSnapshot, Finding, LintResult, Range, RuleMeta, UnlintedFile } from '../shared/types';
import { Baseline, BaselineLocation, matchBaseline, parseBaseline } from './baseline';
import { createEngine, displayPath, lintFile, mustReport, sourceOf } from './lint-file';
import { FileCounter, FileLintOptions, LintOptions, rulesetLoadOptions } from './options';
import { LintedFiles, lintInWorkers } from './pool';

/**
 * Lints OpenAPI documents: files, directories, globs or `-` for `options.stdin`. Problems in the documents
 * are findings; user mistakes (missing paths, bad rulesets) throw {@link UsageError}.
 */
export async function lint(inputs: readonly string[], given: Partial<LintOptions> = {}): Promise<LintResult> {
  // The one read of the process in the library: a caller who names no directory means the current one, as Node's
  // own file APIs do. Everything below takes `cwd` from the options.
  // eslint-disable-next-line no-restricted-properties
  const options: LintOptions = { ...given, cwd: given.cwd ?? process.cwd() };
  const { cwd } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const root = await checkedRoot(options.root ?? cwd, cwd);
  const ruleset =
    typeof options.ruleset === 'object' ? options.ruleset : loadRuleset(options.ruleset, cwd, rulesetLoadOptions(options, limits));
  // Read first: a missing or broken baseline should stop the run before a long lint, not after it.
  const baseline = options.baseline === undefined ? undefined : await openBaseline(options.baseline, cwd);
  const { files, skipped: skippedPaths } = await expandInputs(inputs, cwd, root, options.exclude);
  const skipped = skippedPaths
    .map(({ file, reason }) => ({ file: displayPath(file, cwd), reason }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  if (files.length > limits.maxFiles) {
    throw new UsageError(
      `${files.length} files to lint, over the limit of ${limits.maxFiles}.`,
      'Lint fewer files per run, or raise --max-files.',
    );
  }
  const filesRead = createFileCounter(files.length);
  const { stdin, stdinFilepath, remote, skipNonOpenApi, allowJsRuleset, onlyRules, skipRules, snapshot } = options;
  const authorization = options.authorization ? authzSettings(ruleset) : undefined;
  const fileOptions: FileLintOptions = {
    cwd,
    stdin,
    stdinFilepath,
    root,
    remote,
    skipNonOpenApi,
    allowJsRuleset,
    onlyRules,
    skipRules,
    limits,
    authorization,
    snapshot,
  };
  // A ruleset built in memory cannot cross to a worker thread; one given by name (or none) is loaded there alike.
  const byName = typeof options.ruleset !== 'object';
  const threads = await threadCount(files, byName ? (options.jobs ?? 1) : 1);
  const engine = createEngine(ruleset, fileOptions, filesRead);
  const { outcomes, suppressions } =
    byName && threads > 1
      ? await lintInWorkers(
          files,
          { options: { ...fileOptions, ruleset: options.ruleset as string | undefined }, filesRead: filesRead.buffer as SharedArrayBuffer },
          threads - 1,
          { lint: (file) => lintFile(file, engine, fileOptions), suppressions: engine.suppressions },
        )
      : await lintInProcess(files, engine, fileOptions);

  const lintedSources: string[] = [];
  const referenced = new Set<string>();
  const reportedFiles: string[] = [];
  const unlinted: UnlintedFile[] = [];
  const findings: Finding[] = [];
  const matrices: AuthzDocument[] = [];
  const snapshots: DocumentSnapshot[] = [];
  files.forEach((file, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) return;
    const source = sourceOf(file, options);
    // A file that claims to be OpenAPI is reported whatever is wrong with it: an unknown version or a syntax error
    // must fail the run, not skip the file.
    const reported = mustReport(file, options) || outcome.kind === 'linted' || outcome.looksLikeOpenApi;
    if (!reported) return;
    const displayed = displayPath(source, cwd);
    reportedFiles.push(displayed);
    if (outcome.kind === 'linted') {
      lintedSources.push(source);
      if (outcome.authorization) matrices.push({ file: displayed, operations: outcome.authorization });
      if (outcome.snapshot)
        snapshots.push({
          file: displayed,
          snapshot: withPlaces(outcome.snapshot, ({ source: placeSource, path, range }) => ({
            file: displayPath(placeSource, cwd),
            pointer: toPointer(path),
            ...toRange(range).start,
          })),
        });
      for (const href of outcome.referenced) referenced.add(isUrl(href) ? href : displayPath(href, cwd));
    } else {
      unlinted.push({
        file: displayed,
        reason: outcome.findings[0].ruleId as UnlintedFile['reason'],
        message: outcome.findings[0].message,
      });
    }
    // A loop, not push(...): a large document has more findings than a call may take arguments.
    for (const finding of outcome.findings) findings.push(toFinding(finding, cwd));
  });
  if (reportedFiles.length === 0 && !options.skipNonOpenApi) {
    throw new UsageError(
      `No OpenAPI documents found in ${inputs.join(', ')}.`,
      'Pass OpenAPI 3.x or Swagger 2.0 files, or directories holding them.',
    );
  }
  const rules = activeRules(ruleset, lintedSources);
  const enabledIds = new Set(rules.map((rule) => rule.id));
  for (const problem of suppressions.unused(enabledIds))
    findings.push(toFinding(suppressionFinding(DIAGNOSTIC.unusedSuppression, problem), cwd));
  const sorted = sortFindings(dedupe(findings));
  const active = sorted.filter((finding) => finding.suppression === undefined);
  const suppressed = sorted.filter((finding) => finding.suppression !== undefined);
  const read = {
    files: reportedFiles,
    unlinted,
    skipped,
    referenced: [...referenced].sort(),
    ...(authorization ? { authorization: matrices } : {}),
    ...(snapshot ? { snapshots } : {}),
  };
  if (baseline === undefined) return { ...read, findings: active, suppressed, baselined: [], rules };
  const { fresh, known, stale } = matchBaseline(baseline.contents, active, reportedFiles, baseline.location);
  return { ...read, findings: fresh, suppressed, baselined: known, baseline: { file: baseline.name, stale: stale.length }, rules };
}

/**
 * What the authorization matrix judges by: the ruleset's options for the rules that report the same things, so
 * that the table and the findings agree, or their defaults.
 */
function authzSettings(ruleset: LoadedRuleset): AuthzSettings {
  const readOnlyScopes = ruleOptions(ruleset, 'no-write-with-read-only-scope')?.readOnlyScopes;
  const adminSegments = ruleOptions(ruleset, 'require-distinct-admin-security')?.adminSegments;
  const strings = (value: unknown, fallback: readonly string[]) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fallback;
  return { readOnlyScopes: strings(readOnlyScopes, READ_ONLY_SCOPES), adminSegments: strings(adminSegments, ADMIN_SEGMENTS) };
}

/** The root `$ref`s are confined to: an existing directory, or a usage error. */
async function checkedRoot(root: string, cwd: string): Promise<string> {
  const info = await stat(root).catch(() => undefined);
  if (info?.isDirectory()) return root;
  throw new UsageError(
    `The root ${displayPath(root, cwd) || '.'} is ${info ? 'not a directory' : 'missing'}.`,
    '--root names the directory that $refs and rulesets may read below.',
  );
}

function createFileCounter(initial: number): FileCounter {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(counter, 0, initial);
  return counter;
}

async function lintInProcess(files: InputFile[], engine: SpectralEngine, options: FileLintOptions): Promise<LintedFiles> {
  const outcomes: (DocumentOutcome | undefined)[] = [];
  for (const file of files) outcomes.push(await lintFile(file, engine, options));
  return { outcomes, suppressions: engine.suppressions };
}

/** Inputs smaller than this in all are linted in-process: a worker must start and warm up, about as long as linting 3 MB takes. */
const PARALLEL_MIN_BYTES = 6 * 1024 * 1024;

/** How many threads to lint `files` on, this one included: 1 (this one) for a single file or a small total. */
async function threadCount(files: readonly InputFile[], jobs: number): Promise<number> {
  if (jobs <= 1 || files.length < 2) return 1;
  let bytes = 0;
  for (const file of files) {
    bytes +=
      file.path === STDIN_INPUT
        ? 0
        : await stat(file.path).then(
            (info) => info.size,
            () => 0,
          );
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

function toFinding(finding: EngineFinding, cwd: string): Finding {
  return {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    file: displayPath(finding.source, cwd),
    pointer: toPointer(finding.path),
    range: toRange(finding.range),
    nodeHash: finding.nodeHash,
    ...(finding.suppression
      ? { suppression: { kind: 'inSource', reason: finding.suppression.reason, pointer: toPointer(finding.suppression.path) } }
      : {}),
    ...(finding.related
      ? {
          related: finding.related.map(({ source, path, range, message }) => ({
            file: displayPath(source, cwd),
            pointer: toPointer(path),
            range: toRange(range),
            message,
          })),
        }
      : {}),
  };
}

/** A 1-based range from the engine's 0-based one. */
function toRange({ start, end }: EngineFinding['range']): Range {
  return { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } };
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
