import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatters, lint, scoreOf } from '../../src';
import type { LintResult, RuleMeta } from '../../src';
import { runInProcess } from '../support/in-process';
import { finding, metas } from '../support/results';
import { REPO_ROOT } from '../support/rule-tester';

const context = { color: false, cwd: '/project' };
const hostile = '<script>alert(1)</script></textarea><img src=x onerror=alert(1)> javascript:alert(1) \u001b[31mred \u202eevil';

/** A result whose every piece of document content, and a custom rule's docs URL, is hostile. */
function hostileResult(): LintResult {
  const custom: RuleMeta = { ...metas('require-https-servers')[0], id: 'x"><img src=x>', kind: 'custom', docsUrl: 'javascript:alert(1)' };
  const findings = [
    finding({
      ruleId: 'require-https-servers',
      file: 'a"><img src=x onerror=alert(1)>.yaml',
      message: hostile,
      pointer: `/paths/${hostile}`,
    }),
    finding({ ruleId: custom.id, file: 'b.yaml', message: hostile }),
  ];
  return {
    files: ['a"><img src=x onerror=alert(1)>.yaml', 'b.yaml'],
    unlinted: [],
    skipped: [],
    referenced: [],
    findings,
    suppressed: [
      finding({ ruleId: 'require-https-servers', file: 'b.yaml', suppression: { kind: 'inSource', reason: hostile, pointer: '/servers' } }),
    ],
    baselined: [],
    rules: [...metas('require-https-servers'), custom],
  };
}

/** The contents of every element `tag` in `html`. */
const contents = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]);
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('html formatter', () => {
  test('renders document content as text: no markup, script, link or control character gets through', () => {
    const html = formatters.html(hostileResult(), context);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<\/textarea>|href="javascript:|\u001b|\u202e/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#60;/textarea&#62;');
    expect(html).toContain('\\u001b[31mred \\u202eevil');
    // The custom rule's javascript: URL is not a link; its id is text.
    expect(html).toContain('<summary>x&#34;&#62;&#60;img src=x&#62; <span class="muted">(1)</span></summary>');
  });

  test('loads nothing: its one style and one script are allowed by hash, and everything else is forbidden', () => {
    const html = formatters.html(hostileResult(), context);
    const [style] = contents(html, 'style');
    const [script] = contents(html, 'script');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(policy).toBe(
      `default-src 'none'; style-src ${sha256(style)}; script-src ${sha256(script)}; base-uri 'none'; form-action 'none'`,
    );
    // Attribute values emptied first: escaped content in them may read "src=".
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\ssrc=|<link|url\(|@import|<iframe|<object/i);
    // The only links are to documentation.
    expect([...html.matchAll(/href="([^"]*)"/g)].map(([, url]) => url)).toEqual([
      'https://github.com/oasguard/oasguard/blob/main/docs/rules.md#require-https-servers',
      'https://github.com/oasguard/oasguard/blob/main/docs/rules.md#require-https-servers',
    ]);
  });

  test('shows the score, its categories and every finding of the insecure example, with code frames', async () => {
    const result = await lint(['fixtures/examples/petstore-insecure.yaml'], { cwd: REPO_ROOT });
    const sources = {
      'fixtures/examples/petstore-insecure.yaml': readFileSync(join(REPO_ROOT, 'fixtures/examples/petstore-insecure.yaml'), 'utf8'),
    };
    const html = formatters.html(result, { ...context, sources });
    expect(scoreOf(result).score).toBe(8);
    expect(html).toContain('aria-label="Security score 8 of 100"');
    expect(html).toContain('<strong>Security score: 8/100.</strong>');
    expect(html).toContain('API2:2023 Broken Authentication</text>');
    expect(html.match(/<tr data-severity=/g)).toHaveLength(result.findings.length);
    expect(html).toContain('&#62; 7 |   - url: http://petstore.example.com/v1');
  });

  test('oasguard lint -f html:FILE writes the report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oasguard-html-')), 'report.html');
    const run = await runInProcess(['lint', 'fixtures/examples/petstore-secure.yaml', '-f', `html:${file}`, '-q']);
    expect(run.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<strong>Security score: 100/100.</strong>');
    expect(html).toContain('<p>No findings.</p>');
  });
});
