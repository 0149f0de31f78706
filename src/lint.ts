import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Baseline, BaselineLocation, matchBaseline, parseBaseline } from './baseline';
import { diagnostics } from './engine/diagnostics';
import { expandInputs, InputFile, STDIN_INPUT } from './engine/inputs';
import { DEFAULT_LIMITS, Limits } from './engine/limits';
import type { RemotePolicy } from './engine/remote';
import { EncodingError, readLimited } from './engine/resolver';
import { enabledRules, findRulesetFile, LoadedRuleset, loadRuleset } from './engine/ruleset';
import { EngineFinding, SpectralEngine, undecodable } from './engine/spectral-engine';
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
  /** The text linted for the input `-`. */
  stdin?: string;
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
}

/** Name shown for standard input in findings. */
export const STDIN_NAME = '<stdin>';


/** An `openapi` or `swagger` key anywhere, quoted or not: a cheap test before parsing a file that may be skipped. */
const MENTIONS_OPENAPI = /\b(?:openapi|swagger)\b["']?\s*:/;

/**
 * Lints OpenAPI documents: files, directories, globs or `-` for `options.stdin`. Problems in the documents
 * are findings; user mistakes (missing paths, bad rulesets) throw {@link UsageError}.
 */
export async function lint(inputs: readonly string[], options: LintOptions): Promise<LintResult> {
  const { cwd } = options;
  const ruleset =
    typeof options.ruleset === 'object'
      ? options.ruleset
      : loadRuleset(options.ruleset ?? findRulesetFile(cwd) ?? 'recommended', cwd, { allowJs: options.allowJsRuleset });
  // Read first: a missing or broken baseline should stop the run before a long lint, not after it.
  const baseline = options.baseline === undefined ? undefined : await openBaseline(options.baseline, cwd);
    const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const files = await expandInputs(inputs, cwd);
  if (files.length > limits.maxFiles) {
    throw new UsageError(`${files.length} files to lint, over the limit of ${limits.maxFiles}.`, 'Lint fewer files per run, or raise --max-files.');
  }
  let filesRead = files.length;
  const countFile = () => {
    filesRead += 1;
    if (filesRead > limits.maxFiles) throw new Error(`more than ${limits.maxFiles} files read (--max-files)`);
  };
  const engine = new SpectralEngine(ruleset, { root: options.root ?? cwd, limits, remote: options.remote }, countFile);

  const lintedSources: string[] = [];
  const reportedFiles: string[] = [];
  const unlinted: UnlintedFile[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const source = file.path === STDIN_INPUT ? join(cwd, STDIN_NAME) : file.path;
    const mustReport = file.explicit && !options.skipNonOpenApi;
    const text = await readInput(file, options, limits.maxFileSize);
    // Pre-commit passes every staged YAML/JSON file: most never mention OpenAPI and need no parse.
    if (!mustReport && (text instanceof EncodingError || !MENTIONS_OPENAPI.test(text))) continue;
    const outcome = text instanceof EncodingError ? undecodable(source, text) : await engine.lintDocument({ source, text });
    const reported = mustReport || outcome.kind === 'linted' || (outcome.kind === 'unparsable' && outcome.looksLikeOpenApi);
    if (!reported) continue;
    const displayed = displayPath(source, cwd);
    reportedFiles.push(displayed);
    if (outcome.kind === 'linted') {
      lintedSources.push(source);
    } else {
      unlinted.push({ file: displayed, reason: outcome.kind === 'unparsable' ? 'parse-error' : 'not-openapi', message: outcome.findings[0].message });
    }
    // A loop, not push(...): a large document has more findings than a call may take arguments.
    for (const finding of outcome.findings) findings.push(toFinding(finding, cwd));
  }
  if (reportedFiles.length === 0 && !options.skipNonOpenApi) {
    throw new UsageError(`No OpenAPI documents found in ${inputs.join(', ')}.`, 'Pass OpenAPI 3.x or Swagger 2.0 files, or directories holding them.');
  }
  const rules = activeRules(ruleset, lintedSources);
  for (const finding of engine.unusedSuppressions(new Set(rules.map((rule) => rule.id)))) findings.push(toFinding(finding, cwd));
  const sorted = sortFindings(dedupe(findings));
  const active = sorted.filter((finding) => finding.suppression === undefined);
  const suppressed = sorted.filter((finding) => finding.suppression !== undefined);
  if (baseline === undefined) return { files: reportedFiles, unlinted, findings: active, suppressed, baselined: [], rules };
  const { fresh, known, stale } = matchBaseline(baseline.contents, active, reportedFiles, baseline.location);
  return { files: reportedFiles, unlinted, findings: fresh, suppressed, baselined: known, baseline: { file: baseline.name, stale: stale.length }, rules };
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

/** The text of an input; a file that is not UTF-8 is a finding, not a usage error. */
async function readInput(file: InputFile, options: LintOptions, maxFileSize: number): Promise<string | EncodingError> {
  if (file.path === STDIN_INPUT) return options.stdin ?? '';
  // The documents given to lint may live anywhere; only what they reference is confined to the root.
  return readLimited(file.path, maxFileSize).catch((error: Error) => {
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
