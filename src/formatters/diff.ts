/**
 * The reports of `oasguard diff`: text, a versioned JSON document, Markdown for a pull-request comment; and, through
 * the lint formatters, SARIF and GitHub annotations, which show the regressions and the new findings on the new
 * version's lines as they show findings.
 */
import { CHANGE_KINDS } from '../shared/change-kinds';
import { nodeHash } from '../engine/node-hash';
import { counted, withThousands } from '../shared/numbers';
import type { DiffResult, Finding, LintResult, Place, SecurityChange } from '../shared/types';
import { alignedRows } from './columns';
import { appendWithin, markdownCell, MARKDOWN_DEFAULT_LIMIT, ruleLink } from './markdown';
import { printable } from './printable';
import type { FormatContext } from './types';

export const DIFF_FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The JSON report's format version, its first key: bumped when a field changes meaning or goes away. */
export const DIFF_JSON_VERSION = 1;

const regressionsOf = (diff: DiffResult) => diff.changes.filter((change) => change.kind !== 'improved');

/** The headline's two halves: "2 security regressions, 1 improvement" and "3 new findings, 1 fixed". */
function headlineParts(diff: DiffResult): [changes: string, findings: string] {
  const regressions = regressionsOf(diff).length;
  return [
    `${counted(regressions, 'security regression')}, ${counted(diff.changes.length - regressions, 'improvement')}`,
    `${counted(diff.newFindings.length, 'new finding')}, ${withThousands(diff.fixedFindings.length)} fixed`,
  ];
}

/** "2 security regressions, 1 improvement; 3 new findings, 1 fixed." */
export function diffHeadline(diff: DiffResult): string {
  return `${headlineParts(diff).join('; ')}.`;
}

const at = (place: Pick<Place, 'file' | 'line' | 'column'> | undefined) => (place ? `${place.file}:${place.line}:${place.column}` : '');
const findingAt = (finding: Finding) => at({ file: finding.file, ...finding.range.start });
/** The widest change kind, so that the text report's messages line up. */
const KIND_WIDTH = Math.max(...Object.keys(CHANGE_KINDS).map((kind) => kind.length));

/** Where a change stands: in the new version, and where it was in the old one. */
function where(change: SecurityChange): string {
  if (change.after && change.before) return `${at(change.after)} (was ${at(change.before)})`;
  return change.after ? at(change.after) : `${at(change.before)} (removed)`;
}

/** A change as a lint finding on the new version's lines, for SARIF and annotations; one with no new place has none. */
function changeFinding(change: SecurityChange): Finding | undefined {
  const place = change.after;
  if (!place) return undefined;
  const position = { line: place.line, column: place.column };
  return {
    ruleId: change.kind,
    messageId: change.kind,
    severity: change.severity,
    message: change.message,
    file: place.file,
    pointer: place.pointer,
    range: { start: position, end: position },
    nodeHash: nodeHash(`${change.kind}:${change.message}`),
  };
}

/** The regressions and the new findings as a lint result of the new version (improvements are not results). */
export function diffAsLintResult(diff: DiffResult): LintResult {
  const regressions = regressionsOf(diff).flatMap((change) => changeFinding(change) ?? []);
  const kinds = [...new Set(regressions.map((finding) => finding.ruleId))].map((kind) => CHANGE_KINDS[kind as SecurityChange['kind']]);
  return {
    files: diff.documents.flatMap((document) => document.after ?? []),
    unlinted: [],
    skipped: [],
    referenced: [],
    findings: [...regressions, ...diff.newFindings],
    suppressed: [],
    baselined: [],
    rules: [...kinds, ...diff.rules],
  };
}

function formatText(diff: DiffResult): string {
  const lines = [`oasguard diff against ${printable(diff.base)}: ${diffHeadline(diff)}`, ''];
  if (diff.changes.length > 0) {
    lines.push('Security changes:');
    for (const change of diff.changes)
      lines.push(
        `  ${change.severity.padEnd(5)}  ${change.kind.padEnd(KIND_WIDTH)}  ${printable(change.message)}`,
        `         ${printable(where(change))}`,
      );
    lines.push('');
  }
  const findingLines = (title: string, findings: readonly Finding[]) => {
    if (findings.length === 0) return;
    const rows = findings.map((finding) => [
      finding.severity,
      printable(findingAt(finding)),
      printable(finding.ruleId),
      printable(finding.message),
    ]);
    lines.push(`${title}:`, ...alignedRows(rows).map((row) => `  ${row}`), '');
  };
  findingLines('New findings', diff.newFindings);
  findingLines('Fixed findings', diff.fixedFindings);
  if (diff.changes.length === 0 && diff.newFindings.length === 0 && diff.fixedFindings.length === 0)
    lines.push(`No security change in ${counted(diff.documents.length, 'document')}.`, '');
  return lines.join('\n');
}

function formatJson(diff: DiffResult): string {
  const regressions = regressionsOf(diff).length;
  const report = {
    oasguardDiff: DIFF_JSON_VERSION,
    base: diff.base,
    summary: {
      regressions,
      improvements: diff.changes.length - regressions,
      newFindings: diff.newFindings.length,
      fixedFindings: diff.fixedFindings.length,
    },
    documents: diff.documents,
    changes: diff.changes,
    newFindings: diff.newFindings,
    fixedFindings: diff.fixedFindings,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A pull-request comment: the headline, then the changes and the new findings as tables, within the limit. */
function formatMarkdownDiff(diff: DiffResult, limit: number): string {
  const rules = new Map([...Object.values(CHANGE_KINDS), ...diff.rules].map((rule) => [rule.id, rule]));
  const [changes, findings] = headlineParts(diff);
  const lines = ['## oasguard diff', '', `**${changes}**; ${findings} (against ${markdownCell(diff.base)}).`];
  const rows = [
    ...diff.changes.map(
      (change) =>
        `| ${change.severity} | ${ruleLink(change.kind, rules)} | ${markdownCell(change.message)} | ${markdownCell(where(change))} |`,
    ),
    ...diff.newFindings.map(
      (finding) =>
        `| ${finding.severity} | new finding: ${ruleLink(finding.ruleId, rules)} | ${markdownCell(finding.message)} | ${markdownCell(findingAt(finding))} |`,
    ),
  ];
  if (rows.length > 0) {
    lines.push('', '| Severity | Change | What | Where |', '| --- | --- | --- | --- |');
    appendWithin(lines, rows, limit, (omitted) =>
      omitted === 0
        ? []
        : [
            '',
            `${withThousands(omitted)} more rows are not shown, to keep this comment under ${withThousands(limit)} characters; the JSON or SARIF report has them all.`,
          ],
    );
  }
  if (diff.fixedFindings.length > 0) lines.push('', `${counted(diff.fixedFindings.length, 'finding')} of the old version fixed.`);
  return `${lines.join('\n')}\n`;
}

/**
 * The report of `diff` in `format`. SARIF and GitHub annotations are the lint formatters' on
 * {@link diffAsLintResult}, which a caller rebases to the repository root first, as it does a lint result.
 */
export function formatDiff(diff: DiffResult, format: Exclude<DiffFormat, 'sarif' | 'github'>, context: FormatContext): string {
  switch (format) {
    case 'text':
      return formatText(diff);
    case 'json':
      return formatJson(diff);
    case 'markdown':
      return formatMarkdownDiff(diff, context.markdownLimit ?? MARKDOWN_DEFAULT_LIMIT);
  }
}
