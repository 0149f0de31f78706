import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Oasguard from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';

// Worker threads run the compiled package, not the TypeScript sources jest loads: test the build (npm test builds it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint } = require('../../dist') as typeof Oasguard;

/** About 6.5 MB of OpenAPI: with the fixtures, over the size from which lint() starts worker threads. */
function largeSpec(): string {
  const paths = Object.fromEntries(
    Array.from({ length: 2000 }, (_, index) => [
      `/items${index}/{id}`,
      {
        get: {
          operationId: `getItem${index}`,
          description: `Item ${index}. ${'A long description, as generated descriptions have. '.repeat(60)}`,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'The item' } },
        },
      },
    ]),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'oasguard-large-')), 'large.json');
  writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: 'Large', version: '1' }, paths }));
  return file;
}
const LARGE_SPEC = largeSpec();
const SMALL_INPUTS = ['fixtures/examples', 'fixtures/suppressions', 'fixtures/loading/dir/api.yaml'];

/** A ruleset adding a rule that says which thread linted each document, and one whose function throws. */
function threadRuleset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-parallel-'));
  mkdirSync(join(dir, 'functions'));
  writeFileSync(
    join(dir, 'functions', 'thread.js'),
    "module.exports = () => [{ message: require('node:worker_threads').isMainThread ? 'main' : 'worker' }];",
  );
  writeFileSync(join(dir, 'functions', 'explode.js'), "module.exports = () => { throw new Error('boom'); };");
  const rule = (fn: string) => `    given: $.info\n    severity: info\n    then: {function: ${fn}}`;
  writeFileSync(
    join(dir, 'ruleset.yaml'),
    `extends: [oasguard:recommended]\nfunctions: [thread]\nrules:\n  linted-on:\n${rule('thread')}\n`,
  );
  writeFileSync(join(dir, 'exploding.yaml'), `functions: [explode]\nrules:\n  explodes:\n${rule('explode')}\n`);
  return dir;
}

describe('linting on worker threads', () => {
  const rulesets = threadRuleset();
  const run = (inputs: string[], jobs: number, ruleset = join(rulesets, 'ruleset.yaml')) =>
    lint(inputs, { cwd: REPO_ROOT, ruleset, allowJsRuleset: true, jobs });
  const threads = (result: Oasguard.LintResult) => [
    ...new Set(result.findings.filter((f) => f.ruleId === 'linted-on').map((f) => f.message)),
  ];
  const withoutThreads = (result: Oasguard.LintResult) => ({
    ...result,
    findings: result.findings.filter((f) => f.ruleId !== 'linted-on'),
  });

  test('gives exactly the in-process result: findings, suppressions (merged across workers), files and rules', async () => {
    const inputs = [LARGE_SPEC, ...SMALL_INPUTS];
    const [inProcess, onWorkers] = [await run(inputs, 1), await run(inputs, 2)];
    expect(threads(inProcess)).toEqual(['main']);
    // Two jobs: a worker, which gets the first file, and this thread, which lints from the second on.
    expect(threads(onWorkers).sort()).toEqual(['main', 'worker']);
    expect(withoutThreads(onWorkers)).toEqual(withoutThreads(inProcess));
    expect(onWorkers.suppressed.length).toBeGreaterThan(0);
    expect(onWorkers.findings.some((f) => f.ruleId === 'unused-suppression')).toBe(true);
  }, 120_000);

  test('stays in-process for small inputs, where starting workers would cost more than they save', async () => {
    expect(threads(await run(SMALL_INPUTS, 2))).toEqual(['main']);
  });

  test('a document that crashes the lint in a worker is an internal-error finding on it, as in-process', async () => {
    const result = await run([LARGE_SPEC, ...SMALL_INPUTS], 2, join(rulesets, 'exploding.yaml'));
    const failures = result.unlinted.filter((file) => file.reason === 'internal-error');
    expect(failures.map((file) => file.file)).toEqual(result.files);
    expect(failures[0].message).toBe(
      'oasguard could not lint this document: Error running Nimma: $.info threw: ErrorWithCause("Function \\"explode\\" threw an exception: boom").',
    );
  }, 120_000);
});
