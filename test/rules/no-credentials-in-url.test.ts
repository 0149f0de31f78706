import rule from '../../src/rules/no-credentials-in-url';
import { namesCredential } from '../../src/rules/support/credentials';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      name: 'a parameter reached through a percent-encoded $ref is reported where it is defined, once',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /customers/{account}:',
        '    get:',
        "      parameters: [{$ref: '#/paths/~1other~1%7Bid%7D/get/parameters/0'}]",
        '      responses: {"200": {description: ok}}',
        '  /other/{id}:',
        '    get:',
        '      parameters: [{name: access_token, in: query, schema: {type: string, maxLength: 10}}]',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [{ messageId: 'credentialInUrl', pointer: '/paths/~1other~1{id}/get/parameters/0/name', line: 10 }],
    },
    {
      name: 'real credentials stay, whatever else the operation has',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /a:',
        '    get:',
        '      parameters:',
        '        - {name: token, in: query, description: Authentication token., schema: {type: string}}',
        '        - {name: client_secret, in: query, schema: {type: string}}',
        '        - {name: hide_secret, in: query, schema: {type: boolean}}',
        '        - {name: secret_type, in: query, schema: {type: string}}',
        '        - {name: password_kind, in: query, schema: {type: string, enum: [plain, hashed]}}',
        '        - {name: api_key_count, in: query, schema: {type: integer}}',
        '        - {name: token, in: path, required: true, description: The cursor of the next page of results., schema: {type: string}}',
        '        - {name: authorization, in: path, required: true, schema: {type: string}}',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'credentialInUrl',
          pointer: '/paths/~1a/get/parameters/0/name',
          line: 7,
          message: 'The query parameter "token" carries a credential in the URL.',
        },
        { messageId: 'credentialInUrl', pointer: '/paths/~1a/get/parameters/1/name', line: 8 },
      ],
    },
    {
      // The shared Password parameter is reported once, at its definition.
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'credentialInUrl', pointer: '/paths/~1sessions~1{access_token}/parameters/0/name', line: 8 },
        { messageId: 'credentialInUrl', pointer: '/paths/~1sessions~1{access_token}/get/parameters/0/name', line: 15 },
        { messageId: 'credentialInUrl', pointer: '/components/parameters/Password/name', line: 26 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'credentialInUrl',
          pointer: '/ApiKey/name',
          line: 3,
          file: 'fixtures/rules/no-credentials-in-url/shared-parameters.yaml',
        },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'credentialInUrl', pointer: '/paths/~1token/post/parameters/0/name', line: 9 }],
    },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'credentialInUrl',
          pointer: '/paths/~1pets/query/parameters/0/content/application~1x-www-form-urlencoded/schema/properties/api_key',
          line: 16,
        },
      ],
    },
  ],
});

describe('namesCredential', () => {
  test.each([
    'password',
    'userPassword',
    'PASSWD',
    'pwd',
    'passphrase',
    'client_secret',
    'secretKey',
    'apiKey',
    'api_key',
    'api-key',
    'X-API-Key',
    'apikey',
    'access_key',
    'privateKey',
    'session_id',
    'JSESSIONID',
    'token',
    'access_token',
    'accessToken',
    'id_token',
    'refresh-token',
    'authorization',
    'credentials',
  ])('%s names a credential', (name) => {
    expect(namesCredential(name)).toBe(true);
  });

  test.each([
    'page_token',
    'pageToken',
    'nextToken',
    'next_token',
    'continuation-token',
    'cursorToken',
    'prev_token',
    'tokenCount',
    'tokens_used',
    'passport',
    'keyword',
    'key',
    'secretary',
    'author',
    'limit',
    'session',
    'id',
    // Names that describe or identify a credential, and cursors by any spelling.
    'secretName',
    'secret_type',
    'exclude_secret_types',
    'AccountSid',
    'apiKeyId',
    'credentialId',
    'passwordPolicy',
    'ContinuationToken',
    'continuation_token',
  ])('%s does not', (name) => {
    expect(namesCredential(name)).toBe(false);
  });

  test('a path parameter named authorization names an authorization object', () => {
    expect(namesCredential('authorization', 'path')).toBe(false);
    expect(namesCredential('authorization', 'query')).toBe(true);
  });
});
