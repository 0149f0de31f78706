import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAD, oasguard, op, project, Run, runCli } from '../support/cli';

/**
 * A pull request from a stranger, linted in a CI runner that holds secrets: what its files may make oasguard do.
 * Each case reproduces an attack or a failure found on an earlier version, through the built CLI.
 */

const API = `${HEAD}servers: [{url: "http://api.example.com"}]\npaths: {}\n`;

describe('a data-only ruleset runs no code', () => {
  // Writes a marker file if the expression is ever evaluated as JavaScript.
  const payload = "this.constructor.constructor('return process')().getBuiltinModule('fs').writeFileSync('pwned', 'x')";
  const rulesets: [string, string][] = [
    ['a filter in given', `rules:\n  r:\n    given: "$..[?(@property && ${payload})]"\n    then: {function: truthy}\n`],
    [
      'a filter in an alias',
      `aliases:\n  A: ["$..[?(@property && ${payload})]"]\nrules:\n  r:\n    given: "#A"\n    then: {function: truthy}\n`,
    ],
    ['a filter in then.field', `rules:\n  r:\n    given: "$"\n    then: {field: "$..[?(@property && ${payload})]", function: truthy}\n`],
    [
      'a filter in an override rule',
      `overrides:\n  - files: ["*.yaml"]\n    rules:\n      r:\n        given: "$..[?(@property && ${payload})]"\n        then: {function: truthy}\n`,
    ],
  ];

  test.each(rulesets)(
    '%s: refused by lint and by rules, before anything runs',
    async (_name, ruleset) => {
      const dir = project({ '.oasguard.yaml': ruleset, 'api.yaml': API });
      for (const args of [['lint', 'api.yaml'], ['rules']]) {
        const run = await runCli(dir, args);
        expect([run.status, run.stderr]).toEqual([
          2,
          expect.stringMatching(/^oasguard: Invalid ruleset \.oasguard\.yaml: .*is refused: .*Data-only rulesets run no code\.\n$/),
        ]);
        expect(existsSync(join(dir, 'pwned'))).toBe(false);
      }
    },
    30_000,
  );

  test('a safe filter still selects what it says', async () => {
    const ruleset = `extends: oasguard:recommended\nrules:\n  no-x-internal:\n    given: "$.paths[*][?(@['x-internal'] == true)]"\n    severity: error\n    then: {function: falsy}\n`;
    const api = `${HEAD}paths:\n  /a:\n    get:\n      x-internal: true\n      responses: {"200": {description: ok}}\n    put:\n      responses: {"200": {description: ok}}\n`;
    const run = await runCli(project({ '.oasguard.yaml': ruleset, 'api.yaml': api }), ['lint', 'api.yaml', '-f', 'json']);
    const findings = JSON.parse(run.stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'no-x-internal');
    expect(findings.map((finding: { pointer: string }) => finding.pointer)).toEqual(['/paths/~1a/get']);
  }, 30_000);
});

describe('directory and glob inputs read nothing outside the root', () => {
  function treeWithLinks(): { dir: string; secret: string } {
    const secret = project({ 'outside.yaml': `${HEAD}paths: {}\nx-secret: TOP-SECRET-VALUE\n` });
    const dir = project({ 'api/api.yaml': API, 'api/real/v2.yaml': API });
    symlinkSync(join(secret, 'outside.yaml'), join(dir, 'api', 'leak.yaml'));
    symlinkSync('/proc/kmsg', join(dir, 'api', 'k.yaml'));
    symlinkSync('/dev/null', join(dir, 'api', 'null.yaml'));
    symlinkSync('/', join(dir, 'api', 'everything'));
    symlinkSync(secret, join(dir, 'api', 'elsewhere'));
    symlinkSync('real/v2.yaml', join(dir, 'api', 'latest.yaml'));
    return { dir, secret };
  }

  test.each([[['api']], [['api/**/*.yaml']]])(
    '%j: symlinks leaving the root are skipped unread and counted; --debug lists them',
    async (inputs) => {
      const { dir } = treeWithLinks();
      const run = await oasguard(dir, [...inputs, '--debug']);
      expect(run.status).toBe(1);
      expect(run.stdout).not.toContain('TOP-SECRET');
      expect(run.json!.findings.map((finding) => [finding.ruleId, (finding as unknown as { file: string }).file])).toEqual([
        ['require-https-servers', 'api/api.yaml'],
        ['require-https-servers', 'api/latest.yaml'],
        ['require-https-servers', 'api/real/v2.yaml'],
      ]);
      const skipped = run.stderr.split('\n').filter(Boolean).sort();
      expect(skipped).toEqual(
        [
          'oasguard: skipped api/elsewhere: a symlink whose real path is outside the root',
          'oasguard: skipped api/everything: a symlink whose real path is outside the root',
          'oasguard: skipped api/k.yaml: a symlink whose real path is outside the root',
          'oasguard: skipped api/leak.yaml: a symlink whose real path is outside the root',
          'oasguard: skipped api/null.yaml: a symlink whose real path is outside the root',
        ].sort(),
      );
      expect(run.stdout).toMatch(/; \d files skipped unread \(symlinks leaving the root or not regular files; --debug lists them\)\.$/m);
    },
    30_000,
  );

  test('a symlink named on the command line that leaves the root is a usage error, not read', async () => {
    const { dir } = treeWithLinks();
    const run = await runCli(dir, ['lint', 'api/leak.yaml']);
    expect([run.status, run.stderr]).toEqual([
      2,
      'oasguard: Refused api/leak.yaml: a symlink whose real path is outside the root.\n  Name the file it points to, or lint from a directory that holds it (--root).\n',
    ]);
  });
});

describe('a ruleset reads only regular files in the root, within the size limit', () => {
  test.each([
    [
      '/dev/zero',
      'extends: [/dev/zero]\n',
      'Cannot read ruleset /dev/zero (extended by .oasguard.yaml): it is outside the project root (--root), and rulesets from the linted tree may only read files inside it.',
    ],
    [
      '/dev/urandom',
      'extends: /dev/urandom\n',
      'Cannot read ruleset /dev/urandom (extended by .oasguard.yaml): it is outside the project root (--root), and rulesets from the linted tree may only read files inside it.',
    ],
    [
      'a file outside the project',
      'extends: [/etc/passwd]\n',
      'Cannot read ruleset /etc/passwd (extended by .oasguard.yaml): it is outside the project root (--root), and rulesets from the linted tree may only read files inside it.',
    ],
    [
      'a path leaving the project',
      'extends: [../../../../etc/hostname.yaml]\n',
      'Cannot read ruleset /etc/hostname.yaml (extended by .oasguard.yaml): it is outside the project root (--root), and rulesets from the linted tree may only read files inside it.',
    ],
    [
      'a symlink to a device',
      'extends: [./zero.yaml]\n',
      'Cannot read ruleset zero.yaml (extended by .oasguard.yaml): it is outside the project root (--root), and rulesets from the linted tree may only read files inside it.',
    ],
    [
      'a file over the size limit',
      'extends: [./big.yaml]\n',
      'Cannot read ruleset big.yaml (extended by .oasguard.yaml): 2000 bytes, over the 1000-byte limit (--max-file-size).',
    ],
  ])(
    'extends %s: exit 2 before reading it',
    async (_name, ruleset, message) => {
      const dir = project({ '.oasguard.yaml': ruleset, 'api.yaml': API, 'big.yaml': `# ${'x'.repeat(1997)}\n` });
      symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
      const run = await runCli(dir, ['lint', 'api.yaml', '--max-file-size', '1000']);
      expect([run.status, run.stderr.split('\n')[0]]).toEqual([2, `oasguard: ${message}`]);
    },
    30_000,
  );

  test('the project ruleset itself, a symlink leaving the root, is refused', async () => {
    const dir = project({ 'api.yaml': API });
    symlinkSync('/dev/zero', join(dir, '.oasguard.yaml'));
    const run = await runCli(dir, ['rules']);
    expect([run.status, run.stderr.split('\n')[0]]).toEqual([
      2,
      'oasguard: Cannot read ruleset .oasguard.yaml: it is outside the project root (--root), and rulesets from the linted tree may only read files inside it.',
    ]);
  });
});

/** [ruleId, 1-based line, severity] of every finding. */
function findingsOf(run: Run): [string, number, string][] {
  return run.json!.findings.map((finding) => [
    finding.ruleId,
    finding.range.start.line,
    (finding as unknown as { severity: string }).severity,
  ]);
}

describe('parser diagnostics never pass a document silently', () => {
  test.each([
    [
      'a tab after a colon',
      `${HEAD}servers:\n  - url:\thttp://api.example.com\npaths: {}\n`,
      [
        ['parse-error', 4, 'warn'],
        ['require-https-servers', 4, 'error'],
      ],
    ],
    [
      'tab indentation',
      `${HEAD}servers:\n\t- url: http://api.example.com\npaths: {}\n`,
      [
        ['parse-error', 4, 'warn'],
        ['require-https-servers', 4, 'error'],
      ],
    ],
    [
      'a sequence as a key, which the parser drops',
      `${HEAD}servers: [{url: "http://api.example.com"}]\npaths:\n  ? [/a, /b]\n  : {get: {responses: {"200": {description: ok}}}}\n`,
      [
        ['require-https-servers', 3, 'error'],
        ['parse-error', 5, 'error'],
      ],
    ],
  ] as [string, string, [string, number, string][]][])(
    '%s: reported, and the rules still run',
    async (_name, text, expected) => {
      const run = await oasguard(project({ 'api.yaml': text }), ['api.yaml', '--ruleset', 'recommended']);
      expect(run.status).toBe(1);
      expect(findingsOf(run)).toEqual(expected);
    },
    30_000,
  );
});

describe('every file that claims to be OpenAPI is linted or fails the run', () => {
  const oas32 = 'openapi: 3.2.0\ninfo: {title: t, version: "1"}\nservers: [{url: "http://api.example.com"}]\npaths: {}\n';
  test.each([[['api']], [['api/openapi.yaml', '--skip-non-openapi']], [['api/openapi.yaml']]])(
    'OpenAPI 3.2 is linted: %j',
    async (args) => {
      const run = await oasguard(project({ 'api/openapi.yaml': oas32 }), args);
      expect(run.status).toBe(1);
      expect(findingsOf(run)).toEqual([['require-https-servers', 3, 'error']]);
    },
    30_000,
  );

  test.each([
    ['"3.0"', 'not-openapi', 'Not an OpenAPI document: unsupported version "openapi: 3.0" (3.0.x, 3.1.x and 3.2.x are supported).'],
    ['3.3.0', 'not-openapi', 'Not an OpenAPI document: unsupported version "openapi: 3.3.0" (3.0.x, 3.1.x and 3.2.x are supported).'],
    ['4.0.0', 'not-openapi', 'Not an OpenAPI document: unsupported version "openapi: 4.0.0" (3.0.x, 3.1.x and 3.2.x are supported).'],
  ])(
    'openapi: %s in a directory is an error naming the version, never skipped',
    async (version, ruleId, message) => {
      for (const args of [['api'], ['api/openapi.yaml', '--skip-non-openapi']]) {
        const run = await oasguard(
          project({ 'api/openapi.yaml': `openapi: ${version}\ninfo: {title: t, version: "1"}\npaths: {}\n` }),
          args,
        );
        expect(run.status).toBe(1);
        expect(run.json!.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([[ruleId, message]]);
      }
    },
    30_000,
  );

  test.each([
    [
      'an escaped key (JSON)',
      'api.json',
      '{"\\u006fpenapi": "3.0.3", "info": {"title": "t", "version": "1"}, "servers": [{"url": "http://x.example.com"}], "paths": {}}',
      [['require-https-servers', 1, 'error']],
    ],
    [
      'an escaped key (YAML)',
      'api.yaml',
      '"\\x6Fpenapi": 3.0.3\ninfo: {title: t, version: "1"}\nservers: [{url: "http://x.example.com"}]\npaths: {}\n',
      [['require-https-servers', 3, 'error']],
    ],
    [
      'minified JSON with a syntax error',
      'api.json',
      '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{}',
      [['parse-error', 1, 'error']],
    ],
    ['minified escaped JSON with a syntax error', 'api.json', '{"\\u006fpenapi":"3.0.3","paths":{}', [['parse-error', 1, 'error']]],
  ] as [string, string, string, [string, number, string][]][])(
    '%s found in a directory or staged for pre-commit is linted',
    async (_name, file, text, expected) => {
      for (const args of [['.'], [file, '--skip-non-openapi']]) {
        const run = await oasguard(project({ [file]: text, 'config.json': '{"name": "app"}' }), args);
        expect(run.status).toBe(1);
        expect(findingsOf(run)).toEqual(expected);
      }
    },
    30_000,
  );
});

describe('no diagnostic can be suppressed or baselined', () => {
  const broken = `${HEAD}x-oasguard-ignore:\n  unsafe-ref: trust me\n  unresolved-ref: trust me\n  invalid-openapi: trust me\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "../../../etc/passwd"}\n  /b:\n    get:\n      responses:\n        "200": {$ref: "./missing.yaml"}\n  /c:\n    get: {bogus: 1, responses: {"200": {description: ok}}}\n`;
  const expected = [
    ['invalid-suppression', 4, 'error'],
    ['invalid-suppression', 5, 'error'],
    ['invalid-suppression', 6, 'error'],
    ['unsafe-ref', 11, 'error'],
    ['unresolved-ref', 15, 'error'],
    ['invalid-openapi', 17, 'error'],
  ];

  test('a root x-oasguard-ignore naming them is itself an error, and they stay', async () => {
    const run = await oasguard(project({ 'api.yaml': broken }), [
      'api.yaml',
      '--ruleset',
      'oasguard:recommended',
      '--fail-severity',
      'error',
    ]);
    expect(run.status).toBe(1);
    expect(findingsOf(run).filter(([ruleId]) => expected.some(([id]) => id === ruleId))).toEqual(expected);
    expect(run.json!.findings.find((finding) => finding.ruleId === 'invalid-suppression')!.message).toBe(
      '"unsafe-ref" is a diagnostic, which cannot be suppressed: correct the document instead.',
    );
  }, 30_000);

  test('a baseline does not record them, and lint --baseline still fails on them', async () => {
    const dir = project({ 'api.yaml': broken.replace(/x-oasguard-ignore:\n( {2}.*\n)+/, '') });
    const created = await runCli(dir, ['baseline', 'create', 'api.yaml']);
    expect(created.status).toBe(0);
    const run = await oasguard(dir, ['api.yaml', '--baseline', 'oasguard-baseline.json']);
    expect(run.status).toBe(1);
    expect(run.json!.findings.map((finding) => finding.ruleId)).toEqual(['unsafe-ref', 'unresolved-ref', 'invalid-openapi']);
  }, 30_000);
});

describe('a __proto__ key, however it is spelt, is a plain key', () => {
  const operation = (key: string) => `    get:\n      ${key}: {security: []}\n      responses: {"200": {description: OK}}\n`;
  const secured = `${HEAD}security: [{key: []}]\ncomponents: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\npaths:\n  /x:\n`;
  test.each([
    ['plain (YAML)', 'api.yaml', `${secured}${operation('__proto__')}`],
    ['\\x5F (YAML)', 'api.yaml', `${secured}${operation('"\\x5F_proto__"')}`],
    ['\\u005f (YAML)', 'api.yaml', `${secured}${operation('"\\u005f_proto__"')}`],
    ['\\U0000005F (YAML)', 'api.yaml', `${secured}${operation('"\\U0000005F_proto__"')}`],
    [
      '\\u005f (JSON)',
      'api.json',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 't', version: '1' },
        security: [{ key: [] }],
        components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
        paths: { '/x': { get: { PROTO: { security: [] }, responses: { '200': { description: 'OK' } } } } },
      }).replace('"PROTO"', '"\\u005f_proto__"'),
    ],
  ])(
    '%s: the operation does not inherit security: [] (an invalid-openapi finding, no public operation)',
    async (_name, file, text) => {
      const run = await oasguard(project({ [file]: text }), [file, '--ruleset', 'strict']);
      const ruleIds = run.json!.findings.map((finding) => finding.ruleId);
      expect(ruleIds).toContain('invalid-openapi');
      expect(ruleIds).not.toContain('no-public-operations');
      expect(run.json!.findings.find((finding) => finding.ruleId === 'invalid-openapi')!.message).toContain('__proto__');
    },
    30_000,
  );

  test.each([
    ['api.yaml', 'shared.yaml', 'get:\n  "\\x5F_proto__": {security: []}\n  responses: {"200": {description: OK}}\n'],
    ['api.yaml', 'shared.json', '{"get": {"\\u005f_proto__": {"security": []}, "responses": {"200": {"description": "OK"}}}}'],
  ])(
    "in a $ref'd file (%s -> %s) too",
    async (file, shared, text) => {
      const run = await oasguard(project({ [file]: `${secured.replace('  /x:\n', `  /x: {$ref: "./${shared}"}\n`)}`, [shared]: text }), [
        file,
        '--ruleset',
        'strict',
      ]);
      expect(run.json!.findings.map((finding) => finding.ruleId)).toEqual([
        'define-401-response',
        'define-403-response',
        'define-429-response',
        'require-rate-limit-headers',
      ]);
    },
    30_000,
  );
});

describe("one bad document never takes the other documents' reports with it", () => {
  const good = `${HEAD}servers: [{url: "http://api.example.com"}]\npaths: {}\n`;
  test('hasOwnProperty keys and !!binary tags are a finding in their own document; the others are reported', async () => {
    const run = await oasguard(
      project({
        'api/a-good.yaml': good,
        'api/b-has-own.yaml': `${good}x-a:\n  hasOwnProperty: 1\ncomponents: {schemas: {S: {type: object, properties: {hasOwnProperty: {type: string}}}}}\n`,
        'api/b-has-own.json': JSON.stringify({
          openapi: '3.0.3',
          info: { title: 't', version: '1' },
          paths: {},
          'x-a': { hasOwnProperty: 1 },
          'x-b': { HOP: 1 },
        }).replace('"HOP"', '"has\\u004fwnProperty"'),
        'api/c-binary.yaml': `${good}x-b: !!binary aGVsbG8=\n`,
      }),
      ['api'],
    );
    expect(run.status).toBe(1);
    expect(
      run.json!.findings.map((finding) => [
        (finding as unknown as { file: string }).file,
        finding.ruleId,
        finding.range.start.line,
        finding.message,
      ]),
    ).toEqual([
      ['api/a-good.yaml', 'require-https-servers', 3, expect.any(String)],
      ['api/b-has-own.yaml', 'require-https-servers', 3, expect.any(String)],
      [
        'api/c-binary.yaml',
        'parse-error',
        5,
        'The !!binary tag is not supported in an OpenAPI document; give the data as a base64 string.',
      ],
    ]);
  }, 30_000);

  test('a document that makes the lint fail is an internal-error finding on it, and the run goes on', async () => {
    const ruleset =
      'extends: oasguard:recommended\nfunctions: [explode]\nrules:\n  boom:\n    given: "$.info"\n    then: {function: explode}\n';
    const explode = "module.exports = (info) => { if (info.title === 'bomb') throw new Error('kaboom'); };\n";
    const dir = project({
      '.oasguard.yaml': ruleset,
      'functions/explode.js': explode,
      'api/a.yaml': good,
      'api/b.yaml': good.replace('title: t', 'title: bomb'),
    });
    const run = await oasguard(dir, ['api', '--allow-js-ruleset']);
    expect(run.status).toBe(1);
    expect(run.json!.findings.map((finding) => [(finding as unknown as { file: string }).file, finding.ruleId])).toEqual([
      ['api/a.yaml', 'require-https-servers'],
      ['api/b.yaml', 'internal-error'],
    ]);
    expect(run.json!.findings[1].message).toMatch(/^oasguard could not lint this document: .*kaboom/);
  }, 30_000);
});

describe('documents built to exhaust the stack or the clock are findings, not crashes or hangs', () => {
  const chain = (links: number, link: (i: number) => string, last: string) =>
    `${HEAD}paths:\n  /x:\n    post:\n      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/S0"}}}}\n      responses: {"200": {description: ok}}\ncomponents:\n  schemas:\n${Array.from({ length: links }, (_, i) => `    S${i}: ${link(i)}\n`).join('')}    S${links}: ${last}\n`;

  test('a chain of 1,000 allOf references lints, and the secret at its end is found', async () => {
    const text = chain(
      1000,
      (i) => `{allOf: [{$ref: "#/components/schemas/S${i + 1}"}]}`,
      '{type: object, example: {token: "ghp_R8kT2mQ9vXw4LpN7bYc3ZsH6dJ1fG5aE0uIoWq"}}',
    );
    const run = await oasguard(project({ 'api.yaml': text }), ['api.yaml', '--ruleset', 'strict']);
    expect(run.json!.findings.map((finding) => finding.ruleId)).toContain('no-secrets-in-examples');
    expect(run.json!.findings.map((finding) => finding.ruleId)).not.toContain('internal-error');
  }, 60_000);

  test.each([
    ['6,000 allOf references', chain(6000, (i) => `{allOf: [{$ref: "#/components/schemas/S${i + 1}"}]}`, '{type: object}')],
    ['8,000 plain references', chain(8000, (i) => `{$ref: "#/components/schemas/S${i + 1}"}`, '{type: object}')],
  ])(
    'a chain of %s is refused with a finding',
    async (_name, text) => {
      const run = await oasguard(project({ 'api.yaml': text }), ['api.yaml']);
      expect(run.status).toBe(1);
      expect(run.json!.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
        [
          'parse-error',
          "The document's $refs take more than 2000000 steps to resolve (a chain of thousands of references): it is refused.",
        ],
      ]);
    },
    60_000,
  );
});

describe('documents that cost the parsers quadratic time or gigabytes are linear or refused', () => {
  // Duplicate keys were found by scanning an array of the keys seen: about 70 s for this mapping, 2 s now.
  test('a mapping of 200,000 keys lints, and its duplicate key is found', async () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `  k${i}: ${i}\n`).join('');
    const run = await oasguard(project({ 'api.yaml': `${HEAD}paths: {}\nx-wide:\n${keys}  k7: again\n` }), ['api.yaml']);
    expect(findingsOf(run)).toEqual([['parse-error', 200_005, 'error']]);
  }, 30_000);

  test.each([
    ['YAML', 'api.yaml', `${HEAD}paths: {}\nx-deep:\n${`  - ${'['.repeat(250)}${']'.repeat(250)}\n`.repeat(19_000)}`, 7973],
    [
      'JSON',
      'api.json',
      `{"openapi": "3.0.3", "x-deep": [${Array(19_000)
        .fill(`${'['.repeat(250)}${']'.repeat(250)}`)
        .join(',')}]}`,
      1,
    ],
  ])(
    '19,000 arrays nested 250 deep (%s) are refused with a finding',
    async (_name, file, text, line) => {
      const run = await oasguard(project({ [file]: text }), [file]);
      expect(run.json!.findings.map((finding) => [finding.ruleId, finding.range.start.line, finding.message])).toEqual([
        ['parse-error', line, 'The document holds more than 2000000 mappings and sequences (the --max-nodes limit).'],
      ]);
    },
    60_000,
  );

  test('a 20,000-key mapping aliased 50 times is refused: aliases count the nodes they add', async () => {
    const map = Array.from({ length: 20_000 }, (_, i) => `  p${i}: ${i}\n`).join('');
    const run = await oasguard(project({ 'api.yaml': `${HEAD}paths: {}\nx-base: &b\n${map}x-uses:\n${'  - *b\n'.repeat(50)}` }), [
      'api.yaml',
    ]);
    expect(run.json!.findings.map((finding) => [finding.ruleId, finding.range.start.line, finding.message])).toEqual([
      ['parse-error', 20_006, 'YAML aliases expand to more than 100000 nodes (the --max-aliases limit): an alias bomb is refused.'],
    ]);
  }, 60_000);
});

test('every unresolvable $ref is reported at its own line, not one per distinct message', async () => {
  const paths = ['/a', '/b', '/c']
    .map((path) => `  ${path}:\n    get:\n      responses:\n        "200": {$ref: "./missing.yaml"}\n`)
    .join('');
  const run = await oasguard(project({ 'api.yaml': `${HEAD}paths:\n${paths}` }), ['api.yaml']);
  expect(findingsOf(run).filter(([ruleId]) => ruleId === 'unresolved-ref')).toEqual([
    ['unresolved-ref', 7, 'error'],
    ['unresolved-ref', 11, 'error'],
    ['unresolved-ref', 15, 'error'],
  ]);
}, 30_000);

describe('document content and file names reach no terminal or CI log as commands', () => {
  const url =
    'http://a.example.com/\\e[2J\\e]8;;https://evil.example\\a\\n::add-mask::ghp_secret\\n::error::fake \\u202Egnp.exe @octocat www.evil.example https://evil.example';
  const api = `${HEAD}servers: [{url: "${url}"}]\npaths: {}\n`;
  const hostileName = 'api\n::warning::x\u001b[31m\u202e.yaml';

  test('the text report and stderr show control and bidi characters as escapes', async () => {
    const dir = project({ 'api.yaml': api, [`specs/${hostileName}`]: api });
    const run = await runCli(dir, ['lint', 'api.yaml', 'specs', '--no-color']);
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
    expect(run.stdout).toContain('specs/api\\u000a::warning::x\\u001b[31m\\u202e.yaml');
    expect(run.stdout).toContain(
      'Server URL "http://a.example.com/\\u001b[2J\\u001b]8;;https://evil.example\\u0007\\u000a::add-mask::ghp_secret\\u000a::error::fake \\u202egnp.exe',
    );
    const refused = await runCli(dir, ['lint', `specs/${hostileName}`, '--root', 'nope']);
    expect(refused.stderr).not.toMatch(/[\u001b\u202e]/);
  }, 30_000);

  test('-f github: one workflow command per finding, the rest escaped', async () => {
    const run = await runCli(project({ 'api.yaml': api }), ['lint', 'api.yaml', '-f', 'github']);
    const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(
      /^::error file=api\.yaml,line=3,.*::Server URL "http:\/\/a\.example\.com\/\\u001b\[2J\\u001b\]8;;https:\/\/evil\.example\\u0007%0A::add-mask::ghp_secret%0A::error::fake \\u202egnp/,
    );
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
  }, 30_000);

  test('-f markdown: no mention, no link, no HTML from the document', async () => {
    const dir = project({ 'api.yaml': api });
    await runCli(dir, ['lint', 'api.yaml', '-f', 'markdown:report.md']);
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    const row = markdown.split('\n').find((line) => line.includes('Server URL'))!;
    expect(row).not.toMatch(/@octocat|https:\/\/evil|www\.evil|[\u001b\u202e]/);
    expect(row.replace(/\u200b/g, '')).toContain('@octocat www.evil.example https://evil.example');
  }, 30_000);
});

describe('reports and baselines never overwrite what they describe, and are written whole', () => {
  const shared = 'description: OK\n';
  const files = () => ({
    'api.yaml': op('./shared.yaml'),
    'shared.yaml': shared,
    'b.json': '{"version": 1, "entries": []}\n',
    'api/openapi.yaml': API,
    'v1/api.yaml': op('./v1-shared.yaml'),
    'v1/v1-shared.yaml': shared,
  });
  test.each([
    ['-f json:api.yaml', ['lint', 'api.yaml', '-f', 'json:api.yaml'], 'api.yaml', 'it is one of the inputs'],
    ['-o over an input', ['lint', 'api.yaml', '-f', 'sarif', '-o', './api.yaml'], './api.yaml', 'it is one of the inputs'],
    ['the baseline in use', ['lint', 'api.yaml', '--baseline', 'b.json', '-f', 'json:b.json'], 'b.json', 'it is the baseline in use'],
    ['a file a $ref reads', ['lint', 'api.yaml', '-f', 'json:shared.yaml'], 'shared.yaml', 'it is a file this lint read'],
    ['a document found in a directory', ['lint', 'api', '-f', 'json:api/openapi.yaml'], 'api/openapi.yaml', 'it is a file this lint read'],
    ['baseline create -o over an input', ['baseline', 'create', 'api.yaml', '-o', 'api.yaml'], 'api.yaml', 'it is one of the inputs'],
    ['baseline update -o over an input', ['baseline', 'update', 'api.yaml', '-o', 'api.yaml'], 'api.yaml', 'it is one of the inputs'],
    ['diff -f json over an input', ['diff', 'v1/api.yaml', 'api.yaml', '-f', 'json:v1/api.yaml'], 'v1/api.yaml', 'it is one of the inputs'],
    [
      "diff over a file the new version's $ref reads",
      ['diff', 'v1/api.yaml', 'api.yaml', '-f', 'json:shared.yaml'],
      'shared.yaml',
      'it is a file this diff read',
    ],
    [
      "diff over a file the old version's $ref reads",
      ['diff', 'v1/api.yaml', 'api.yaml', '-f', 'sarif:v1/v1-shared.yaml'],
      'v1/v1-shared.yaml',
      'it is a file this diff read',
    ],
  ])(
    '%s: exit 2, nothing written',
    async (_name, args, output, why) => {
      const dir = project(files());
      const before = Object.fromEntries(Object.keys(files()).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
      const run = await runCli(dir, args);
      expect([run.status, run.stderr.split('\n')[0]]).toEqual([2, `oasguard: Refused to write ${output}: ${why}.`]);
      for (const [file, content] of Object.entries(before)) expect(readFileSync(join(dir, file), 'utf8')).toBe(content);
    },
    30_000,
  );

  test('a report is written to a new file renamed into place', async () => {
    const dir = project(files());
    writeFileSync(join(dir, 'old.json'), 'old report');
    const inode = statSync(join(dir, 'old.json')).ino;
    const run = await runCli(dir, ['lint', 'api.yaml', '-f', 'json:old.json', '-f', 'sarif:api/oasguard.sarif']);
    expect(run.status).toBe(1);
    expect(statSync(join(dir, 'old.json')).ino).not.toBe(inode);
    expect(JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8')).formatVersion).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'api/oasguard.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(dir).filter((name) => name.startsWith('old.json.'))).toEqual([]);
  }, 30_000);

  test.each([
    ['a directory', 'json:api', 'oasguard: Cannot write api: it is a directory.'],
    ['in no directory', 'json:nodir/x.json', 'oasguard: Cannot write nodir/x.json: no such directory.'],
  ])('a report path that is %s is refused before linting', async (_name, format, message) => {
    const run = await runCli(project(files()), ['lint', 'api.yaml', '-f', format]);
    expect([run.status, run.stderr.split('\n')[0]]).toEqual([2, message]);
  });
});

describe('standard input obeys the same limits as files', () => {
  test('over --max-file-size: exit 2, one line', async () => {
    const run = await runCli(project(), ['lint', '-', '--max-file-size', '1000'], {
      input: `${HEAD}paths: {}\nx-big: "${'x'.repeat(5000)}"\n`,
    });
    expect([run.status, run.stderr]).toEqual([2, 'oasguard: Standard input is over the 1000-byte limit (--max-file-size).\n']);
  });

  test('not UTF-8: a parse error, as for a file', async () => {
    const run = await oasguard(project(), ['-'], { input: Buffer.from(`${HEAD}paths: {}\nx-name: caf\xe9\n`, 'latin1') });
    expect(findingsOf(run)).toEqual([['parse-error', 4, 'error']]);
  });
});

test('a filter over members that may be missing never fails the lint', async () => {
  const ruleset = `extends: oasguard:recommended\nrules:\n  deep:\n    given: "$.paths[*][*][?(@.x.y.z == 1)]"\n    severity: error\n    then: {function: falsy}\n`;
  const run = await oasguard(
    project({ '.oasguard.yaml': ruleset, 'api.yaml': `${HEAD}paths:\n  /a:\n    get:\n      responses: {"200": {description: ok}}\n` }),
    ['api.yaml'],
  );
  expect(run.json!.findings.map((finding) => finding.ruleId)).not.toContain('internal-error');
});

test('a pointer missing in a referenced file is reported at the ref, naming the file relative to the root', async () => {
  const run = await oasguard(
    project({
      'api.yaml': `${HEAD}paths:\n  /x: {$ref: "./sub/paths.yaml#/nope"}\n`,
      'sub/paths.yaml': 'get: {responses: {"200": {description: ok}}}\n',
    }),
    ['api.yaml'],
  );
  expect(run.json!.findings.map((finding) => [finding.ruleId, finding.range.start.line, finding.message])).toEqual([
    ['unresolved-ref', 4, 'Cannot resolve $ref: #/nope does not exist in sub/paths.yaml.'],
  ]);
});
