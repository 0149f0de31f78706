import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint, loadRuleset, UsageError } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';

/** Writes files (path -> content) into a fresh directory and returns it. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-ruleset-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A small OpenAPI 3.0 document served over plain http, with one operation lacking an operationId. */
const HTTP_API = [
  'openapi: 3.0.3',
  'info: {title: t, version: "1"}',
  'servers: [{url: "http://localhost:8080"}]',
  'paths:',
  '  /pets:',
  '    get:',
  '      responses:',
  '        "200": {description: ok}',
  '',
].join('\n');

/** Lints `inputs` in `dir` and lists findings as `file:line rule-id pointer`. */
async function findingsIn(dir: string, inputs: string[], ruleset?: string, allowJsRuleset?: boolean): Promise<string[]> {
  const result = await lint(inputs, { cwd: dir, ruleset, allowJsRuleset });
  return result.findings.map((f) => `${f.file}:${f.range.start.line} ${f.ruleId} ${f.pointer}`);
}

const severities = (ruleset: ReturnType<typeof loadRuleset>) => Object.fromEntries(ruleset.rules.map((rule) => [rule.id, rule.severity]));

describe('ruleset files', () => {
  test('extend a preset, turn rules off, change severities and pass options', async () => {
    const dir = project({
      '.oasguard.yaml': [
        'extends: [oasguard:recommended]',
        'rules:',
        '  define-429-response: off',
        '  no-http-basic-auth: warn',
        '  require-https-servers: [error, { allowHosts: [localhost] }]',
      ].join('\n'),
      'api.yaml': HTTP_API,
    });
    const ruleset = loadRuleset('.oasguard.yaml', dir);
    expect(severities(ruleset)).toMatchObject({
      'no-http-basic-auth': 'warn',
      'require-https-servers': 'error',
      'define-401-response': 'info',
    });
    expect(severities(ruleset)).not.toHaveProperty('define-429-response');
    const findings = await findingsIn(dir, ['api.yaml'], '.oasguard.yaml');
    expect(findings.filter((f) => / (require-https-servers|define-429-response) /.test(f))).toEqual([]);
    expect(findings).toContain('api.yaml:1 require-security ');
  });

  test('.oasguard.yaml in the current directory is used when no ruleset is given', async () => {
    const dir = project({ '.oasguard.yaml': 'rules:\n  require-https-servers: error\n', 'api.yaml': HTTP_API });
    expect(await findingsIn(dir, ['api.yaml'])).toEqual(['api.yaml:3 require-https-servers /servers/0/url']);
  });

  test('oasguard rules can be named without extending a preset, and oasguard:strict sets every severity', () => {
    const dir = project({ 'only.yaml': 'rules:\n  require-security: warn\n', 'strict.yaml': 'extends: oasguard:strict\n' });
    expect(severities(loadRuleset('only.yaml', dir))).toEqual({ 'require-security': 'warn' });
    expect(severities(loadRuleset('strict.yaml', dir))).toEqual(severities(loadRuleset('strict', dir)));
  });

  test('spectral:oas and plain Spectral rules with core functions run beside oasguard rules', async () => {
    const dir = project({
      'ruleset.yaml': [
        'extends: [spectral:oas]',
        'rules:',
        '  require-https-servers: error',
        '  operation-tags: off',
        '  paths-must-be-plural:',
        '    description: Collection paths end in "s".',
        '    severity: warn',
        '    given: $.paths',
        '    then:',
        '      field: "@key"',
        '      function: pattern',
        '      functionOptions: { match: "s$" }',
      ].join('\n'),
      'api.yaml': HTTP_API.replace('/pets', '/pet'),
    });
    expect(await findingsIn(dir, ['api.yaml'], 'ruleset.yaml')).toEqual([
      'api.yaml:2 info-contact /info',
      'api.yaml:2 info-description /info',
      'api.yaml:3 require-https-servers /servers/0/url',
      'api.yaml:5 paths-must-be-plural /paths/~1pet',
      'api.yaml:6 operation-description /paths/~1pet/get',
      'api.yaml:6 operation-operationId /paths/~1pet/get',
    ]);
  });
});

describe('ruleset errors name the file, the rule and the problem', () => {
  test.each([
    [
      'rules:\n  no-such-rule: error\n',
      'Invalid ruleset ruleset.yaml: unknown rule "no-such-rule". Run `oasguard rules` to list the rules.',
    ],
    [
      'extends: [spectral:oas]\nrules:\n  operation-tag-defind: off\n',
      'Invalid ruleset ruleset.yaml: unknown rule "operation-tag-defind". Did you mean "operation-tag-defined"? Run `oasguard rules` to list the rules.',
    ],
    [
      'rules:\n  no-http-basic-auth: fatal\n',
      'Invalid ruleset ruleset.yaml: rule "no-http-basic-auth": expected error, warn, info, hint or off (or [severity, options]), got "fatal".',
    ],
    ['rules:\n  no-http-basic-auth: [error, 3]\n', 'Invalid ruleset ruleset.yaml: rule "no-http-basic-auth": options must be a mapping.'],
    [
      'rules:\n  require-https-servers: [error, { allowHost: localhost }]\n',
      'Invalid ruleset ruleset.yaml: rule "require-https-servers" does not support "allowHost" option',
    ],
    [
      'rules:\n  require-https-servers: [error, { allowHosts: localhost }]\n',
      'Invalid ruleset ruleset.yaml: rule "require-https-servers" and its "allowHosts" option accepts only the following types: array',
    ],
    [
      'rules:\n  parse-error: off\n',
      'Invalid ruleset ruleset.yaml: rule "parse-error": diagnostics are always on and cannot be configured.',
    ],
    [
      'extends: spectral:oas\nrules:\n  oas3-schema: off\n',
      'Invalid ruleset ruleset.yaml: rule "oas3-schema": this is oasguard\'s invalid-openapi diagnostic, which is always on.',
    ],
    [
      'rules:\n  require-security: {given: $, then: {function: truthy}}\n',
      'Invalid ruleset ruleset.yaml: rule "require-security": this is an oasguard rule: give it a severity or [severity, options], and give a rule of your own another name.',
    ],
    [
      'rules:\n  mine: {given: $, then: {function: shout}}\n',
      'Invalid ruleset ruleset.yaml: rule "mine": unknown function "shout"; use a Spectral core function (alphabetical, casing, defined, enumeration, falsy, length, or, pattern, schema, truthy, undefined, unreferencedReusableObject, xor) or one listed in `functions`.',
    ],
    [
      'rules:\n  mine: {given: "$..[?(@.x == 1", then: {function: truthy}}\n',
      'Invalid ruleset ruleset.yaml: rule "mine": given "$..[?(@.x == 1" is not a JSONPath expression: a syntax error at character 15.',
    ],
    [
      'rules:\n  mine: {given: "$..[?(@property && this.constructor)]", then: {function: truthy}}\n',
      'Invalid ruleset ruleset.yaml: rule "mine": given "$..[?(@property && this.constructor)]" is refused: the filter "@property && this.constructor" names "this", which is not a literal (functions and globals are not allowed); filters compare @, @.name or @property with literals, using == != < > && || !. Data-only rulesets run no code.',
    ],
    [
      'rules:\n  mine: {given: $, then: {field: "$[?(@.a == 1)]", function: truthy}}\n',
      'Invalid ruleset ruleset.yaml: rule "mine": then.field "$[?(@.a == 1)]" is refused: filter expressions are not allowed here. Data-only rulesets run no code.',
    ],
    [
      'aliases:\n  Ops: ["$.paths[*][?(@.x.constructor.constructor(1)())]"]\nrules:\n  mine: {given: "#Ops", then: {function: truthy}}\n',
      'Invalid ruleset ruleset.yaml: given "$.paths[*][?(@.x.constructor.constructor(1)())]" in alias "Ops" is refused: the filter "@.x.constructor.constructor(1)()" calls a function; filters compare @, @.name or @property with literals, using == != < > && || !. Data-only rulesets run no code.',
    ],
    [
      'rules:\n  mine: {given: 3, then: {function: truthy}}\n',
      'Invalid ruleset ruleset.yaml: rule "mine": given must be a valid JSON Path expression or a reference to the existing Alias optionally paired with a JSON Path expression subset',
    ],
    [
      'rules:\n  mine: {given: $, then: {function: pattern, functionOptions: {}}}\n',
      'Invalid ruleset ruleset.yaml: rule "mine": function "pattern" has invalid options specified. Example valid options: { "match": "^Stoplight" }, { "notMatch": "Swagger" }, { "match": "Stoplight", "notMatch": "Swagger" }',
    ],
    [
      'rules:\n  mine: [warn, {x: 1}]\n',
      'Invalid ruleset ruleset.yaml: rule "mine": only oasguard rules take [severity, options]; set options in the rule\'s `then.functionOptions`.',
    ],
    [
      'extends: spectral:asyncapi\n',
      'Invalid ruleset ruleset.yaml: cannot extend "spectral:asyncapi"; use oasguard:recommended, oasguard:strict, spectral:oas or a ruleset file.',
    ],
    [
      'extends: [[oasguard:recommended, most]]\n',
      'Invalid ruleset ruleset.yaml: cannot extend ["oasguard:recommended","most"]; give a ruleset name or path, or [name, all | recommended | off].',
    ],
    [
      'extends: https://example.com/ruleset.yaml\n',
      'Invalid ruleset ruleset.yaml: cannot extend "https://example.com/ruleset.yaml": rulesets are never fetched from the network. Save it in the project and extend the file.',
    ],
    [
      'rules:\n  mine: {given: $, then: {function: toString}}\n',
      'Invalid ruleset ruleset.yaml: rule "mine": unknown function "toString"; use a Spectral core function (alphabetical, casing, defined, enumeration, falsy, length, or, pattern, schema, truthy, undefined, unreferencedReusableObject, xor) or one listed in `functions`.',
    ],
    [
      'rules:\n  constructor: {given: $, then: {function: truthy}}\n',
      'Invalid ruleset ruleset.yaml: rule "constructor": Spectral cannot run a rule named like an Object member; choose another name.',
    ],
    [
      'formats: [toString]\nrules: {}\n',
      'Invalid ruleset ruleset.yaml: unknown format "toString" (for example oas2, oas3, oas3_0, oas3_1).',
    ],
    ['formats: [oas4]\nrules: {}\n', 'Invalid ruleset ruleset.yaml: unknown format "oas4" (for example oas2, oas3, oas3_0, oas3_1).'],
    [
      'rule:\n  x: error\n',
      'Invalid ruleset ruleset.yaml: unknown key "rule" (expected one of extends, rules, overrides, formats, aliases, functions, functionsDir, documentationUrl, description).',
    ],
    ['- a list\n', 'Invalid ruleset ruleset.yaml: expected a mapping of Spectral ruleset keys (`extends`, `rules`, `overrides`).'],
    ['rules: [a]\n', 'Invalid ruleset ruleset.yaml: `rules` must map rule names to a severity, `off`, or a rule definition.'],
    [
      'overrides:\n  - files: []\n    rules: {require-security: off}\n',
      'Invalid ruleset ruleset.yaml: overrides[0]: `files` must be a non-empty list of glob patterns, relative to the ruleset file.',
    ],
    [
      'overrides:\n  - files: ["*.yaml"]\n    rules: {nope: off}\n',
      'Invalid ruleset ruleset.yaml: overrides[0]: unknown rule "nope". Run `oasguard rules` to list the rules.',
    ],
    [
      'rules: {a: error\n',
      'Invalid ruleset ruleset.yaml: Flow map in block collection must be sufficiently indented and end with a } at line 2, column 1.',
    ],
  ])('%j is refused', (yaml, message) => {
    expect(() => loadRuleset('ruleset.yaml', project({ 'ruleset.yaml': yaml }))).toThrow(new UsageError(message));
  });

  test('a problem in an extended file names that file; a cycle names the chain', () => {
    const dir = project({
      'ruleset.yaml': 'extends: [./base/team.yaml]\n',
      'base/team.yaml': 'rules:\n  no-http-basic-auth: loud\n',
      'a.yaml': 'extends: ./b.yaml\n',
      'b.yaml': 'extends: ./a.yaml\n',
      'nested.yaml': 'extends: ./with-overrides.yaml\n',
      'with-overrides.yaml': 'overrides: [{files: ["*"], rules: {require-security: off}}]\n',
    });
    expect(() => loadRuleset('ruleset.yaml', dir)).toThrow(
      new UsageError(
        'Invalid ruleset base/team.yaml: rule "no-http-basic-auth": expected error, warn, info, hint or off (or [severity, options]), got "loud".',
      ),
    );
    expect(() => loadRuleset('a.yaml', dir)).toThrow(
      new UsageError('Invalid ruleset b.yaml: "extends" makes a cycle: a.yaml -> b.yaml -> a.yaml.'),
    );
    expect(() => loadRuleset('nested.yaml', dir)).toThrow(
      new UsageError(
        'Invalid ruleset with-overrides.yaml: `overrides` are only read from the ruleset given to oasguard, not from one it extends.',
      ),
    );
  });

  test('a missing ruleset names the choices', () => {
    expect(() => loadRuleset('missing.yaml', REPO_ROOT)).toThrow(new UsageError('Cannot read ruleset missing.yaml: no such file.'));
  });
});

describe('overrides', () => {
  test('apply by file glob, relative to the ruleset file', async () => {
    const dir = project({
      '.oasguard.yaml': [
        'rules:',
        '  require-https-servers: error',
        'overrides:',
        '  - files: ["legacy/**/*.yaml"]',
        '    rules:',
        '      require-https-servers: off',
        '  - files: ["internal/*.yaml"]',
        '    rules:',
        '      require-https-servers: [warn, { allowHosts: [example.com] }]',
      ].join('\n'),
      'api.yaml': HTTP_API,
      'legacy/v1/api.yaml': HTTP_API,
      'internal/api.yaml': HTTP_API,
    });
    const result = await lint(['.'], { cwd: dir });
    expect(result.findings.map((f) => `${f.file}:${f.range.start.line} ${f.ruleId} ${f.severity}`)).toEqual([
      'api.yaml:3 require-https-servers error',
      'internal/api.yaml:3 require-https-servers warn',
    ]);
  });
});

describe('JavaScript rulesets', () => {
  /** Leaves `ran.txt` beside itself when executed, so a test can tell that it was not. */
  const JS_RULESET = [
    "require('fs').writeFileSync(require('path').join(__dirname, 'ran.txt'), '');",
    'const needsContact = (info) => (info && info.contact ? [] : [{ message: "info has no contact" }]);',
    'module.exports = { rules: { "needs-contact": { given: "$.info", severity: "warn", then: { function: needsContact } } } };',
    '',
  ].join('\n');

  test.each([
    [
      'a .js ruleset file',
      { 'ruleset.js': JS_RULESET },
      'ruleset.js',
      'Invalid ruleset ruleset.js: the JavaScript ruleset ruleset.js is JavaScript, which oasguard runs only with --allow-js-ruleset.',
    ],
    [
      'a .js file it extends',
      { 'ruleset.yaml': 'extends: ./team.js\n', 'team.js': JS_RULESET },
      'ruleset.yaml',
      'Invalid ruleset team.js: the JavaScript ruleset team.js is JavaScript, which oasguard runs only with --allow-js-ruleset.',
    ],
    [
      'an npm package it extends',
      { 'ruleset.yaml': 'extends: "@stoplight/spectral-owasp-ruleset"\n' },
      'ruleset.yaml',
      'Invalid ruleset ruleset.yaml: the npm package "@stoplight/spectral-owasp-ruleset" is JavaScript, which oasguard runs only with --allow-js-ruleset.',
    ],
    [
      'custom functions',
      { 'ruleset.yaml': 'functions: [check]\nrules: {}\n', 'functions/check.js': JS_RULESET },
      'ruleset.yaml',
      'Invalid ruleset ruleset.yaml: the custom function "check" is JavaScript, which oasguard runs only with --allow-js-ruleset.',
    ],
  ])('%s is refused without --allow-js-ruleset', (_name, files, ruleset, message) => {
    const dir = project(files);
    expect(() => loadRuleset(ruleset, dir)).toThrow(new UsageError(message));
    expect(readdirSync(dir, { recursive: true })).not.toContain('ran.txt');
  });

  test('with allowJs, a JavaScript ruleset and custom functions run', async () => {
    const dir = project({
      'ruleset.js': JS_RULESET,
      'custom.yaml': [
        'functions: [noPets]',
        'rules:',
        '  no-pets:',
        '    given: $.paths',
        '    severity: info',
        '    then: {field: "@key", function: noPets}',
      ].join('\n'),
      'functions/noPets.js': 'module.exports = (value) => (String(value).includes("pets") ? [{ message: "no pets" }] : []);',
      'api.yaml': HTTP_API,
    });
    expect(await findingsIn(dir, ['api.yaml'], 'ruleset.js', true)).toEqual(['api.yaml:2 needs-contact /info']);
    expect(await findingsIn(dir, ['api.yaml'], 'custom.yaml', true)).toEqual(['api.yaml:5 no-pets /paths/~1pets']);
  });
});

test("the README's example ruleset loads, with its plain Spectral rule", () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const example = /```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Rulesets')))?.[1];
  const dir = project({ '.oasguard.yaml': example ?? '' });
  expect(loadRuleset('.oasguard.yaml', dir).rules.find((rule) => rule.id === 'paths-kebab-case')).toMatchObject({
    kind: 'custom',
    severity: 'warn',
  });
});
