/** One file's lint, in the main thread or a worker: the engine it runs on, reading the input, judging the outcome. */
import { join, relative, resolve, sep } from 'node:path';
import { InputFile, STDIN_INPUT } from '../input/inputs';
import { decodeUtf8, EncodingError, readLimited } from '../input/read';
import type { LoadedRuleset } from '../config/ruleset';
import { DocumentOutcome, failedDocument, SpectralEngine, undecodable } from '../engine/spectral-engine';
import { UsageError } from '../shared/errors';
import { FileCounter, FileLintOptions, LintOptions, STDIN_NAME } from './options';

/**
 * A cheap test before parsing a file that may be skipped: the words `openapi` or `swagger`, or an escape (`\u006f`),
 * which could spell them in a key. A file that passes is parsed, and judged by its keys.
 */
const MAY_BE_OPENAPI = /openapi|swagger|\\/i;

export function createEngine(ruleset: LoadedRuleset, options: FileLintOptions, filesRead: FileCounter): SpectralEngine {
  const { limits } = options;
  const countFile = () => {
    if (Atomics.add(filesRead, 0, 1) + 1 > limits.maxFiles)
      throw new Error(`more than ${limits.maxFiles} file${limits.maxFiles === 1 ? '' : 's'} read (--max-files)`);
  };
  return new SpectralEngine(
    ruleset,
    { root: options.root ?? options.cwd, limits, remote: options.remote },
    countFile,
    options.authorization,
    options.snapshot,
  );
}

/** The absolute path findings in an input are reported under (a made-up one for standard input). */
export function sourceOf(file: InputFile, options: Pick<LintOptions, 'cwd' | 'stdinFilepath'>): string {
  if (file.path !== STDIN_INPUT) return file.path;
  return options.stdinFilepath === undefined ? join(options.cwd, STDIN_NAME) : resolve(options.cwd, options.stdinFilepath);
}

/** Whether an input must be reported even when it is not OpenAPI: the user named it, and did not ask to skip such. */
export function mustReport(file: InputFile, options: Pick<LintOptions, 'skipNonOpenApi'>): boolean {
  return file.explicit && !options.skipNonOpenApi;
}

/** Lints one input; undefined when a file found by a search (or a pre-commit hook) is plainly not OpenAPI. */
export async function lintFile(file: InputFile, engine: SpectralEngine, options: FileLintOptions): Promise<DocumentOutcome | undefined> {
  const source = sourceOf(file, options);
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
    if (size > options.limits.maxFileSize)
      throw new UsageError(`Standard input is over the ${options.limits.maxFileSize}-byte limit (--max-file-size).`);
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
export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/');
}
