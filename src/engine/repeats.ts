/**
 * One cause repeated is one finding: an inline schema or parameter copied byte for byte into many operations (Stripe
 * repeats its `expand` parameter in 428) gives the same finding on the same content at the same place of each
 * operation. Those findings are merged into the first, which lists every place as a related one. Suppressed findings,
 * diagnostics, findings that already stand for many and findings outside operations (a shared component is reported
 * once already) are left as they are.
 */
import { isDiagnostic } from '../rules/diagnostics';
import { HTTP_METHODS } from '../rules/support/openapi';
import { toPointer } from '../shared/pointer';
import type { EngineFinding } from './spectral-engine';

/**
 * Where a finding is within its operation, array indices left out (a copied parameter is not always at the same
 * index), or undefined for a finding outside operations. The operation is in the document's `paths`, or in a file
 * holding one path item (a description split into files, as `redocly split` writes it, has one per path).
 */
function placeInOperation(path: readonly (string | number)[]): string | undefined {
  const item = path[0] === 'paths' ? 2 : 0;
  if (path.length < item + 1) return undefined;
  const method = path[item];
  const prefix =
    method === 'additionalOperations' ? item + 2 : (HTTP_METHODS as readonly unknown[]).includes(method) ? item + 1 : undefined;
  if (prefix === undefined || path.length < prefix) return undefined;
  return JSON.stringify(path.slice(prefix).map((segment) => (typeof segment === 'number' ? '#' : segment)));
}

/** By file (code units: the same order on every machine, and no ICU collator to load), line and column. */
function byPosition(a: EngineFinding, b: EngineFinding): number {
  const bySource = a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
  return bySource || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * The findings of one document with each group of identical ones (same rule, message, flagged content and place in an
 * operation, in any of the files the document spans) merged into one.
 */
export function mergeRepeats(findings: readonly EngineFinding[]): EngineFinding[] {
  const groups = new Map<string, EngineFinding[]>();
  const merged: EngineFinding[] = [];
  for (const finding of findings) {
    const place = placeInOperation(finding.path);
    if (place === undefined || finding.suppression || finding.related || isDiagnostic(finding.ruleId)) {
      merged.push(finding);
      continue;
    }
    const key = JSON.stringify([finding.ruleId, finding.messageId, finding.message, finding.nodeHash, place]);
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  for (const group of groups.values()) {
    if (group.length === 1) {
      merged.push(group[0]);
      continue;
    }
    const [first] = group.sort(byPosition);
    merged.push({
      ...first,
      message: `${first.message} Repeated identically in ${group.length} places.`,
      related: group.map(({ source, path, range }) => ({ source, path, range, message: toPointer(path) })),
    });
  }
  return merged;
}
