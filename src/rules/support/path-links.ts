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
