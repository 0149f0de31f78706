import type { Severity } from '../shared/types';
import { printable } from './printable';
import { summarize } from './summary';
import type { Formatter } from './types';

/** Workflow command per severity; GitHub has no fourth level, so hints are notices too. */
const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warn: 'warning', info: 'notice', hint: 'notice' };

/** A command's message: line breaks and `%` would end or garble the command, and other controls (ESC) reach the log. */
function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A command property value: also `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), which the runner turns into inline
 * annotations on the pull request, then the summary as a plain log line. Paths are relative to the working
 * directory, which must be the repository root, as it is by default in Actions.
 */
export const formatGithub: Formatter = (result) => {
  const lines = result.findings.map((finding) => {
    const { start, end } = finding.range;
    const properties = [
      `file=${escapeProperty(finding.file)}`,
      `line=${start.line}`,
      `col=${start.column}`,
      `endLine=${end.line}`,
      `endColumn=${end.column}`,
      `title=${escapeProperty(finding.ruleId)}`,
    ];
    return `::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
  });
  lines.push(summarize(result));
  return `${lines.join('\n')}\n`;
};
