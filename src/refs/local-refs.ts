/**
 * Replaces json-ref-resolver@3.1's inlining of a document's local `$ref`s (LocalFirstResolver), reusing its runner
 * and crawler: the same resolved document, ref map and errors. Checked by test/refs/local-refs.test.ts.
 */
import { pathToPointer, pointerToPath, ResolveCrawler, Resolver, ResolveRunner } from '../stoplight';
import type { IResolveOpts, IResolveResult, IResolveRunner } from '../stoplight';
import { cached } from '../shared/cached';
import { IndexedDepGraph } from './dep-graph';

type Container = Record<string, unknown> | unknown[];
type Path = readonly (string | number)[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Whether every `$ref` in `data` points into the document itself (`#...`). */
function hasOnlyLocalRefs(data: unknown): boolean {
  if (!isContainer(data)) return true;
  const ref = (data as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && !ref.startsWith('#')) return false;
  return Object.values(data).every(hasOnlyLocalRefs);
}

/** lodash's `set` refuses these keys (a `$ref` below one stays unresolved in Spectral's resolved document). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Spectral's resolver (json-ref-resolver) inlines a document's local `$ref`s inside an immer draft, which took over
 * a third of linting a large description. This resolver inlines them on plain objects instead, copying a container
 * only when something below it changes, and reuses json-ref-resolver's own runner and crawler to find the refs,
 * order them and tell which are circular: the resolved document, the ref map and the errors are the same. Documents
 * with refs to other files or URLs go to json-ref-resolver unchanged.
 */
export class LocalFirstResolver extends Resolver {
  override resolve(source: unknown, opts: IResolveOpts = {}): Promise<IResolveResult> {
    // Spectral resolves whole documents; a part of one (`jsonPointer`) is json-ref-resolver's to resolve.
    const wholeDocument = opts.jsonPointer === undefined && this.transformDereferenceResult === undefined;
    if (!wholeDocument || !isContainer(source) || !hasOnlyLocalRefs(source)) return super.resolve(source, opts);
    // The runner json-ref-resolver would create: it computes the refs (through transformRef) and names the graph's root.
    const runner = new ResolveRunner(source, new IndexedDepGraph(), {
      uriCache: this.uriCache,
      resolvers: this.resolvers,
      getRef: this.getRef,
      transformRef: this.transformRef,
      dereferenceInline: this.dereferenceInline,
      dereferenceRemote: this.dereferenceRemote,
      parseResolveResult: this.parseResolveResult,
      ...opts,
      ctx: { ...(this.ctx as object), ...(opts.ctx as object | undefined) },
    });
    const resolved: IResolveResult = { result: source, graph: runner.graph, refMap: {}, errors: [], runner };
    const crawler = new ResolveCrawler(runner, undefined, resolved);
    // Its graphs are created in its constructor; indexed ones do the same work without the quadratic steps.
    Object.assign(crawler, { pointerGraph: new IndexedDepGraph(), pointerStemGraph: new IndexedDepGraph() });
    crawler.computeGraph(source, [], '');
    if (runner.dereferenceInline) {
      const inlined = inline(source, crawler, runner, resolved);
      if (inlined === undefined) return super.resolve(source, opts);
      resolved.result = inlined;
    }
    setGraphNodeData(runner, runner.root, resolved.result);
    return Promise.resolve(resolved);
  }
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
 * The most steps inlining one document's refs may take. Every ref gets its target and, through it, whatever that
 * target points to, and the circular stems above each target are listed, so a chain of n refs takes about n²/2
 * steps: 8,000 links took 42 s, a chain of 6,000 `allOf` refs 19 s. The largest real descriptions need about 300,000
 * (Microsoft Graph's beta, in the corpus); GitHub's about 15,000.
 */
export const MAX_REF_STEPS = 2_000_000;

/** A document whose refs take more than {@link MAX_REF_STEPS} to inline: refused like an alias bomb. */
export class RefGraphTooLarge extends Error {
  constructor() {
    super(`The document's $refs take more than ${MAX_REF_STEPS} steps to resolve (a chain of thousands of references): it is refused.`);
  }
}

/**
 * json-ref-resolver's inlining, step for step: each ref target, in dependency order, is put at every ref that
 * (transitively) points to it, unless the ref lies below a stem the crawler marked circular. As there, the first
 * error (an unparsable pointer) silently ends the inlining. Undefined for a ref to the whole document, whose
 * inlining puts the original document inside the draft and writes through it: json-ref-resolver is left to that.
 */
function inline(source: Container, refs: ResolveCrawler, runner: IResolveRunner, resolved: IResolveResult): Container | undefined {
  const draft = new CopyOnWrite(source);
  // Pointers recur (a dependant of many targets, a stem of many refs): each is parsed and re-encoded once, on first
  // need, as json-ref-resolver parses them (an unparsable one ends the inlining there).
  const parsed = new Map<string, { path: ReturnType<typeof pointerToPath>; pointer: string }>();
  const parse = (pointer: string) =>
    cached(parsed, pointer, () => {
      const path = pointerToPath(pointer);
      return { path, pointer: pathToPointer(path) };
    });
  let steps = 0;
  const stemKeys = new Map<string, string>();
  const stemKey = (stem: string) => cached(stemKeys, stem, () => prefixKeys(parse(stem).path).pop()!);
  try {
    for (const pointer of refs.pointerGraph.overallOrder()) {
      const dependants = refs.pointerGraph.dependantsOf(pointer);
      if (dependants.length === 0) continue;
      const target = parse(pointer);
      if (target.path.length === 0) return undefined;
      const value = draft.get(target.path);
      const stems = refs.pointerStemGraph.dependenciesOf(pointer);
      steps += stems.length + dependants.length;
      if (steps > MAX_REF_STEPS) throw new RefGraphTooLarge();
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
    if (error instanceof RefGraphTooLarge) throw error;
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
