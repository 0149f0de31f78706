import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../../src/index';
import { runInProcess } from '../support/in-process';
import { INSECURE_COUNTS, INSECURE_SUMMARY, INSECURE_TOTAL } from '../support/insecure-example';
import { REPO_ROOT } from '../support/rule-tester';

/** The CLI in-process, in the repository, without a terminal. */
function oasguard(args: string[], input?: string) {
  return runInProcess(args, { input });
}

const INSECURE = 'fixtures/examples/petstore-insecure.yaml';
const SECURE = 'fixtures/examples/petstore-secure.yaml';
const STACK_FRAME = /^\s+at /m;

describe('oasguard lint', () => {
  test("the README's quick start says how many findings the insecure example has", () => {
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).toContain(
      `lints the bundled insecure example (${INSECURE_TOTAL} findings, exit code 1)`,
    );
  });

  test('text report of the insecure example: every finding, a summary, exit 1', async () => {
    const { code, stdout, stderr } = await oasguard(['lint', INSECURE]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe(INSECURE);
    expect(stdout).toMatch(
      /^ {4}7:10 {2}error {2}Server URL "http:\/\/petstore.example.com\/v1" uses http:\/\/; .* require-https-servers +servers\[0\]\.url$/m,
    );
    // The shared Pet schema's fields: one finding, at its definition in the referenced file.
    expect(stdout).toMatch(
      /^fixtures\/examples\/petstore-schemas\.yaml\n(?: +.*\n)? +9:8 +warn +The request body of POST \/pets has 2 string fields without maxLength, enum or bounded format: name, tag\. /m,
    );
    expect(stdout).toMatch(new RegExp(`^${INSECURE_SUMMARY} in 1 document\\.$`, 'm'));
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  test('the hardened example is clean under strict: exit 0', async () => {
    const { code, stdout } = await oasguard(['lint', SECURE, '--ruleset', 'strict']);
    expect([code, stdout]).toEqual([0, 'No problems found in 1 document.\nSecurity score: 100/100.\n']);
  });

  test('-f json prints the envelope on stdout', async () => {
    const { code, stdout } = await oasguard(['lint', INSECURE, '-f', 'json']);
    const report = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(report.files).toEqual([INSECURE]);
    expect(report.summary).toEqual({ total: INSECURE_TOTAL, ...INSECURE_COUNTS, suppressed: 0, baselined: 0 });
  });

  test('-f sarif -o FILE writes the log to the file, and the text report still goes to stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'report.sarif');
    const { code, stdout } = await oasguard(['lint', 'fixtures/examples', '-f', 'sarif', '-o', out]);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${INSECURE_SUMMARY} in 2 documents\\.$`, 'm'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(INSECURE_TOTAL);
  });

  test('several reports from one run: -f NAME:FILE for each file, at most one format on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-'));
    const args = ['lint', INSECURE, '-f', 'github', '-f', `sarif:${dir}/out.sarif`, '-f', `junit:${dir}/junit.xml`];
    const { code, stdout } = await oasguard([
      ...args,
      '-f',
      `markdown:${dir}/summary.md`,
      '-f',
      `gitlab:${dir}/gl.json`,
      '-f',
      `json:${dir}/out.json`,
    ]);
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(INSECURE_TOTAL);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).runs[0].results).toHaveLength(INSECURE_TOTAL);
    expect(JSON.parse(readFileSync(join(dir, 'gl.json'), 'utf8'))).toHaveLength(INSECURE_TOTAL);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).summary.total).toBe(INSECURE_TOTAL);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<testsuites name="oasguard" tests="92" failures="10" /m);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(new RegExp(`^${INSECURE_TOTAL} problems `, 'm'));
  });

  test("--sarif-category sets the run's automationDetails id", async () => {
    const { stdout } = await oasguard(['lint', INSECURE, '-f', 'sarif', '--sarif-category', 'openapi/public']);
    expect(JSON.parse(stdout).runs[0].automationDetails).toEqual({ id: 'openapi/public/' });
  });

  test("a SARIF report over GitHub's 25,000 results keeps the most severe and says so on stderr", async () => {
    // 24,900 plain-http servers (errors, each its own) and 200 operations with a URL parameter each (infos).
    const servers = Array.from({ length: 24_900 }, (_, index) => ({ url: `http://h${index}.example.com` }));
    const parameter = (index: number) => ({ name: `cb${index}_url`, in: 'query', schema: { type: 'string', maxLength: 100 } });
    const operation = (index: number) => ({ parameters: [parameter(index)], responses: { '200': { description: 'OK' } } });
    const paths = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`/x${index}`, { get: operation(index) }]));
    const document = JSON.stringify({ openapi: '3.0.3', info: { title: 'Big', version: '1' }, servers, paths });
    const out = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'big.sarif');
    const { code, stderr } = await oasguard(['lint', '-', '-f', `sarif:${out}`], document);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^oasguard: warning: SARIF report keeps the 25000 most severe of 251\d\d results, the most GitHub code scanning accepts per run\.\n$/,
    );
    const { results } = JSON.parse(readFileSync(out, 'utf8')).runs[0];
    expect(results).toHaveLength(25_000);
    // Every error is kept (the servers' and the missing authentication's); the infos fill what is left.
    expect(results.filter((result: { level: string }) => result.level === 'error')).toHaveLength(24_901);
  });

  describe('--skip-non-openapi, for pre-commit', () => {
    const UNRELATED = 'fixtures/loading/not-openapi.yaml';

    test('skips named files that are not OpenAPI and lints the rest', async () => {
      const { code, stdout } = await oasguard(['lint', '--skip-non-openapi', UNRELATED, 'package.json', INSECURE]);
      expect(code).toBe(1);
      expect(stdout).not.toContain(UNRELATED);
      expect(stdout).toMatch(/in 1 document\.$/m);
    });

    test('takes hundreds of files in one call', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'oasguard-'));
      const files = Array.from({ length: 400 }, (_, index) => join(dir, `config-${index}.yaml`));
      for (const [index, file] of files.entries()) writeFileSync(file, `name: service-${index}\nreplicas: ${index % 5}\n`);
      const { code, stdout } = await oasguard(['lint', '--skip-non-openapi', ...files, SECURE]);
      expect([code, stdout]).toEqual([0, 'No problems found in 1 document.\nSecurity score: 100/100.\n']);
    });

    test('passes when no file is OpenAPI', async () => {
      expect(await oasguard(['lint', '--skip-non-openapi', UNRELATED, 'package.json', 'tsconfig.json'])).toEqual({
        code: 0,
        stdout: 'No OpenAPI documents found: nothing was linted.\n',
        stderr: '',
      });
    });

    test('still reports a broken file that looks like OpenAPI', async () => {
      const { code, stdout } = await oasguard(['lint', '--skip-non-openapi', 'fixtures/loading/truncated.json', UNRELATED]);
      expect(code).toBe(1);
      expect(stdout).toContain('parse-error');
    });
  });

  test.each([
    ['error', 0],
    ['warn', 1],
    ['hint', 1],
    ['none', 0],
  ])('--fail-severity %s with warnings only exits %i', async (severity, expected) => {
    const { code } = await oasguard(['lint', 'fixtures/loading/warnings-only.yaml', '--fail-severity', severity]);
    expect(code).toBe(expected);
  });

  test('--fail-severity none exits 0 even on errors', async () => {
    expect((await oasguard(['lint', INSECURE, '--fail-severity', 'none'])).code).toBe(0);
  });

  test('--min-score exits 1 below it, alone or with --fail-severity; the score is under the text summary', async () => {
    // The insecure example scores 8 (test/formatters/score.test.ts).
    const lenient = await oasguard(['lint', INSECURE, '--fail-severity', 'none', '--min-score', '8']);
    expect([lenient.code, lenient.stdout]).toEqual([0, expect.stringMatching(/ in 1 document\.\nSecurity score: 8\/100\.\n/)]);
    expect((await oasguard(['lint', INSECURE, '--fail-severity', 'none', '--min-score', '9'])).code).toBe(1);
    expect((await oasguard(['lint', SECURE, '--min-score', '100'])).code).toBe(0);
    // A document that could not be linted has no score, which no minimum lets through.
    const broken = await oasguard(['lint', '-', '--fail-severity', 'none', '--min-score', '0'], 'openapi: 3.0.3\npaths: [\n');
    expect([broken.code, broken.stdout]).toEqual([
      1,
      expect.stringContaining('Security score: none, as 1 document could not be linted.\n'),
    ]);
  });

  test('- reads standard input', async () => {
    const { code, stdout } = await oasguard(
      ['lint', '-', '-f', 'json'],
      readFileSync(join(REPO_ROOT, INSECURE), 'utf8').replace(/\.\/petstore-schemas/g, './fixtures/examples/petstore-schemas'),
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).files).toEqual(['<stdin>']);
  });

  test('a file that is not OpenAPI fails with a finding, not silently', async () => {
    const { code, stdout } = await oasguard(['lint', 'fixtures/loading/not-openapi.yaml']);
    expect(code).toBe(1);
    expect(stdout).toContain('1:1  error  Not an OpenAPI document: it has no "openapi" or "swagger" field.  not-openapi');
  });

  test('parse errors and unresolvable refs are findings with lines: exit 1', async () => {
    expect((await oasguard(['lint', 'fixtures/loading/truncated.json'])).stdout).toContain(
      '5:1  error  Close brace expected.  parse-error',
    );
    expect((await oasguard(['lint', 'fixtures/loading/bad-refs.yaml'])).code).toBe(1);
  });

  test.each([
    [['lint', 'no/such/file.yaml'], /^oasguard: No such file or directory: no\/such\/file\.yaml\n$/],
    [['lint'], /^oasguard: No input given\.\n {2}Pass OpenAPI files/],
    [
      ['lint', INSECURE, '--format', 'xml'],
      /^oasguard: Unknown format "xml"\.\n {2}Formats: text, json, sarif, github, junit, markdown, gitlab, html\./,
    ],
    [['lint', INSECURE, '-f', 'sarif:'], /^oasguard: No file given after "sarif:"\./],
    [['lint', INSECURE, '-f', 'json', '-f', 'sarif'], /^oasguard: Only one report can go to standard output\./],
    [['lint', INSECURE, '-f', 'json', '-f', 'sarif', '-o', 'x'], /^oasguard: -o names the file of the one format given without a file/],
    [['lint', INSECURE, '-f', 'json:x', '-f', 'sarif:x'], /^oasguard: Two reports would be written to x\./],
    [['lint', INSECURE, '--fail-severity', 'fatal'], /argument 'fatal' is invalid/],
    [['lint', INSECURE, '--min-score', '101'], /argument '101' is invalid\. Expected a whole number from 0 to 100\./],
    [['lint', INSECURE, '--bogus'], /error: unknown option '--bogus'/],
    [['lint', INSECURE, '--ruleset', 'fixtures/loading/not-openapi.yaml'], /^oasguard: Invalid ruleset .*: unknown key "name"/],
    [
      ['lint', INSECURE, '-o', '/nonexistent-dir/out.txt'],
      /^oasguard: Cannot write \/nonexistent-dir\/out\.txt: no such directory\.\n {2}Create the directory first/,
    ],
    [['frobnicate'], /error: unknown command 'frobnicate'/],
  ])('usage and I/O errors exit 2 with a message and no stack: %j', async (args, message) => {
    const { code, stdout, stderr } = await oasguard(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_FRAME);
  });
});

describe('oasguard rules', () => {
  test('-f json: the ruleset and every rule with its metadata; -f markdown: a table linking each rule to its docs', async () => {
    const json = JSON.parse((await oasguard(['rules', '-r', 'strict', '-f', 'json'])).stdout);
    expect(json.ruleset).toBe('strict');
    expect(json.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(json.rules.find((rule: { id: string }) => rule.id === 'require-https-servers')).toMatchObject({
      severity: 'error',
      owasp: 'API8:2023',
      cwe: [319],
    });
    const markdown = (await oasguard(['rules', '-f', 'markdown'])).stdout;
    expect(markdown.split('\n').slice(0, 2)).toEqual(['| Rule | Severity | OWASP 2023 | Checks that |', '| --- | --- | --- | --- |']);
    expect(markdown).toContain(
      '| [require-https-servers](https://github.com/oasguard/oasguard/blob/main/docs/rules.md#require-https-servers) | error | API8:2023 | Every server URL must use HTTPS (or WSS). |',
    );
  });

  test('lists every rule of the preset with severity, OWASP category and description', async () => {
    const { code, stdout } = await oasguard(['rules']);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header).toMatch(/^RULE +SEVERITY +OWASP +DESCRIPTION$/);
    expect(rows).toHaveLength(rules.filter((rule) => !rule.optIn).length);
    expect(stdout).not.toContain('require-string-restriction');
    expect(stdout).toMatch(/^require-https-servers +error +API8:2023 +Every server URL must use HTTPS \(or WSS\)\.$/m);
  });

  test.each([['--ruleset'], ['--preset']])('%s strict shows that preset', async (flag) => {
    expect((await oasguard(['rules', flag, 'strict'])).stdout).toMatch(/^define-429-response +error /m);
  });
});

test('--version prints the package version', async () => {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  expect(await oasguard(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

test('the README documents every lint option', async () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const options = [...(await oasguard(['lint', '--help'])).stdout.matchAll(/^ +(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
  expect(options).toEqual(expect.arrayContaining(['--format', '--sarif-category', '--skip-non-openapi']));
  for (const option of options.filter((name) => name !== '--help'))
    expect(readme).toMatch(new RegExp(`[\`,] ${option}[\` ]|\`${option}[\` ]`));
});

test('--help exits 0', async () => {
  const { code, stdout } = await oasguard(['lint', '--help']);
  expect(code).toBe(0);
  expect(stdout).toContain('--fail-severity <severity>');
});

describe('paths', () => {
  const examples = join(REPO_ROOT, 'fixtures', 'examples');

  test('SARIF, annotations, JUnit and GitLab name files from the repository root when run in a subdirectory; text from here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-'));
    const { stdout } = await runInProcess(
      [
        'lint',
        'petstore-insecure.yaml',
        '-f',
        'text',
        '-f',
        'github:' + join(dir, 'gh.txt'),
        '-f',
        `sarif:${join(dir, 'r.sarif')}`,
        '-f',
        `junit:${join(dir, 'j.xml')}`,
        '-f',
        `gitlab:${join(dir, 'gl.json')}`,
      ],
      { cwd: examples },
    );
    expect(stdout.split('\n')[0]).toBe('petstore-insecure.yaml');
    const sarif = JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8'));
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${REPO_ROOT}/`);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'fixtures/examples/petstore-insecure.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(readFileSync(join(dir, 'gh.txt'), 'utf8')).toMatch(/^::error file=fixtures\/examples\/petstore-insecure\.yaml,line=7,/m);
    expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toContain('<testsuite name="fixtures/examples/petstore-insecure.yaml"');
    expect(JSON.parse(readFileSync(join(dir, 'gl.json'), 'utf8'))[0].location.path).toBe('fixtures/examples/petstore-insecure.yaml');
  });

  test('outside any git work tree, the working directory is the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-'));
    writeFileSync(
      join(dir, 'api.yaml'),
      'openapi: 3.0.3\ninfo: {title: t, version: "1"}\nservers: [{url: "http://x.example.com"}]\npaths: {}\n',
    );
    const { stdout } = await runInProcess(['lint', 'api.yaml', '-f', 'github'], { cwd: dir });
    expect(stdout).toMatch(/^::error file=api\.yaml,line=3,/m);
  });

  test('--stdin-filepath names standard input in every report and resolves its $refs from there', async () => {
    const text = readFileSync(join(examples, 'petstore-insecure.yaml'), 'utf8');
    const { code, stdout } = await runInProcess(
      ['lint', '-', '--stdin-filepath', 'fixtures/examples/petstore-insecure.yaml', '-f', 'json'],
      {
        input: text,
      },
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files).toEqual(['fixtures/examples/petstore-insecure.yaml']);
    // The schemas file its $refs name was read, relative to the path given.
    expect(report.findings.map((finding: { file: string }) => finding.file)).toContain('fixtures/examples/petstore-schemas.yaml');
    expect(report.findings).toHaveLength(INSECURE_TOTAL);
  });
});

describe('smaller things users run into', () => {
  test('lint() takes no options: the current directory is the base', async () => {
    const { lint } = await import('../../src/index');
    expect(process.cwd()).toBe(REPO_ROOT);
    expect((await lint(['fixtures/examples/petstore-secure.yaml'])).files).toEqual(['fixtures/examples/petstore-secure.yaml']);
  });

  test('help shows each default once', async () => {
    const { stdout } = await oasguard(['lint', '--help']);
    expect(stdout).toMatch(/repeat for several\s+reports \(default: text\)\n/);
    expect(stdout).toMatch(/lint many files on this many threads \(default:\s+one per CPU core\)\n/);
    expect(stdout).not.toMatch(/\(default: \[\]\)|\) \(default:/);
  });

  test('--max-files 1 is "more than 1 file read"', async () => {
    const { stdout } = await oasguard(['lint', INSECURE, '--max-files', '1', '-f', 'json']);
    expect(JSON.parse(stdout).findings.map((finding: { message: string }) => finding.message)).toContain(
      'Cannot resolve $ref: more than 1 file read (--max-files).',
    );
  });

  test('--ruleset takes an installed npm ruleset package, JavaScript only with --allow-js-ruleset', async () => {
    const refused = await oasguard(['lint', SECURE, '-r', '@stoplight/spectral-owasp-ruleset']);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      expect.stringMatching(/is JavaScript, which oasguard runs only with --allow-js-ruleset/),
    ]);
    const loaded = await oasguard(['lint', SECURE, '-r', '@stoplight/spectral-owasp-ruleset', '--allow-js-ruleset', '-f', 'json']);
    expect(JSON.parse(loaded.stdout).findings.some((finding: { ruleId: string }) => finding.ruleId.startsWith('owasp:api'))).toBe(true);
  });

  test('every $ref to a missing file is reported, each at its own line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-'));
    const operation = (path: string, ref: string) => `  ${path}:\n    get:\n      responses:\n        "200": {$ref: "${ref}"}\n`;
    writeFileSync(
      join(dir, 'api.yaml'),
      'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n' +
        operation('/a', './missing.yaml#/A') +
        operation('/b', './missing.yaml#/B'),
    );
    const { stdout } = await runInProcess(['lint', 'api.yaml', '-f', 'json'], { cwd: dir });
    const unresolved = JSON.parse(stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'unresolved-ref');
    expect(unresolved.map((finding: { range: { start: { line: number } } }) => finding.range.start.line)).toEqual([7, 11]);
  });

  test('--exclude (repeatable) and !glob inputs leave out what directory and glob searches find; named files stay', async () => {
    const lintedWith = async (...args: string[]) => JSON.parse((await oasguard(['lint', ...args, '-f', 'json'])).stdout).files;
    expect(await lintedWith('fixtures/examples', '--exclude', '**/*-insecure.yaml')).toEqual(['fixtures/examples/petstore-secure.yaml']);
    expect(await lintedWith('fixtures/examples', '!fixtures/examples/petstore-insecure.yaml')).toEqual([
      'fixtures/examples/petstore-secure.yaml',
    ]);
    expect(await lintedWith('fixtures/examples/*.yaml', '--exclude', 'x/**', '--exclude', '**/*-secure.yaml')).toEqual([
      'fixtures/examples/petstore-insecure.yaml',
    ]);
    expect(await lintedWith(INSECURE, '--exclude', '**')).toEqual([INSECURE]);
  });
});
