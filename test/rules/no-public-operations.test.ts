import rule from '../../src/rules/no-public-operations';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'public', pointer: '/paths/~1pets/get/security', line: 11 },
        { messageId: 'publicWrite', pointer: '/paths/~1pets/post/security', line: 16 },
        { messageId: 'public', pointer: '/paths/~1catalog/get', line: 23 },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'publicWrite', pointer: '/paths/~1events/patch/security', line: 10 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'publicWrite', pointer: '/paths/~1pets/delete/security', line: 10 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'public', pointer: '/paths/~1pets/query/security', line: 10 },
        { messageId: 'public', pointer: '/paths/~1pets/additionalOperations/LOCK/security', line: 16 },
      ],
    },
  ],
});
