import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, validateSarif } from '../support/cli';

/** `git` in `dir`, as a user with a name: commits need one. */
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

/** The API of the test repository: a secure version, and one with an operation made public and an http server. */
const components = (maxLength: string) =>
  [
    'components:',
    '  securitySchemes:',
    '    key: {type: apiKey, in: header, name: X-Key}',
    '  parameters:',
    '    Id:',
    '      {name: id, in: path, required: true, schema: {type: string' + maxLength + '}}',
    '',
  ].join('\n');
const api = (servers: string[], getSecurity: string) =>
  [
    'openapi: 3.0.3',
    'info: {title: Pets, version: "1"}',
    'servers:',
    ...servers.map((url) => `  - url: ${url}`),
    'security: [{key: []}]',
    'components:',
    '  securitySchemes: {$ref: "components.yaml#/components/securitySchemes"}',
    'paths:',
    '  /pets/{id}:',
    '    get:',
    ...(getSecurity ? [`      security: ${getSecurity}`] : []),
    '      parameters: [{$ref: "components.yaml#/components/parameters/Id"}]',
    '      responses: {"200": {description: ok}, "401": {description: no}, "403": {description: no}}',
    '',
  ].join('\n');

/** A repository whose HEAD holds the secure API, with the weakened one in the work tree. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'openapi'));
  writeFileSync(join(dir, 'openapi', 'api.yaml'), api(['https://api.example.com'], ''));
  writeFileSync(join(dir, 'openapi', 'components.yaml'), components(', maxLength: 36'));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'secure');
  writeFileSync(join(dir, 'openapi', 'api.yaml'), api(['https://api.example.com', 'http://api.example.com'], '[]'));
  writeFileSync(join(dir, 'openapi', 'components.yaml'), components(''));
  return dir;
}

interface DiffJson {
  oasguardDiff: number;
  base: string;
  summary: Record<string, number>;
  documents: { before?: string; after?: string }[];
  changes: {
    kind: string;
    severity: string;
    message: string;
    before?: { file: string; line: number };
    after?: { file: string; line: number };
  }[];
  newFindings: { ruleId: string }[];
}

describe('oasguard diff (built CLI)', () => {
  test('--base REV: the work tree against the revision, refs resolved inside it, nothing in the repository touched', async () => {
    const dir = repository();
    const status = git(dir, 'status', '--porcelain');
    const index = readFileSync(join(dir, '.git', 'index'));
    // The revision's copy is written under TMPDIR and removed after.
    const temp = mkdtempSync(join(tmpdir(), 'oasguard-diff-tmp-'));
    const run = await runCli(
      dir,
      ['diff', '--base', 'HEAD', 'openapi/', '-f', 'json:diff.json', '-f', 'sarif:diff.sarif', '-f', 'markdown:diff.md'],
      {
        env: { TMPDIR: temp },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'diff.json'), 'utf8')) as DiffJson;
    expect(report.oasguardDiff).toBe(1);
    // components.yaml is no document of its own: api.yaml's refs read it.
    expect(report.documents).toEqual([{ before: 'HEAD:openapi/api.yaml', after: 'openapi/api.yaml' }]);
    expect(
      report.changes.map(({ kind, severity, message, before, after }) => [
        kind,
        severity,
        message,
        before && `${before.file}:${before.line}`,
        after && `${after.file}:${after.line}`,
      ]),
    ).toEqual([
      ['server-insecure', 'error', 'Plain http server added: http://api.example.com.', undefined, 'openapi/api.yaml:5'],
      [
        'operation-made-public',
        'error',
        'GET /pets/{id} no longer requires authentication.',
        'HEAD:openapi/api.yaml:10',
        'openapi/api.yaml:11',
      ],
      // The limit is in the referenced file, in both versions.
      [
        'limit-removed',
        'warn',
        'GET /pets/{id}: path parameter "id" lost maxLength.',
        'HEAD:openapi/components.yaml:6',
        'openapi/components.yaml:6',
      ],
    ]);
    expect(report.summary).toEqual({ regressions: 3, improvements: 0, newFindings: report.newFindings.length, fixedFindings: 0 });
    expect(report.newFindings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['require-https-servers', 'no-public-operations']),
    );
    // SARIF: the regressions and the new findings, on the new version's lines.
    const sarif = JSON.parse(readFileSync(join(dir, 'diff.sarif'), 'utf8'));
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    expect(
      results.filter((result) => result.ruleId === 'operation-made-public').map((result) => result.locations[0].physicalLocation),
    ).toEqual([
      expect.objectContaining({
        artifactLocation: expect.objectContaining({ uri: 'openapi/api.yaml' }),
        region: expect.objectContaining({ startLine: 11 }),
      }),
    ]);
    expect(results).toHaveLength(3 + report.newFindings.length);
    const markdown = readFileSync(join(dir, 'diff.md'), 'utf8');
    expect(markdown).toContain('**3 security regressions, 0 improvements**');
    expect(markdown.length).toBeLessThan(65_000);
    // Nothing changed in the repository but the reports, and the revision's copy is gone.
    expect(git(dir, 'status', '--porcelain')).toBe(`${status}?? diff.json\n?? diff.md\n?? diff.sarif\n`.replace(/^\n/, ''));
    expect(readFileSync(join(dir, '.git', 'index'))).toEqual(index);
    expect(readdirSync(temp)).toEqual([]);
  });

  test('--base between two commits, and a file only the new version has', async () => {
    const dir = repository();
    writeFileSync(join(dir, 'openapi', 'admin.yaml'), api(['https://api.example.com'], '[]'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'weakened');
    const run = await runCli(dir, ['diff', '--base', 'HEAD~1', 'openapi', '-f', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as DiffJson;
    expect(report.documents[0]).toEqual({ after: 'openapi/admin.yaml' });
    expect(
      report.changes.filter((change) => change.after?.file === 'openapi/admin.yaml').map((change) => [change.kind, change.message]),
    ).toEqual([['operation-added-unprotected', 'New operation GET /pets/{id} requires no authentication.']]);
  });

  test('text by default; exit 0 when nothing reaches --fail-severity', async () => {
    const dir = repository();
    const run = await runCli(dir, ['diff', '--base', 'HEAD', 'openapi', '--fail-severity', 'none']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('oasguard diff against HEAD: 3 security regressions, 0 improvements; 3 new findings, 0 fixed.');
    expect(run.stdout).toContain(
      '  error  operation-made-public        GET /pets/{id} no longer requires authentication.\n         openapi/api.yaml:11:9 (was HEAD:openapi/api.yaml:10:9)',
    );
  });

  test.each([
    [['diff', '--base', 'no-such-branch', 'openapi'], 'oasguard: Unknown revision "no-such-branch".'],
    [['diff', '--base', '--upload-pack=touch pwned', 'openapi'], 'oasguard: Unknown revision "--upload-pack=touch pwned".'],
    [['diff', '--base', 'HEAD', 'nowhere.yaml'], 'oasguard: No such file or directory in the work tree nor in HEAD: nowhere.yaml'],
    [['diff', 'openapi/api.yaml'], 'oasguard: Compare two versions: oasguard diff OLD NEW, or oasguard diff --base REV PATHS...'],
    [['diff', 'openapi/api.yaml', 'openapi'], 'oasguard: Compare a file with a file, or a directory with a directory.'],
    [['diff', 'openapi/api.yaml', 'openapi/components.yaml', '-f', 'html'], 'oasguard: Unknown format "html".'],
  ])('usage error, exit 2: %j', async (args, message) => {
    const dir = repository();
    const run = await runCli(dir, args);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(message);
    expect(readdirSync(dir)).not.toContain('pwned');
  });

  test('--base without git installed is a usage error that says so', async () => {
    const dir = repository();
    const run = await runCli(dir, ['diff', '--base', 'HEAD', 'openapi'], {
      env: { PATH: mkdtempSync(join(tmpdir(), 'oasguard-no-git-')) },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('oasguard: --base needs git, which is not installed.');
  });

  test('--base outside a git repository is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-diff-nogit-'));
    writeFileSync(join(dir, 'api.yaml'), api(['https://api.example.com'], ''));
    const run = await runCli(dir, ['diff', '--base', 'HEAD', 'api.yaml'], { env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oasguard: --base needs a git repository: /);
  });
});
