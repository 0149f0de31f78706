/** The limits on what a document may make the parser do (size, depth, aliases, nodes), checked before parsing. */
import { isAlias, isCollection, isPair, isScalar, Node, parseDocument } from 'yaml';

/** Bounds on what one document may cost; each has a CLI flag. */
export interface Limits {
  /** Largest file read, in bytes. */
  maxFileSize: number;
  /** Deepest nesting of mappings and sequences; deeper documents would exhaust the parsers' stacks. */
  maxDepth: number;
  /**
   * Most nodes YAML aliases may add when expanded: an alias adds every node of what it names (aliases inside it
   * included), so one 20,000-key mapping aliased 50 times adds 2,000,000.
   */
  maxAliases: number;
  /** Most files one lint reads: the documents given plus the files their `$ref`s read. */
  maxFiles: number;
  /**
   * Most mappings and sequences in one document: millions of tiny ones (`[[[...]]]` by the thousand) cost the parsers
   * gigabytes. The largest real description in the corpus (Microsoft Graph's beta, 47 MB) has 523,000.
   */
  maxNodes: number;
}

/** The defaults, documented in the README's security model. */
export const DEFAULT_LIMITS: Limits = {
  maxFileSize: 50 * 1024 * 1024,
  maxDepth: 256,
  maxAliases: 100_000,
  maxFiles: 10_000,
  maxNodes: 2_000_000,
};

/** Whether a file (by name) or its text is JSON rather than YAML: it picks the parser and the depth scan. */
export function isJson(source: string, text: string): boolean {
  return source.toLowerCase().endsWith('.json') || /^\s*\{/.test(text);
}

/** Why a text is refused before parsing, and where. */
export interface LimitViolation {
  messageId: 'tooDeep' | 'aliasBudget' | 'tooManyNodes';
  message: string;
  /** 0-based. */
  line: number;
  character: number;
}

/**
 * Refuses texts that would hang or crash the parsers: nesting deeper than `maxDepth`, or YAML aliases expanding
 * beyond `maxAliases` (a "billion laughs" bomb). A linear scan decides cheaply for nearly every document; only
 * YAML with aliases, or nesting that might be too deep, is parsed by `yaml` to decide exactly.
 */
export function checkLimits(text: string, json: boolean, limits: Limits): LimitViolation | undefined {
  if (json) return jsonViolation(text, limits);
  const shape = yamlShape(text, limits.maxNodes);
  // An upper bound: flow brackets inside strings count too. Checked first: `yaml` itself would exhaust memory.
  if (shape.tooManyAt !== undefined) return tooManyNodes(limits.maxNodes, text, shape.tooManyAt);
  if (shape.depthBound <= limits.maxDepth && !MAY_HAVE_ALIAS.test(text)) return undefined;
  try {
    return yamlViolation(text, limits);
  } catch (error) {
    // A chain of anchors long enough to exhaust the stack is itself a document to refuse.
    if (error instanceof RangeError) return tooDeep(limits.maxDepth, text, 0);
    throw error;
  }
}

/** The 0-based line and character of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: (before.match(/\n/g) ?? []).length, character: offset - (before.lastIndexOf('\n') + 1) };
}

function tooDeep(maxDepth: number, text: string, offset: number): LimitViolation {
  const message = `The document nests deeper than ${maxDepth} levels (the --max-depth limit).`;
  return { messageId: 'tooDeep', message, ...positionAt(text, offset) };
}

function tooManyNodes(maxNodes: number, text: string, offset: number): LimitViolation {
  const message = `The document holds more than ${maxNodes} mappings and sequences (the --max-nodes limit).`;
  return { messageId: 'tooManyNodes', message, ...positionAt(text, offset) };
}

/** Exact for JSON: brackets outside strings. */
function jsonViolation(text: string, { maxDepth, maxNodes }: Limits): LimitViolation | undefined {
  let depth = 0;
  let nodes = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      nodes += 1;
      if (depth > maxDepth) return tooDeep(maxDepth, text, index);
      if (nodes > maxNodes) return tooManyNodes(maxNodes, text, index);
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
    }
  }
  return undefined;
}

/** `*name` where YAML would read an alias; strings that merely contain one only cost the exact check. */
const MAY_HAVE_ALIAS = /(?:^|[\s,[{])\*[^\s,[\]{}]/m;

/**
 * Upper bounds of a YAML text's nesting and of its collections, in one pass. Every level of nesting needs a deeper
 * indent, a `-`/`?` indicator or a flow bracket, so the depth bound is the largest indent plus indicators plus open
 * brackets on any line. Every collection starts with a flow bracket, a `-` indicator or a line ending in `:` (a
 * key whose value is on the lines below), so counting those bounds the collections; `tooManyAt` is where the count
 * passes `maxNodes`.
 */
function yamlShape(text: string, maxNodes: number): { depthBound: number; tooManyAt?: number } {
  let depthBound = 0;
  let flow = 0;
  let nodes = 1;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const indicators = /^[ \t]*((?:[-?][ \t]+)*)/.exec(line)!;
    nodes += (indicators[1].match(/-/g) ?? []).length + (/:[ \t]*(?:#.*)?$/.test(line) ? 1 : 0);
    let lineBound = indicators[0].length + flow;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (char === '[' || char === '{') {
        flow += 1;
        nodes += 1;
        if (nodes > maxNodes) return { depthBound, tooManyAt: lineStart + index };
        lineBound = Math.max(lineBound, indicators[0].length + flow);
      } else if ((char === ']' || char === '}') && flow > 0) {
        flow -= 1;
      }
    }
    if (nodes > maxNodes) return { depthBound, tooManyAt: lineStart };
    depthBound = Math.max(depthBound, lineBound);
    lineStart += line.length + 1;
  }
  return { depthBound };
}

/** Exact depth and alias expansion of a YAML text, walking `yaml`'s syntax tree without expanding anything. */
function yamlViolation(text: string, limits: Limits): LimitViolation | undefined {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const overflow = document.errors.find((error) => error instanceof RangeError || /call stack/i.test(error.message));
  if (overflow) return tooDeep(limits.maxDepth, text, overflow.pos[0]);
  // Nodes each collection stands for when fully expanded, and nodes the aliases below it add: both saturate just
  // above the budget, so a bomb is measured without being expanded.
  const budget = limits.maxAliases + 1;
  /** A measure of a collection: its own count plus its items', memoized, saturating just above the budget. */
  const summed = (own: number, measure: (node: unknown) => number) => {
    const memo = new Map<Node, number>();
    return (node: Node & { items: unknown[] }): number => {
      const known = memo.get(node);
      if (known !== undefined) return known;
      memo.set(node, own); // a self-referencing anchor counts once
      let total = own;
      for (const item of node.items) {
        total += isPair(item) ? measure(item.key) + measure(item.value) : measure(item);
        if (total > budget) break;
      }
      memo.set(node, Math.min(total, budget));
      return memo.get(node)!;
    };
  };
  const sizeOf = (node: unknown): number => {
    if (!isAlias(node)) return isCollection(node) ? sizeOfCollection(node) : 1;
    const target = node.resolve(document);
    return target ? sizeOf(target) : 1;
  };
  const sizeOfCollection = summed(1, sizeOf);
  const addedBy = (node: unknown): number => (isAlias(node) ? sizeOf(node) : isCollection(node) ? addedByCollection(node) : 0);
  const addedByCollection = summed(0, addedBy);
  const deepest = deepestNode(document.contents, limits.maxDepth);
  if (deepest) return tooDeep(limits.maxDepth, text, deepest.range?.[0] ?? 0);
  if (addedBy(document.contents) > limits.maxAliases) {
    const firstAlias = MAY_HAVE_ALIAS.exec(text);
    const offset = firstAlias ? firstAlias.index + firstAlias[0].indexOf('*') : 0;
    const message = `YAML aliases expand to more than ${limits.maxAliases} nodes (the --max-aliases limit): an alias bomb is refused.`;
    return { messageId: 'aliasBudget', message, ...positionAt(text, offset) };
  }
  return undefined;
}

/** The first node deeper than `maxDepth`, found without recursion; aliases are not followed. */
function deepestNode(root: unknown, maxDepth: number): Node | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= maxDepth) return node;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push([item.value, depth + 1]);
        if (!isScalar(item.key)) stack.push([item.key, depth + 1]);
      } else {
        stack.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}
