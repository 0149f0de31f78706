import rule from '../../src/rules/no-oauth2-implicit-flow';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [{ messageId: 'implicit', pointer: '/components/securitySchemes/oauth/flows/implicit', line: 15 }],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'implicit',
          pointer: '/OAuth/flows/implicit',
          line: 4,
          file: 'fixtures/rules/no-oauth2-implicit-flow/shared-schemes.yaml',
        },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'implicit', pointer: '/securityDefinitions/oauth/flow', line: 9 }] },
  ],
});
