/**
 * Replaces json-ref-resolver@3.1's inlining of a document's `$ref`s, local ones first and then those to other files
 * too (LocalFirstResolver), reusing its runners and crawler: the same resolved document, graph, ref maps and errors.
 * Checked by test/refs/local-refs.test.ts, on random documents and random projects of several files.
 */
import { Cache, pathToPointer, pointerToPath, ResolveCrawler, Resolver, ResolveRunner } from '../stoplight';
import type { IGraphNodeData, IResolveOpts, IResolveResult, IResolveRunner, IResolveRunnerOpts } from '../stoplight';
import { cached } from '../shared/cached';
import { IndexedDepGraph } from './dep-graph';

type Container = Record<string, unknown> | unknown[];
type Path = readonly (string | number)[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** lodash's `set` refuses these keys (a `$ref` below one stays unresolved in Spectral's resolved document). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const INDEX = /^(?:0|[1-9]\d*)$/;

/** A runner as this module drives it: json-ref-resolver's, with the members its typings keep private. */
type Runner = Omit<Pick<ResolveRunner, keyof ResolveRunner>, 'lookupUri'> & {
  lookupUri(lookup: FileLookup): Promise<Runner>;
  _source: unknown;
  isFile(ref: URI): boolean;
};
type FileLookup = Parameters<ResolveRunner['lookupUri']>[0];
/** json-ref-resolver passes the resolver's raw result as `uriResult` (its typings say otherwise). */
type RawResult = Parameters<NonNullable<ResolveRunner['parseResolveResult']>>[0]['uriResult'];
type URI = ResolveRunner['baseUri'];
type UriResult = Awaited<ReturnType<ResolveRunner['lookupAndResolveUri']>>;

/** The steps left for inlining one document's refs, shared by every file it references. */
interface Budget {
  steps: number;
}

/**
 * Spectral's resolver (json-ref-resolver) inlines refs inside immer drafts: local ones in one draft per file, and
 * each ref to another file in a draft of its own, which copies every object on the way to it (the `paths` of a
 * description split into files: a thousand refs copying a thousand-key object each). Inlining took over a third of
 * linting a large description, and two thirds of linting one split into files. This resolver inlines on plain objects
 * instead, copying a container only when something below it changes, in one pass for the refs to other files and one
 * for local refs, and reuses json-ref-resolver's own runners and crawler to find the refs, read the files, order the
 * refs and tell which are circular: the resolved document, the graph, the ref maps and the errors are the same.
 */
export class LocalFirstResolver extends Resolver {
  override resolve(source: unknown, opts: IResolveOpts = {}): Promise<IResolveResult> {
    // Spectral resolves whole documents; a part of one (`jsonPointer`) is json-ref-resolver's to resolve.
    const wholeDocument = opts.jsonPointer === undefined && this.transformDereferenceResult === undefined;
    if (!wholeDocument || !isContainer(source)) return super.resolve(source, opts);
    // The runner json-ref-resolver would create: it computes the refs (through transformRef) and names the graph's root.
    const runner = copyOnWriteRunner(
      source,
      new IndexedDepGraph<IGraphNodeData>(),
      {
        uriCache: this.uriCache,
        resolvers: this.resolvers,
        getRef: this.getRef,
        transformRef: this.transformRef,
        dereferenceInline: this.dereferenceInline,
        dereferenceRemote: this.dereferenceRemote,
        parseResolveResult: this.parseResolveResult,
        ...opts,
        ctx: { ...(this.ctx as object), ...(opts.ctx as object | undefined) },
      },
      { steps: MAX_REF_STEPS },
    );
    // Afresh, with none of the runners of this attempt, which have resolved their files already.
    return runner.resolve(opts).catch((error: unknown) => {
      if (error instanceof WholeDocumentRef) return super.resolve(source, { ...opts, uriCache: new Cache() });
      throw error;
    });
  }
}

/** json-ref-resolver's runner, resolving with copies instead of immer drafts, as do the runners of the files it reads. */
function copyOnWriteRunner(source: unknown, graph: ResolveRunner['graph'], options: IResolveRunnerOpts, budget: Budget): Runner {
  const runner = new ResolveRunner(source, graph, options) as unknown as Runner;
  // As json-ref-resolver memoizes it: in the URI cache, by the file's URI, so each file is read and parsed once.
  runner.lookupUri = (lookup) => memoized(runner.uriCache, lookup.cacheKey, () => readFile(runner, lookup, budget));
  // The pointers whose last crawl found no ref in the current data (see resolveWithCopies).
  const settled = new Set<string>();
  runner.resolve = (opts) => resolveWithCopies(runner, opts, budget, settled);
  return runner;
}

/** A value from json-ref-resolver's URI cache (a Map-like without delete), computed and stored when missing. */
function memoized<T>(cache: ResolveRunner['uriCache'], key: string, compute: () => T): T {
  const found = cache.get(key) as T | undefined;
  if (found !== undefined) return found;
  const value = compute();
  cache.set(key, value);
  return value;
}

/** json-ref-resolver's lookupUri: the referenced file read and parsed, as the runner that will resolve it. */
async function readFile(parent: Runner, { ref, parentPath, fragment }: FileLookup, budget: Budget): Promise<Runner> {
  let scheme = ref.scheme();
  if (!parent.resolvers[scheme] && parent.isFile(ref)) scheme = 'file';
  const resolver = parent.resolvers[scheme];
  if (!resolver) throw new Error(`No resolver defined for scheme '${ref.scheme() || 'file'}' in ref ${ref.toString()}`);
  let result: unknown = await resolver.resolve(ref, parent.ctx);
  if (parent.parseResolveResult) {
    try {
      const parsed = await parent.parseResolveResult({
        uriResult: result as RawResult,
        result,
        targetAuthority: ref,
        parentAuthority: parent.baseUri,
        parentPath,
        fragment,
      });
      result = parsed.result;
    } catch (error) {
      throw new Error(`Could not parse remote reference response for '${ref.toString()}' - ${String(error)}`, { cause: error });
    }
  }
  // Without getRef: json-ref-resolver does not pass it on to the runners of referenced files.
  return copyOnWriteRunner(
    result,
    parent.graph,
    {
      depth: parent.depth + 1,
      baseUri: ref.toString(),
      root: ref,
      uriStack: parent.uriStack,
      uriCache: parent.uriCache,
      resolvers: parent.resolvers,
      transformRef: parent.transformRef,
      parseResolveResult: parent.parseResolveResult,
      transformDereferenceResult: parent.transformDereferenceResult,
      dereferenceRemote: parent.dereferenceRemote,
      dereferenceInline: parent.dereferenceInline,
      ctx: parent.ctx as unknown,
    },
    budget,
  );
}

/**
 * json-ref-resolver's ResolveRunner.resolve, step for step, with the two immer passes done by copy-on-write. A file's
 * runner resolves again for every ref to it, crawling its data, by then with every ref inlined, each time (a schema
 * file that 500 others use: 500 crawls of it expanded). A crawl that finds nothing changes nothing, and finds nothing
 * again in the same data: `settled` keeps the pointers so crawled since the data last changed, to skip their crawl.
 */
async function resolveWithCopies(
  runner: Runner,
  opts: IResolveOpts | undefined,
  budget: Budget,
  settled: Set<string>,
): Promise<IResolveResult> {
  const resolved: IResolveResult = { result: runner._source, graph: runner.graph, refMap: {}, errors: [], runner };
  let targetPath: string[] | undefined;
  const jsonPointer = opts?.jsonPointer?.trim();
  if (jsonPointer && jsonPointer !== '#' && jsonPointer !== '#/') {
    try {
      targetPath = pointerToPath(jsonPointer).map(String);
    } catch {
      resolved.errors.push({
        code: 'PARSE_POINTER',
        message: `'${jsonPointer}' JSON pointer is invalid`,
        uri: runner.baseUri,
        uriStack: runner.uriStack,
        pointerStack: [],
        path: [],
      });
      return resolved;
    }
    resolved.result = valueAt(resolved.result, targetPath);
  }
  if (resolved.result === undefined) {
    resolved.errors.push({
      code: 'POINTER_MISSING',
      message: `'${jsonPointer}' does not exist @ '${runner.baseUri.toString()}'`,
      uri: runner.baseUri,
      uriStack: runner.uriStack,
      pointerStack: [],
      path: targetPath ?? [],
    });
    return resolved;
  }
  const crawled = jsonPointer ?? '';
  if (settled.has(crawled)) {
    setGraphNodeData(runner, runner.root, runner._source);
    return resolved;
  }
  const crawler = new ResolveCrawler(runner, jsonPointer, resolved);
  // Its graphs are created in its constructor; indexed ones do the same work without the quadratic steps.
  Object.assign(crawler, { pointerGraph: new IndexedDepGraph(), pointerStemGraph: new IndexedDepGraph() });
  crawler.computeGraph(resolved.result, targetPath, jsonPointer || '');
  if (crawler.resolvers.length === 0 && crawler.pointerGraph.size() === 0 && resolved.errors.length === 0) settled.add(crawled);
  const fileResults = crawler.resolvers.length > 0 ? await Promise.all(crawler.resolvers) : [];
  const withFiles = inlineFiles(runner, fileResults, targetPath ?? [], resolved);
  const data = isContainer(withFiles) && runner.dereferenceInline ? inline(withFiles, crawler, runner, resolved, budget) : withFiles;
  if (data !== runner._source) {
    runner._source = data;
    settled.clear();
  }
  resolved.result = targetPath && isContainer(runner._source) ? valueAt(runner._source, targetPath) : runner._source;
  setGraphNodeData(runner, runner.root, runner._source);
  return resolved;
}

/**
 * json-ref-resolver's first pass: each ref to another file gets the value its runner resolved, in the order the
 * crawler met them. A ref at the top replaces the whole document, and later values are put into that.
 */
function inlineFiles(runner: Runner, results: UriResult[], targetPath: string[], resolved: IResolveResult): unknown {
  let source = runner.source as unknown;
  let draft = isContainer(source) ? new CopyOnWrite(source) : undefined;
  for (const result of results) {
    const path = result.targetPath.length > 0 ? result.targetPath : targetPath;
    const pointer = pathToPointer(path);
    resolved.refMap[String(runner.baseUri.clone().fragment(pointer))] = String(result.uri);
    setGraphNodeEdge(runner, String(runner.root), pointer, String(result.uri));
    if (result.error) resolved.errors.push(result.error);
    if (!result.resolved) continue;
    if (result.resolved.errors) resolved.errors = resolved.errors.concat(result.resolved.errors);
    const value: unknown = result.resolved.result;
    if (value === undefined) continue;
    if (path.length === 0) {
      source = value;
      draft = isContainer(value) ? new CopyOnWrite(value) : undefined;
      continue;
    }
    if (draft === undefined) {
      // lodash's `set` on a scalar document does nothing.
      continue;
    }
    draft.set(path, value);
    setGraphNodeData(runner, String(result.uri), value);
  }
  return draft === undefined ? source : draft.finish();
}

/** lodash's `get`. */
function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || node === undefined) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Copy-on-write over parsed data with immer's semantics, which json-ref-resolver relies on: a container is copied
 * when first reached from its copied parent, a copy put in several places is shared by all of them, and in the end
 * a copy that nothing was assigned into, at any depth, gives way to its original again.
 */
class CopyOnWrite {
  private readonly originals = new Map<object, Container>();
  private readonly assigned = new WeakSet<object>();
  private root: Container;

  constructor(source: Container) {
    this.root = source;
  }

  private copy(container: Container): Container {
    const copied = Array.isArray(container) ? container.slice() : { ...container };
    this.originals.set(copied, container);
    return copied;
  }

  private isCopy(value: unknown): value is Container {
    return isContainer(value) && this.originals.has(value);
  }

  private ownRoot(): Container {
    if (!this.isCopy(this.root)) this.root = this.copy(this.root);
    return this.root;
  }

  /** A member of a copy; a container still as in the original is copied into place first. */
  private member(parent: Container, key: string | number): unknown {
    const child = (parent as Record<string, unknown>)[key];
    if (!isContainer(child) || this.isCopy(child)) return child;
    const copied = this.copy(child);
    (parent as Record<string, unknown>)[key] = copied;
    return copied;
  }

  /** lodash's `get`. */
  get(path: Path): unknown {
    let node: unknown = this.ownRoot();
    for (const key of path) {
      if (node === null || node === undefined) return undefined;
      node = this.isCopy(node) ? this.member(node, key) : (node as Record<string, unknown>)[key];
    }
    return node;
  }

  /** lodash's `set`: it refuses some keys, and replaces missing or scalar containers on the way with new ones. */
  set(path: Path, value: unknown): void {
    if (path.some((key) => UNSAFE_KEYS.has(String(key)))) return;
    let node = this.ownRoot();
    path.forEach((key, index) => {
      const members = node as Record<string, unknown>;
      if (index === path.length - 1) {
        if (members[key] !== value) this.assigned.add(node);
        members[key] = value;
        return;
      }
      const child = this.member(node, key);
      if (isContainer(child)) {
        node = child;
      } else {
        this.assigned.add(node);
        node = members[key] = this.copy(INDEX.test(String(path[index + 1])) ? [] : {});
        this.assigned.add(node);
      }
    });
  }

  /**
   * The result: copies with changes at any depth, originals elsewhere. Depth first with its own stack: a chain of
   * thousands of references nests deeper than the call stack allows.
   */
  finish(): Container {
    if (!this.isCopy(this.root)) return this.root;
    const finished = new Map<object, unknown>();
    const stack: { value: Container; keys: string[]; index: number; changed: boolean }[] = [];
    const enter = (value: Container) => {
      // Until decided, a cycle back to this copy keeps it.
      finished.set(value, value);
      stack.push({ value, keys: Object.keys(value), index: 0, changed: this.assigned.has(value) });
    };
    enter(this.root);
    let result: unknown;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.index === frame.keys.length) {
        stack.pop();
        result = frame.changed ? frame.value : this.originals.get(frame.value);
        finished.set(frame.value, result);
        continue;
      }
      const members = frame.value as Record<string, unknown>;
      const key = frame.keys[frame.index];
      const child = members[key];
      if (!this.isCopy(child)) {
        frame.index += 1;
        continue;
      }
      if (!finished.has(child)) {
        enter(child);
        continue;
      }
      const childResult = finished.get(child);
      if (childResult !== child) members[key] = childResult;
      else frame.changed = true;
      frame.index += 1;
    }
    return result as Container;
  }
}

/**
 * A pointer that @stoplight/json's parsing and re-encoding leave as it is, most of them: nothing escaped, nothing to
 * percent-encode (checked against them by test/refs/local-refs.test.ts).
 */
export const PLAIN_POINTER = /^#(?:\/[\w.-]*)*$/;

/**
 * The most steps inlining one document's refs may take. Every ref gets its target and, through it, whatever that
 * target points to, and the circular stems above each target are listed, so a chain of n refs takes about n²/2
 * steps: 8,000 links took 42 s, a chain of 6,000 `allOf` refs 19 s. The largest real descriptions need about 300,000
 * (Microsoft Graph's beta, in the corpus); GitHub's about 15,000.
 */
export const MAX_REF_STEPS = 2_000_000;

/**
 * A ref to a whole file (`$ref: '#'`, or the file's own name): json-ref-resolver's inlining puts the original data
 * inside its draft and writes through it, which copies cannot do. The whole resolution is left to json-ref-resolver.
 */
class WholeDocumentRef extends Error {}

/** A document whose refs take more than {@link MAX_REF_STEPS} to inline: refused like an alias bomb. */
export class RefGraphTooLarge extends Error {
  constructor() {
    super(`The document's $refs take more than ${MAX_REF_STEPS} steps to resolve (a chain of thousands of references): it is refused.`);
  }
}

/**
 * json-ref-resolver's inlining, step for step: each ref target, in dependency order, is put at every ref that
 * (transitively) points to it, unless the ref lies below a stem the crawler marked circular. As there, the first
 * error (an unparsable pointer) silently ends the inlining. A ref to a whole file throws WholeDocumentRef.
 */
function inline(source: Container, refs: ResolveCrawler, runner: IResolveRunner, resolved: IResolveResult, budget: Budget): Container {
  const draft = new CopyOnWrite(source);
  // Pointers recur (a dependant of many targets, a stem of many refs): each is parsed and re-encoded once, on first
  // need, as json-ref-resolver parses them (an unparsable one ends the inlining there).
  const parsed = new Map<string, { path: ReturnType<typeof pointerToPath>; pointer: string }>();
  const parse = (pointer: string) =>
    cached(parsed, pointer, () => {
      if (PLAIN_POINTER.test(pointer)) return { path: pointer.length === 1 ? [] : pointer.slice(2).split('/'), pointer };
      const path = pointerToPath(pointer);
      return { path, pointer: pathToPointer(path) };
    });
  const stemKeys = new Map<string, string>();
  const stemKey = (stem: string) => cached(stemKeys, stem, () => prefixKeys(parse(stem).path).pop()!);
  try {
    for (const pointer of refs.pointerGraph.overallOrder()) {
      const dependants = refs.pointerGraph.dependantsOf(pointer);
      if (dependants.length === 0) continue;
      const target = parse(pointer);
      if (target.path.length === 0) throw new WholeDocumentRef();
      const value = draft.get(target.path);
      const stems = refs.pointerStemGraph.dependenciesOf(pointer);
      budget.steps -= stems.length + dependants.length;
      if (budget.steps < 0) throw new RefGraphTooLarge();
      // A dependant below a stem is skipped: the stems by key, looked up by each prefix of the dependant's path.
      const stemsAbove = new Set(stems.map(stemKey));
      for (const dependantPointer of dependants) {
        const dependant = parse(dependantPointer);
        if (stemsAbove.size > 0 && prefixKeys(dependant.path).some((prefix) => stemsAbove.has(prefix))) continue;
        resolved.refMap[dependant.pointer] = target.pointer;
        setGraphNodeEdge(runner, runner.root, dependant.pointer, target.pointer);
        if (value !== undefined) {
          draft.set(dependant.path, value);
          setGraphNodeData(runner, target.pointer, value);
        } else {
          resolved.errors.push({
            code: 'POINTER_MISSING',
            message: `'${pointer}' does not exist`,
            path: dependant.path,
            uri: runner.baseUri,
            uriStack: runner.uriStack,
            pointerStack: [],
          });
        }
      }
    }
  } catch (error) {
    if (error instanceof RefGraphTooLarge || error instanceof WholeDocumentRef) throw error;
    // json-ref-resolver ignores errors here too.
  }
  return draft.finish();
}

/**
 * A key for every prefix of `path` (the empty one and `path` itself included), equal for two paths exactly when
 * @stoplight/json's `startsWith` takes them as equal: segments that parse as integers compare as those integers.
 */
function prefixKeys(path: Path): string[] {
  const segments = path.map((segment) => {
    const integer = parseInt(String(segment), 10);
    return Number.isNaN(integer) ? `s${String(segment)}` : `n${integer}`;
  });
  return Array.from({ length: path.length + 1 }, (_, length) => JSON.stringify(segments.slice(0, length)));
}

/** json-ref-resolver's bookkeeping of a graph node's data and ref map (private to its runner). */
function setGraphNodeData(runner: IResolveRunner, node: string, data: unknown): void {
  if (!runner.graph.hasNode(node)) return;
  const nodeData = runner.graph.getNodeData(node) ?? {};
  nodeData.data = data;
  runner.graph.setNodeData(node, nodeData);
}

function setGraphNodeEdge(runner: IResolveRunner, node: string, fromPointer: string, toNode: string): void {
  if (!runner.graph.hasNode(node)) return;
  const nodeData = runner.graph.getNodeData(node) ?? {};
  nodeData.refMap ??= {};
  nodeData.refMap[fromPointer] = toNode;
  runner.graph.setNodeData(node, nodeData);
}

/** A `$ref`'s pointer with its percent-encoding decoded (RFC 6901 §6: a URI fragment is percent-decoded first). */
function percentDecoded(ref: string): string {
  const hash = ref.indexOf('#');
  if (hash < 0 || !ref.includes('%', hash)) return ref;
  try {
    return ref.slice(0, hash + 1) + decodeURIComponent(ref.slice(hash + 1));
  } catch {
    return ref;
  }
}

/**
 * Spectral places a finding reached through a `$ref` by following the ref maps of the resolver's graph, and turns the
 * pointer it ends on into a path decoding `~0` and `~1` only (spectral-core 1.24's DocumentInventory): a target written
 * percent-encoded (`#/paths/~1customers~1%7Bid%7D`), as json-ref-resolver keeps it and as pointers are re-encoded, is
 * not found, and the finding lands on the nearest ancestor (`/paths`, a range of a thousand lines). The targets are
 * given decoded, and each pointer that differs decoded is also given as a key, for refs followed through refs.
 * Checked by test/refs/local-refs.test.ts.
 */
export function decodeRefMapPointers(graph: IResolveResult['graph']): void {
  for (const node of graph.overallOrder()) {
    const data = graph.getNodeData(node) as { refMap?: Record<string, string> } | undefined;
    if (!data?.refMap) continue;
    const decoded: Record<string, string> = {};
    for (const [from, to] of Object.entries(data.refMap)) {
      decoded[from] = percentDecoded(to);
      decoded[percentDecoded(from)] ??= decoded[from];
    }
    data.refMap = decoded;
  }
}
