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
 * Walks `root` depth first in document order, each object once per `seen` set: `seenFor` says which set an object
 * belongs to (or that it is not walked), `visit` hears of every member. The walk keeps its own stack: resolved
 * documents nest deeper than the call stack allows (a chain of 2,000 `allOf` references).
 */
export function walkMembers(
  root: unknown,
  at: PathLink | undefined,
  seenFor: (link: PathLink | undefined) => WeakSet<object>,
  visit: (key: string, child: unknown, parent: object, link: PathLink) => void,
): void {
  const pending: { node: unknown; link: PathLink | undefined }[] = [{ node: root, link: at }];
  while (pending.length > 0) {
    const { node, link } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const seen = seenFor(link);
    if (seen.has(node)) continue;
    seen.add(node);
    const isArray = Array.isArray(node);
    const entries = Object.entries(node);
    for (const [key, child] of entries) visit(key, child, node, { parent: link, segment: isArray ? Number(key) : key });
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      pending.push({ node: entries[index][1], link: { parent: link, segment: isArray ? Number(entries[index][0]) : entries[index][0] } });
    }
  }
}

/** {@link walkMembers} over a whole document, each object once: a resolved document's shared objects at their first path. */
export function walkDocument(root: unknown, visit: (key: string, child: unknown, parent: object, link: PathLink) => void): void {
  const seen = new WeakSet<object>();
  walkMembers(root, undefined, () => seen, visit);
}
