import rule from '../../src/rules/limit-array-items';
import { testRule } from '../support/rule-tester';

testRule(rule, {
  valid: ['pass-oas30.yaml'],
  invalid: [
    {
      fixture: 'fail-oas30.yaml',
      findings: [
        { messageId: 'unbounded', pointer: '/paths/~1pets/post/parameters/0/schema', line: 11 },
        {
          messageId: 'unbounded',
          pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema/items/properties/tags',
          line: 25,
        },
      ],
    },
    { fixture: 'fail-oas31.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/get/parameters/0/schema', line: 11 }] },
    { fixture: 'fail-swagger2.yaml', findings: [{ messageId: 'unbounded', pointer: '/paths/~1pets/get/parameters/0', line: 9 }] },
  ],
});
