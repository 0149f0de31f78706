import * as nodeFs from 'node:fs';
import { promises as fs } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../shared/errors';
import type { SkippedFile } from '../shared/types';
import { isInside } from './read';

/** The input name that means standard input. */
export const STDIN_INPUT = '-';

/** A file to lint, and whether the user named it (then it must be OpenAPI) or it was found in a directory or glob. */
export interface InputFile {
  /** Absolute path, or {@link STDIN_INPUT}. */
  path: string;
  explicit: boolean;
}

/** The files to lint, and those a search found but may not read. */
export interface Expansion {
  files: InputFile[];
  /** Absolute paths. */
  skipped: SkippedFile[];
}

const SPEC_FILES = '**/*.{yaml,yml,json}';
/** Directories users never mean to lint: dependencies and VCS metadata. */
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands CLI inputs: `-` (stdin), files, directories (recursively, YAML and JSON files) and globs. Missing paths
 * and globs matching nothing are usage errors. Order is preserved; duplicates are dropped. Files a directory or glob
 * search finds are left out when their path (relative to `cwd`) matches an `exclude` glob or a `!glob` input;
 * files named outright are always linted.
 *
 * A repository can hold symlinks to anything: a file found by a search is read only when it is a regular file whose
 * real path is inside `root` (or inside the directory searched, which the user chose); others are skipped unread.
 * A symlink named on the command line that leaves them is a usage error: the run fails rather than pass it.
 */
export async function expandInputs(
  inputs: readonly string[],
  cwd: string,
  root: string,
  exclude: readonly string[] = [],
): Promise<Expansion> {
  // `!pattern` among the inputs excludes too, as it does for globbing tools users know.
  const excludes = [...exclude, ...inputs.filter((input) => input.startsWith('!')).map((input) => input.slice(1))];
  const excluded = excludes.length === 0 ? () => false : picomatch(excludes, { dot: true });
  const files = new Map<string, InputFile>();
  const skipped: SkippedFile[] = [];
  const realRoot = await fs.realpath(root);
  const add = (file: InputFile) => {
    const known = files.get(file.path);
    if (!known || (file.explicit && !known.explicit)) files.set(file.path, file);
  };
  /** Files a search found, each checked like a `$ref`'s target; a search never enters a directory outside both. */
  const search = async (pattern: string, base: string) => {
    const realDirs = [realRoot, await fs.realpath(base)];
    const found = await findFiles(pattern, base, realDirs, (link) => skipped.push({ file: link, reason: OUTSIDE }));
    for (const path of found) {
      if (excluded(relative(cwd, path).split(sep).join('/'))) continue;
      const reason = await unreadable(path, realDirs);
      if (reason === undefined) add({ path, explicit: false });
      else skipped.push({ file: path, reason });
    }
    return found.length;
  };
  for (const input of inputs.filter((each) => !each.startsWith('!'))) {
    if (input === STDIN_INPUT) {
      add({ path: STDIN_INPUT, explicit: true });
      continue;
    }
    const path = resolve(cwd, input);
    const [link, stat] = await Promise.all([fs.lstat(path).catch(() => undefined), fs.stat(path).catch(() => undefined)]);
    if (stat?.isFile()) {
      const reason = link?.isSymbolicLink() ? await unreadable(path, [realRoot, cwd]) : undefined;
      if (reason !== undefined)
        throw new UsageError(
          `Refused ${input}: ${reason}.`,
          'Name the file it points to, or lint from a directory that holds it (--root).',
        );
      add({ path, explicit: true });
    } else if (stat?.isDirectory()) {
      await search(SPEC_FILES, path);
    } else if (isDynamicPattern(input)) {
      if ((await search(input, cwd)) === 0) throw new UsageError(`No files match "${input}".`);
    } else if (stat) {
      throw new UsageError(`Not a regular file: ${input}`, 'Sockets, pipes and devices are not read.');
    } else {
      throw new UsageError(`No such file or directory: ${input}`);
    }
  }
  return { files: [...files.values()], skipped };
}

const OUTSIDE = 'a symlink whose real path is outside the root';

/** Why a found file may not be read: it is not a regular file, or its real path is in none of `realDirs`. */
async function unreadable(path: string, realDirs: string[]): Promise<string | undefined> {
  const realPath = await fs.realpath(path).catch(() => undefined);
  if (realPath === undefined) return 'a broken symlink';
  if (!realDirs.some((dir) => isInside(dir, realPath))) return OUTSIDE;
  const stat = await fs.stat(realPath).catch(() => undefined);
  return stat?.isFile() ? undefined : 'not a regular file';
}

/**
 * The files matching `pattern` below `cwd`. Symlinks are followed (the library stops at loops) only where their real
 * path is in `realDirs`: `up -> ..` or `all -> /` must not walk the machine, nor `key.yaml -> /proc/kmsg` be read.
 */
async function findFiles(pattern: string, cwd: string, realDirs: string[], refused: (link: string) => void): Promise<string[]> {
  // The library resolves every symlink it meets through this, and passes over one it cannot resolve.
  const realpath = ((path: string, callback: (error: Error | null, resolved?: string) => void) => {
    nodeFs.realpath(path, (error, resolved) => {
      if (error || realDirs.some((dir) => isInside(dir, resolved))) return callback(error, resolved);
      refused(path.replace(/[/\\]$/, ''));
      callback(new Error('outside the root'));
    });
  }) as typeof nodeFs.realpath;
  const found = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    ignore: IGNORED,
    expandDirectories: false,
    fs: { ...nodeFs, realpath },
  });
  return found.sort();
}
