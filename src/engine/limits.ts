import { Alias, isAlias, isCollection, isPair, isScalar, Node, parseDocument } from 'yaml';

/** Bounds on what one document may cost; each has a CLI flag. */
export interface Limits {
  /** Largest file read, in bytes. */
  maxFileSize: number;
  /** Deepest nesting of mappings and sequences; deeper documents would exhaust the parsers' stacks. */
  maxDepth: number;
  /** Most YAML aliases after expansion (an alias inside an anchored node counts each time that node is used). */
  maxAliases: number;
  /** Most files one lint reads: the documents given plus the files their `$ref`s read. */
  maxFiles: number;
}

/** The defaults, documented in the README's security model. */
export const DEFAULT_LIMITS: Limits = { maxFileSize: 50 * 1024 * 1024, maxDepth: 256, maxAliases: 10_000, maxFiles: 10_000 };

/** Whether a file (by name) or its text is JSON rather than YAML: it picks the parser and the depth scan. */
export function isJson(source: string, text: string): boolean {
  return source.toLowerCase().endsWith('.json') || /^\s*\{/.test(text);
}

/** Why a text is refused before parsing, and where. */
export interface LimitViolation {
  messageId: 'tooDeep' | 'aliasBudget';
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
  if (json) return jsonTooDeep(text, limits.maxDepth);
  if (yamlDepthBound(text) <= limits.maxDepth && !MAY_HAVE_ALIAS.test(text)) return undefined;
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

/** Exact for JSON: brackets outside strings. */
function jsonTooDeep(text: string, maxDepth: number): LimitViolation | undefined {
  let depth = 0;
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
      if (depth > maxDepth) return tooDeep(maxDepth, text, index);
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
    }
  }
  return undefined;
}

/** `*name` where YAML would read an alias; strings that merely contain one only cost the exact check. */
const MAY_HAVE_ALIAS = /(?:^|[\s,[{])\*[^\s,[\]{}]/m;

/**
 * An upper bound of a YAML text's nesting: every level needs a deeper indent, a `-`/`?` indicator or a flow
 * bracket, so the bound is the largest indent plus indicators plus open brackets on any line.
 */
function yamlDepthBound(text: string): number {
  let bound = 0;
  let flow = 0;
  for (const line of text.split('\n')) {
    const indicators = /^[ \t]*((?:[-?][ \t]+)*)/.exec(line)!;
    let lineBound = indicators[0].length + flow;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (char === '[' || char === '{') {
        flow += 1;
        lineBound = Math.max(lineBound, indicators[0].length + flow);
      } else if ((char === ']' || char === '}') && flow > 0) {
        flow -= 1;
      }
    }
    bound = Math.max(bound, lineBound);
  }
  return bound;
}

/** Exact depth and alias expansion of a YAML text, walking `yaml`'s syntax tree without expanding anything. */
function yamlViolation(text: string, limits: Limits): LimitViolation | undefined {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const overflow = document.errors.find((error) => error instanceof RangeError || /call stack/i.test(error.message));
  if (overflow) return tooDeep(limits.maxDepth, text, overflow.pos[0]);
  const aliasCounts = new Map<Node, number>();
  /** Aliases met when `node` is expanded, saturating just above the budget. */
  const aliasesIn = (node: unknown): number => {
    if (isAlias(node)) {
      const target = (node as Alias).resolve(document);
      return Math.min(limits.maxAliases + 1, 1 + (target ? aliasesIn(target) : 0));
    }
    if (!isCollection(node)) return 0;
    const known = aliasCounts.get(node);
    if (known !== undefined) return known;
    aliasCounts.set(node, 0); // a self-referencing anchor counts once
    let count = 0;
    for (const item of node.items) {
      count += isPair(item) ? aliasesIn(item.key) + aliasesIn(item.value) : aliasesIn(item);
      if (count > limits.maxAliases) break;
    }
    aliasCounts.set(node, Math.min(count, limits.maxAliases + 1));
    return aliasCounts.get(node)!;
  };
  const deepest = deepestNode(document.contents, limits.maxDepth);
  if (deepest) return tooDeep(limits.maxDepth, text, deepest.range?.[0] ?? 0);
  if (aliasesIn(document.contents) > limits.maxAliases) {
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
