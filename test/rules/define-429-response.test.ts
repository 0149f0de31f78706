import rule from '../../src/rules/define-429-response';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    { fixture: 'fail-oas30.yaml', findings: [{ messageId: 'missing429', pointer: '/paths/~1pets/post/responses', line: 14 }] },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'missing429', pointer: '/Pets/get/responses', line: 3, file: 'fixtures/rules/define-429-response/shared-paths.yaml' },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missing429', pointer: '/paths/~1pets/get/responses', line: 8 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'missing429', pointer: '/paths/~1pets/query/responses', line: 8 },
        { messageId: 'missing429', pointer: '/paths/~1pets/additionalOperations/LOCK/responses', line: 13 },
      ],
    },
  ],
});
