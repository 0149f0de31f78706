import type { PathSegment } from '../define-rule';

/** A path as a chain of links, so that a deep walk does not copy its path at every level. */
export interface PathLink {
  parent: PathLink | undefined;
  segment: PathSegment;
}

/** The path a link ends, after `base`. */
export function toPath(link: PathLink | undefined, base: readonly PathSegment[] = []): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let node = link; node; node = node.parent) segments.push(node.segment);
  return [...base, ...segments.reverse()];
}

/**
 * Calls `visit` for every object and array of a document, each once (the resolved document shares one object per
 * `$ref` target, visited at the first path that reaches it), with the link to it; iterative, for documents nested
 * deeper than the call stack allows.
 */
export function forEachNode(root: unknown, visit: (node: object, link: PathLink | undefined) => void): void {
  const seen = new WeakSet<object>();
  const pending: { node: unknown; link: PathLink | undefined }[] = [{ node: root, link: undefined }];
  while (pending.length > 0) {
    const { node, link } = pending.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    visit(node, link);
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === 'object' && child !== null)
        pending.push({ node: child, link: { parent: link, segment: Array.isArray(node) ? Number(key) : key } });
    }
  }
}
