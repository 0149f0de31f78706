/**
 * The files of a git revision, for `oasguard diff --base REV`: read with git's plumbing (`ls-tree`, `cat-file`), which
 * runs no hooks, filters or checkout, and written to a new temporary directory laid out as the repository is. The
 * work tree, the index and the refs are never touched. Only the YAML and JSON blobs below the lint's root are written
 * (what documents and their `$ref`s are made of, where the lint may read): no symlinks, no submodules, nothing over
 * the size limit.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../shared/errors';

/** What `git ls-tree` lists that a lint may read. */
const DOCUMENT_FILE = /\.(ya?ml|json)$/i;

/** A revision's files on disk, and how to remove them. */
export interface RevisionTree {
  /** The temporary directory standing for the repository's top level. */
  root: string;
  /** The repository's top level in the work tree. */
  repository: string;
  remove(): Promise<void>;
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolvePromise(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(
          new UsageError('--base needs git, which is not installed.', 'Install git, or compare two files: oasguard diff OLD NEW.'),
        );
      reject(new GitError(stderr.trim().split('\n')[0] || error.message));
    });
  });
}

class GitError extends Error {}

/** Reads blobs by id through one `git cat-file --batch`: their contents, in the order asked. */
function readBlobs(cwd: string, ids: readonly string[]): Promise<Buffer[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(`git cat-file exited with ${code}`));
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let offset = 0;
      for (let index = 0; index < ids.length; index += 1) {
        const headerEnd = output.indexOf(10, offset);
        const size = Number(output.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
        blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
        offset = headerEnd + 1 + size + 1;
      }
      resolvePromise(blobs);
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(''));
  });
}

/**
 * Writes the YAML and JSON files of `revision` (of the repository holding `cwd`) of at most `maxFileSize` bytes that
 * are below `root` (a real path in the work tree: the lint reads nothing else) into a temporary directory. Usage
 * errors: not a repository, an unknown revision, no git.
 */
export async function revisionTree(cwd: string, revision: string, root: string, maxFileSize: number): Promise<RevisionTree> {
  const repository = (
    await git(cwd, ['rev-parse', '--show-toplevel']).catch((error: unknown) => {
      throw error instanceof GitError ? new UsageError(`--base needs a git repository: ${cwd} is not in one.`) : error;
    })
  ).trim();
  // `--end-of-options`: a revision that starts with a dash is a revision, never an option.
  const commit = (
    await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).catch(() => {
      throw new UsageError(`Unknown revision "${revision}".`, 'Name a commit, branch or tag; in CI, fetch it first (fetch-depth: 0).');
    })
  ).trim();
  const listing = await git(repository, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit]);
  const below = relative(repository, root).split(sep).join('/');
  const underRoot = (path: string) => below === '' || path.startsWith(`${below}/`);
  const files = listing
    .split('\0')
    .filter(Boolean)
    .flatMap((entry) => {
      const tab = entry.indexOf('\t');
      const [mode, type, id, size] = entry.slice(0, tab).split(/\s+/);
      const path = entry.slice(tab + 1);
      // Regular files only: a symlink's blob is its target's name, and a submodule is another repository.
      const regular = type === 'blob' && (mode === '100644' || mode === '100755');
      return regular && underRoot(path) && DOCUMENT_FILE.test(path) && Number(size) <= maxFileSize ? [{ id, path }] : [];
    });
  const copy = await mkdtemp(join(tmpdir(), 'oasguard-base-'));
  const remove = () => rm(copy, { recursive: true, force: true });
  try {
    const blobs = await readBlobs(
      repository,
      files.map(({ id }) => id),
    );
    for (const [index, { path }] of files.entries()) {
      const target = resolve(copy, path);
      // git refuses `..` in tree paths; a crafted tree is refused here too.
      if (relative(copy, target).startsWith(`..${sep}`)) continue;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, blobs[index], { flag: 'wx' });
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { root: copy, repository, remove };
}
