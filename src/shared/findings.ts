import type { Finding, LintResult } from './types';

/** Sorted by file, line, column, rule id, then message: output is deterministic. */
export function sortFindings(findings: Finding[]): Finding[] {
  const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
}

/** The files a lint read: its documents and the files (or URLs) their `$ref`s read. */
export function filesRead(result: Pick<LintResult, 'files' | 'referenced'>): string[] {
  return [...result.files, ...result.referenced];
}
