import rule from '../../src/rules/define-401-response';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-no-security.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'missing401', pointer: '/paths/~1pets/get/responses', line: 10 },
        { messageId: 'missing401', pointer: '/paths/~1pets/delete/responses', line: 18 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'missing401', pointer: '/Pets/get/responses', line: 5, file: 'fixtures/rules/define-401-response/shared-paths.yaml' },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missing401', pointer: '/paths/~1pets/get/responses', line: 10 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'none401',
          pointer: '/paths',
          line: 7,
          message: 'None of the 2 operations that require authentication defines a 401 response.',
          related: ['/paths/~1pets/query', '/paths/~1pets/additionalOperations/LOCK'],
        },
      ],
    },
  ],
});
