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
        // The same inline 429 response in both operations: each problem once, both places related.
        {
          messageId: 'missingRetryAfter',
          pointer: '/paths/~1pets/query/responses/429',
          line: 9,
          message: 'The 429 response declares no Retry-After header. Repeated identically in 2 places.',
          related: ['/paths/~1pets/query/responses/429', '/paths/~1pets/additionalOperations/LOCK/responses/429'],
        },
        {
          messageId: 'missingBody',
          pointer: '/paths/~1pets/query/responses/429',
          line: 9,
          related: ['/paths/~1pets/query/responses/429', '/paths/~1pets/additionalOperations/LOCK/responses/429'],
        },
      ],
    },
  ],
});
