import rule, { namesCredential } from '../../src/rules/no-credentials-in-url';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
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
  ])('%s does not', (name) => {
    expect(namesCredential(name)).toBe(false);
  });
});
