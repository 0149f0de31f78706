import { SEVERITIES, Severity } from '../types';
import type { Finding, LintResult } from '../types';

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
  if (result.findings.length === 0) return `No problems found in ${files}.`;
  const counts = countBySeverity(result.findings);
  const breakdown = SEVERITIES.map((severity) => plural(counts[severity], LABELS[severity])).join(', ');
  return `${plural(result.findings.length, ['problem', 'problems'])} (${breakdown}) in ${files}.`;
}
