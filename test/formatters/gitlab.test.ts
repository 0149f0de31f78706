import { formatters } from '../../src/index';
import { SAMPLE } from '../support/results';

const context = { color: false, cwd: '/project' };

describe('gitlab formatter', () => {
  const issues = JSON.parse(formatters.gitlab(SAMPLE, context));
  const sarif = JSON.parse(formatters.sarif(SAMPLE, context));

  test("one Code Quality issue per finding, with GitLab severities and the finding's lines", () => {
    expect(issues[0]).toEqual({
      type: 'issue',
      check_name: 'require-https-servers',
      description: 'Server URL "http://x" uses http://.',
      categories: ['Security'],
      severity: 'critical',
      fingerprint: sarif.runs[0].results[0].partialFingerprints['oasguardFinding/v1'],
      location: { path: 'api/openapi.yaml', lines: { begin: 6, end: 6 } },
    });
    expect(issues.map((issue: { severity: string }) => issue.severity)).toEqual(['critical', 'major', 'minor', 'info']);
    expect(issues[1].location.lines).toEqual({ begin: 12, end: 14 });
  });

  test('fingerprints are unique within a report', () => {
    expect(new Set(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(issues.length);
  });

  test('a clean run is an empty array', () => {
    expect(formatters.gitlab({ ...SAMPLE, findings: [] }, context)).toBe('[]\n');
  });
});
