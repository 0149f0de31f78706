import rule from '../../src/rules/require-defined-security-schemes';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'undefinedScope', pointer: '/security/0/oauth/1', line: 6 },
        { messageId: 'undefinedScheme', pointer: '/paths/~1pets/get/security/0/jwt', line: 11 },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'undefinedScope', pointer: '/security/0/oauth/0', line: 6 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'undefinedScheme', pointer: '/security/0/apiKey', line: 6 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [{ messageId: 'undefinedScheme', pointer: '/paths/~1pets/additionalOperations/LOCK/security/0/jwt', line: 10 }],
    },
  ],
});
