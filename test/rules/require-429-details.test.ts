import rule from '../../src/rules/require-429-details';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'missingRetryAfter', pointer: '/paths/~1pets/get/responses/429', line: 9 },
        { messageId: 'missingBody', pointer: '/paths/~1pets/get/responses/429', line: 9 },
        { messageId: 'missingBody', pointer: '/paths/~1pets/post/responses/429', line: 13 },
        { messageId: 'missingRetryAfter', pointer: '/paths/~1pets/post/responses/429/headers', line: 15 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [{ messageId: 'missingRetryAfter', pointer: '/components/responses/TooManyRequests', line: 17 }],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missingRetryAfter', pointer: '/paths/~1pets/get/responses/429', line: 9 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        { messageId: 'missingRetryAfter', pointer: '/paths/~1pets/query/responses/429', line: 9 },
        { messageId: 'missingBody', pointer: '/paths/~1pets/query/responses/429', line: 9 },
        { messageId: 'missingRetryAfter', pointer: '/paths/~1pets/additionalOperations/LOCK/responses/429', line: 14 },
        { messageId: 'missingBody', pointer: '/paths/~1pets/additionalOperations/LOCK/responses/429', line: 14 },
      ],
    },
  ],
});
