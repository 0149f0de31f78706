import { severityRank } from '../shared/severity';
import { SEVERITIES, Severity } from '../shared/types';
import type { Finding, LintResult } from '../shared/types';

/** Findings counted per severity; every severity present, in order. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

const LABELS: Record<Severity, [singular: string, plural: string]> = {
  error: ['error', 'errors'],
  warn: ['warning', 'warnings'],
  info: ['info', 'infos'],
  hint: ['hint', 'hints'],
};

function plural(count: number, [singular, many]: [string, string]): string {
  return `${count} ${count === 1 ? singular : many}`;
}

/** One sentence for every report: "41 problems (9 errors, ...) in 1 document." or "No problems found in ...". */
export function summarize(result: LintResult): string {
  if (result.files.length === 0) return 'No OpenAPI documents found: nothing was linted.';
  const files = plural(result.files.length, ['document', 'documents']);
  const counts = countBySeverity(result.findings);
  const breakdown = SEVERITIES.map((severity) => plural(counts[severity], LABELS[severity])).join(', ');
  const found =
    result.findings.length === 0
      ? `No problems found in ${files}`
      : `${plural(result.findings.length, ['problem', 'problems'])} (${breakdown}) in ${files}`;
  return `${[found, ...setAside(result)].join('; ')}.`;
}

/** Findings per rule, at the most severe of their severities: the most severe rules first, then the most frequent. */
export function ruleCounts(findings: readonly Finding[]): { ruleId: string; severity: Severity; count: number }[] {
  const counts = new Map<string, { ruleId: string; severity: Severity; count: number }>();
  for (const finding of findings) {
    const entry = counts.get(finding.ruleId) ?? { ruleId: finding.ruleId, severity: finding.severity, count: 0 };
    entry.count += 1;
    if (severityRank(finding.severity) < severityRank(entry.severity)) entry.severity = finding.severity;
    counts.set(finding.ruleId, entry);
  }
  return [...counts.values()].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1),
  );
}

/** What the run did not count: suppressed and baselined findings, and stale baseline entries. */
function setAside(result: LintResult): string[] {
  const notes: string[] = [];
  if (result.skipped.length > 0)
    notes.push(
      `${plural(result.skipped.length, ['file', 'files'])} skipped unread (symlinks leaving the root or not regular files; --debug lists them)`,
    );
  if (result.suppressed.length > 0) notes.push(`${result.suppressed.length} suppressed`);
  if (result.baseline) {
    notes.push(`${result.baselined.length} in the baseline`);
    if (result.baseline.stale > 0) {
      notes.push(
        `${plural(result.baseline.stale, ['baseline entry', 'baseline entries'])} no longer found (run \`oasguard baseline update\`)`,
      );
    }
  }
  return notes;
}
