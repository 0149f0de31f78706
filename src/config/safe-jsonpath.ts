/**
 * The JSONPath a data-only ruleset may use. Spectral's JSONPath engine (nimma) compiles a `given` expression to
 * JavaScript, filter scripts included, and hands what it cannot compile to jsonpath-plus, which evaluates scripts
 * too: `$..[?(this.constructor.constructor('return process')())]` in a YAML ruleset would run code. So a ruleset's
 * expressions are parsed here (the path by nimma's parser, filters by the grammar below), anything outside a
 * side-effect-free subset is refused, and Spectral is given the expression re-written from what was parsed, so no
 * difference between this parser and nimma's can smuggle anything through. test/engine/safe-jsonpath.test.ts
 * shows the refusals; test/security/ runs the exploit through the CLI.
 */
import { parse as parseJsonPath } from './nimma';

/** A JSONPath expression outside the subset a data-only ruleset may use, or (`syntax`) no JSONPath at all. */
export class UnsafeJsonPath extends Error {
  constructor(
    message: string,
    readonly syntax = false,
  ) {
    super(message);
  }
}

/** Where an expression is used: filters only run in `given`, through nimma; `then.field` goes to jsonpath-plus. */
export interface JsonPathContext {
  allowFilters: boolean;
}

const ALIAS = /^#[A-Za-z0-9_-]+/;
const PLAIN_NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** Quoted names may hold anything but quotes, backslashes and control characters, which parsers escape differently. */
const QUOTABLE_NAME = /^[^'"\\\u0000-\u001f\u007f-\u009f]*$/;

/**
 * The expression as oasguard passes it to Spectral: `expression` re-written from its parse, or an
 * {@link UnsafeJsonPath} saying what is not allowed. A leading alias (`#Name`) is kept; what follows it is checked.
 */
export function safeJsonPath(expression: string, context: JsonPathContext = { allowFilters: true }): string {
  const alias = ALIAS.exec(expression)?.[0];
  if (alias !== undefined) return alias + safeJsonPath(`$${expression.slice(alias.length)}`, context).slice(1);
  if (!expression.startsWith('$')) throw new UnsafeJsonPath('a JSONPath expression starts with $ (or an alias, #Name)');
  let segments: Segment[];
  try {
    segments = parseJsonPath(expression);
  } catch (error) {
    const offset = (error as { location?: { start?: { offset?: number } } }).location?.start?.offset;
    throw new UnsafeJsonPath(`a syntax error${offset === undefined ? '' : ` at character ${offset + 1}`}`, true);
  }
  return `$${segments.map((segment) => serializeSegment(segment, context)).join('')}`;
}

interface Segment {
  type: string;
  value?: unknown;
  deep?: boolean;
}

function serializeSegment(segment: Segment, context: JsonPathContext): string {
  const deep = segment.deep === true ? '..' : '';
  switch (segment.type) {
    case 'MemberExpression':
      return `${deep}${typeof segment.value === 'number' ? `[${segment.value}]` : memberName(String(segment.value), deep === '')}`;
    case 'MultipleMemberExpression':
      return `${deep}[${(segment.value as unknown[]).map((name) => (typeof name === 'number' ? String(name) : quoted(String(name)))).join(',')}]`;
    case 'WildcardExpression':
      return `${deep}[*]`;
    case 'KeyExpression':
      return '~';
    case 'ParentExpression':
      return '^';
    case 'ScriptFilterExpression':
      if (!context.allowFilters) throw new UnsafeJsonPath('filter expressions are not allowed here');
      return `${deep}[?(${serializeFilter(parseFilter(String(segment.value)))})]`;
    default:
      throw new UnsafeJsonPath(`${describeSegment(segment.type)} are not supported; use names, indexes, *, .. and simple filters`);
  }
}

function describeSegment(type: string): string {
  return { SliceExpression: 'slices ([start:end])', FilterExpression: 'shorthands (@@name)' }[type] ?? `${type} segments`;
}

function memberName(name: string, shallow: boolean): string {
  return PLAIN_NAME.test(name) ? `${shallow ? '.' : ''}${name}` : `[${quoted(name)}]`;
}

function quoted(name: string): string {
  if (!QUOTABLE_NAME.test(name))
    throw new UnsafeJsonPath(`the name ${JSON.stringify(name)} holds quotes, backslashes or control characters`);
  return `'${name}'`;
}

// Filters: `@`, `@property`, `@parentProperty`, `@parent` and `@root` with `.name`/`['name']`/`[0]` members, compared
// with literals by ==, ===, !=, !==, <, <=, > and >=, combined by &&, || and !, and nimma's type tests (`@string()`).
// No calls, no other identifiers, no regular expressions (which could backtrack for ever on a document's strings).

type Literal = string | number | boolean | null | undefined;
type FilterNode =
  | { kind: 'ref'; base: string; members: (string | number)[] }
  | { kind: 'literal'; value: Literal }
  | { kind: 'type'; name: string }
  | { kind: 'compare'; operator: ComparisonOperator; left: FilterNode; right: FilterNode }
  | { kind: 'logical'; operator: '&&' | '||'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

const COMPARISONS = ['===', '!==', '==', '!=', '<=', '>=', '<', '>'] as const;
type ComparisonOperator = (typeof COMPARISONS)[number];
const BASES = ['@property', '@parentProperty', '@parent', '@root', '@'];
const TYPE_TESTS = ['@string', '@number', '@boolean', '@scalar', '@array', '@null', '@object', '@integer'];
const KEYWORDS: Record<string, Literal> = { true: true, false: false, null: null, undefined: undefined };
const TOKEN = /\s*(?:(@[A-Za-z]*)|('[^'\\]*'|"[^"\\]*")|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*)|(===|!==|==|!=|<=|>=|&&|\|\||[<>!()[\].]))/y;

type Token = { type: 'at' | 'string' | 'number' | 'word' | 'punct'; text: string };

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < filter.length) {
    if (/^\s*$/.test(filter.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(filter);
    if (match === null)
      throw new UnsafeJsonPath(`the filter "${filter}" has "${filter.slice(start).trim().slice(0, 20)}", which filters may not use`);
    const [, at, string, number, word, punct] = match;
    if (at !== undefined) tokens.push({ type: 'at', text: at });
    else if (string !== undefined) tokens.push({ type: 'string', text: string });
    else if (number !== undefined) tokens.push({ type: 'number', text: number });
    else if (word !== undefined) tokens.push({ type: 'word', text: word });
    else tokens.push({ type: 'punct', text: punct });
  }
  return tokens;
}

function parseFilter(filter: string): FilterNode {
  const tokens = tokenize(filter);
  let position = 0;
  const refuse = (what: string) =>
    new UnsafeJsonPath(`the filter "${filter}" ${what}; filters compare @, @.name or @property with literals, using == != < > && || !`);
  const peek = (): Token | undefined => tokens[position];
  const take = (text?: string): Token => {
    const token = tokens[position];
    if (token === undefined || (text !== undefined && token.text !== text))
      throw refuse(token === undefined ? 'ends too early' : `has "${token.text}" where it should not`);
    position += 1;
    return token;
  };
  const logical = (operator: '&&' | '||', next: () => FilterNode) => (): FilterNode => {
    let left = next();
    while (peek()?.text === operator) {
      take();
      left = { kind: 'logical', operator, left, right: next() };
    }
    return left;
  };
  const term = (): FilterNode => {
    const token = take();
    if (token.type === 'string') return { kind: 'literal', value: token.text.slice(1, -1) };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'word') {
      if (!Object.hasOwn(KEYWORDS, token.text))
        throw refuse(`names "${token.text}", which is not a literal (functions and globals are not allowed)`);
      return { kind: 'literal', value: KEYWORDS[token.text] };
    }
    if (token.type === 'at') {
      if (TYPE_TESTS.includes(token.text)) {
        take('(');
        take(')');
        return { kind: 'type', name: token.text };
      }
      if (!BASES.includes(token.text)) throw refuse(`uses "${token.text}", which is not one of ${BASES.join(', ')}`);
      return { kind: 'ref', base: token.text, members: members() };
    }
    if (token.text === '(') {
      const inner = or();
      take(')');
      return inner;
    }
    throw refuse(`has "${token.text}" where a value belongs`);
  };
  const members = (): (string | number)[] => {
    const found: (string | number)[] = [];
    for (;;) {
      if (peek()?.text === '.') {
        take();
        const name = take();
        if (name.type !== 'word') throw refuse(`has ".${name.text}"`);
        found.push(name.text);
      } else if (peek()?.text === '[') {
        take();
        const key = take();
        if (key.type === 'string') found.push(key.text.slice(1, -1));
        else if (key.type === 'number' && /^\d+$/.test(key.text)) found.push(Number(key.text));
        else throw refuse(`has "[${key.text}"`);
        take(']');
      } else if (peek()?.text === '(') {
        throw refuse('calls a function');
      } else {
        return found;
      }
    }
  };
  const comparison = (): FilterNode => {
    const left = term();
    const operator = peek()?.text;
    if (!COMPARISONS.includes(operator as ComparisonOperator)) return left;
    take();
    const right = term();
    if (left.kind !== 'literal' && right.kind !== 'literal')
      throw refuse('compares two values of the document; compare one with a literal');
    return { kind: 'compare', operator: operator as ComparisonOperator, left, right };
  };
  const not = (): FilterNode => {
    if (peek()?.text !== '!') return comparison();
    take();
    return { kind: 'not', operand: not() };
  };
  const or: () => FilterNode = logical('||', logical('&&', not));
  if (tokens.length === 0) throw refuse('is empty');
  const tree = or();
  if (position < tokens.length) throw refuse(`has "${tokens[position].text}" where it should end`);
  return tree;
}

/**
 * The filter as nimma reads it. A member of a missing value (`@.a.b` where `@.a` is undefined) would throw in the
 * compiled code and stop the lint, so each member chain is guarded by its prefixes being present; a comparison then
 * takes the value it has with the chain undefined, as JavaScript's `?.` would.
 */
function serializeFilter(node: FilterNode): string {
  switch (node.kind) {
    case 'literal':
      return literal(node.value);
    case 'type':
      return `${node.name}()`;
    case 'ref': {
      const guard = refGuard(node);
      return guard === undefined ? refText(node) : `(${guard} && ${refText(node)})`;
    }
    case 'compare': {
      const [ref, other] = node.left.kind === 'ref' ? [node.left, node.right] : [node.right, node.left];
      const text = `${plain(node.left)} ${node.operator} ${plain(node.right)}`;
      const guard = ref.kind === 'ref' ? refGuard(ref) : undefined;
      if (guard === undefined) return `(${text})`;
      const absent =
        node.left === ref ? compare(undefined, node.operator, literalValue(other)) : compare(literalValue(other), node.operator, undefined);
      return absent ? `(!(${guard}) || ${text})` : `(${guard} && ${text})`;
    }
    case 'logical':
      return `(${serializeFilter(node.left)} ${node.operator} ${serializeFilter(node.right)})`;
    case 'not':
      return `!${serializeFilter(node.operand)}`;
  }
}

/** A comparison's operand, unguarded. */
function plain(node: FilterNode): string {
  return node.kind === 'ref' ? refText(node) : serializeFilter(node);
}

function literalValue(node: FilterNode): Literal {
  return node.kind === 'literal' ? node.value : undefined;
}

function refText(node: Extract<FilterNode, { kind: 'ref' }>, count = node.members.length): string {
  return (
    node.base +
    node.members
      .slice(0, count)
      .map((member) =>
        typeof member === 'number'
          ? `[${member}]`
          : PLAIN_NAME.test(member) && !member.includes('-')
            ? `.${member}`
            : `[${literal(member)}]`,
      )
      .join('')
  );
}

/** `@ != null && @.a != null` for `@.a.b`: every prefix whose members are read. */
function refGuard(node: Extract<FilterNode, { kind: 'ref' }>): string | undefined {
  if (node.members.length === 0) return undefined;
  return node.members.map((_, count) => `${refText(node, count)} != null`).join(' && ');
}

function literal(value: Literal): string {
  if (typeof value === 'string') {
    if (!QUOTABLE_NAME.test(value))
      throw new UnsafeJsonPath(`the string ${JSON.stringify(value)} holds quotes, backslashes or control characters`);
    return `'${value}'`;
  }
  return String(value);
}

/** JavaScript's comparison of two literals, for the value a guarded comparison takes when its chain is absent. */
function compare(left: Literal, operator: ComparisonOperator, right: Literal): boolean {
  switch (operator) {
    case '===':
      return left === right;
    case '!==':
      return left !== right;
    // The expression's own loose comparison, evaluated as JavaScript would.
    case '==':
      return left == right; // eslint-disable-line eqeqeq
    case '!=':
      return left != right; // eslint-disable-line eqeqeq
    case '<':
      return (left as number) < (right as number);
    case '<=':
      return (left as number) <= (right as number);
    case '>':
      return (left as number) > (right as number);
    case '>=':
      return (left as number) >= (right as number);
  }
}
