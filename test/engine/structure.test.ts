import { parse } from 'yaml';
import { swagger2SemanticProblem, validateStructure } from '../../src/engine/structure';

const info = { title: 't', version: '1' };

describe('validateStructure: official schemas, one problem per node', () => {
  test.each([
    ['a valid 2.0 document', { swagger: '2.0', info, paths: {} }, []],
    ['a valid 3.0 document', { openapi: '3.0.3', info, paths: {} }, []],
    ['a valid 3.1 document with a $ref path item', { openapi: '3.1.0', info, paths: { '/x': { $ref: './p.yaml' } } }, []],
    [
      'a valid 3.2 document',
      parse(
        'openapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths:\n  /x:\n    query:\n      parameters: [{name: q, in: querystring, content: {application/json: {schema: {type: object}}}}]\n      responses: {"200": {description: ok}}\n',
      ),
      [],
    ],
    [
      '3.0: scheme Bearer in any case, with a bearerFormat',
      {
        openapi: '3.0.3',
        info,
        paths: {},
        components: { securitySchemes: { b: { type: 'http', scheme: 'Bearer', bearerFormat: 'JWT' } } },
      },
      [],
    ],
    [
      'a missing required field',
      { openapi: '3.0.3', info: { title: 't' }, paths: {} },
      [{ path: ['info'], message: '"info" property must have required property "version"' }],
    ],
    [
      'a parameter with a bad location: one problem, not one per parameter form',
      {
        openapi: '3.0.3',
        info,
        paths: { '/x': { get: { parameters: [{ name: 'a', in: 'bogus' }], responses: { '200': { description: 'ok' } } } } },
      },
      [
        {
          path: ['paths', '/x', 'get', 'parameters', '0', 'in'],
          message: '"in" property must be equal to one of the allowed values: "path", "query", "header", "cookie"',
        },
      ],
    ],
    [
      '3.0, a misspelt key in a response (a oneOf of response and reference): the key, not the missing description',
      { openapi: '3.0.3', info, paths: { '/x': { get: { responses: { '200': { descriptio: 'ok' } } } } } },
      [{ path: ['paths', '/x', 'get', 'responses', '200', 'descriptio'], message: 'Property "descriptio" is not expected to be here' }],
    ],
    [
      '3.1, the same (an if/else that picks the response form): both problems of that one form',
      { openapi: '3.1.0', info, paths: { '/x': { get: { responses: { '200': { descriptio: 'ok' } } } } } },
      [
        { path: ['paths', '/x', 'get', 'responses', '200'], message: '"200" property must have required property "description"' },
        { path: ['paths', '/x', 'get', 'responses', '200', 'descriptio'], message: 'Property "descriptio" is not expected to be here' },
      ],
    ],
    [
      'real keys in paths, not JSON pointer escapes',
      {
        openapi: '3.0.3',
        info,
        paths: {
          '/a/b': {
            get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, bogus: 1 } } } } },
          },
        },
      },
      [
        {
          path: ['paths', '/a/b', 'get', 'responses', '200', 'content', 'application/json', 'bogus'],
          message: 'Property "bogus" is not expected to be here',
        },
      ],
    ],
    [
      '3.2: a new field with a wrong type',
      parse(
        'openapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  securitySchemes:\n    k: {type: apiKey, in: header, name: K, deprecated: yes-please}\n',
      ),
      [{ path: ['components', 'securitySchemes', 'k', 'deprecated'], message: '"deprecated" property must be boolean' }],
    ],
    [
      'two problems in two places: both',
      { openapi: '3.0.3', info: { version: '1' }, paths: { x: {} } },
      [
        { path: ['info'], message: '"info" property must have required property "title"' },
        { path: ['paths', 'x'], message: 'Property "x" is not expected to be here' },
      ],
    ],
  ])('%s', (_name, document, expected) => {
    expect(validateStructure(document)).toEqual(expected);
  });

  test('documents of versions it does not validate give nothing (not-openapi reports them)', () => {
    expect(validateStructure({ openapi: '4.0.0' })).toEqual([]);
    expect(validateStructure([])).toEqual([]);
  });
});

describe("swagger2SemanticProblem: swagger-parser's Swagger 2.0 checks, placed", () => {
  test.each([
    [
      'a path parameter missing from the path',
      {
        '/x/{id}': {
          get: { parameters: [{ name: 'other', in: 'path', required: true, type: 'string' }], responses: { '200': { description: 'ok' } } },
        },
      },
      {
        path: ['paths', '/x/{id}', 'get'],
        message: '/paths/x/{id}/get has a path parameter named "other", but there is no corresponding {other} in the path string',
      },
    ],
    [
      'two body parameters',
      {
        '/x': {
          post: {
            parameters: [
              { name: 'a', in: 'body', schema: {} },
              { name: 'b', in: 'body', schema: {} },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      { path: ['paths', '/x', 'post'], message: '/paths/x/post has 2 body parameters. Only one is allowed' },
    ],
    [
      'a valid document',
      {
        '/x/{id}': {
          get: { parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }], responses: { '200': { description: 'ok' } } },
        },
      },
      undefined,
    ],
  ])('%s', (_name, paths, expected) => {
    expect(swagger2SemanticProblem({ swagger: '2.0', info, paths })).toEqual(expected);
  });

  test('a required property that does not exist, placed on its definition', () => {
    expect(
      swagger2SemanticProblem({
        swagger: '2.0',
        info,
        paths: {},
        definitions: { Pet: { type: 'object', required: ['name'], properties: { id: { type: 'string' } } } },
      }),
    ).toEqual({
      path: ['definitions', 'Pet'],
      message: "Property 'name' listed as required but does not exist in '/definitions/Pet'",
    });
  });

  test('a document it cannot read (null parameters) gives nothing: the schema check reports those', () => {
    expect(
      swagger2SemanticProblem({ swagger: '2.0', info, paths: { '/x': { get: { parameters: [null], responses: {} } } } }),
    ).toBeUndefined();
  });
});
