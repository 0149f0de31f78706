import { DIFF_JSON_VERSION, diffAsLintResult, diffHeadline, formatDiff } from '../../src';
import type { DiffResult, SecurityChange } from '../../src';
import { finding } from '../support/results';

const context = { color: false, cwd: '/project' };
const place = (file: string, line: number) => ({ file, pointer: '/paths/~1x/get', line, column: 5 });

function change(overrides: Partial<SecurityChange> = {}): SecurityChange {
  return {
    kind: 'operation-made-public',
    severity: 'error',
    subject: 'GET /x',
    message: 'GET /x no longer requires authentication.',
    before: place('main:api.yaml', 3),
    after: place('api.yaml', 4),
    ...overrides,
  };
}

function diff(overrides: Partial<DiffResult> = {}): DiffResult {
  return {
    base: 'main',
    documents: [{ before: 'main:api.yaml', after: 'api.yaml' }],
    changes: [
      change(),
      change({
        kind: 'improved',
        severity: 'hint',
        message: 'Plain http server removed: http://a.',
        before: place('main:api.yaml', 2),
        after: undefined,
      }),
    ],
    newFindings: [finding({ ruleId: 'no-public-operations', file: 'api.yaml' })],
    fixedFindings: [],
    rules: [],
    read: ['api.yaml'],
    ...overrides,
  };
}

describe('diff reports', () => {
  test('the headline counts regressions, improvements, new and fixed findings', () => {
    expect(diffHeadline(diff())).toBe('1 security regression, 1 improvement; 1 new finding, 0 fixed.');
  });

  test('JSON: versioned, with the summary and both places of each change', () => {
    const report = JSON.parse(formatDiff(diff(), 'json', context));
    expect(report.oasguardDiff).toBe(DIFF_JSON_VERSION);
    expect(report.summary).toEqual({ regressions: 1, improvements: 1, newFindings: 1, fixedFindings: 0 });
    expect(report.changes[0].before).toEqual(place('main:api.yaml', 3));
    expect(report.changes[1].after).toBeUndefined();
  });

  test('as a lint result (SARIF, annotations): the regressions on the new lines and the new findings, not the improvements', () => {
    const result = diffAsLintResult(diff());
    expect(result.findings.map((entry) => [entry.ruleId, entry.file, entry.range.start.line])).toEqual([
      ['operation-made-public', 'api.yaml', 4],
      ['no-public-operations', 'api.yaml', 1],
    ]);
    expect(result.rules.map((rule) => rule.id)).toEqual(['operation-made-public']);
  });

  test('Markdown: document content escaped, and rows past the limit counted', () => {
    const hostile = change({ message: 'GET /x<script>alert(1)</script> | @admins https://evil.example' });
    const markdown = formatDiff(diff({ changes: [hostile] }), 'markdown', context);
    expect(markdown).toContain('GET /x&lt;script>alert(1)&lt;/script> \\| @\u200Badmins https://\u200Bevil.example');
    const many = diff({
      changes: Array.from({ length: 2000 }, (_, index) => change({ message: `GET /x${index} no longer requires authentication.` })),
    });
    const limited = formatDiff(many, 'markdown', { ...context, markdownLimit: 5000 });
    expect(limited.length).toBeLessThanOrEqual(5000);
    expect(limited).toMatch(/\n\d,?\d+ more rows are not shown, to keep this comment under 5,000 characters/);
    expect(formatDiff(many, 'markdown', context).length).toBeLessThanOrEqual(65_000);
  });

  test('text: the changes with both places, and a quiet line when nothing changed', () => {
    expect(formatDiff(diff(), 'text', context)).toContain(
      '  error  operation-made-public        GET /x no longer requires authentication.\n         api.yaml:4:5 (was main:api.yaml:3:5)\n',
    );
    expect(formatDiff(diff({ changes: [], newFindings: [] }), 'text', context)).toBe(
      'oasguard diff against main: 0 security regressions, 0 improvements; 0 new findings, 0 fixed.\n\nNo security change in 1 document.\n',
    );
  });
});
