import rule, { secretIn } from '../../src/rules/no-secrets-in-examples';
import { testRule } from '../support/rule-tester';

const okContent = '/paths/~1pets/get/responses/200/content/application~1json';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
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
    ['Bearer 8f14e45fceea167a5a36dedd4bea2543abcdef', 'a bearer token'],
    ['AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'a Google API key'],
    ['rk_live_51HaBcDeFgHiJkLmNoPq', 'a Stripe secret key'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop', 'a GitHub token'],
  ])('%s is %s', (text, kind) => expect(secretIn(text)).toBe(kind));

  test.each([
    'Bearer <token>',
    'Bearer ...',
    'sk_live_xxxxxxxxxxxxxxxxxxxx',
    'YOUR_API_KEY',
    'AKIAIOSFODNN7EXAMPLE',
    'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'hello',
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
    ['Slack token', fill('xoxb-'), 'a Slack token'],
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
