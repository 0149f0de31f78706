import { DepGraph } from 'dependency-graph';
import { cached } from '../shared/cached';

/** A name Object.keys lists first, in numeric order: an array index (a canonical integer below 2³² − 1). */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isArrayIndex = (name: string) => ARRAY_INDEX.test(name) && Number(name) < 2 ** 32 - 1;

/**
 * dependency-graph's DepGraph (circular dependencies allowed), with the same nodes, edges, orders and errors, on Maps.
 * DepGraph keeps nodes and edge lists in plain objects keyed by name, searched by `indexOf`: json-ref-resolver adds
 * a node per ref target and an edge per ref, so its hash-table objects and quadratic edge and order searches took
 * 14 s on Microsoft Graph's description, and a tenth of linting 150 small specs. Checked against DepGraph by
 * test/refs/dep-graph.test.ts.
 */
export class IndexedDepGraph<T> extends DepGraph<T> {
  private readonly data = new Map<string, T | string>();
  private readonly outgoing = new Map<string, string[]>();
  private readonly incoming = new Map<string, string[]>();
  /** Every edge, by its `from` node. */
  private readonly edges = new Map<string, Set<string>>();

  constructor() {
    super({ circular: true });
  }

  override size(): number {
    return this.data.size;
  }

  /** Without `data`, a node's data is its name, as DepGraph has it; with `undefined` given, it is undefined. */
  override addNode(node: string, data?: T): void {
    if (this.data.has(node)) return;
    this.data.set(node, arguments.length >= 2 ? (data as T) : node);
    this.outgoing.set(node, []);
    this.incoming.set(node, []);
  }

  override removeNode(node: string): void {
    if (!this.data.delete(node)) return;
    this.outgoing.delete(node);
    this.incoming.delete(node);
    this.edges.delete(node);
    for (const targets of this.edges.values()) targets.delete(node);
    for (const lists of [this.incoming, this.outgoing]) for (const list of lists.values()) removeFirst(list, node);
  }

  override hasNode(node: string): boolean {
    return this.data.has(node);
  }

  override getNodeData(node: string): T {
    return this.existing(node, this.data) as T;
  }

  override setNodeData(node: string, data: T): void {
    this.existing(node, this.data);
    this.data.set(node, data);
  }

  override addDependency(from: string, to: string): boolean {
    this.existing(from, this.data);
    this.existing(to, this.data);
    const targets = cached(this.edges, from, () => new Set<string>());
    if (!targets.has(to)) {
      targets.add(to);
      this.outgoing.get(from)!.push(to);
      this.incoming.get(to)!.push(from);
    }
    return true;
  }

  override removeDependency(from: string, to: string): void {
    this.edges.get(from)?.delete(to);
    const outgoing = this.outgoing.get(from);
    if (outgoing) removeFirst(outgoing, to);
    const incoming = this.incoming.get(to);
    if (incoming) removeFirst(incoming, from);
  }

  /** As DepGraph's clone: a DepGraph (which forgets that cycles are allowed) with copies of the edge lists. */
  override clone(): DepGraph<T> {
    const copy = new DepGraph<T>();
    const fields = copy as unknown as Record<'nodes' | 'outgoingEdges' | 'incomingEdges', Record<string, unknown>>;
    for (const node of this.names()) {
      fields.nodes[node] = this.data.get(node);
      fields.outgoingEdges[node] = this.outgoing.get(node)!.slice();
      fields.incomingEdges[node] = this.incoming.get(node)!.slice();
    }
    return copy;
  }

  override directDependenciesOf(node: string): string[] {
    return this.existing(node, this.outgoing).slice();
  }

  override directDependantsOf(node: string): string[] {
    return this.existing(node, this.incoming).slice();
  }

  override dependenciesOf(node: string, leavesOnly = false): string[] {
    return this.reachable(node, this.outgoing, leavesOnly);
  }

  override dependantsOf(node: string, leavesOnly = false): string[] {
    return this.reachable(node, this.incoming, leavesOnly);
  }

  override entryNodes(): string[] {
    return this.names().filter((node) => this.incoming.get(node)!.length === 0);
  }

  /** DepGraph's overall order: a depth-first search from every node nothing depends on, then from those left. */
  override overallOrder(leavesOnly = false): string[] {
    const result: string[] = [];
    const search = depthFirst(this.outgoing, leavesOnly, result);
    const names = this.names();
    for (const node of names) if (this.incoming.get(node)!.length === 0) search(node);
    const ordered = new Set(result);
    for (const node of names) if (!ordered.has(node)) search(node);
    return result;
  }

  /** The nodes in the order DepGraph's Object.keys lists them: array indices first, in numeric order. */
  private names(): string[] {
    const names = [...this.data.keys()];
    const indices = names.filter(isArrayIndex);
    if (indices.length === 0) return names;
    return [...indices.sort((a, b) => Number(a) - Number(b)), ...names.filter((name) => !isArrayIndex(name))];
  }

  private reachable(node: string, edges: Map<string, string[]>, leavesOnly: boolean): string[] {
    this.existing(node, edges);
    const result: string[] = [];
    depthFirst(edges, leavesOnly, result)(node);
    removeFirst(result, node);
    return result;
  }

  private existing<V>(node: string, map: Map<string, V>): V {
    if (!this.data.has(node)) throw new Error(`Node does not exist: ${node}`);
    return map.get(node)!;
  }
}

function removeFirst(list: string[], item: string): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}

/** DepGraph's createDFS over `edges`, cycles tolerated: the same visiting order. */
function depthFirst(edges: Map<string, string[]>, leavesOnly: boolean, result: string[]): (start: string) => void {
  const visited = new Set<string>();
  return (start) => {
    if (visited.has(start)) return;
    const inCurrentPath = new Set<string>();
    const todo: { node: string; processed: boolean }[] = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1];
      const { node } = current;
      if (!current.processed) {
        if (visited.has(node) || inCurrentPath.has(node)) {
          todo.pop();
          continue;
        }
        inCurrentPath.add(node);
        const nodeEdges = edges.get(node)!;
        for (let index = nodeEdges.length - 1; index >= 0; index -= 1) todo.push({ node: nodeEdges[index], processed: false });
        current.processed = true;
      } else {
        todo.pop();
        inCurrentPath.delete(node);
        visited.add(node);
        if (!leavesOnly || edges.get(node)!.length === 0) result.push(node);
      }
    }
  };
}
