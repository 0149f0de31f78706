import rule, { secretIn } from '../../src/rules/no-secrets-in-examples';
import { testRule } from '../support/rule-tester';

const okContent = '/paths/~1pets/get/responses/200/content/application~1json';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      name: 'a real-looking value under a secret-named field, or of format password; placeholders are not',
      code: [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /token:',
        '    post:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema:',
        '              type: object',
        '              properties:',
        '                client_secret: {type: string, example: 9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6}',
        '                password: {type: string, format: password, example: changeme}',
        '                passphrase: {type: string, format: password, example: "Tr0ub4dor&3xQ!zV"}',
        '                secretName: {type: string, example: kR8vTq2LmZ9xWb4N}',
        '              example: {api_key: "mQ7zR2kT9vXw4LpN8bYc", user: {password: "1234567890ab"}}',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
      findings: [
        {
          messageId: 'secret',
          pointer: '/paths/~1token/post/requestBody/content/application~1json/schema/properties/client_secret/example',
          line: 12,
          message:
            'This example holds what looks like a real value of "client_secret"; use a placeholder and revoke the secret if it is real.',
        },
        {
          messageId: 'secret',
          pointer: '/paths/~1token/post/requestBody/content/application~1json/schema/properties/passphrase/example',
          line: 14,
        },
        { messageId: 'secret', pointer: '/paths/~1token/post/requestBody/content/application~1json/schema/example/api_key', line: 16 },
      ],
    },
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'secret', pointer: '/paths/~1pets/get/parameters/0/example', line: 11 },
        { messageId: 'secret', pointer: `${okContent}/schema/properties/deployKey/example`, line: 24 },
        { messageId: 'secret', pointer: `${okContent}/examples/full/value/keys/0`, line: 29 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [{ messageId: 'secret', pointer: '/components/schemas/Charge/properties/apiKey/examples/0', line: 14 }],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [
        { messageId: 'secret', pointer: '/paths/~1pets/get/parameters/0/x-example', line: 12 },
        { messageId: 'secret', pointer: '/paths/~1pets/get/parameters/1/default', line: 16 },
      ],
    },
  ],
});

describe('secretIn', () => {
  test.each([
    ['Bearer 8f14e45fceea167a5a36dedd4bea2543c9e1f07d', 'a bearer token'],
    ['AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'a Google API key'],
    ['rk_live_51HaBcDeFgHiJkLmNoPq', 'a Stripe secret key'],
    ['github_pat_11AQ7ZK3Y0hT9mWq2Lx5Rv_8bNcJpD4sFgE6uVoIaZlKt', 'a GitHub token'],
  ])('%s is %s', (text, kind) => expect(secretIn(text)).toBe(kind));

  test.each([
    'Bearer <token>',
    'Bearer ...',
    'sk_live_xxxxxxxxxxxxxxxxxxxx',
    'YOUR_API_KEY',
    'AKIAIOSFODNN7EXAMPLE',
    'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'hello',
    // Published samples and placeholders: jwt.io's token, sequential and repeated runs, readable words.
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnop',
    'sk_live_1234567890abcdefghij',
    'xoxa-access-token-string',
    'Bearer aaaaaaaaaaaaaaaaaaaaaaaa',
  ])('%s is not a secret', (text) => expect(secretIn(text)).toBeUndefined());
});

describe('every secret pattern runs in linear time on 1 MB of hostile input', () => {
  const MB = 1024 * 1024;
  const fill = (unit: string, tail = '') => unit.repeat(Math.ceil(MB / unit.length)) + tail;
  test.each([
    ['JWT: eyJ- runs', fill('eyJ-'), undefined],
    ['JWT: one long first segment', `eyJ${fill('a')}.eyJ`, undefined],
    ['JWT: many second segments', `eyJ${'a'.repeat(12)}.${fill('eyJa.')}`, undefined],
    ['private key', fill('-----BEGIN '), undefined],
    ['bearer token', `Bearer ${fill(' ')}`, undefined],
    ['bearer tokens', fill('Bearer ab '), undefined],
    ['AWS access key', fill('AKIA'), undefined],
    ['GitHub token', `ghp_${fill('a')}_`, undefined],
    ['GitHub fine-grained token', fill('github_pat_'), 'a GitHub token'],
    // A run of repeated `xoxb-` is a placeholder, not a token.
    ['Slack token', fill('xoxb-'), undefined],
    ['Stripe key', `sk_live_${fill('a')}_`, undefined],
    ['Google API key', fill('AIza'), undefined],
    ['placeholders', `Bearer ${fill('<a')}`, undefined],
  ] as [string, string, string | undefined][])(
    '%s',
    (_name, text, kind) => {
      // A backtracking pattern takes minutes on these; linear ones take milliseconds.
      expect(secretIn(text)).toBe(kind);
    },
    20_000,
  );
});
