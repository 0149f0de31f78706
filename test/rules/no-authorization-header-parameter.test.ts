import rule from '../../src/rules/no-authorization-header-parameter';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      // The shared parameter is reported once, at its definition, though the path item uses it too.
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'authorizationHeader', pointer: '/paths/~1pets/get/parameters/0/name', line: 11 },
        { messageId: 'authorizationHeader', pointer: '/components/parameters/Auth/name', line: 21 },
      ],
    },
    {
      fixture: 'fail-oas31.yaml',
      findings: [
        {
          messageId: 'authorizationHeader',
          pointer: '/Authorization/name',
          line: 3,
          file: 'fixtures/rules/no-authorization-header-parameter/shared-parameters.yaml',
        },
      ],
    },
    {
      fixture: 'fail-swagger2.yaml',
      findings: [{ messageId: 'authorizationHeader', pointer: '/paths/~1pets/get/parameters/0/name', line: 9 }],
    },
  ],
});
