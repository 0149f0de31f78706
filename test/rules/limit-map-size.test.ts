import rule from '../../src/rules/limit-map-size';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      name: 'a bare {type: object} is a map (OpenAPI 3.0); a nullable one beside a $ref, or an upload typed object, is not',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    post:',
        '      requestBody: {content: {application/json: {schema: {type: object}}}}',
        '      responses: {"201": {description: ok}}',
        '    put:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema:',
        '              type: object',
        '              additionalProperties: false',
        '              properties: {owner: {anyOf: [{$ref: "#/components/schemas/Owner"}, {type: object, nullable: true}]}}',
        '          multipart/form-data: {schema: {type: object, format: binary}}',
        '      responses: {"204": {description: ok}}',
        'components:',
        '  schemas:',
        '    Owner: {type: object, additionalProperties: false, properties: {id: {type: string, format: uuid}}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema', line: 6 }],
    },
    {
      name: 'a schema-valued unevaluatedProperties is a map (OpenAPI 3.1)',
      code: [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    post:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema: {type: object, properties: {name: {type: string}}, unevaluatedProperties: {type: string}}',
        '      responses: {"201": {description: ok}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema', line: 9 }],
    },
    {
      name: 'a bare {type: object} body parameter is a map (Swagger 2.0)',
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
      findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/0/schema', line: 6 }],
    },
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        {
          messageId: 'many',
          pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema',
          line: 11,
          message: 'The request body of POST /pets has 2 free-form object fields without maxProperties: (root), labels.',
          related: [
            '/paths/~1pets/post/requestBody/content/application~1json/schema',
            '/paths/~1pets/post/requestBody/content/application~1json/schema/properties/labels',
          ],
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/get/parameters/0/schema', line: 12 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/0/schema', line: 11 }] },
  ],
});
