import rule from '../../src/rules/define-403-response';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    { fixture: 'fail-oas30.yaml', findings: [{ messageId: 'missing403', pointer: '/paths/~1pets/delete/responses', line: 10 }] },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'missing403', pointer: '/Pets/put/responses', line: 5, file: 'fixtures/rules/define-403-response/shared-paths.yaml' },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'missing403', pointer: '/paths/~1pets/get/responses', line: 10 }] },
    {
      fixture: 'fail-oas32.yaml',
      findings: [
        {
          messageId: 'none403',
          pointer: '/paths',
          line: 7,
          message: 'None of the 2 operations that require authentication defines a 403 response.',
          related: ['/paths/~1pets/query', '/paths/~1pets/additionalOperations/LOCK'],
        },
      ],
    },
  ],
});
