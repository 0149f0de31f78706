import { formatters } from '../../src/index';
import { shortPath } from '../../src/formatters/text';
import { finding, SAMPLE } from '../support/results';

const context = { color: false, cwd: '/project' };
const DOCS = 'https://github.com/oasguard/oasguard/blob/main/docs/rules.md';

describe('text formatter', () => {
  test('groups findings by file with aligned line:col, severity, message, rule id and path, then a summary and the findings per rule', () => {
    expect(formatters.text(SAMPLE, context)).toBe(
      [
        'api/openapi.yaml',
        '   6:10  error  Server URL "http://x" uses http://.  require-https-servers  servers[0].url',
        '  12:17  warn   No 429.                              define-429-response    paths',
        '',
        'api/other.yaml',
        '  1:1  info  No 401.  define-401-response  paths',
        '  1:1  hint  Hinted.  parse-error          (document)',
        '',
        '4 problems (1 error, 1 warning, 1 info, 1 hint) in 2 documents.',
        'Security score: 86/100, the lowest of 2 documents.',
        '',
        'Findings per rule:',
        `  1  error  require-https-servers  ${DOCS}#require-https-servers`,
        `  1  warn   define-429-response    ${DOCS}#define-429-response`,
        `  1  info   define-401-response    ${DOCS}#define-401-response`,
        `  1  hint   parse-error            ${DOCS}#parse-error`,
        '',
      ].join('\n'),
    );
  });

  test('says so when there is nothing to report', () => {
    expect(formatters.text({ ...SAMPLE, findings: [] }, context)).toBe(
      'No problems found in 2 documents.\nSecurity score: 100/100, the lowest of 2 documents.\n',
    );
  });

  test('a short path for each pointer, so that a finding in minified JSON can be found', () => {
    expect(shortPath('/paths/~1users~1{id}/get/parameters/2')).toBe('paths./users/{id}.get.parameters[2]');
    expect(shortPath('/components/schemas/a~0b')).toBe('components.schemas.a~b');
    expect(shortPath('')).toBe('(document)');
  });

  test('--quiet lists only the findings at or above the fail severity and counts the others', () => {
    const report = formatters.text(SAMPLE, { ...context, quiet: true, failSeverity: 'warn' });
    expect(report).toContain('require-https-servers  servers[0].url');
    expect(report).toContain('define-429-response    paths');
    expect(report).not.toContain('  1:1  info');
    expect(report).toContain('\n2 below --fail-severity not shown (--quiet).\n');
    // The summary and the per-rule counts are the whole run's.
    expect(report).toContain('4 problems (1 error, 1 warning, 1 info, 1 hint) in 2 documents.');
  });

  test('--max-findings lists the first findings and counts the rest, never silently dropping them', () => {
    const report = formatters.text(SAMPLE, { ...context, maxFindings: 1 });
    expect(report.split('\n').filter((line) => /^ +\d+:\d+ /.test(line))).toHaveLength(1);
    expect(report).toContain('\n3 more not shown (--max-findings 1).\n');
  });

  test('--code-frame shows the lines around each finding, its line and column marked, document content escaped', () => {
    const source = 'openapi: 3.0.3\ninfo: {}\nx: "\u001b[31m"\nservers:\n  - url: http://x\npaths: {}\n';
    const result = {
      ...SAMPLE,
      findings: [
        finding({
          ruleId: 'require-https-servers',
          file: 'api.yaml',
          range: { start: { line: 5, column: 10 }, end: { line: 5, column: 18 } },
        }),
      ],
    };
    const report = formatters.text(result, { ...context, sources: { 'api.yaml': source } });
    expect(report).toContain(
      [
        '      3 | x: "\\u001b[31m"',
        '      4 | servers:',
        '    > 5 |   - url: http://x',
        '        |          ^',
        '      6 | paths: {}',
        '',
      ].join('\n'),
    );
  });

  test('colours only when asked to', () => {
    const ansi = /\u001b\[/;
    expect(formatters.text(SAMPLE, context)).not.toMatch(ansi);
    expect(formatters.text(SAMPLE, { ...context, color: true })).toMatch(ansi);
  });

  test('copes with more findings in one file than a function call takes arguments', () => {
    const many = Array.from({ length: 500_000 }, () => SAMPLE.findings[1]);
    const report = formatters.text({ ...SAMPLE, findings: many }, context);
    expect(report).toContain('\n500000 problems (0 errors, 500000 warnings, 0 infos, 0 hints) in 2 documents.\n');
  });
});
