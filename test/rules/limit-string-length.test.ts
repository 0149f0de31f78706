import rule from '../../src/rules/limit-string-length';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      name: 'bounded patterns and formats, binary uploads and read-only subtrees need no maxLength',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /files:',
        '    post:',
        '      requestBody:',
        '        content:',
        '          multipart/form-data:',
        '            schema:',
        '              type: object',
        '              properties:',
        '                code: {type: string, pattern: "^[\\\\da-z]{26}$"}',
        '                handle: {type: string, pattern: "^[a-z]{3,24}$"}',
        '                id: {type: string, format: int64}',
        '                country: {type: string, format: iso-3166-alpha-2}',
        '                file: {type: string, format: binary}',
        '                audit: {type: object, readOnly: true, properties: {note: {type: string}}}',
        '                slug: {type: string, pattern: "^[a-z]+$"}',
        '      responses: {"201": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'unbounded',
          pointer: '/paths/~1files/post/requestBody/content/multipart~1form-data/schema/properties/slug',
          line: 18,
        },
      ],
    },
    {
      // Pet is used by two request bodies and reported once; `format: email` does not bound a length.
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/0/schema', line: 11 },
        // The body is a shared component: its fields are one finding, at the component's definition.
        {
          messageId: 'many',
          pointer: '/components/schemas/Pet',
          line: 32,
          message: 'The request body of POST /pets has 2 string fields without maxLength, enum or bounded format: name, email.',
          related: ['/components/schemas/Pet/properties/name', '/components/schemas/Pet/properties/email'],
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/get/parameters/0/schema', line: 11 }] },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/0', line: 9 },
        { messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/1/schema/properties/name', line: 17 },
      ],
    },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'unbounded',
          pointer: '/paths/~1pets/query/parameters/0/content/application~1x-www-form-urlencoded/schema/properties/name',
          line: 16,
        },
        {
          messageId: 'unbounded',
          pointer: '/paths/~1pets/additionalOperations/LOCK/requestBody/content/application~1json/schema/properties/reason',
          line: 29,
        },
      ],
    },
  ],
});
