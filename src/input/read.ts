/** Reading a file as oasguard reads every input: strict UTF-8, no larger than the size limit, confined by path. */
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { positionAt } from './limits';

/** A file that is not UTF-8 text: reported as a parse error, not as an I/O failure. */
export class EncodingError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super(`The file is not UTF-8 text (an invalid byte at line ${line + 1}).`);
  }
}

/** Whether `path` is `root` or below it. */
export function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (a BOM is dropped); on an invalid byte, an {@link EncodingError} saying where. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const { line, character } = positionAt(lossy, Math.max(lossy.indexOf('\uFFFD'), 0));
    throw new EncodingError(line, character);
  }
}

/** Reads a UTF-8 text file no larger than `maxFileSize` bytes, or throws an error whose message users can read. */
export async function readLimited(path: string, maxFileSize: number): Promise<string> {
  const stat = await fs.stat(path).catch(() => {
    throw new Error(`no such file: ${path}`);
  });
  if (!stat.isFile()) throw new Error(`not a file: ${path}`);
  if (stat.size > maxFileSize) {
    throw new Error(`${path} is ${stat.size} bytes, over the ${maxFileSize}-byte limit (--max-file-size)`);
  }
  const bytes = await fs.readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${path} (${error.code ?? error.message})`);
  });
  return decodeUtf8(bytes);
}
