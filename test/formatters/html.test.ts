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
const DATA_BLOCK = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/;

interface PageData {
  files: string[];
  rules: { id: string; docs?: string; fix?: string; category?: string }[];
  sections: Record<
    string,
    { file: number; rule: number; findings: { message: string; pointer: string; frame?: string; reason?: string }[] }[]
  >;
}
/** The JSON the page's script renders, as the browser reads it. */
const pageData = (html: string): PageData => JSON.parse(DATA_BLOCK.exec(html)![1]);

describe('html formatter', () => {
  test('renders document content as text: no markup, script, link or control character gets through', () => {
    const html = formatters.html(hostileResult(), context);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<\/textarea>|href="javascript:|\u001b|\u202e/i);
    // In the markup (the rule table and the filters), content is escaped...
    expect(html).toContain('<option value="x&#34;&#62;&#60;img src=x&#62;">x&#34;&#62;&#60;img src=x&#62;</option>');
    // ...and in the data block, no "<" can close the block or open a comment.
    expect(DATA_BLOCK.exec(html)![1]).not.toContain('<');
    const data = pageData(html);
    expect(data.files).toEqual(['a"><img src=x onerror=alert(1)>.yaml', 'b.yaml']);
    const findings = data.sections.findings.flatMap((group) => group.findings);
    expect(findings.map((finding) => finding.message)).toEqual([
      '<script>alert(1)</script></textarea><img src=x onerror=alert(1)> javascript:alert(1) \\u001b[31mred \\u202eevil',
      '<script>alert(1)</script></textarea><img src=x onerror=alert(1)> javascript:alert(1) \\u001b[31mred \\u202eevil',
    ]);
    expect(data.sections.aside[0].findings[0].reason).toBe(findings[0].message);
    // The custom rule's javascript: URL is no link.
    expect(data.rules.map((rule) => [rule.id, rule.docs])).toEqual([
      ['require-https-servers', 'https://github.com/oasguard/oasguard/blob/main/docs/rules.md#require-https-servers'],
      ['x"><img src=x>', undefined],
    ]);
  });

  test('loads nothing: its one style and one script are allowed by hash, and everything else is forbidden', () => {
    const html = formatters.html(hostileResult(), context);
    const [style] = contents(html, 'style');
    const [script] = contents(html, 'script');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(policy).toBe(
      `default-src 'none'; style-src ${sha256(style)}; script-src ${sha256(script)}; base-uri 'none'; form-action 'none'`,
    );
    // Attribute values and the data block emptied first: escaped content in them may read "src=".
    const markup = html.replace(DATA_BLOCK, '').replace(/"[^"]*"/g, '""');
    expect(markup).not.toMatch(/<[a-z][^>]*\ssrc=|<link|url\(|@import|<iframe|<object/i);
    // The only link is to the documentation of the one rule that has some.
    expect([...html.matchAll(/href="([^"]*)"/g)].map(([, url]) => url)).toEqual([
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
    const data = pageData(html);
    const findings = data.sections.findings.flatMap((group) => group.findings);
    expect(findings).toHaveLength(result.findings.length);
    // Groups are by file, then by rule, the most severe rules first.
    const groups = data.sections.findings.map((group) => ({ ...group, rule: data.rules[group.rule].id }));
    expect(groups.map((group) => group.rule).slice(0, 2)).toEqual(['no-api-key-in-query', 'no-credentials-in-url']);
    expect(groups.find((group) => group.rule === 'require-https-servers')!.findings[0].frame).toContain(
      '> 7 |   - url: http://petstore.example.com/v1',
    );
    expect(data.sections.aside).toBeUndefined();
  });

  test('oasguard lint -f html:FILE writes the report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oasguard-html-')), 'report.html');
    const run = await runInProcess(['lint', 'fixtures/examples/petstore-secure.yaml', '-f', `html:${file}`, '-q']);
    expect(run.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<strong>Security score: 100/100.</strong>');
    expect(html).toContain('<p>No findings.</p>');
    // Nothing to render: no data and no script.
    expect(html).not.toContain('<script');
  });
});
