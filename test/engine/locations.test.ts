import { getLocationForJsonPath, parseWithPointers } from '@stoplight/json';
import * as StoplightYaml from '@stoplight/yaml';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { jsonLocation, yamlLocation } from '../../src/engine/locations';

const key = fc.constantFrom('a', 'b', '0', '1', '01', '', 'x y');
const segment = fc.oneof(key, fc.integer({ min: -1, max: 3 }));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.constant(null), tie('object'), tie('array')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  array: fc.array(tie('value'), { maxLength: 4 }),
}));

describe('jsonLocation gives what @stoplight/json gives', () => {
  const parse = (text: string) => parseWithPointers(text, { ignoreDuplicateKeys: false, preserveKeyOrder: false });

  it.each<[string, (string | number)[]]>([
    ['{"a": {"b": [1, {"c": 2}]}}', ['a', 'b', 1, 'c']],
    ['{"a": {"b": [1, {"c": 2}]}}', ['a', 'b', '1', 'c']],
    ['{"a": 1, "a": 2}', ['a']],
    ['{"7": "seven", "007": "bond"}', ['007']],
    ['{"": 1}', ['']],
    ['[0, 1]', ['x']],
    ['{"a": [1]}', ['a', 5, 'b']],
    ['{"a": [1]}', ['a', -1]],
  ])('%s at %j', (text, path) => {
    for (const closest of [false, true]) {
      expect(jsonLocation(parse(text), path, closest)).toEqual(getLocationForJsonPath(parse(text), path, closest));
    }
  });

  it('on random documents and paths', () => {
    const document = value.map((data) => JSON.stringify(data, null, 1));
    fc.assert(
      fc.property(document, fc.array(segment, { maxLength: 5 }), fc.boolean(), (text, path, closest) => {
        expect(jsonLocation(parse(text), path, closest)).toEqual(getLocationForJsonPath(parse(text), path, closest));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('yamlLocation gives what @stoplight/yaml gives', () => {
  const parse = (text: string) =>
    StoplightYaml.parseWithPointers(text, { ignoreDuplicateKeys: false, mergeKeys: true, preserveKeyOrder: false, attachComments: false });
  const expectSame = (text: string, path: (string | number)[], closest: boolean) =>
    expect(yamlLocation(parse(text), path, closest)).toEqual(StoplightYaml.getLocationForJsonPath(parse(text), path, closest));

  it.each<[string, (string | number)[]]>([
    ['a:\n  b:\n    - 1\n    - c: 2\n', ['a', 'b', 1, 'c']],
    ['a: 1\na: 2\n', ['a']],
    ['base: &base\n  x: 1\n  y: 2\nother:\n  <<: *base\n  y: 3\n', ['other', 'x']],
    ['base: &base\n  x: 1\nmore: &more\n  z: 2\nother:\n  <<: [*base, *more]\n  y: 3\n', ['other', 'z']],
    ['a:\nb: 1\n', ['a']],
    ['a:\nb: 1\n', ['a', 'c']],
    ['list:\n  - \n  - 2\n', ['list', 0]],
    ['list: [1, 2]\n', ['list', '']],
    ['list: [1, 2]\n', ['list', 5]],
  ])('%j at %j', (text, path) => {
    for (const closest of [false, true]) expectSame(text, path, closest);
  });

  it('on random documents and paths', () => {
    fc.assert(
      fc.property(
        value.map((data) => stringify(data)),
        fc.array(segment, { maxLength: 5 }),
        fc.boolean(),
        expectSame,
      ),
      { numRuns: 2000 },
    );
  });
});
