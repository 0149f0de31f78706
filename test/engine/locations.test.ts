import { getLocationForJsonPath, parseWithPointers } from '@stoplight/json';
import fc from 'fast-check';
import { jsonLocation } from '../../src/engine/locations';

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
    const key = fc.constantFrom('a', 'b', '0', '1', '01', '', 'x y');
    const segment = fc.oneof(key, fc.integer({ min: -1, max: 3 }));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), tie('object'), tie('array')),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
      array: fc.array(tie('value'), { maxLength: 4 }),
    }));
    const document = value.map((data) => JSON.stringify(data, null, 1));
    fc.assert(
      fc.property(document, fc.array(segment, { maxLength: 5 }), fc.boolean(), (text, path, closest) => {
        expect(jsonLocation(parse(text), path, closest)).toEqual(getLocationForJsonPath(parse(text), path, closest));
      }),
      { numRuns: 2000 },
    );
  });
});
