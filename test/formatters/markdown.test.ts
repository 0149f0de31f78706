import { formatters, MARKDOWN_DEFAULT_LIMIT } from '../../src/index';
import { finding, SAMPLE } from '../support/results';

const context = { color: false, cwd: '/project' };
const DOCS = 'https://github.com/oasguard/oasguard/blob/main/docs/rules.md';

describe('markdown formatter', () => {
  test('the summary, findings per rule (most severe first) and every finding in a table', () => {
    expect(formatters.markdown(SAMPLE, context)).toBe(
      [
        '## oasguard',
        '',
        '4 problems (1 error, 1 warning, 1 info, 1 hint) in 2 documents.',
        '',
        '**Security score: 86/100, the lowest of 2 documents.**',
        '',
        '| OWASP API Security Top 10 2023 | Score | Findings |',
        '| --- | ---: | ---: |',
        '| API2:2023 Broken Authentication | 98 | 1 |',
        '| API4:2023 Unrestricted Resource Consumption | 97 | 1 |',
        '| API8:2023 Security Misconfiguration | 88 | 1 |',
        '',
        '| Rule | Severity | Findings |',
        '| --- | --- | ---: |',
        `| [require-https-servers](${DOCS}#require-https-servers) | error | 1 |`,
        `| [define-429-response](${DOCS}#define-429-response) | warn | 1 |`,
        `| [define-401-response](${DOCS}#define-401-response) | info | 1 |`,
        `| [parse-error](${DOCS}#parse-error) | hint | 1 |`,
        '',
        '<details><summary>Findings</summary>',
        '',
        '| Severity | Location | Rule | Message |',
        '| --- | --- | --- | --- |',
        `| error | api/openapi.yaml:6:10 | [require-https-servers](${DOCS}#require-https-servers) | Server URL "http://\u200Bx" uses http://\u200B. |`,
        `| warn | api/openapi.yaml:12:17 | [define-429-response](${DOCS}#define-429-response) | No 429. |`,
        `| info | api/other.yaml:1:1 | [define-401-response](${DOCS}#define-401-response) | No 401. |`,
        `| hint | api/other.yaml:1:1 | [parse-error](${DOCS}#parse-error) | Hinted. |`,
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  test('document content cannot become HTML, code, emphasis, links or extra cells', () => {
    const message = 'Example "<img src=x onerror=alert(1)>" | `x` *y* [z](http://e) a_b ~c~ \\ &amp;\nnext';
    const report = formatters.markdown(
      { ...SAMPLE, findings: [finding({ ruleId: 'require-https-servers', file: 'a|b.yaml', message })] },
      context,
    );
    expect(report).toContain(
      '| a\\|b.yaml:1:1 | [require-https-servers](' +
        `${DOCS}#require-https-servers) | Example "&lt;img src=x onerror=alert(1)>" \\| \\\`x\\\` \\*y\\* \\[z\\](http://\u200Be) a\\_b \\~c\\~ \\\\ &amp;amp; next |`,
    );
  });

  test(`stays under ${MARKDOWN_DEFAULT_LIMIT} characters: the most severe findings first, the rest counted`, () => {
    // Warnings first in the input: the errors must still come first in the table.
    const many = [...Array.from({ length: 5000 }, () => SAMPLE.findings[1]), ...Array.from({ length: 3 }, () => SAMPLE.findings[0])];
    const report = formatters.markdown({ ...SAMPLE, findings: many }, context);
    expect(report.length).toBeLessThanOrEqual(MARKDOWN_DEFAULT_LIMIT);
    const rows = report.split('\n').filter((line) => /^\| (error|warn) \|/.test(line));
    expect(rows.slice(0, 3).every((row) => row.startsWith('| error |'))).toBe(true);
    const omitted = many.length - rows.length;
    expect(omitted).toBeGreaterThan(0);
    expect(report).toContain(
      `\n${omitted.toLocaleString('en-US')} more findings are not shown, to keep this report under 65,000 characters; the SARIF or JSON report has them all.\n`,
    );
  });

  test('markdownLimit sets the budget', () => {
    const many = Array.from({ length: 100 }, () => SAMPLE.findings[1]);
    const report = formatters.markdown({ ...SAMPLE, findings: many }, { ...context, markdownLimit: 2000 });
    expect(report.length).toBeLessThanOrEqual(2000);
    expect(report).toMatch(/more findings are not shown, to keep this report under 2,000 characters/);
  });

  test('a clean run is the heading, the summary and the score', () => {
    expect(formatters.markdown({ ...SAMPLE, findings: [] }, context)).toBe(
      '## oasguard\n\nNo problems found in 2 documents.\n\n**Security score: 100/100, the lowest of 2 documents.**\n',
    );
  });
});
