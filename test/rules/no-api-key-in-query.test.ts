import rule from '../../src/rules/no-api-key-in-query';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml', 'pass-swagger2.yaml'],
  invalid: [
    { fixture: 'fail-oas30.yaml', findings: [{ messageId: 'inQuery', pointer: '/components/securitySchemes/queryKey/in', line: 10 }] },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        { messageId: 'inQuery', pointer: '/QueryKey/in', line: 4, file: 'fixtures/rules/no-api-key-in-query/shared-schemes.yaml' },
      ],
    },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'inQuery', pointer: '/securityDefinitions/key/in', line: 9 }] },
  ],
});
