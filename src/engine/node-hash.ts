import { createHash } from 'node:crypto';

/**
 * A hash of the node a finding flags, for baselines: its scalar values and the names of its members, but not what
 * nested objects hold. Changing the flagged value brings a baselined finding back; editing deep inside a large
 * flagged node (an operation, the document root) does not, so a baseline survives routine edits.
 */
export function nodeHash(node: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(shallow(node)) ?? 'undefined')
    .digest('hex')
    .slice(0, 16);
}

function shallow(node: unknown): unknown {
  // Empty containers stand for nested ones: they serialize differently from any scalar.
  const member = (value: unknown) => (Array.isArray(value) ? [] : typeof value === 'object' && value !== null ? {} : value);
  if (Array.isArray(node)) return node.map(member);
  if (typeof node === 'object' && node !== null) {
    return Object.keys(node)
      .sort()
      .map((key) => [key, member((node as Record<string, unknown>)[key])]);
  }
  return node;
}

/** The node at `path` in parsed data, or undefined when the path leaves it. */
export function nodeAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
