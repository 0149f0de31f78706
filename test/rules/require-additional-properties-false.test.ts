import rule from '../../src/rules/require-additional-properties-false';
import { testRule } from '../support/rule-tester';

const body = '/paths/~1pets/post/requestBody/content/application~1json/schema';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-oas31.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      name: 'a bare {type: object} body is an open map (OpenAPI 3.0)',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    post:',
        '      requestBody: {content: {application/json: {schema: {type: object}}}}',
        '      responses: {"201": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'openMap',
          pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema',
          line: 6,
          message:
            'Request schema is an object that declares no properties, so it accepts any; declare them and set additionalProperties: false.',
        },
      ],
    },
    {
      name: 'a bare object field is an open map (OpenAPI 3.1, a type list)',
      code: [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    post:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema: {type: object, additionalProperties: false, properties: {meta: {type: [object, "null"]}}}',
        '      responses: {"201": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        { messageId: 'openMap', pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema/properties/meta', line: 9 },
      ],
    },
    {
      name: 'a bare {type: object} body parameter is an open map (Swagger 2.0)',
      code: [
        'swagger: "2.0"',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    post:',
        '      parameters: [{name: body, in: body, schema: {type: object}}]',
        '      responses: {"201": {description: ok}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'openMap', pointer: '/paths/~1pets/post/parameters/0/schema', line: 6 }],
    },
    {
      name: 'oneOf branches that only add constraints are not objects to close',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    post:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema:',
        '              type: object',
        '              additionalProperties: false',
        '              properties: {kind: {type: string}, name: {type: string}}',
        '              oneOf:',
        '                - required: [kind]',
        '                - {properties: {kind: {enum: [cat]}}, required: [name]}',
        '                - {properties: {extra: {type: string}}}',
        '      responses: {"201": {description: ok}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'open', pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema/oneOf/2', line: 16 }],
    },
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        // Two open schemas in one body: one finding for the body, the schemas related.
        {
          messageId: 'many',
          pointer: body,
          line: 11,
          message: 'The request body of POST /pets has 2 object schemas that accept undeclared properties: (root), tags[].',
          related: [body, `${body}/properties/tags/items`],
        },
      ],
    },
    {
      // Pet is used by three request bodies and by itself, and reported once, at its definition.
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'openComposition', pointer: '/paths/~1pets/put/requestBody/content/application~1xml/schema', line: 20 },
        { messageId: 'open', pointer: '/components/schemas/Pet', line: 38 },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'open', pointer: '/paths/~1pets/parameters/0/schema', line: 10 },
        { messageId: 'open', pointer: '/definitions/Pet', line: 25 },
      ],
    },
    {
      fixture: 'fail-external-ref.yaml',
      findings: [
        { messageId: 'open', pointer: '/Item', line: 7, file: 'fixtures/rules/require-additional-properties-false/shared-schemas.yaml' },
      ],
    },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'open', pointer: '/paths/~1pets/additionalOperations/LOCK/requestBody/content/application~1json/schema', line: 12 },
      ],
    },
  ],
});
