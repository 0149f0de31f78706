import type { Resolver } from '@stoplight/spectral-ref-resolver';
import type { IResolveError } from '@stoplight/json-ref-resolver/types';
import { withSafeKeys } from './document-safety';
import { LocalFirstResolver } from './local-refs';
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { checkLimits, isJson, Limits, positionAt } from './limits';
import { fetchRemote, RefusedFetch, RemoteClock, RemotePolicy } from './remote';

/** What documents may make oasguard read. */
export interface AccessPolicy {
  /** Referenced files must have their real path below this directory. */
  root: string;
  limits: Limits;
  /** How remote refs are fetched; without it they are refused. */
  remote?: RemotePolicy;
}

/** Marks resolver errors that are refusals of an unsafe `$ref` (reported as `unsafe-ref`), not missing targets. */
export const UNSAFE_REF_MARK = 'oasguard-unsafe-ref: ';

/** A file that is not UTF-8 text: reported as a parse error, not as an I/O failure. */
export class EncodingError extends Error {
  constructor(readonly line: number, readonly column: number) {
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

/** A URI scheme such as `http:`; one letter is a Windows drive, not a scheme. */
const URI_SCHEME = /^([a-z][a-z0-9+.-]+):/i;

type ResolverOptions = NonNullable<ConstructorParameters<typeof Resolver>[0]>;
/** The resolver's URI type (urijs), without depending on urijs directly. */
type URI = NonNullable<Parameters<NonNullable<ResolverOptions['transformRef']>>[0]['ref']>;

/** The scheme of refused refs: the transform below rewrites them to it, so that no resolver ever reads them. */
const REFUSED_SCHEME = 'oasguard-refused';

/** Why a `$ref` written as `raw` and resolved to `target` must not be followed, or undefined when it may be. */
function refusal(raw: string, target: URI, policy: AccessPolicy): string | undefined {
  if (raw.startsWith('#')) return undefined;
  const scheme = URI_SCHEME.exec(raw)?.[1].toLowerCase();
  if (scheme === 'https' && policy.remote) return undefined;
  if (scheme === 'http' && policy.remote) return 'plain http: is never fetched; only https: references are, with --allow-remote-refs';
  if (scheme === 'file') return 'file: URIs are absolute paths, which are never followed';
  if (scheme !== undefined) return `remote references are not fetched (--allow-remote-refs allows https:)`;
  if (/^([/\\]|[a-z]:[/\\])/i.test(raw)) return 'absolute paths are never followed; use a path relative to the document';
  const targetScheme = target.scheme();
  // A relative ref inside a remote document resolves against its URL: the remote policy decides.
  if (targetScheme === 'https' || targetScheme === 'http') return refusal(target.href(), target, policy);
  if (!isInside(policy.root, target.path())) return 'it leaves the project root (--root)';
  return undefined;
}

/** The text of a referenced file or URL, checked against the limits before any parser sees it. */
function withinLimits(text: string, href: string, limits: Limits): string {
  const violation = checkLimits(text, isJson(href, text), limits);
  if (violation) throw new Error(`${UNSAFE_REF_MARK}${violation.message.replace(/^The document/, `${href}`)}`);
  return text;
}

/**
 * A `$ref` resolver that follows only what the policy allows: local files whose real path (symlinks followed) is
 * below the root, and https URLs when remote refs are allowed. Refused refs are rewritten before resolution, so
 * their targets are never read; `onRead` hears of every file read.
 */
export function createConfinedResolver(
  policy: AccessPolicy,
  onRead: (href: string, text: string) => void,
  countFile: () => void,
  onResolved: (errors: IResolveError[]) => void,
): Resolver {
  const realRoot = fs.realpath(policy.root);
  const remoteClock = policy.remote && new RemoteClock(policy.remote);
  const shown = (path: string) => (isInside(policy.root, path) ? relative(policy.root, path).split(sep).join('/') : path);
  const resolver = new LocalFirstResolver({
    // `val` is the object holding the `$ref`, whose string is what the author wrote.
    transformRef: ({ val, ref }) => {
      const raw: unknown = (val as { $ref?: unknown } | null)?.$ref;
      if (ref === undefined || typeof raw !== 'string') return ref;
      const reason = refusal(raw, ref, policy);
      return reason === undefined ? ref : ref.clone().href(`${REFUSED_SCHEME}:${encodeURIComponent(`Refused $ref "${raw}": ${reason}.`)}`);
    },
    resolvers: {
      [REFUSED_SCHEME]: {
        resolve: async (uri: URI) => {
          throw new Error(`${UNSAFE_REF_MARK}${decodeURIComponent(uri.path())}`);
        },
      },
      https: {
        resolve: async (uri: URI) => {
          countFile();
          const body = await fetchRemote(uri.href(), policy.remote!, policy.limits.maxFileSize, remoteClock!).catch((error: Error) => {
            throw error instanceof RefusedFetch ? new Error(`${UNSAFE_REF_MARK}Refused $ref to ${uri.href()}: ${error.message}.`) : error;
          });
          const text = withinLimits(body, uri.href(), policy.limits);
          onRead(uri.href(), text);
          return withSafeKeys(text, isJson(uri.href(), text));
        },
      },
      file: {
        resolve: async (uri: URI) => {
          const path = uri.href();
          const realPath = await fs.realpath(path).catch(() => {
            throw new Error(`no such file: ${shown(path)}`);
          });
          if (!isInside(await realRoot, realPath)) {
            throw new Error(`${UNSAFE_REF_MARK}Refused $ref to ${shown(path)}: its real path (through a symlink) is outside the project root.`);
          }
          countFile();
          const text = await readLimited(realPath, policy.limits.maxFileSize).catch((error: Error) => {
            throw new Error(error instanceof EncodingError ? `${shown(path)} is not UTF-8 text` : `cannot read ${shown(path)}`);
          });
          onRead(path, withinLimits(text, path, policy.limits));
          // Spectral parses what a resolver returns: with its __proto__ keys plain, as the root document's are.
          return withSafeKeys(text, isJson(path, text));
        },
      },
    },
  });
  // Spectral reports a document's resolver errors once per distinct message: two refs to one missing file, or two
  // remote refs that time out, would show as one. The engine reports every error from this list instead.
  const resolve = resolver.resolve.bind(resolver);
  resolver.resolve = async (source, opts) => {
    const result = await resolve(source, opts);
    onResolved(result.errors);
    return result;
  };
  return resolver;
}
