import { compileSelector, select } from '../../src/engine/selectors';
import type { PathSegment } from '../../src/rules/define-rule';

function matches(expression: string, root: unknown): [unknown, PathSegment[]][] {
  return select(root, compileSelector(expression)).map(({ node, path }) => [node, path]);
}

describe('selectors', () => {
  const document = {
    paths: {
      '/a': { parameters: [{ name: 'p' }], post: { id: 'a-post' }, get: { id: 'a-get' }, summary: 'not an operation' },
      '/b': 'not a path item',
      '/c': { trace: { id: 'c-trace' } },
    },
    components: { securitySchemes: { key: { type: 'apiKey' } } },
  };

  it.each<[string, [unknown, PathSegment[]][]]>([
    ['$', [[document, []]]],
    ['$.components.securitySchemes[*]', [[{ type: 'apiKey' }, ['components', 'securitySchemes', 'key']]]],
    // Document order, whatever the order of the choice.
    [
      '$.paths[*][get,post,trace]',
      [
        [{ id: 'a-post' }, ['paths', '/a', 'post']],
        [{ id: 'a-get' }, ['paths', '/a', 'get']],
        [{ id: 'c-trace' }, ['paths', '/c', 'trace']],
      ],
    ],
    // Array members get numeric indices; a string is not stepped into.
    ['$.paths[*].parameters[*]', [[{ name: 'p' }, ['paths', '/a', 'parameters', 0]]]],
    ['$.servers[*]', []],
  ])('%s', (expression, expected) => {
    expect(matches(expression, document)).toEqual(expected);
  });

  it('reads own members only', () => {
    expect(matches('$.constructor', {})).toEqual([]);
    expect(matches('$[toString,valueOf]', {})).toEqual([]);
  });

  it('selects once per document and expression, for every rule that asks', () => {
    const root = { paths: { '/a': { get: {} } } };
    const first = select(root, compileSelector('$.paths[*].get'));
    expect(select(root, compileSelector('$.paths[*].get'))).toBe(first);
    expect(select({ ...root }, compileSelector('$.paths[*].get'))).not.toBe(first);
  });

  it('names a member of an object, never an array index', () => {
    expect(matches('$.length', [1, 2])).toEqual([]);
  });

  it.each([
    ['paths[*]', 'Selector "paths[*]" does not start at the root ($).'],
    ['$..example', 'Selector "$..example" has an unsupported step at "..example".'],
    ['$.paths[?(@.get)]', 'Selector "$.paths[?(@.get)]" has an unsupported step at "[?(@.get)]".'],
    ["$['x']", `Selector "$['x']" has an unsupported step at "['x']".`],
  ])('refuses %s', (expression, message) => {
    expect(() => compileSelector(expression)).toThrow(message);
  });
});
