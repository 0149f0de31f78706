import { Resolver } from '@stoplight/spectral-ref-resolver';
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/** Limits and confinement for reading referenced files. */
export interface FileAccessPolicy {
  /** Referenced files must have their real path below this directory. */
  root: string;
  /** Largest file read, in bytes. */
  maxFileSize: number;
}

/** Whether `path` is `root` or below it. */
export function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot));
}

/** Reads a text file no larger than `maxFileSize` bytes, or throws an error whose message users can read. */
export async function readLimited(path: string, maxFileSize: number): Promise<string> {
  const stat = await fs.stat(path).catch(() => {
    throw new Error(`no such file: ${path}`);
  });
  if (!stat.isFile()) throw new Error(`not a file: ${path}`);
  if (stat.size > maxFileSize) {
    throw new Error(`${path} is ${stat.size} bytes, over the ${maxFileSize}-byte limit`);
  }
  return fs.readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${path} (${error.code ?? error.message})`);
  });
}

/** Like {@link readLimited}, but only for files whose real path (symlinks followed) lies inside the root. */
export async function readConfined(path: string, policy: FileAccessPolicy): Promise<string> {
  const realPath = await fs.realpath(path).catch(() => {
    throw new Error(`no such file: ${path}`);
  });
  const realRoot = await fs.realpath(policy.root);
  if (!isInside(realRoot, realPath)) {
    throw new Error(`refused to read ${path}: it is outside the project root ${policy.root}`);
  }
  return readLimited(realPath, policy.maxFileSize);
}

/**
 * A `$ref` resolver that reads only local files inside the root. No http(s) resolver is registered, so
 * remote references fail as unresolved instead of being fetched (Spectral's default fetches them).
 */
export function createConfinedResolver(policy: FileAccessPolicy): Resolver {
  return new Resolver({
    resolvers: {
      file: { resolve: (ref) => readConfined(ref.href(), policy) },
    },
  });
}
