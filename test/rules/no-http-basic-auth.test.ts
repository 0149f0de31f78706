import rule from '../../src/rules/no-http-basic-auth';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    { fixture: 'fail-oas30.yaml', findings: [{ messageId: 'basic', pointer: '/components/securitySchemes/basicAuth/scheme', line: 10 }] },
    {
      fixture: 'fail-oas31.yaml',
      findings: [{ messageId: 'basic', pointer: '/Basic/scheme', line: 3, file: 'fixtures/rules/no-http-basic-auth/shared-schemes.yaml' }],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'basic', pointer: '/securityDefinitions/basicAuth/type', line: 8 }] },
  ],
});
