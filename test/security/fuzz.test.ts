import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { lint, UsageError } from '../../src/index';
import { REPO_ROOT } from '../support/rule-tester';

/**
 * Property tests: whatever the input, lint() ends in a result or a UsageError, never another exception nor an
 * internal-error finding (which is how a crash on one document shows), and leaves Object.prototype alone. `npm test`
 * runs a bounded number of cases; `npm run fuzz` runs many more.
 */
const RUNS = Number(process.env.OASGUARD_FUZZ_RUNS ?? 40);
const SECURE: unknown = parse(readFileSync(join(REPO_ROOT, 'fixtures/examples/petstore-secure.yaml'), 'utf8'));

async function lintsCleanly(text: string): Promise<void> {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
  try {
    const result = await lint(['-'], { cwd: REPO_ROOT, stdin: text });
    expect(result.files).toEqual(['<stdin>']);
    expect(result.findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
  }
  expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Hostile keys mixed into generated objects. */
const key = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    'valueOf',
    '$ref',
    'openapi',
    'paths',
    'security',
    'additionalOperations',
    'query',
  ),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

/** Replaces the node at a random path of the valid spec with a random value. */
function mutate(document: unknown, path: number[], replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(document));
  let node = copy;
  for (const choice of path) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : [];
    if (keys.length === 0) break;
    const next = keys[choice % keys.length];
    if (typeof node[next] !== 'object' || node[next] === null) {
      node[next] = replacement;
      return copy;
    }
    node = node[next];
  }
  if (node && typeof node === 'object') Object.assign(node, { 'x-fuzz': replacement, [Object.keys(node)[0] ?? 'x']: replacement });
  return copy;
}

describe('fuzzing lint()', () => {
  test('random JSON and YAML values', async () => {
    await fc.assert(
      fc.asyncProperty(value, fc.boolean(), async (input, asYaml) => lintsCleanly(asYaml ? stringify(input) : JSON.stringify(input))),
      { numRuns: RUNS },
    );
  }, 120_000);

  test('random OpenAPI-shaped documents with hostile keys', async () => {
    const shaped = fc.record({
      openapi: fc.constantFrom('3.0.3', '3.1.0', '3.2.0'),
      info: value,
      paths: fc.dictionary(fc.string(), value, { maxKeys: 3 }),
      components: value,
    });
    await fc.assert(
      fc.asyncProperty(shaped, async (input) => lintsCleanly(JSON.stringify(input))),
      { numRuns: RUNS },
    );
  }, 120_000);

  test('mutations of a valid spec', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), value, fc.boolean(), async (path, replacement, asYaml) => {
        const mutated = mutate(SECURE, path, replacement);
        return lintsCleanly(asYaml ? stringify(mutated) : JSON.stringify(mutated));
      }),
      // Found by this test: a `$ref` chain ending in `$ref: []` crashed Spectral's schema validation; an object with a
      // `toString` member as the `openapi` version or as a requested scope crashed the version check and a rule.
      {
        numRuns: RUNS,
        examples: [
          [[4931621, 0, 0], { $ref: [] }, false],
          [[], { toString: [] }, false],
          [[1530100557, 0, 0], { toString: {} }, false],
        ],
      },
    );
  }, 120_000);

  test('valid specs with hostile text spliced in: escaped keys, YAML tags, tabs', async () => {
    const hostile = fc.constantFrom(
      '"\\u005f_proto__": {security: []}',
      '"\\x5F_proto__": {security: []}',
      '"has\\u004fwnProperty": 1',
      'hasOwnProperty: 1',
      'x-b: !!binary aGVsbG8=',
      'x-b: !<tag:yaml.org,2002:binary> aGVsbG8=',
      'x-t: !!timestamp 2001-12-14',
      'x-s: !!set {a: null}',
      'x-f: !foo bar',
      'x-tab:\tvalue',
      '? [a, b]\n: 1',
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(), hostile, async (at, line) => {
        const lines = stringify(SECURE).split('\n');
        const index = at % lines.length;
        const indent = /^ */.exec(lines[index])![0];
        lines.splice(index, 0, ...line.split('\n').map((part) => `${indent}${part}`));
        return lintsCleanly(lines.join('\n'));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  test('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => lintsCleanly(text)),
      { numRuns: RUNS },
    );
  }, 120_000);
});
