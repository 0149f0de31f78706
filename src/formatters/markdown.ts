import { severityRank } from '../shared/severity';
import type { Finding, RuleMeta } from '../shared/types';
import { printable } from './printable';
import { summarize } from './summary';
import type { Formatter } from './types';

/** Rows of the findings table at most: a GitHub job summary holds 1 MiB, and nobody reads further. */
export const MARKDOWN_MAX_ROWS = 1000;

/**
 * Table cell text: findings quote document content, which must not become code, emphasis, links, HTML or extra
 * cells, nor mention people or teams (`@octocat`) or turn into links (`https://…`, `www.…`), which GitHub does on its
 * own. A cell never starts a block, so only inline marks need a backslash; entities keep `<` and `&` inert; a
 * zero-width space after `@`, `://` and `www` breaks mentions and autolinks without changing what is shown.
 */
export function markdownCell(text: string): string {
  return printable(text.replace(/\r?\n|\r/g, ' '))
    .replace(/[\\`*_[\]|~]/g, (mark) => `\\${mark}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/@|:\/\/|\bwww(?=\.)/gi, (mark) => `${mark}\u200B`);
}

function ruleLink(ruleId: string, rules: Map<string, RuleMeta>): string {
  const rule = rules.get(ruleId);
  if (!rule?.docsUrl) return markdownCell(ruleId);
  // A custom rule's URL comes from a user's ruleset: percent-encode what would end the link or the cell.
  const url = rule.docsUrl.replace(/[()<>|\s\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${markdownCell(ruleId)}](${url})`;
}

function findingRow(finding: Finding, rules: Map<string, RuleMeta>): string {
  const location = `${finding.file}:${finding.range.start.line}:${finding.range.start.column}`;
  return `| ${finding.severity} | ${markdownCell(location)} | ${ruleLink(finding.ruleId, rules)} | ${markdownCell(finding.message)} |`;
}

/** Findings per rule, most severe rules first, then the most frequent. */
function ruleCounts(findings: readonly Finding[]): { ruleId: string; severity: Finding['severity']; count: number }[] {
  const counts = new Map<string, { ruleId: string; severity: Finding['severity']; count: number }>();
  for (const finding of findings) {
    const entry = counts.get(finding.ruleId) ?? { ruleId: finding.ruleId, severity: finding.severity, count: 0 };
    entry.count += 1;
    counts.set(finding.ruleId, entry);
  }
  return [...counts.values()].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1),
  );
}

/**
 * A Markdown summary for GitHub job summaries and pull-request comments: the summary sentence, findings per rule,
 * and a table of findings (at most {@link MARKDOWN_MAX_ROWS}, the rest counted) folded in a details block.
 */
export const formatMarkdown: Formatter = (result) => {
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const lines = ['## oasguard', '', summarize(result)];
  if (result.findings.length > 0) {
    lines.push('', '| Rule | Severity | Findings |', '| --- | --- | ---: |');
    for (const { ruleId, severity, count } of ruleCounts(result.findings))
      lines.push(`| ${ruleLink(ruleId, rules)} | ${severity} | ${count} |`);
    lines.push('', '<details><summary>Findings</summary>', '', '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
    for (const finding of result.findings.slice(0, MARKDOWN_MAX_ROWS)) lines.push(findingRow(finding, rules));
    const omitted = result.findings.length - MARKDOWN_MAX_ROWS;
    if (omitted > 0) lines.push('', `${omitted} more findings are not shown; the SARIF or JSON report has them all.`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
};
