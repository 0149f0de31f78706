import { formatters } from '../../src/index';
import { SAMPLE } from '../support/results';

const context = { color: false, cwd: '/project' };

describe('text formatter', () => {
  test('groups findings by file with aligned line:col, severity, message, rule id, and a summary', () => {
    expect(formatters.text(SAMPLE, context)).toBe(
      [
        'api/openapi.yaml',
        '   6:10  error  Server URL "http://x" uses http://.  require-https-servers',
        '  12:17  warn   No 429.                              define-429-response',
        '',
        'api/other.yaml',
        '  1:1  info  No 401.  define-401-response',
        '  1:1  hint  Hinted.  parse-error',
        '',
        '4 problems (1 error, 1 warning, 1 info, 1 hint) in 2 documents.',
        'Most findings: define-401-response (1), define-429-response (1), parse-error (1).',
        '',
      ].join('\n'),
    );
  });

  test('says so when there is nothing to report', () => {
    expect(formatters.text({ ...SAMPLE, findings: [] }, context)).toBe('No problems found in 2 documents.\n');
  });

  test('colours only when asked to', () => {
    const ansi = /\u001b\[/;
    expect(formatters.text(SAMPLE, context)).not.toMatch(ansi);
    expect(formatters.text(SAMPLE, { ...context, color: true })).toMatch(ansi);
  });

  test('copes with more findings in one file than a function call takes arguments', () => {
    const many = Array.from({ length: 500_000 }, () => SAMPLE.findings[1]);
    const report = formatters.text({ ...SAMPLE, findings: many }, context);
    expect(report.endsWith('500000 problems (0 errors, 500000 warnings, 0 infos, 0 hints) in 2 documents.\n')).toBe(true);
  });
});
