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
  const settled = new Set<string>();
  const stack: [unknown, (string | number)[]][] = [[root, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
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
        loops.push({ path: [...path, '$ref'], pointers: [...cycle, pointer] });
      }
      for (const visited of chain) settled.add(visited);
    }
    const entries = Array.isArray(node) ? node.map((value, index) => [index, value] as const) : Object.entries(node);
    for (let index = entries.length - 1; index >= 0; index -= 1) stack.push([entries[index][1], [...path, entries[index][0]]]);
  }
  return loops;
}
