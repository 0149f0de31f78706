import rule from '../../src/rules/no-oauth2-password-flow';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [{ messageId: 'password', pointer: '/components/securitySchemes/oauth/flows/password', line: 15 }],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'password',
          pointer: '/OAuth/flows/password',
          line: 4,
          file: 'fixtures/rules/no-oauth2-password-flow/shared-schemes.yaml',
        },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'password', pointer: '/securityDefinitions/oauth/flow', line: 9 }] },
  ],
});
