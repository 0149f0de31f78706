import { Resolver } from '@stoplight/spectral-ref-resolver';
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A URI scheme such as `http:`; one letter is a Windows drive, not a scheme. */
const URI_SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/**
 * Reads a referenced file: only local paths whose real path (symlinks followed) lies inside the root.
 * Error messages name files relative to the root, so reports do not depend on where the project lives.
 */
export async function readConfined(href: string, policy: FileAccessPolicy): Promise<string> {
  const scheme = URI_SCHEME.exec(href)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'file') throw new Error(`remote reference not followed: ${href}`);
  const path = scheme === 'file' ? fileURLToPath(href) : href;
  const shown = isInside(policy.root, path) ? relative(policy.root, path).split(sep).join('/') : path;
  const realPath = await fs.realpath(path).catch(() => {
    throw new Error(`no such file: ${shown}`);
  });
  if (!isInside(await fs.realpath(policy.root), realPath)) {
    throw new Error(`refused to read ${shown}: it is outside the project root`);
  }
  return readLimited(realPath, policy.maxFileSize).catch(() => {
    throw new Error(`cannot read ${shown}`);
  });
}

/**
 * A `$ref` resolver that reads only local files inside the root, and tells `onRead` what it read. Spectral's default fetches http(s) refs;
 * here every reference, whatever its scheme, goes to {@link readConfined}, which refuses remote ones.
 */
export function createConfinedResolver(policy: FileAccessPolicy, onRead: (href: string, text: string) => void): Resolver {
  return new Resolver({
    resolvers: {
      file: {
        resolve: async (ref) => {
          const text = await readConfined(ref.href(), policy);
          onRead(ref.href(), text);
          return text;
        },
      },
    },
  });
}
