/** `oasguard rules`: the rules a ruleset enables, as a text table, JSON or Markdown; pure functions of their metadata. */
import type { RuleMeta } from '../shared/types';
import { alignedRows } from './columns';
import { markdownCell, ruleLink } from './markdown';
import { printable } from './printable';

export const RULE_LIST_FORMATS = ['text', 'json', 'markdown'] as const;
export type RuleListFormat = (typeof RULE_LIST_FORMATS)[number];

function text(rules: readonly RuleMeta[]): string {
  const rows = [
    ['RULE', 'SEVERITY', 'OWASP', 'DESCRIPTION'],
    ...rules.map((rule) => [rule.id, rule.severity, rule.owasp ?? '', rule.description]),
  ].map((row) => row.map(printable));
  return alignedRows(rows)
    .map((line) => `${line}\n`)
    .join('');
}

function markdown(rules: readonly RuleMeta[]): string {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return [
    '| Rule | Severity | OWASP 2023 | Checks that |',
    '| --- | --- | --- | --- |',
    ...rules.map((rule) => `| ${ruleLink(rule.id, byId)} | ${rule.severity} | ${rule.owasp ?? ''} | ${markdownCell(rule.description)} |`),
    '',
  ].join('\n');
}

/** The rules of a ruleset (named `ruleset`) in `format`. */
export function formatRuleList(rules: readonly RuleMeta[], format: RuleListFormat, ruleset: string): string {
  if (format === 'json') return `${JSON.stringify({ version: 1, ruleset, rules }, null, 2)}\n`;
  return format === 'markdown' ? markdown(rules) : text(rules);
}
