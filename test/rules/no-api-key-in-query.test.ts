import rule from '../../src/rules/no-api-key-in-query';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: [
    'pass-oas30.yaml',
    'pass-swagger2.yaml',
    {
      name: 'a key that is no credential (a project key)',
      code: [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /projects:',
        '    get:',
        '      parameters: [{name: key, in: query, description: The project key., schema: {type: string}}]',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a query parameter named key that takes an API key, with no scheme declaring it (OpenAPI 3.0)',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /messages:',
        '    get:',
        '      parameters:',
        '        - name: key',
        '          in: query',
        '          description: API key. Your API key identifies your project.',
        '          schema: {type: string}',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'keyParameter',
          pointer: '/paths/~1messages/get/parameters/0/name',
          line: 7,
          message: 'Query parameter "key" takes an API key, by its description: the key ends up in logs and Referer headers.',
        },
      ],
    },
    {
      name: 'a key parameter that a scheme declares is reported once, at the scheme',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /messages:',
        '    get:',
        '      parameters: [{name: key, in: query, description: Your API key., schema: {type: string}}]',
        '      responses: {"200": {description: ok}}',
        'components:',
        '  securitySchemes:',
        '    key: {type: apiKey, in: query, name: key}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'inQuery', pointer: '/components/securitySchemes/key/in', line: 10 }],
    },
    {
      name: 'the description on the schema (OpenAPI 3.1)',
      code: [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /boards:',
        '    get:',
        '      parameters: [{name: Key, in: query, schema: {type: string, description: Generate your application key}}]',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'keyParameter', pointer: '/paths/~1boards/get/parameters/0/name', line: 6 }],
    },
    {
      name: 'a key parameter in Swagger 2.0',
      code: [
        'swagger: "2.0"',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /weather:',
        '    get:',
        '      parameters: [{name: key, in: query, type: string, description: Your personal API key.}]',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'keyParameter', pointer: '/paths/~1weather/get/parameters/0/name', line: 6 }],
    },
    { fixture: 'fail-oas30.yaml', findings: [{ messageId: 'inQuery', pointer: '/components/securitySchemes/queryKey/in', line: 10 }] },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'inQuery', pointer: '/QueryKey/in', line: 4, file: 'fixtures/rules/no-api-key-in-query/shared-schemes.yaml' },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'inQuery', pointer: '/securityDefinitions/key/in', line: 9 }] },
  ],
});
