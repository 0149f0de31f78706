import { readFileSync } from 'node:fs';
import { createRuleset, lint, UsageError } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';

const loading = 'fixtures/loading';

/** A fixed ruleset, so that these tests are about loading and do not change as rules are added. */
const ruleset = createRuleset(
  { rules: { 'define-429-response': 'warn', 'require-additional-properties-false': 'warn', 'require-https-servers': 'error' } },
  { name: 'loading tests', baseDir: REPO_ROOT },
);

/** The findings of a lint as `file line:column rule-id/message-id pointer`, easy to read in a failure. */
async function lintSummary(inputs: string[], stdin?: string): Promise<{ files: string[]; findings: string[] }> {
  const result = await lint(inputs, { cwd: REPO_ROOT, stdin, ruleset });
  return {
    files: result.files,
    findings: result.findings.map((f) => `${f.file} ${f.range.start.line}:${f.range.start.column} ${f.ruleId}/${f.messageId} ${f.pointer}`),
  };
}

describe('loading documents', () => {
  test('a directory is searched recursively, skipping non-OpenAPI files and node_modules', async () => {
    expect(await lintSummary([`${loading}/dir`])).toEqual({
      files: [`${loading}/dir/api.yaml`, `${loading}/dir/broken-openapi.yaml`],
      findings: [
        `${loading}/dir/api.yaml 13:17 define-429-response/missing429 /paths/~1things/post/responses`,
        `${loading}/dir/broken-openapi.yaml 4:1 parse-error/syntax `,
        `${loading}/dir/components/schemas.yaml 1:7 require-additional-properties-false/open /Thing`,
      ],
    });
  });

  test('unquoted response codes are linted as strings, and are one invalid-openapi warning, not a parse error per key', async () => {
    const swagger = [
      'swagger: "2.0"',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /a:',
      '    get:',
      '      responses:',
      '        200: {description: ok}',
      '        404: {description: missing}',
      '',
    ].join('\n');
    const result = await lint(['-'], { cwd: REPO_ROOT, stdin: swagger, ruleset });
    expect(
      result.findings.map((f) => [f.ruleId, f.severity, f.pointer, f.range.start.line, f.message, f.related?.map((r) => r.pointer)]),
    ).toEqual([
      [
        'define-429-response',
        'warn',
        '/paths/~1a/get/responses',
        6,
        'Operation GET /a defines no 429 (Too Many Requests) response.',
        undefined,
      ],
      [
        'invalid-openapi',
        'warn',
        '/paths/~1a/get/responses/200',
        7,
        "2 mapping keys are not strings (response codes such as 200:); quote them: '200':.",
        ['/paths/~1a/get/responses/200', '/paths/~1a/get/responses/404'],
      ],
    ]);
  });

  test('a glob selects like a directory', async () => {
    const [byGlob, byDirectory] = await Promise.all([lintSummary([`${loading}/dir/**/*.yaml`]), lintSummary([`${loading}/dir`])]);
    expect(byGlob).toEqual(byDirectory);
  });

  test('standard input is linted as <stdin>, JSON or YAML', async () => {
    const json = readFileSync(`${REPO_ROOT}/${loading}/swagger2.json`, 'utf8');
    expect(await lintSummary(['-'], json)).toEqual({
      files: ['<stdin>'],
      findings: ['<stdin> 5:15 require-https-servers/insecureScheme /schemes/0'],
    });
  });

  test('a file named twice, or found twice, is linted once', async () => {
    const once = await lintSummary([`${loading}/swagger2.json`]);
    expect(await lintSummary([`${loading}/swagger2.json`, `${loading}/swagger2.json`, `${loading}/*.json`])).toEqual({
      files: [...once.files, `${loading}/truncated.json`],
      findings: [...once.findings, `${loading}/truncated.json 5:1 parse-error/syntax `],
    });
  });

  test.each([
    ['not-openapi.yaml', '1:1 not-openapi/notOpenApi '],
    ['unsupported-version.yaml', '1:1 not-openapi/notOpenApi '],
    ['duplicate-keys.yaml', '5:3 parse-error/duplicateKey /info/title'],
    ['truncated.json', '5:1 parse-error/syntax '],
    ['invalid-structure.yaml', '2:6 invalid-openapi/invalid /info'],
  ])('%s given explicitly is an error finding: %s', async (fixture, expected) => {
    const { findings } = await lintSummary([`${loading}/${fixture}`]);
    expect(findings[0]).toBe(`${loading}/${fixture} ${expected}`);
    expect(findings.filter((f) => /not-openapi|parse-error|invalid-openapi/.test(f))).toHaveLength(1);
  });

  test('a syntax error is reported at its line, and no rule judges the fragment that parsed', async () => {
    expect((await lintSummary([`${loading}/syntax-error.yaml`])).findings).toEqual([
      `${loading}/syntax-error.yaml 4:2 parse-error/syntax `,
      `${loading}/syntax-error.yaml 5:6 parse-error/syntax `,
    ]);
  });

  test('a missing file is unresolved-ref; $refs leaving the root and remote ones are unsafe-ref, never read or fetched', async () => {
    const result = await lint([`${loading}/bad-refs.yaml`], { cwd: REPO_ROOT });
    expect(result.findings.map((f) => [f.range.start.line, f.ruleId, f.message])).toEqual([
      [7, 'unresolved-ref', 'Cannot resolve $ref: no such file: fixtures/loading/no-such-file.yaml.'],
      [9, 'unsafe-ref', 'Refused $ref "../../../../../../../../etc/hostname": it leaves the project root (--root).'],
      [
        11,
        'unsafe-ref',
        'Refused $ref "http://127.0.0.1:9/paths.yaml": remote references are not fetched (--allow-remote-refs allows https:).',
      ],
    ]);
  });

  test('an unresolvable $ref inside a referenced file is placed there, and rules do not judge the stub', async () => {
    expect((await lintSummary([`${loading}/nested-bad-ref/api.yaml`])).findings).toEqual([
      `${loading}/nested-bad-ref/paths.yaml 3:15 define-429-response/missing429 /Things/get/responses`,
      `${loading}/nested-bad-ref/paths.yaml 5:15 unresolved-ref/unresolved /Things/get/responses/200/$ref`,
    ]);
  });

  test('a missing path is a usage error', async () => {
    await expect(lint([`${loading}/nope.yaml`], { cwd: REPO_ROOT })).rejects.toThrow(
      new UsageError(`No such file or directory: ${loading}/nope.yaml`),
    );
  });

  test('a glob matching nothing is a usage error', async () => {
    await expect(lint([`${loading}/*.nothing`], { cwd: REPO_ROOT })).rejects.toThrow(UsageError);
  });

  test('a directory without OpenAPI documents is a usage error, never a silent pass', async () => {
    await expect(lint([`${loading}/dir/components`], { cwd: REPO_ROOT })).rejects.toThrow(/No OpenAPI documents found/);
  });

  test('an unknown ruleset is a usage error', async () => {
    await expect(lint([`${loading}/swagger2.json`], { cwd: REPO_ROOT, ruleset: 'nope.yaml' })).rejects.toThrow(UsageError);
  });
});
