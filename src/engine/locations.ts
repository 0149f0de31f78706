/**
 * Replaces @stoplight/json@3.21's and @stoplight/yaml@4.3's getLocationForJsonPath, with which Spectral places
 * every finding: the same ranges, found through indexes instead of scans. Checked by test/engine/locations.test.ts.
 */
import type { IJsonASTNode, JsonParserResult } from '../stoplight';
import { cached } from '../shared/cached';
import { Kind, yamlLocationForJsonPath as yamlLibraryLocation } from '../stoplight';
import type { YAMLMapping, YAMLNode, YamlParserResult } from '../stoplight';

type IRange = NonNullable<IJsonASTNode['range']>;

/** Each JSON object node's members by name (the first of duplicates, as a scan finds), built on first lookup. */
const memberIndexes = new WeakMap<IJsonASTNode, Map<unknown, IJsonASTNode>>();

function membersOf(object: IJsonASTNode & { children: IJsonASTNode[] }): Map<unknown, IJsonASTNode> {
  return cached(memberIndexes, object, () => {
    const members = new Map<unknown, IJsonASTNode>();
    for (const property of object.children) {
      const [name, value] = property.children ?? [];
      if (property.children?.length === 2 && !members.has(name.value)) members.set(name.value, value);
    }
    return members;
  });
}

/**
 * @stoplight/json's getLocationForJsonPath, which Spectral places every finding with, with the same results. It
 * scans an object's members at every step of a path, so placing the findings under an object of 25,000 members
 * (Microsoft Graph's `paths`) was quadratic: minutes for one document. Here each object's members are indexed once.
 */
export function jsonLocation(
  { ast }: JsonParserResult<unknown>,
  path: readonly (string | number)[],
  closest = false,
): { range: IRange } | undefined {
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

/**
 * Each YAML mapping node's members by key (the last of duplicates, merge keys expanded), built on first lookup. The
 * merge-key setting is the document's, so a node is always looked up with the same one.
 */
const mappingIndexes = new WeakMap<YAMLNode, Map<unknown, YAMLMapping>>();

function mappingsOf(map: YAMLNode & { kind: Kind.MAP }, mergeKeys: boolean): Map<unknown, YAMLMapping> {
  return cached(
    mappingIndexes,
    map,
    () => new Map((mergeKeys ? mergedMappings(map.mappings) : map.mappings).map((mapping) => [mapping.key.value, mapping])),
  );
}

/** @stoplight/yaml's expansion of `<<` merge keys. */
function mergedMappings(mappings: YAMLMapping[]): YAMLMapping[] {
  const merged: YAMLMapping[] = [];
  for (const mapping of mappings) {
    if (mapping === null || typeof mapping !== 'object') continue;
    if (mapping.key.value === '<<') merged.push(...mergedFrom(mapping.value));
    else merged.push(mapping);
  }
  return merged;
}

function mergedFrom(node: YAMLNode | null | undefined): YAMLMapping[] {
  if (node === null || typeof node !== 'object') return [];
  if (node.kind === Kind.SEQ) return node.items.reduceRight<YAMLMapping[]>((items, item) => [...items, ...mergedFrom(item)], []);
  if (node.kind === Kind.MAP) return node.mappings;
  if (node.kind === Kind.ANCHOR_REF) return mergedFrom(node.value);
  return [];
}

/**
 * @stoplight/yaml's getLocationForJsonPath, with each mapping's members indexed once instead of listed (merge keys
 * expanded) and scanned at every path step, which was quadratic on wide mappings. The node found is then located by
 * the library itself, with an empty path.
 */
export function yamlLocation(
  result: Omit<YamlParserResult<unknown>, 'comments'>,
  path: readonly (string | number)[],
  closest = false,
): { range: IRange } | undefined {
  const mergeKeys = result.metadata?.mergeKeys === true;
  // Spectral's parser result has no `comments`, which locating does not read.
  const locate = (node: YAMLNode) => yamlLibraryLocation({ ...result, ast: node } as YamlParserResult<unknown>, [], closest);
  let node = result.ast as YAMLNode | null | undefined;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return closest ? locate(node as unknown as YAMLNode) : undefined;
    const step = yamlStep(node, segment, mergeKeys);
    if (step === NOT_FOUND) return closest ? locate(node) : undefined;
    node = step;
  }
  return node === undefined ? undefined : locate(node as YAMLNode);
}

const NOT_FOUND = Symbol('not found');

/** The node one path step below `node`, as @stoplight/yaml finds it. */
function yamlStep(node: YAMLNode, segment: string | number, mergeKeys: boolean): YAMLNode | null | undefined | typeof NOT_FOUND {
  if (node.kind === Kind.MAP) {
    const mapping = mappingsOf(node, mergeKeys).get(segment);
    if (mapping === undefined) return NOT_FOUND;
    return mapping.value === null ? mapping.key : mapping.value;
  }
  if (node.kind === Kind.SEQ) {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0 || index >= node.items.length || node.items[index] === null) return NOT_FOUND;
    return node.items[index];
  }
  return NOT_FOUND;
}
