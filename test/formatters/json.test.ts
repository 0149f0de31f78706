import { formatters, TOOL_VERSION } from '../../src/index';
import { SAMPLE } from '../support/results';

describe('json formatter', () => {
  const report = JSON.parse(formatters.json(SAMPLE, { color: false, cwd: '/project' }));

  test('is a versioned envelope with the linted files and counts per severity', () => {
    expect(report.formatVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'oasguard', version: TOOL_VERSION });
    expect(report.files).toEqual(SAMPLE.files);
    expect(report.summary).toEqual({ total: 4, error: 1, warn: 1, info: 1, hint: 1, suppressed: 0, baselined: 0 });
  });

  test('findings keep 1-based ranges, pointers and string severities, and carry OWASP, CWE and docs', () => {
    expect(report.findings[0]).toEqual({
      ...SAMPLE.findings[0],
      owasp: 'API8:2023',
      cwe: [319],
      docsUrl: 'https://github.com/oasguard/oasguard/blob/main/docs/rules.md#require-https-servers',
    });
    expect(report.findings[3]).toMatchObject({ ruleId: 'parse-error', owasp: null, cwe: [] });
  });

  test('lists each active rule once, keyed by id', () => {
    expect(Object.keys(report.rules)).toEqual(SAMPLE.rules.map((rule) => rule.id));
    expect(report.rules['define-429-response']).toMatchObject({ kind: 'rule', severity: 'warn', owasp: 'API4:2023' });
  });
});
