/**
 * The seam between documents and the file system or network: the `$ref` resolver Spectral runs, confined to the
 * root and the remote policy. Refusals reach the engine through unsafe-ref.ts.
 */
import type { ICache, IResolveError, Resolver } from '../stoplight';
import { withSafeKeys } from '../input/document-safety';
import { decodeRefMapPointers, LocalFirstResolver } from './local-refs';
import { promises as fs } from 'node:fs';
import { relative, sep } from 'node:path';
import { EncodingError, isInside, readLimited } from '../input/read';
import { unsafeRefError } from './unsafe-ref';
import { checkLimits, isJson, Limits } from '../input/limits';
import { fetchRemote, RefusedFetch, RemoteClock, RemotePolicy } from './remote';

/** What documents may make oasguard read. */
export interface AccessPolicy {
  /** Referenced files must have their real path below this directory. */
  root: string;
  limits: Limits;
  /** How remote refs are fetched; without it they are refused. */
  remote?: RemotePolicy;
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
  if (violation) throw unsafeRefError(violation.message.replace(/^The document/, () => href));
  return text;
}

/**
 * json-ref-resolver's cache of the files a run has resolved, by URI, which forgets each linted document once it is
 * resolved. A document's runner puts itself there (refs back to its own file find it) and was never removed: a run
 * kept every document it had linted, with its resolved tree, until it ended (150 small specs: 250 MB). The files
 * documents reference stay cached for the run, read once however many documents share them.
 */
class RunCache implements ICache {
  private readonly entries = new Map<string, unknown>();
  readonly stats = { hits: 0, misses: 0 };

  get(key: string): unknown {
    const found = this.entries.get(key);
    if (found === undefined) this.stats.misses += 1;
    else this.stats.hits += 1;
    return found;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  purge(): void {
    this.entries.clear();
  }

  /** Forgets the linted documents' runners (depth 0; referenced files are cached as lookups, not runners). */
  forgetDocuments(): void {
    for (const [key, value] of this.entries) if ((value as { depth?: unknown } | null)?.depth === 0) this.entries.delete(key);
  }
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
  const uriCache = new RunCache();
  const resolver = new LocalFirstResolver({
    uriCache,
    // `val` is the object holding the `$ref`, whose string is what the author wrote.
    transformRef: ({ val, ref }) => {
      const raw: unknown = (val as { $ref?: unknown } | null)?.$ref;
      if (ref === undefined || typeof raw !== 'string') return ref;
      const reason = refusal(raw, ref, policy);
      return reason === undefined ? ref : ref.clone().href(`${REFUSED_SCHEME}:${encodeURIComponent(`Refused $ref "${raw}": ${reason}.`)}`);
    },
    resolvers: {
      [REFUSED_SCHEME]: {
        resolve: (uri: URI) => Promise.reject(unsafeRefError(decodeURIComponent(uri.path()))),
      },
      https: {
        resolve: async (uri: URI) => {
          countFile();
          const body = await fetchRemote(uri.href(), policy.remote!, policy.limits.maxFileSize, remoteClock!).catch((error: Error) => {
            throw error instanceof RefusedFetch ? unsafeRefError(`Refused $ref to ${uri.href()}: ${error.message}.`) : error;
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
            throw unsafeRefError(`Refused $ref to ${shown(path)}: its real path (through a symlink) is outside the project root.`);
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
    const result = await resolve(source, opts).finally(() => uriCache.forgetDocuments());
    decodeRefMapPointers(result.graph);
    onResolved(result.errors);
    return result;
  };
  return resolver;
}
