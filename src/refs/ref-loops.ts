/** A chain of `$ref`s within one document that only points at further `$ref`s and returns to its start. */
export interface RefLoop {
  /** Path of the first `$ref` in document order that leads into the loop (ending in `$ref`). */
  path: (string | number)[];
  /** The pointers of the loop, in order, back to the first. */
  pointers: string[];
}

function unescape(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node a local pointer (`#/a/b`) names, or undefined. */
function nodeAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointer.slice(2).split('/').map(unescape)) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function localRef(node: unknown): string | undefined {
  const ref = typeof node === 'object' && node !== null ? (node as Record<string, unknown>).$ref : undefined;
  return typeof ref === 'string' && ref.startsWith('#/') ? ref : undefined;
}

/**
 * Loops of local `$ref`s that never reach a definition (`A: {$ref: B}`, `B: {$ref: A}`): the resolver leaves them
 * as they are without complaint, so the document would silently lose those definitions. Each loop is found once.
 */
export function findRefLoops(root: unknown): RefLoop[] {
  const loops: RefLoop[] = [];
  if (typeof root !== 'object' || root === null) return loops;
  const settled = new Set<string>();
  // Each entry links to its parent: a path is only built for the rare node that leads into a loop.
  const stack: WalkEntry[] = [{ node: root }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = entry.node as object;
    const start = localRef(node);
    if (start !== undefined && !settled.has(start)) {
      const chain: string[] = [];
      let pointer: string | undefined = start;
      while (pointer !== undefined && !settled.has(pointer) && !chain.includes(pointer)) {
        chain.push(pointer);
        pointer = localRef(nodeAt(root, pointer));
      }
      if (pointer !== undefined && chain.includes(pointer)) {
        const cycle = chain.slice(chain.indexOf(pointer));
        loops.push({ path: [...pathOf(entry), '$ref'], pointers: [...cycle, pointer] });
      }
      for (const visited of chain) settled.add(visited);
    }
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_value, index) => index) : Object.keys(node);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const child = (node as Record<string | number, unknown>)[keys[index]];
      if (typeof child === 'object' && child !== null) stack.push({ node: child, parent: entry, key: keys[index] });
    }
  }
  return loops;
}

interface WalkEntry {
  node: unknown;
  parent?: WalkEntry;
  key?: string | number;
}

function pathOf(entry: WalkEntry): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: WalkEntry | undefined = entry; at?.parent !== undefined; at = at.parent) path.push(at.key!);
  return path.reverse();
}
