import { compileSelector, select } from '../../src/engine/selectors';
import type { PathSegment } from '../../src/rules/define-rule';

function matches(expression: string, root: unknown): [unknown, PathSegment[]][] {
  const found: [unknown, PathSegment[]][] = [];
  select(root, compileSelector(expression), (node, path) => found.push([node, path]));
  return found;
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
