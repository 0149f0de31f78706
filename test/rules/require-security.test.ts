import rule from '../../src/rules/require-security';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'missing', pointer: '/paths/~1pets/get', line: 7 },
        { messageId: 'missing', pointer: '/paths/~1pets/post', line: 11 },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'missing', pointer: '/paths/~1pets/get', line: 8 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missing', pointer: '/paths/~1pets/get', line: 7 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'missing', pointer: '/paths/~1pets/query', line: 7 },
        { messageId: 'missing', pointer: '/paths/~1pets/additionalOperations/LOCK', line: 12 },
      ],
    },
  ],
});
