import { parseWithPointers } from '@stoplight/yaml';
import fc from 'fast-check';
import { parseYaml } from '../../src/input/yaml-parser';

/** The library's parse with its own duplicate-key check, as oasguard used it. */
const reference = (text: string) =>
  parseWithPointers(text, { ignoreDuplicateKeys: false, mergeKeys: true, preserveKeyOrder: false, attachComments: false });

/** What must agree: the data, and the set of diagnostics (the library repeats an aliased mapping's once per alias). */
function outcome(parsed: ReturnType<typeof parseYaml>) {
  const diagnostics = [...new Set(parsed.diagnostics.map((d) => JSON.stringify([d.code, d.message, d.severity, d.range, d.path])))].sort();
  return { data: parsed.data, diagnostics };
}

describe('parseYaml gives what @stoplight/yaml gives, duplicate keys found in linear time', () => {
  it.each([
    'a: 1\na: 2\n',
    'a:\n  b: 1\n  c: 2\n  b: 3\nd: {x: 1, x: 2}\n',
    '1: a\n"1": b\n01: c\ntrue: d\n"true": e\nnull: f\n~: g\n0x10: h\n16: i\n1.0: j\n1: k\n',
    'base: &b {a: 1, a: 2}\nuse1: *b\nuse2: *b\n',
    'base: &b {a: 1}\nm:\n  <<: *b\n  <<: {c: 1}\n  a: 2\n  a: 3\n',
    '- {a: 1, a: 1}\n- [{b: 1, b: 2}]\n',
    '? [a, b]\n: 1\n? [a, b]\n: 2\n',
    'a: 1\na:\n',
  ])('%j', (text) => {
    expect(outcome(parseYaml(text))).toEqual(outcome(reference(text)));
  });

  it('on random documents with repeated keys, anchors and aliases', () => {
    const key = fc.constantFrom('a', 'b', '1', '"1"', '01', 'true', 'null', '<<', "'a'");
    const scalar = fc.constantFrom('1', 'x', 'null', '"s"');
    const document = fc
      .array(fc.tuple(key, fc.oneof(scalar, fc.array(fc.tuple(key, scalar), { maxLength: 4 }))), { minLength: 1, maxLength: 6 })
      .map((entries) =>
        entries
          .map(([name, value], index) =>
            typeof value === 'string'
              ? `${name}: ${value}\n`
              : `${name}: &n${index}\n${value.map(([k, v]) => `  ${k}: ${v}\n`).join('') || '  z: 1\n'}x${index}: *n${index}\n`,
          )
          .join(''),
      );
    fc.assert(
      fc.property(document, (text) => {
        expect(outcome(parseYaml(text))).toEqual(outcome(reference(text)));
      }),
      { numRuns: 1000 },
    );
  });
});
