import { severityRank } from '../shared/severity';
import type { Finding, LintResult, OwaspCategory, RuleMeta } from '../shared/types';
import { printable } from './printable';
import { CategoryScore, OWASP_CATEGORY_NAMES, scoreOf, scoreSentence } from './score';
import { ruleCounts, summarize } from './summary';
import type { Formatter } from './types';
import { withThousands } from '../shared/numbers';

/**
 * The most characters the report holds by default: GitHub refuses pull-request comments over 65,536 characters
 * (and job summaries over 1 MiB). `--markdown-limit` changes it.
 */
export const MARKDOWN_DEFAULT_LIMIT = 65_000;

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

/** A rule's id, linked to its documentation when it has any. */
export function ruleLink(ruleId: string, rules: ReadonlyMap<string, RuleMeta>): string {
  const rule = rules.get(ruleId);
  if (!rule?.docsUrl) return markdownCell(ruleId);
  // A custom rule's URL comes from a user's ruleset: percent-encode what would end the link or the cell.
  const url = rule.docsUrl.replace(/[()<>|\s\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${markdownCell(ruleId)}](${url})`;
}

function findingRow(finding: Finding, rules: ReadonlyMap<string, RuleMeta>): string {
  const location = `${finding.file}:${finding.range.start.line}:${finding.range.start.column}`;
  return `| ${finding.severity} | ${markdownCell(location)} | ${ruleLink(finding.ruleId, rules)} | ${markdownCell(finding.message)} |`;
}

/** The security score and, when something cost points, its OWASP categories (docs/score.md). */
function scoreLines(result: LintResult): string[] {
  if (result.files.length === 0) return [];
  const run = scoreOf(result);
  const lines = ['', `**${scoreSentence(run)}**`];
  const categories = Object.entries(run.categories) as [OwaspCategory, CategoryScore][];
  if (categories.length === 0) return lines;
  lines.push('', '| OWASP API Security Top 10 2023 | Score | Findings |', '| --- | ---: | ---: |');
  for (const [category, { score, findings }] of categories)
    lines.push(`| ${category} ${OWASP_CATEGORY_NAMES[category]} | ${score} | ${findings} |`);
  return lines;
}

/**
 * Appends `rows` to `lines` while the report stays within `limit` characters with its `ending`, which is told how
 * many rows were left out; each row is checked against what would still follow it.
 */
export function appendWithin(lines: string[], rows: readonly string[], limit: number, ending: (omitted: number) => string[]): void {
  const size = (list: readonly string[]) => list.reduce((sum, line) => sum + line.length + 1, 0);
  let length = size(lines);
  let shown = 0;
  for (const row of rows) {
    if (length + row.length + 1 + size(ending(rows.length - shown - 1)) > limit) break;
    lines.push(row);
    length += row.length + 1;
    shown += 1;
  }
  lines.push(...ending(rows.length - shown));
}

/**
 * A Markdown summary for GitHub job summaries and pull-request comments: the summary sentence, the security score
 * with its OWASP categories, findings per rule, and a table of findings, the most severe first, folded in a details
 * block; within `markdownLimit` characters (default {@link MARKDOWN_DEFAULT_LIMIT}), the findings that do not fit
 * counted instead of listed.
 */
export const formatMarkdown: Formatter = (result, context) => {
  const limit = context.markdownLimit ?? MARKDOWN_DEFAULT_LIMIT;
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const lines = ['## oasguard', '', summarize(result), ...scoreLines(result)];
  if (result.findings.length > 0) {
    lines.push('', '| Rule | Severity | Findings |', '| --- | --- | ---: |');
    for (const { ruleId, severity, count } of ruleCounts(result.findings))
      lines.push(`| ${ruleLink(ruleId, rules)} | ${severity} | ${count} |`);
    lines.push('', '<details><summary>Findings</summary>', '', '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
    // A stable sort: by severity, and within one as reported (file, line).
    const bySeverity = [...result.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    appendWithin(
      lines,
      bySeverity.map((finding) => findingRow(finding, rules)),
      limit,
      (omitted) =>
        omitted === 0
          ? ['', '</details>']
          : [
              '',
              `${withThousands(omitted)} more findings are not shown, to keep this report under ${withThousands(limit)} characters; the SARIF or JSON report has them all.`,
              '',
              '</details>',
            ],
    );
  }
  return `${lines.join('\n')}\n`;
};
