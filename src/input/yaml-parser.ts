/**
 * Replaces the duplicate-key check of @stoplight/yaml@4.3.0's `parseWithPointers`, which scans an array of the keys
 * seen so far for every key of a mapping (and again for every alias of it): a mapping of 62,500 keys took 6 s, one
 * of 20,000 keys aliased 50 times 15 s. The library parses with duplicates ignored, and the same "duplicate key"
 * diagnostics come from one pass over its syntax tree with a Set, each mapping once. Same diagnostics (an aliased
 * mapping's once, not once per alias), checked against the library by a property test in
 * test/engine/yaml-parser.test.ts.
 */
import {
  buildJsonPath,
  determineScalarType,
  lineForPosition,
  parseWithPointers,
  parseYamlBigInteger,
  parseYamlBoolean,
  parseYamlFloat,
  ScalarType,
  Kind,
} from '../stoplight';
import type { YamlAstMap as YamlMap, YamlAstNode as YAMLNode, YamlAstScalar as YAMLScalar } from '../stoplight';

type Parsed = ReturnType<typeof parseWithPointers>;
type Diagnostic = Parsed['diagnostics'][number];

/** The options oasguard parses YAML with: Spectral's, without its key-order Proxy (see spectral-engine.ts). */
const OPTIONS = { mergeKeys: true, preserveKeyOrder: false, attachComments: false } as const;

/** `parseWithPointers` with duplicate keys reported as errors, in linear time. */
export function parseYaml(text: string): Parsed {
  const parsed = parseWithPointers(text, { ...OPTIONS, ignoreDuplicateKeys: true });
  if (!parsed.ast) return parsed;
  const duplicates = duplicateKeys(parsed.ast, parsed.lineMap);
  if (duplicates.length === 0) return parsed;
  // The library's order: sorted by line, stably.
  parsed.diagnostics = [...parsed.diagnostics, ...duplicates].sort((a, b) => a.range.start.line - b.range.start.line);
  return parsed;
}

/** A mapping key as the library turns it into a member name. */
function keyName(node: YAMLScalar): string {
  switch (determineScalarType(node)) {
    case ScalarType.null:
      return 'null';
    case ScalarType.bool:
      return String(parseYamlBoolean(node.value));
    case ScalarType.int:
      return String(parseYamlBigInteger(node.value));
    case ScalarType.float:
      return String(parseYamlFloat(node.value));
    default:
      return String(node.value);
  }
}

/** Every later occurrence of a key within one mapping (`<<` merges aside), each mapping of the tree once. */
function duplicateKeys(root: YAMLNode, lineMap: number[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pending: (YAMLNode | null | undefined)[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node) continue;
    if (node.kind === Kind.MAP) {
      const seen = new Set<string>();
      for (const mapping of (node as YamlMap).mappings) {
        pending.push(mapping.value);
        if (mapping.key?.kind !== Kind.SCALAR) continue;
        const key = keyName(mapping.key);
        if (key === '<<') continue;
        if (seen.has(key)) diagnostics.push(duplicateKey(mapping.key, lineMap));
        else seen.add(key);
      }
    } else if (node.kind === Kind.SEQ) {
      pending.push(...(node as unknown as { items: YAMLNode[] }).items);
    }
  }
  return diagnostics;
}

/** The library's diagnostic for a duplicate key. */
function duplicateKey(node: YAMLNode, lineMap: number[]): Diagnostic {
  const start = lineForPosition(node.startPosition, lineMap);
  const end = lineForPosition(node.endPosition, lineMap);
  return {
    code: 'YAMLException',
    message: 'duplicate key',
    severity: 0,
    path: buildJsonPath(node as Parameters<typeof buildJsonPath>[0]),
    range: {
      start: { line: start, character: start === 0 ? node.startPosition : node.startPosition - lineMap[start - 1] },
      end: { line: end, character: end === 0 ? node.endPosition : node.endPosition - lineMap[end - 1] },
    },
  };
}
