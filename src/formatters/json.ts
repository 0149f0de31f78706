import { TOOL_NAME, TOOL_VERSION } from '../shared/meta';
import type { Finding } from '../shared/types';
import { scoreOf } from './score';
import { countBySeverity } from './summary';
import type { Formatter } from './types';

/** Version of the JSON report's shape; bumped on incompatible changes. */
export const JSON_FORMAT_VERSION = 1;

/**
 * Machine-readable report: a versioned envelope with the linted files, counts per severity, the security score
 * (docs/score.md), findings
 * (1-based lines, JSON pointers, string severities, OWASP/CWE), the suppressed and baselined findings apart, and
 * the metadata of every active rule once.
 */
export const formatJson: Formatter = (result) => {
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const withRule = (finding: Finding) => {
    const rule = rules.get(finding.ruleId);
    return { ...finding, owasp: rule?.owasp ?? null, cwe: rule?.cwe ?? [], docsUrl: rule?.docsUrl ?? null };
  };
  const report = {
    formatVersion: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: result.files,
    skipped: result.skipped,
    summary: {
      total: result.findings.length,
      ...countBySeverity(result.findings),
      suppressed: result.suppressed.length,
      baselined: result.baselined.length,
      ...(result.baseline ? { staleBaselineEntries: result.baseline.stale } : {}),
    },
    score: scoreOf(result),
    findings: result.findings.map(withRule),
    suppressed: result.suppressed.map(withRule),
    baselined: result.baselined.map(withRule),
    rules: Object.fromEntries(result.rules.map(({ id, ...meta }) => [id, meta])),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
