import chalk from 'chalk';
import type { Finding, RuleMeta, Severity } from '../shared/types';
import { sortFindings } from '../shared/findings';
import { isAtLeast } from '../shared/severity';
import { alignedRows } from './columns';
import { fromPointer } from '../shared/pointer';
import { printable } from './printable';
import { scoreOf, scoreSentence } from './score';
import { ruleCounts, summarize } from './summary';
import type { FormatContext, Formatter } from './types';

/** The length of the longest text; a reduce, as a file may hold more findings than a call takes arguments. */
function widest(texts: string[]): number {
  return texts.reduce((width, text) => Math.max(width, text.length), 0);
}

/** A JSON pointer as a short path people read: `/paths/~1users/get/parameters/2` is `paths./users.get.parameters[2]`. */
export function shortPath(pointer: string): string {
  if (pointer === '') return '(document)';
  return fromPointer(pointer).reduce(
    (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`),
    '',
  );
}

/** How many source lines a code frame shows before and after a finding's line. */
const FRAME_CONTEXT = 2;

/** A source's lines, for {@link codeFrame}: split once per file, as a file may hold thousands of findings. */
export function sourceLines(source: string): string[] {
  // A final line break ends the last line; it does not start another.
  return source.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** The lines around where a finding starts, numbered, its line marked with `>` and its column with `^`. */
export function codeFrame(lines: readonly string[], finding: Finding): string[] {
  const { line: at, column } = finding.range.start;
  const last = Math.min(lines.length, at + FRAME_CONTEXT);
  const width = String(last).length;
  const frame: string[] = [];
  for (let line = Math.max(1, at - FRAME_CONTEXT); line <= last; line += 1) {
    const text = printable(lines[line - 1] ?? '');
    frame.push(`    ${line === at ? '>' : ' '} ${String(line).padStart(width)} | ${text}`.trimEnd());
    // The caret counts characters as shown: escapes before the column widen the line.
    if (line === at)
      frame.push(`      ${' '.repeat(width)} | ${' '.repeat(printable((lines[line - 1] ?? '').slice(0, column - 1)).length)}^`);
  }
  return frame;
}

/** The findings a reader is shown: all of them, those at or above the fail severity with `quiet`, suppressed ones on request. */
function shownFindings(result: Parameters<Formatter>[0], context: FormatContext): Finding[] {
  const listed = context.showSuppressed ? sortFindings([...result.findings, ...result.suppressed]) : result.findings;
  if (!context.quiet) return listed;
  const threshold = context.failSeverity ?? 'error';
  return threshold === 'none' ? [] : listed.filter((finding) => isAtLeast(finding.severity, threshold));
}

/** Findings per rule (see {@link ruleCounts}), each with its rule's docs link, once. */
function ruleLines(findings: readonly Finding[], rules: readonly RuleMeta[]): string[] {
  const docs = new Map(rules.map((rule) => [rule.id, rule.docsUrl]));
  const rows = ruleCounts(findings).map(({ ruleId, severity, count }) => [
    String(count),
    severity,
    printable(ruleId),
    printable(docs.get(ruleId) ?? ''),
  ]);
  return alignedRows(rows, new Set([0])).map((line) => `  ${line}`);
}

/**
 * Human-readable report: findings grouped by file as `line:col  severity  message  rule-id  path` (with a code
 * frame under each on request; suppressed ones too, dimmed with their reason, when asked), then a summary and the
 * findings per rule with each rule's documentation.
 */
export const formatText: Formatter = (result, context) => {
  const paint = new chalk.Instance({ level: context.color ? 1 : 0 });
  const severityColour: Record<Severity, (text: string) => string> = {
    error: paint.red,
    warn: paint.yellow,
    info: paint.blue,
    hint: paint.gray,
  };
  const shown = shownFindings(result, context);
  const limited = context.maxFindings === undefined ? shown : shown.slice(0, context.maxFindings);
  const byFile = new Map<string, Finding[]>();
  for (const finding of limited) {
    const inFile = byFile.get(finding.file);
    if (inFile) inFile.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(paint.underline(printable(file)));
    const positions = findings.map((f) => `${f.range.start.line}:${f.range.start.column}`);
    const paths = findings.map((f) => printable(shortPath(f.pointer)));
    const positionWidth = widest(positions);
    const ruleWidth = widest(findings.map((f) => printable(f.ruleId)));
    const severityWidth = widest(findings.map((f) => f.severity));
    const messages = findings.map((f) => printable(f.message));
    const messageWidth = widest(messages);
    const text = context.sources?.[file];
    const source = text === undefined ? undefined : sourceLines(text);
    findings.forEach((finding, index) => {
      const severity = severityColour[finding.severity](finding.severity.padEnd(severityWidth));
      const position = paint.dim(positions[index].padStart(positionWidth));
      const rule = paint.dim(printable(finding.ruleId).padEnd(ruleWidth));
      const line = `  ${position}  ${severity}  ${messages[index].padEnd(messageWidth)}  ${rule}  ${paint.dim(paths[index])}`;
      lines.push(finding.suppression ? paint.dim(`${line}  (suppressed: ${printable(finding.suppression.reason)})`) : line);
      if (source !== undefined) lines.push(...codeFrame(source, finding).map((frameLine) => paint.dim(frameLine)), '');
    });
    if (source === undefined) lines.push('');
  }
  const hidden = [
    ...(shown.length > limited.length ? [`${shown.length - limited.length} more not shown (--max-findings ${context.maxFindings})`] : []),
    ...(context.quiet && shown.length < result.findings.length
      ? [`${result.findings.length - shown.length} below --fail-severity not shown (--quiet)`]
      : []),
  ];
  if (hidden.length > 0) lines.push(`${hidden.join('; ')}.`, '');
  const summary = summarize(result);
  if (result.findings.length === 0) lines.push(paint.green(summary));
  else lines.push(result.findings.some((f) => f.severity === 'error') ? paint.red.bold(summary) : paint.yellow.bold(summary));
  if (result.files.length > 0) lines.push(scoreSentence(scoreOf(result)));
  if (result.findings.length > 0) lines.push('', 'Findings per rule:', ...ruleLines(result.findings, result.rules));
  return `${lines.join('\n')}\n`;
};
