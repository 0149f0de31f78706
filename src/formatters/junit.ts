import { isAtLeast } from '../shared/severity';
import type { Finding, RuleMeta, Severity } from '../shared/types';
import type { Formatter } from './types';

/**
 * Element text: markup characters as entities, and characters XML 1.0 forbids (most control characters, lone
 * surrogates, U+FFFE/U+FFFF), which findings may quote from a document, as U+FFFD.
 */
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute value: also quotes, and line breaks as references, which parsers would otherwise turn into spaces. */
function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function describe(finding: Finding): string {
  return `${finding.range.start.line}:${finding.range.start.column} ${finding.severity} ${finding.message} (${finding.pointer || '/'})`;
}

function testcase(file: string, rule: RuleMeta, findings: Finding[], failSeverity: Severity | 'none'): { xml: string; failed: boolean } {
  const open = `    <testcase classname="${xmlAttribute(file)}" name="${xmlAttribute(rule.id)}" time="0"`;
  if (findings.length === 0) return { xml: `${open}/>`, failed: false };
  const failing = failSeverity === 'none' ? [] : findings.filter((finding) => isAtLeast(finding.severity, failSeverity));
  const details = xmlText(findings.map(describe).join('\n'));
  let body = `<system-out>${details}</system-out>`;
  if (failing.length > 0) {
    const message = `${describe(failing[0])}${failing.length > 1 ? ` and ${failing.length - 1} more` : ''}`;
    body = `<failure message="${xmlAttribute(message)}" type="${failing[0].severity}">${details}${rule.docsUrl ? `\n${xmlText(rule.docsUrl)}` : ''}</failure>`;
  }
  return { xml: `${open}>\n      ${body}\n    </testcase>`, failed: failing.length > 0 };
}

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, Azure DevOps, CircleCI): a test suite per document and a test
 * case per active rule, failing with the findings' locations when any is at or above the fail severity; findings
 * below it are listed as the case's output, so that the report agrees with the exit code.
 */
export const formatJunit: Formatter = (result, context) => {
  const failSeverity = context.failSeverity ?? 'error';
  const byFile = new Map<string, Map<string, Finding[]>>(result.files.map((file) => [file, new Map()]));
  for (const finding of result.findings) {
    const byRule = byFile.get(finding.file) ?? new Map<string, Finding[]>();
    byFile.set(finding.file, byRule);
    const inRule = byRule.get(finding.ruleId);
    if (inRule) inRule.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  let totalTests = 0;
  let totalFailures = 0;
  const suites = [...byFile].map(([file, byRule]) => {
    const cases = result.rules.map((rule) => testcase(file, rule, byRule.get(rule.id) ?? [], failSeverity));
    const failures = cases.filter((entry) => entry.failed).length;
    totalTests += cases.length;
    totalFailures += failures;
    const open = `  <testsuite name="${xmlAttribute(file)}" file="${xmlAttribute(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`;
    return [open, ...cases.map((entry) => entry.xml), '  </testsuite>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="oasguard" tests="${totalTests}" failures="${totalFailures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
