import rule from '../../src/rules/define-400-response';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'missing400', pointer: '/paths/~1pets/get/responses', line: 13 },
        { messageId: 'missing400', pointer: '/paths/~1pets/post/responses', line: 22 },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'missing400', pointer: '/paths/~1pets~1{id}/delete/responses', line: 14 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missing400', pointer: '/paths/~1pets/post/responses', line: 13 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'none400',
          pointer: '/paths',
          line: 5,
          message: 'None of the 2 operations that take input defines a 400, 422 or 4XX response.',
          related: ['/paths/~1pets/query', '/paths/~1pets/additionalOperations/PURGE'],
        },
      ],
    },
  ],
});
