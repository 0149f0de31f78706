/**
 * Where a node of the resolved document is written: the resolved path followed through the `$ref`s of the parsed
 * files, as Spectral places a finding, for what `oasguard diff` reports that no rule found.
 */
import { dirname, resolve } from 'node:path';
import { fromPointer, isUrl } from '../shared/pointer';

type Path = (string | number)[];

/** A parsed file: its absolute path (or URL) and data. */
export interface ParsedFile {
  source: string;
  data: unknown;
}

/** How far a chain of `$ref`s is followed before giving up on a place: past it, the `$ref` itself is the place. */
const MAX_HOPS = 64;

/** The segments of a JSON pointer fragment (`/components/schemas/Pet`), or undefined when it is not one. */
function pointerSegments(fragment: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  return decoded === '' || decoded.startsWith('/') ? fromPointer(decoded) : undefined;
}

/** The file (absolute) or URL a `$ref`'s file part names, from the file holding the `$ref`. */
export function refTarget(file: string, source: string): string {
  return isUrl(file) ? file : resolve(dirname(source), file);
}

function child(node: unknown, segment: string | number): unknown {
  return typeof node === 'object' && node !== null && Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
}

/**
 * The file and path where the node at `path` of the resolved `root` is written. A `$ref` met on the way is followed
 * into its target, in the same file or in another one `fileOf` has parsed; one that cannot be is the place.
 */
export function placeOf<F extends ParsedFile>(
  path: readonly (string | number)[],
  root: F,
  fileOf: (source: string) => F | undefined,
): { file: F; path: Path } {
  let file = root;
  let node = root.data;
  let at: Path = [];
  let hops = 0;
  for (const segment of path) {
    for (let ref = child(node, '$ref'); typeof ref === 'string' && hops < MAX_HOPS; ref = child(node, '$ref'), hops += 1) {
      const hash = ref.indexOf('#');
      const target = hash < 0 ? ref : ref.slice(0, hash);
      const segments = pointerSegments(hash < 0 ? '' : ref.slice(hash + 1));
      const targetFile = target === '' ? file : fileOf(refTarget(target, file.source));
      if (segments === undefined || targetFile === undefined) return { file, path: at };
      file = targetFile;
      node = file.data;
      at = [];
      for (const step of segments) {
        at.push(Array.isArray(node) ? Number(step) : step);
        node = child(node, step);
      }
    }
    node = child(node, segment);
    at.push(segment);
  }
  return { file, path: at };
}
