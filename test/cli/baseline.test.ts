import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { runInProcess } from '../support/in-process';
import { validateSarif } from '../support/sarif-schema';

/** An API with two findings under the ruleset below: an http server and an operation without a 429 response. */
const API = [
  'openapi: 3.0.3',
  'info: {title: t, version: "1"}',
  'servers: [{url: "http://api.example.com"}]',
  'security: [{key: []}]',
  'paths:',
  '  /pets:',
  '    get:',
  '      responses:',
  '        "200": {description: ok}',
  'components:',
  '  securitySchemes:',
  '    key: {type: apiKey, in: header, name: X-API-Key}',
  '',
].join('\n');

const RULESET = 'rules:\n  require-https-servers: error\n  define-429-response: warn\n';

/** A project directory with the API and ruleset; returns a CLI runner in it. */
function project(files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-baseline-'));
  mkdirSync(join(dir, 'specs'));
  for (const [path, content] of Object.entries({ '.oasguard.yaml': RULESET, 'specs/api.yaml': API, ...files }))
    writeFileSync(join(dir, path), content);
  const oasguard = (args: string[], cwd = dir) => runInProcess(args, { cwd });
  const edit = (change: (text: string) => string) =>
    writeFileSync(join(dir, 'specs/api.yaml'), change(readFileSync(join(dir, 'specs/api.yaml'), 'utf8')));
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  return { dir, oasguard, edit, read };
}

describe('oasguard baseline', () => {
  test('create records the findings, sorted; lint --baseline then passes and counts them', async () => {
    const { oasguard, read } = project();
    expect(await oasguard(['baseline', 'create', 'specs'])).toEqual({
      code: 0,
      stdout: 'Baseline oasguard-baseline.json: 2 findings recorded from 1 document.\n',
      stderr: '',
    });
    const file = read('oasguard-baseline.json');
    expect(
      JSON.parse(file).entries.map((e: { rule: string; file: string; pointer: string }) => `${e.file} ${e.pointer} ${e.rule}`),
    ).toEqual(['specs/api.yaml /paths/~1pets/get/responses define-429-response', 'specs/api.yaml /servers/0/url require-https-servers']);
    // Stable: the same findings give the same bytes.
    await oasguard(['baseline', 'create', 'specs']);
    expect(read('oasguard-baseline.json')).toBe(file);
    expect(await oasguard(['lint', 'specs', '--baseline', 'oasguard-baseline.json'])).toEqual({
      code: 0,
      stdout: 'No problems found in 1 document; 2 in the baseline.\nSecurity score: 100/100.\n',
      stderr: '',
    });
  });

  test('an edit above a baselined finding keeps it baselined; changing the flagged value brings it back', async () => {
    const { oasguard, edit } = project();
    await oasguard(['baseline', 'create', '-o', 'base.json', 'specs']);
    edit((text) => text.replace('info: {title: t, version: "1"}', 'info:\n  title: t\n  description: More lines above.\n  version: "1"'));
    expect((await oasguard(['lint', 'specs', '--baseline', 'base.json'])).code).toBe(0);
    edit((text) => text.replace('http://api.example.com', 'http://api.example.org'));
    const { code, stdout } = await oasguard(['lint', 'specs', '--baseline', 'base.json', '-f', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: { ruleId: string; range: { start: { line: number } } }) => `${f.ruleId}:${f.range.start.line}`)).toEqual(
      ['require-https-servers:6'],
    );
    expect(report.summary).toMatchObject({ total: 1, baselined: 1, staleBaselineEntries: 1 });
  });

  test('fixed findings make entries stale: lint counts them, update prunes them and never adds new ones', async () => {
    const { oasguard, edit, read } = project();
    await oasguard(['baseline', 'create', 'specs']);
    edit((text) =>
      text
        .replace('http://api.example.com', 'https://api.example.com')
        .replace('"200": {description: ok}', '"200": {description: ok}\n        "429": {description: slow down}'),
    );
    edit((text) =>
      text
        .replace('/pets:', '/pets:\n    x-new: 1')
        .replace('security: [{key: []}]', 'security: [{key: []}]\nservers: [{url: "http://new.example.com"}]'),
    );
    const { stdout } = await oasguard(['lint', 'specs', '--baseline', 'oasguard-baseline.json']);
    expect(stdout).toMatch(/; 0 in the baseline; 2 baseline entries no longer found \(run `oasguard baseline update`\)\.$/m);
    expect(await oasguard(['baseline', 'update', 'specs'])).toEqual({
      code: 0,
      stdout: 'Baseline oasguard-baseline.json: 2 stale entries removed, 0 kept.\n',
      stderr: '',
    });
    expect(JSON.parse(read('oasguard-baseline.json')).entries).toEqual([]);
  });

  test('entries are relative to the baseline file, so lint may run from another directory', async () => {
    const { dir, oasguard } = project();
    await oasguard(['baseline', 'create', 'specs']);
    const { code, stdout } = await oasguard(
      ['lint', 'api.yaml', '--baseline', '../oasguard-baseline.json', '--ruleset', '../.oasguard.yaml'],
      join(dir, 'specs'),
    );
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: 'No problems found in 1 document; 2 in the baseline.\nSecurity score: 100/100.\n',
    });
  });

  test('SARIF marks baselined results unchanged and new ones new, and is valid', async () => {
    const { oasguard, edit } = project();
    await oasguard(['baseline', 'create', 'specs']);
    edit((text) => text.replace('http://api.example.com', 'http://api.example.org'));
    const log = JSON.parse((await oasguard(['lint', 'specs', '--baseline', 'oasguard-baseline.json', '-f', 'sarif'])).stdout) as Log;
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
    expect(log.runs[0].results?.map((r) => `${r.ruleId} ${r.baselineState}`)).toEqual([
      'require-https-servers new',
      'define-429-response unchanged',
    ]);
  });

  test('a finding for the whole document stays baselined as operations are added', async () => {
    const twoOperations = API.replace('paths:', 'paths:\n  /toys:\n    get:\n      responses:\n        "200": {description: ok}');
    const { oasguard, edit } = project({ 'specs/api.yaml': twoOperations });
    await oasguard(['baseline', 'create', 'specs']);
    edit((text) => text.replace('paths:', 'paths:\n  /cats:\n    get:\n      responses:\n        "200": {description: ok}'));
    const { stdout } = await oasguard(['lint', 'specs', '--baseline', 'oasguard-baseline.json', '-f', 'json']);
    const report = JSON.parse(stdout) as { findings: { ruleId: string }[]; baselined: { ruleId: string; message: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toEqual([]);
    expect(report.baselined.map((f) => f.message)).toContain('None of the 3 operations defines a 429 (Too Many Requests) response.');
  });

  test('a file that does not parse is never baselined', async () => {
    const { oasguard } = project({ 'specs/broken.yaml': 'openapi: 3.0.3\npaths: [\n' });
    await oasguard(['baseline', 'create', 'specs']);
    const { code, stdout } = await oasguard(['lint', 'specs', '--baseline', 'oasguard-baseline.json', '-f', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['parse-error']);
  });

  test.each([
    [{}, 'missing.json', 'oasguard: Cannot read baseline missing.json: ENOENT.\n  Create one with `oasguard baseline create`.\n'],
    [{ 'bad.json': '{' }, 'bad.json', /^oasguard: Invalid baseline bad\.json: not JSON \(.+\)\.\n/],
    [
      { 'bad.json': '{"entries": []}' },
      'bad.json',
      /^oasguard: Invalid baseline bad\.json: expected \{"oasguardBaseline": 1, "entries": \[\.\.\.\]\}\.\n/,
    ],
    [
      { 'bad.json': '{"oasguardBaseline": 1, "entries": [{"file": "a"}]}' },
      'bad.json',
      /^oasguard: Invalid baseline bad\.json: entries\[0\] must have string "file", "pointer", "rule" and "hash"\.\n/,
    ],
  ])('a bad baseline is a usage error (exit 2): %j', async (files, baseline, message) => {
    const { oasguard } = project(files);
    const result = await oasguard(['lint', 'specs', '--baseline', baseline]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
