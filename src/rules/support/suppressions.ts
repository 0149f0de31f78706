import type { PathSegment } from '../define-rule';
import { isMapping } from '../../shared/mapping';

/** The specification extension that suppresses findings at a node and below it. */
export const SUPPRESSION_KEY = 'x-oasguard-ignore';

/** One entry of an `x-oasguard-ignore` value, at `at` below it; `rule` is undefined for an entry of the wrong shape. */
export interface SuppressionValueEntry {
  rule: string | undefined;
  reason: unknown;
  at: PathSegment[];
}

/** The entries of an `x-oasguard-ignore` value: a list of `{rule, reason}`, or a map of rule to reason. */
export function suppressionEntries(value: unknown): SuppressionValueEntry[] {
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) =>
      isMapping(item) && typeof item.rule === 'string' && item.rule !== ''
        ? { rule: item.rule, reason: item.reason, at: [index] }
        : { rule: undefined, reason: undefined, at: [index] },
    );
  }
  if (isMapping(value)) return Object.entries(value).map(([rule, reason]) => ({ rule, reason, at: [rule] }));
  return [{ rule: undefined, reason: undefined, at: [] }];
}

/**
 * Whether an `x-oasguard-ignore` with a reason on the node at `path` of the resolved document, or on a node above
 * it, suppresses `ruleId` there: what the engine will do with a finding reported at `path`. Rules that report one
 * finding for many places leave the suppressed places out of it and report them one by one, to be suppressed.
 */
export function isSuppressedAt(root: unknown, path: readonly PathSegment[], ruleId: string): boolean {
  let node: unknown = root;
  for (let depth = 0; depth <= path.length && typeof node === 'object' && node !== null; depth += 1) {
    if (isMapping(node) && Object.hasOwn(node, SUPPRESSION_KEY)) {
      const suppresses = suppressionEntries(node[SUPPRESSION_KEY]).some(
        ({ rule, reason }) => rule === ruleId && typeof reason === 'string' && reason.trim() !== '',
      );
      if (suppresses) return true;
    }
    if (depth < path.length) node = (node as Record<string, unknown>)[path[depth]];
  }
  return false;
}
