import chalk from 'chalk';
import type { Finding, Severity } from '../types';
import { countBySeverity } from './summary';
import type { Formatter } from './types';

const LABELS: Record<Severity, [singular: string, plural: string]> = {
  error: ['error', 'errors'],
  warn: ['warning', 'warnings'],
  info: ['info', 'infos'],
  hint: ['hint', 'hints'],
};

function plural(count: number, [singular, many]: [string, string]): string {
  return `${count} ${count === 1 ? singular : many}`;
}

/** Human-readable report: findings grouped by file as `line:col  severity  message  rule-id`, then a summary. */
export const formatText: Formatter = (result, context) => {
  const paint = new chalk.Instance({ level: context.color ? 1 : 0 });
  const severityColour: Record<Severity, (text: string) => string> = {
    error: paint.red,
    warn: paint.yellow,
    info: paint.blue,
    hint: paint.gray,
  };
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push(paint.underline(file));
    const positions = findings.map((f) => `${f.range.start.line}:${f.range.start.column}`);
    const positionWidth = Math.max(...positions.map((p) => p.length));
    const severityWidth = Math.max(...findings.map((f) => f.severity.length));
    const messageWidth = Math.max(...findings.map((f) => f.message.length));
    findings.forEach((finding, index) => {
      const severity = severityColour[finding.severity](finding.severity.padEnd(severityWidth));
      const position = paint.dim(positions[index].padStart(positionWidth));
      lines.push(`  ${position}  ${severity}  ${finding.message.padEnd(messageWidth)}  ${paint.dim(finding.ruleId)}`);
    });
    lines.push('');
  }
  const files = plural(result.files.length, ['document', 'documents']);
  if (result.findings.length === 0) {
    lines.push(paint.green(`No problems found in ${files}.`));
  } else {
    const counts = countBySeverity(result.findings);
    const breakdown = (Object.keys(LABELS) as Severity[]).map((s) => plural(counts[s], LABELS[s])).join(', ');
    const summary = `${plural(result.findings.length, ['problem', 'problems'])} (${breakdown}) in ${files}.`;
    lines.push(counts.error > 0 ? paint.red.bold(summary) : paint.yellow.bold(summary));
  }
  return `${lines.join('\n')}\n`;
};
