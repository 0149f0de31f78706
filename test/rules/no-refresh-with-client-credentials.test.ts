import rule from '../../src/rules/no-refresh-with-client-credentials';
import { testRule } from '../support/rule-tester';

// Swagger 2.0 has no per-flow refresh URL.
testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [{ messageId: 'refreshUrl', pointer: '/components/securitySchemes/machines/flows/clientCredentials/refreshUrl', line: 13 }],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'refreshUrl',
          pointer: '/Machines/flows/clientCredentials/refreshUrl',
          line: 6,
          file: 'fixtures/rules/no-refresh-with-client-credentials/shared-schemes.yaml',
        },
      ],
    },
  ],
});
