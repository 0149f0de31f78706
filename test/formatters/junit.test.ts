import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatters, lint, LintResult } from '../../src/index';
import type { FormatContext } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';
import { finding, SAMPLE } from '../support/results';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

interface TestCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; '#text': string };
  'system-out'?: string;
}

/** The report, checked to be well-formed XML, as suites of cases. */
function junit(result: LintResult, context: Partial<FormatContext> = {}) {
  const xml = formatters.junit(result, { color: false, cwd: '/project', ...context });
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites as {
    tests: string;
    failures: string;
    testsuite: { name: string; tests: string; failures: string; testcase: TestCase[] }[];
  };
}

describe('junit formatter', () => {
  test('a suite per document and a case per active rule; findings at or above the fail severity fail it', () => {
    const report = junit(SAMPLE);
    expect([report.tests, report.failures]).toEqual(['8', '1']);
    expect(report.testsuite.map((suite) => [suite.name, suite.tests, suite.failures])).toEqual([
      ['api/openapi.yaml', '4', '1'],
      ['api/other.yaml', '4', '0'],
    ]);
    const [openapi] = report.testsuite;
    expect(openapi.testcase.map((testcase) => testcase.name)).toEqual(SAMPLE.rules.map((rule) => rule.id));
    expect(openapi.testcase[3]).toEqual({
      classname: 'api/openapi.yaml',
      name: 'require-https-servers',
      time: '0',
      failure: {
        message: '6:10 error Server URL "http://x" uses http://. (/servers/0/url)',
        type: 'error',
        '#text':
          '6:10 error Server URL "http://x" uses http://. (/servers/0/url)\nhttps://github.com/oasguard/oasguard/blob/main/docs/rules.md#require-https-servers',
      },
    });
    expect(openapi.testcase[1]).toMatchObject({ name: 'define-429-response', 'system-out': '12:17 warn No 429. (/paths)' });
    expect(openapi.testcase[0]).toEqual({ classname: 'api/openapi.yaml', name: 'define-401-response', time: '0' });
  });

  test('follows the fail severity, as the exit code does', () => {
    expect(junit(SAMPLE, { failSeverity: 'warn' }).failures).toBe('2');
    expect(junit(SAMPLE, { failSeverity: 'hint' }).failures).toBe('4');
    expect(junit(SAMPLE, { failSeverity: 'none' }).failures).toBe('0');
  });

  test('several findings of one rule make one failure listing them all', () => {
    const again = finding({
      ruleId: 'require-https-servers',
      file: 'api/openapi.yaml',
      message: 'Again.',
      range: { start: { line: 9, column: 3 }, end: { line: 9, column: 4 } },
    });
    const [openapi] = junit({ ...SAMPLE, findings: [SAMPLE.findings[0], again] }).testsuite;
    expect(openapi.testcase[3].failure?.message).toBe('6:10 error Server URL "http://x" uses http://. (/servers/0/url) and 1 more');
    expect(openapi.testcase[3].failure?.['#text']).toContain('\n9:3 error Again. (/paths)\n');
  });

  test('markup and characters XML forbids in document content stay well-formed', () => {
    const message = 'Bad <![CDATA[ & ]]> "quote" \u0000\u0007\u001b and \ud800 alone';
    const [suite] = junit({
      ...SAMPLE,
      files: ['a&b.yaml'],
      findings: [finding({ ruleId: 'require-https-servers', file: 'a&b.yaml', message })],
    }).testsuite;
    expect(suite.name).toBe('a&b.yaml');
    expect(suite.testcase[3].failure?.message).toBe('1:1 error Bad <![CDATA[ & ]]> "quote" \ufffd\ufffd\ufffd and \ufffd alone (/paths)');
  });

  test('a real lint: a suite for the document and one for the file it references', async () => {
    const result = await lint(['fixtures/examples/petstore-insecure.yaml'], { cwd: REPO_ROOT });
    const report = junit(result);
    expect(report.testsuite.map((suite) => suite.name)).toEqual([
      'fixtures/examples/petstore-insecure.yaml',
      'fixtures/examples/petstore-schemas.yaml',
    ]);
    expect(report.failures).toBe(String(result.findings.filter((finding) => finding.severity === 'error').length));
  });
});
