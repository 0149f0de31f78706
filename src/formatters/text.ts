import chalk from 'chalk';
import type { Finding, Severity } from '../shared/types';
import { sortFindings } from '../shared/findings';
import { printable } from './printable';
import { summarize, topRules } from './summary';
import type { Formatter } from './types';

/** The length of the longest text; a reduce, as a file may hold more findings than a call takes arguments. */
function widest(texts: string[]): number {
  return texts.reduce((width, text) => Math.max(width, text.length), 0);
}

/**
 * Human-readable report: findings grouped by file as `line:col  severity  message  rule-id` (suppressed ones too,
 * dimmed with their reason, when asked), then a summary.
 */
export const formatText: Formatter = (result, context) => {
  const paint = new chalk.Instance({ level: context.color ? 1 : 0 });
  const severityColour: Record<Severity, (text: string) => string> = {
    error: paint.red,
    warn: paint.yellow,
    info: paint.blue,
    hint: paint.gray,
  };
  const byFile = new Map<string, Finding[]>();
  const listed = context.showSuppressed ? sortFindings([...result.findings, ...result.suppressed]) : result.findings;
  for (const finding of listed) {
    const inFile = byFile.get(finding.file);
    if (inFile) inFile.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(paint.underline(printable(file)));
    const positions = findings.map((f) => `${f.range.start.line}:${f.range.start.column}`);
    const positionWidth = widest(positions);
    const severityWidth = widest(findings.map((f) => f.severity));
    const messages = findings.map((f) => printable(f.message));
    const messageWidth = widest(messages);
    findings.forEach((finding, index) => {
      const severity = severityColour[finding.severity](finding.severity.padEnd(severityWidth));
      const position = paint.dim(positions[index].padStart(positionWidth));
      const line = `  ${position}  ${severity}  ${messages[index].padEnd(messageWidth)}  ${paint.dim(printable(finding.ruleId))}`;
      lines.push(finding.suppression ? paint.dim(`${line}  (suppressed: ${printable(finding.suppression.reason)})`) : line);
    });
    lines.push('');
  }
  const summary = summarize(result);
  if (result.findings.length === 0) lines.push(paint.green(summary));
  else lines.push(result.findings.some((f) => f.severity === 'error') ? paint.red.bold(summary) : paint.yellow.bold(summary));
  const top = topRules(result.findings);
  if (top) lines.push(printable(top));
  return `${lines.join('\n')}\n`;
};
