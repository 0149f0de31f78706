import rule from '../../src/rules/no-authorization-header-parameter';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: [
    'pass-oas30.yaml',
    {
      name: 'an anti-forgery token, an AWS signature input, and a key header that a scheme declares',
      code: [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    post:',
        '      parameters:',
        '        - {name: X-CSRF-Token, in: header, schema: {type: string}}',
        '        - {name: X-Amz-Security-Token, in: header, schema: {type: string}}',
        '        - {name: X-API-Key, in: header, schema: {type: string}}',
        '      responses: {"201": {description: ok}}',
        'components:',
        '  securitySchemes:',
        '    key: {type: apiKey, in: header, name: x-api-key}',
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'credentials under other header names (OpenAPI 3.0)',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    get:',
        '      parameters:',
        '        - {name: X-Auth-Token, in: header, schema: {type: string}}',
        '        - {name: Api-Key, in: header, schema: {type: string}}',
        '        - {name: X-Request-Id, in: header, schema: {type: string}}',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'authorizationHeader',
          pointer: '/paths/~1pets/get/parameters/0/name',
          line: 7,
          message: 'Header parameter "X-Auth-Token" carries credentials; declare a security scheme instead.',
        },
        { messageId: 'authorizationHeader', pointer: '/paths/~1pets/get/parameters/1/name', line: 8 },
      ],
    },
    {
      name: 'a header named token (Swagger 2.0)',
      code: [
        'swagger: "2.0"',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets:',
        '    get:',
        '      parameters: [{name: token, in: header, type: string}]',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'authorizationHeader', pointer: '/paths/~1pets/get/parameters/0/name', line: 6 }],
    },
    {
      // The shared parameter is reported once, at its definition, though the path item uses it too.
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'authorizationHeader', pointer: '/paths/~1pets/get/parameters/0/name', line: 11 },
        { messageId: 'authorizationHeader', pointer: '/components/parameters/Auth/name', line: 21 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'authorizationHeader',
          pointer: '/Authorization/name',
          line: 3,
          file: 'fixtures/rules/no-authorization-header-parameter/shared-parameters.yaml',
        },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'authorizationHeader', pointer: '/paths/~1pets/get/parameters/0/name', line: 9 }],
    },
  ],
});
