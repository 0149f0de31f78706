/** `x-oasguard-ignore`: reading suppressions from a document, matching them to findings, and the unused ones. */
import type { ISpectralDiagnostic } from '../stoplight';
import { restoreKeys } from '../input/document-safety';
import { isSuppressible } from '../rules/diagnostics';
import { isMapping } from '../shared/mapping';
import { SUPPRESSION_KEY, suppressionEntries } from '../rules/support/suppressions';

type Path = (string | number)[];
type Range = ISpectralDiagnostic['range'];

/** One rule suppressed at one node, with the reason given. */
export interface SuppressionEntry {
  rule: string;
  reason: string;
  /** The node carrying `x-oasguard-ignore`: findings at it or below are suppressed. */
  nodePath: Path;
  /** The entry itself, where an unused suppression is reported. */
  entryPath: Path;
  range: Range;
  used: boolean;
}

/** A problem found with the suppressions themselves. */
export interface SuppressionProblem {
  source: string;
  messageId: 'noReason' | 'malformed' | 'diagnostic' | 'unused' | 'notEnabled';
  message: string;
  path: Path;
  range: Range;
}

/** A parsed document: its data and where a path is in its text. */
export interface ParsedSource {
  data: unknown;
  rangeOf(path: Path): Range;
}

/**
 * The `x-oasguard-ignore` suppressions of every file a run reads, each file collected once (a shared file may be
 * referenced by several documents), and which of them matched a finding.
 */
export class Suppressions {
  private readonly bySource = new Map<string, SuppressionEntry[]>();

  /** Every collected file's suppressions, with their use: what a worker hands back to be merged. */
  entries(): [string, SuppressionEntry[]][] {
    return [...this.bySource];
  }

  /** Merges another engine's suppressions of the same run: one used by either counts as used. */
  merge(entries: Iterable<[string, SuppressionEntry[]]>): void {
    for (const [source, theirs] of entries) {
      const ours = this.bySource.get(source);
      if (ours === undefined) this.bySource.set(source, theirs);
      // The same file collected twice gives the same entries in the same order.
      else theirs.forEach((entry, index) => (ours[index].used ||= entry.used));
    }
  }

  /** Whether `source`'s suppressions have been collected. */
  has(source: string): boolean {
    return this.bySource.has(source);
  }

  /** Collects a file's suppressions; returns the malformed ones, and those without a reason. */
  collect(source: string, parsed: ParsedSource | undefined): SuppressionProblem[] {
    const entries: SuppressionEntry[] = [];
    const problems: SuppressionProblem[] = [];
    this.bySource.set(source, entries);
    if (parsed === undefined) return problems;
    walk(parsed.data, [], (node, nodePath) => {
      const keyPath = [...nodePath, SUPPRESSION_KEY];
      const add = (rule: string, reason: unknown, entryPath: Path) => {
        const range = parsed.rangeOf(entryPath);
        const restored = entryPath.map(restoreKeys);
        if (!isSuppressible(rule)) {
          const message = `"${rule}" is a diagnostic, which cannot be suppressed: correct the document instead.`;
          problems.push({ source, messageId: 'diagnostic', message, path: restored, range });
        } else if (typeof reason === 'string' && reason.trim() !== '') {
          entries.push({ rule, reason: reason.trim(), nodePath: nodePath.map(restoreKeys), entryPath: restored, range, used: false });
        } else {
          const message = `Suppression of "${rule}" has no reason: say why the finding does not apply here.`;
          problems.push({ source, messageId: 'noReason', message, path: restored, range });
        }
      };
      const malformed = (at: Path) =>
        problems.push({
          source,
          messageId: 'malformed',
          message: `${SUPPRESSION_KEY} takes a list of { rule, reason } or a map of rule to reason.`,
          path: at.map(restoreKeys),
          range: parsed.rangeOf(at),
        });
      for (const { rule, reason, at } of suppressionEntries(node[SUPPRESSION_KEY])) {
        if (rule === undefined) malformed([...keyPath, ...at]);
        // A map's rule is a key, which document-safety escaped; a list's is a value, which it did not.
        else add(typeof at[0] === 'string' ? restoreKeys(rule) : rule, reason, [...keyPath, ...at]);
      }
    });
    return problems;
  }

  /**
   * The suppression that covers a finding (the one nearest to it, whose reason is reported), or undefined. Every
   * covering suppression counts as used: an outer one would apply if the inner one went.
   */
  match(finding: { ruleId: string; source: string; path: readonly (string | number)[] }): SuppressionEntry | undefined {
    if (!isSuppressible(finding.ruleId)) return undefined;
    let nearest: SuppressionEntry | undefined;
    for (const entry of this.bySource.get(finding.source) ?? []) {
      const covers =
        entry.rule === finding.ruleId &&
        entry.nodePath.length <= finding.path.length &&
        entry.nodePath.every((segment, index) => String(finding.path[index]) === String(segment));
      if (!covers) continue;
      entry.used = true;
      if (!nearest || entry.nodePath.length > nearest.nodePath.length) nearest = entry;
    }
    return nearest;
  }

  /** Suppressions that matched no finding: stale, or naming a rule that is not enabled. */
  unused(enabledRules: ReadonlySet<string>): SuppressionProblem[] {
    const problems: SuppressionProblem[] = [];
    for (const [source, entries] of this.bySource) {
      for (const entry of entries.filter((e) => !e.used)) {
        const enabled = enabledRules.has(entry.rule);
        problems.push({
          source,
          messageId: enabled ? 'unused' : 'notEnabled',
          message: enabled
            ? `Suppression of "${entry.rule}" matches no finding here or below; remove it.`
            : `Suppression names "${entry.rule}", which is not an enabled rule; remove it or correct the rule id.`,
          path: entry.entryPath,
          range: entry.range,
        });
      }
    }
    return problems;
  }
}

/** Calls `visit` for every mapping holding `x-oasguard-ignore`, with its path in the parsed data. */
function walk(node: unknown, path: Path, visit: (node: Record<string, unknown>, path: Path) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, [...path, index], visit));
  } else if (isMapping(node)) {
    if (Object.prototype.hasOwnProperty.call(node, SUPPRESSION_KEY)) visit(node, path);
    for (const [key, value] of Object.entries(node)) {
      if (key !== SUPPRESSION_KEY) walk(value, [...path, key], visit);
    }
  }
}
