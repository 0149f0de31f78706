import { nativeJsonPathProblem } from '../../src/config/nimma';
import { safeJsonPath, UnsafeJsonPath } from '../../src/config/safe-jsonpath';

describe('safeJsonPath: the JSONPath a data-only ruleset may use, re-written from its parse', () => {
  test.each([
    ['$.paths[*][get,put]', "$.paths[*]['get','put']"],
    ['$..parameters[*]', '$..parameters[*]'],
    ["$['a b'].c[0]", "$['a b'].c[0]"],
    ['$.paths.*~', '$.paths[*]~'],
    ["$..[?(@property === 'get')]", "$..[?((@property === 'get'))]"],
    [
      "$..parameters[?(@.in == 'query' && @.required != true)]",
      "$..parameters[?(((@ != null && @.in == 'query') && (!(@ != null) || @.required != true)))]",
    ],
    ['$..[?(@.x.y == 1)]', '$..[?((@ != null && @.x != null && @.x.y == 1))]'],
    ['$..[?(!@.deprecated)]', '$..[?(!(@ != null && @.deprecated))]'],
    ["$..[?(@['x-internal'] === true)]", "$..[?((@ != null && @['x-internal'] === true))]"],
    ['$..[?(@string() || @null())]', '$..[?((@string() || @null()))]'],
    ['#PathItem.get', '#PathItem.get'],
  ])('%s', (expression, expected) => {
    expect(safeJsonPath(expression)).toBe(expected);
    if (!expected.startsWith('#')) expect(nativeJsonPathProblem(expected)).toBeUndefined();
  });

  test.each([
    ["$..[?(@property && this.constructor.constructor('return process')())]", /names "this", which is not a literal/],
    ["$..[?(@.constructor.constructor('return 1')())]", /calls a function/],
    ['$..[?(@property.match(/^x-/))]', /has "\/\^x-\/\)", which filters may not use/],
    ['$..[?(@.a == process)]', /names "process"/],
    ['$..[?(@.a = 1)]', /has "=/],
    ["$..[?(@.a ~= 'x')]", /has "~= 'x'"/],
    ['$..[?(@.a == @.b)]', /compares two values of the document/],
    ['$..[?(@path)]', /uses "@path"/],
    ['$..[?(@.a == "x\\y")]', /has ""x\\y"", which filters may not use/],
    ['$.a[0:2]', /slices/],
    ["$['a\\b']", /the name "a\\\\b" holds quotes, backslashes/],
    ['paths', /starts with \$/],
    ['$..[', /^a syntax error at character 5$/],
  ])('%s is refused', (expression, reason) => {
    expect(() => safeJsonPath(expression)).toThrow(UnsafeJsonPath);
    expect(() => safeJsonPath(expression)).toThrow(reason);
  });

  test('filters are refused where jsonpath-plus would evaluate them', () => {
    expect(safeJsonPath('$.a[*].b', { allowFilters: false })).toBe('$.a[*].b');
    expect(() => safeJsonPath('$.a[?(@.b == 1)]', { allowFilters: false })).toThrow('filter expressions are not allowed here');
  });

  test('a guarded chain matches as optional chaining would, and never throws on missing members', () => {
    // nimma's CommonJS build, as Spectral loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Nimma = require('nimma/legacy').default;
    const expression = safeJsonPath("$.items[?(@.a.b != 'x')]");
    const hits: string[] = [];
    new Nimma([expression], { fallback: null, unsafe: false }).query(
      { items: [null, {}, { a: null }, { a: { b: 'x' } }, { a: { b: 'y' } }] },
      { [expression]: (r: { path: unknown[] }) => hits.push(r.path.join('/')) },
    );
    expect(hits).toEqual(['items/0', 'items/1', 'items/2', 'items/4']);
  });
});
