import type { IJsonASTNode, JsonParserResult } from '@stoplight/json';

type IRange = NonNullable<IJsonASTNode['range']>;

/** Each JSON object node's members by name (the first of duplicates, as a scan finds), built on first lookup. */
const memberIndexes = new WeakMap<IJsonASTNode, Map<unknown, IJsonASTNode>>();

function membersOf(object: IJsonASTNode & { children: IJsonASTNode[] }): Map<unknown, IJsonASTNode> {
  let members = memberIndexes.get(object);
  if (members === undefined) {
    members = new Map();
    for (const property of object.children) {
      const [name, value] = property.children ?? [];
      if (property.children?.length === 2 && !members.has(name.value)) members.set(name.value, value);
    }
    memberIndexes.set(object, members);
  }
  return members;
}

/**
 * @stoplight/json's getLocationForJsonPath, which Spectral places every finding with, with the same results. It
 * scans an object's members at every step of a path, so placing the findings under an object of 25,000 members
 * (Microsoft Graph's `paths`) was quadratic: minutes for one document. Here each object's members are indexed once.
 */
export function jsonLocation({ ast }: JsonParserResult<unknown>, path: readonly (string | number)[], closest = false): { range: IRange } | undefined {
  let node = ast;
  for (const segment of path) {
    const step = Number.isInteger(Number(segment)) ? Number(segment) : segment;
    if (typeof step === 'string' || node.type !== 'array') {
      if (node.type !== 'object' || !Array.isArray(node.children)) return closest ? located(node) : undefined;
      const member = membersOf(node as IJsonASTNode & { children: IJsonASTNode[] }).get(String(step));
      if (member === undefined) return closest ? located(node) : undefined;
      node = member;
    } else {
      if (step < 0 || !Array.isArray(node.children) || step >= node.children.length) return closest ? located(node) : undefined;
      node = node.children[step];
    }
  }
  return located(node);
}

function located(node: IJsonASTNode | undefined): { range: IRange } | undefined {
  return node?.range === undefined ? undefined : { range: node.range };
}
