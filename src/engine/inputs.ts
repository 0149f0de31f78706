import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors';

/** The input name that means standard input. */
export const STDIN_INPUT = '-';

/** A file to lint, and whether the user named it (then it must be OpenAPI) or it was found in a directory or glob. */
export interface InputFile {
  /** Absolute path, or {@link STDIN_INPUT}. */
  path: string;
  explicit: boolean;
}

const SPEC_FILES = '**/*.{yaml,yml,json}';
/** Directories users never mean to lint: dependencies and VCS metadata. */
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands CLI inputs: `-` (stdin), files, directories (recursively, YAML and JSON files) and globs.
 * Missing paths and globs matching nothing are usage errors. Order is preserved; duplicates are dropped.
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<InputFile[]> {
  const files = new Map<string, InputFile>();
  const add = (file: InputFile) => {
    const known = files.get(file.path);
    if (!known || (file.explicit && !known.explicit)) files.set(file.path, file);
  };
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      add({ path: STDIN_INPUT, explicit: true });
      continue;
    }
    const path = resolve(cwd, input);
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat?.isFile()) add({ path, explicit: true });
    else if (stat?.isDirectory()) {
      for (const found of await findFiles(SPEC_FILES, path)) add({ path: found, explicit: false });
    } else if (isDynamicPattern(input)) {
      const found = await findFiles(input, cwd);
      if (found.length === 0) throw new UsageError(`No files match "${input}".`);
      for (const file of found) add({ path: file, explicit: false });
    } else if (stat) {
      throw new UsageError(`Not a regular file: ${input}`, 'Sockets, pipes and devices are not read.');
    } else {
      throw new UsageError(`No such file or directory: ${input}`);
    }
  }
  return [...files.values()];
}

async function findFiles(pattern: string, cwd: string): Promise<string[]> {
  const found = await glob(pattern, { cwd, absolute: true, onlyFiles: true, ignore: IGNORED, expandDirectories: false });
  return found.sort();
}
