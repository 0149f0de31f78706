/**
 * Replaces Spectral's JSONPath evaluation for oasguard's own rules: the fixed-depth subset their visitors select
 * with, read member by member, in document order. Checked by test/engine/selectors.test.ts.
 */
import type { PathSegment } from '../rules/define-rule';
import { cached } from '../shared/cached';

/** One step of a selector: a named member, a choice of members, or every member (`[*]`). */
type Step = { names: readonly string[] } | { every: true };

/** A compiled `given` expression. */
export type Selector = readonly Step[];

/** `.name`, `[*]` or `[a,b,c]`. */
const STEP = /\.([A-Za-z_$][\w$-]*)|\[\*\]|\[([A-Za-z_$][\w$-]*(?:,[A-Za-z_$][\w$-]*)*)\]/y;

/**
 * Compiles the fixed-depth JSONPath subset oasguard's rules select with: `$` followed by `.name`, `[*]` and
 * `[a,b]` steps. Spectral's general JSONPath engine walks the whole resolved document for such expressions, and
 * the resolved document of a large description repeats every shared schema wherever it is referenced (GitHub's
 * 13 MB description expands to over 70 MB); a selector reads only the members it names.
 */
export function compileSelector(expression: string): Selector {
  return cached(compiled, expression, () => compile(expression));
}

/** Selectors by expression: one object per expression, which keys the matches shared by the rules using it. */
const compiled = new Map<string, Selector>();

function compile(expression: string): Selector {
  if (!expression.startsWith('$')) throw new Error(`Selector "${expression}" does not start at the root ($).`);
  const steps: Step[] = [];
  STEP.lastIndex = 1;
  while (STEP.lastIndex < expression.length) {
    const start = STEP.lastIndex;
    const match = STEP.exec(expression);
    if (match === null) throw new Error(`Selector "${expression}" has an unsupported step at "${expression.slice(start)}".`);
    steps.push(match[1] !== undefined ? { names: [match[1]] } : match[2] !== undefined ? { names: match[2].split(',') } : { every: true });
  }
  return steps;
}

/** A node a selector matched, and its path. */
export interface Match {
  node: unknown;
  path: PathSegment[];
}

/** Matches by resolved document and selector: the rules that look at operations all select the same nodes. */
const matchesByDocument = new WeakMap<object, Map<Selector, readonly Match[]>>();

/** The nodes `selector` matches in `root`, in document order; computed once per document and selector. */
export function select(root: unknown, selector: Selector): readonly Match[] {
  if (typeof root !== 'object' || root === null) return collect(root, selector);
  const byDocument = cached(matchesByDocument, root, () => new Map<Selector, readonly Match[]>());
  return cached(byDocument, selector, () => collect(root, selector));
}

function collect(root: unknown, selector: Selector): Match[] {
  const matches: Match[] = [];
  const step = (node: unknown, path: PathSegment[], index: number): void => {
    if (index === selector.length) {
      matches.push({ node, path });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const current = selector[index];
    if ('every' in current) {
      if (Array.isArray(node)) node.forEach((child, position) => step(child, [...path, position], index + 1));
      else for (const [key, child] of Object.entries(node)) step(child, [...path, key], index + 1);
      return;
    }
    if (Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (current.names.includes(key)) step(child, [...path, key], index + 1);
    }
  };
  step(root, [], 0);
  return matches;
}
