import { pathToPointer, pointerToPath, startsWith } from '@stoplight/json';
import { Resolver } from '@stoplight/json-ref-resolver';
import { ResolveCrawler } from '@stoplight/json-ref-resolver/crawler';
import { ResolveRunner } from '@stoplight/json-ref-resolver/runner';
import type { IResolveOpts, IResolveResult, IResolveRunner } from '@stoplight/json-ref-resolver/types';
import { cached } from './cached';
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
      ctx: { ...this.ctx, ...opts.ctx },
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

  /** The result: copies with changes at any depth, originals elsewhere. */
  finish(): Container {
    const finished = new Map<object, unknown>();
    const finish = (value: unknown): unknown => {
      if (!this.isCopy(value)) return value;
      const known = finished.get(value);
      if (known !== undefined) return known;
      // Until decided, a cycle back to this copy keeps it.
      finished.set(value, value);
      let changed = this.assigned.has(value);
      const members = value as Record<string, unknown>;
      for (const key of Object.keys(members)) {
        const child = members[key];
        const result = finish(child);
        if (result !== child) members[key] = result;
        else if (this.isCopy(child)) changed = true;
      }
      const result = changed ? value : this.originals.get(value);
      finished.set(value, result);
      return result;
    };
    return finish(this.root) as Container;
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
  try {
    for (const pointer of refs.pointerGraph.overallOrder()) {
      const dependants = refs.pointerGraph.dependantsOf(pointer);
      if (dependants.length === 0) continue;
      const target = parse(pointer);
      if (target.path.length === 0) return undefined;
      const value = draft.get(target.path);
      const stems = refs.pointerStemGraph.dependenciesOf(pointer);
      for (const dependantPointer of dependants) {
        const dependant = parse(dependantPointer);
        if (stems.some((stem) => startsWith(dependant.path, parse(stem).path))) continue;
        resolved.refMap[dependant.pointer] = target.pointer;
        setGraphNodeEdge(runner, runner.root, dependant.pointer, target.pointer);
        if (value !== undefined) {
          draft.set(dependant.path, value);
          setGraphNodeData(runner, target.pointer, value);
        } else {
          resolved.errors.push({ code: 'POINTER_MISSING', message: `'${pointer}' does not exist`, path: dependant.path, uri: runner.baseUri, uriStack: runner.uriStack, pointerStack: [] });
        }
      }
    }
  } catch {
    // json-ref-resolver ignores errors here too.
  }
  return draft.finish();
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
