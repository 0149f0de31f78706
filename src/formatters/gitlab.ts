import type { Severity } from '../shared/types';
import { fingerprints } from './fingerprint';
import type { Formatter } from './types';

/** GitLab Code Quality severities: info, minor, major, critical, blocker. */
const GITLAB_SEVERITIES: Record<Severity, 'info' | 'minor' | 'major' | 'critical'> = {
  error: 'critical',
  warn: 'major',
  info: 'minor',
  hint: 'info',
};

/**
 * GitLab Code Quality report (the subset of the Code Climate issue format GitLab reads from
 * `artifacts:reports:codequality`): one issue per finding, with the line-independent fingerprint GitLab uses to
 * tell new findings from fixed ones between a merge request and its target branch.
 */
export const formatGitlab: Formatter = (result) => {
  const fingerprintOf = fingerprints(result.findings);
  const issues = result.findings.map((finding, index) => ({
    type: 'issue',
    check_name: finding.ruleId,
    description: finding.message,
    categories: ['Security'],
    severity: GITLAB_SEVERITIES[finding.severity],
    fingerprint: fingerprintOf[index],
    location: {
      path: finding.file,
      lines: { begin: finding.range.start.line, end: finding.range.end.line },
    },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
